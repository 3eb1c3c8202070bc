/// The annotated configuration of the sample hotline, written by `hotline samples` beside the inputs.
enum SampleConfiguration {
    static let yaml = """
        # hotline configuration for the bundled sample hotline. docs/CONFIG.md lists every setting and its default;
        # command-line flags override what this file says. Use it with: hotline report samples --config samples/hotline.yaml

        time_zone: Asia/Shanghai          # local days, hours and intervals (default: the machine's zone)
        source_time_zone: Asia/Shanghai   # timestamps written without an offset (default: time_zone)
        interval_minutes: 30              # 15, 30 or 60
        service_level:
          threshold_seconds: 20           # answered within this counts towards service level
          target: 80%                     # a fraction (0.8) or a percentage
        short_abandon_seconds: 5          # abandons under this are short: reported, left out of the rates
        repeat_window_hours: 72           # a caller back within this after an answered call ended makes it a repeat
        satisfied_score: 4                # CSAT scores at or above this are satisfied
        mask_callers: true                # mask caller numbers in rejects (all but the last four digits)

        categories:
          replace_defaults: false         # false: these rules first, then the built-in taxonomy; true: only these
          rules:                          # first match wins; words match case-insensitively, Chinese as substrings
            - field: label                # label (the category column), ivr_path or queue
              match: [快递, courier, 物流]
              category: other
              subcategory: delivery
            - field: label
              pattern: "app ?crash|闪退"   # a regular expression instead of words
              category: other
              subcategory: product

        calls_csv:                        # other CSV exports mapped onto the native call log
          columns: {}                     # native column: the export's header, e.g.  call_id: "Call ID"
          outcomes: {}                    # the export's word: answered, abandoned, timeout, transferred or callback
          directions: {}                  # the export's word: inbound or outbound

        """
}
