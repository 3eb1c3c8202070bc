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
          abandonment_target: 8%          # abandonment above this is off target (default: none)
          queues:                         # a queue's own targets over the ones above (what it leaves out is theirs)
            vip: {threshold_seconds: 10, target: 90%, abandonment_target: 2%}
          categories: {}                  # the same per category, for calls of queues without their own
        short_abandon_seconds: 5          # abandons under this are short: reported, left out of the rates
        repeat_window_hours: 72           # a caller back within this after an answered call ended makes it a repeat
        satisfied_score: 4                # CSAT scores at or above this are satisfied
        mask_callers: true                # mask caller numbers in rejects (all but the last four digits)
        language: zh-CN                   # text and HTML reports in Chinese (--lang en for English); JSON and CSV stay English

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

        ivr:                              # the menus, as the PBX formats tell them (queue_log, Asterisk CDR, FreeSWITCH)
          self_service: [余额, 交易记录]    # where a caller who reached no queue was served (else: hung up in the menus)
          contexts: {}                    # Asterisk contexts that are menus besides FreePBX's ivr-N, e.g. {my-menu: 主菜单}
          freeswitch:                     # the channel variables that carry the menus
            path_variable: ivr_path       # the path, nodes separated by >
            status_variable: ivr_menu_status
            digits_variable: digits_dialed
            self_service_statuses: [success]

        tickets:
          business_hours:                 # the back office's hours: reply and resolution times count only these
            days: [mon, tue, wed, thu, fri]
            start: "09:00"
            end: "18:00"
          holidays: []                    # local dates not worked, e.g. [2026-10-01, 2026-10-02]
          sla:                            # first match wins; a ticket no target matches is out of the breach rate
            - category: complaint
              priority: urgent
              first_reply_minutes: 30     # business minutes
              resolution_minutes: 240
            - priority: urgent
              first_reply_minutes: 30
              resolution_minutes: 480
            - priority: high
              first_reply_minutes: 60
              resolution_minutes: 960     # two working days
            - priority: normal
              first_reply_minutes: 240
              resolution_minutes: 1620    # three working days
            - priority: low
              first_reply_minutes: 480
              resolution_minutes: 2700
          csv:
            columns: {}                   # ticket field: the export's header, e.g.  created_at: "提交时间"
          xml:
            elements: {}                  # ticket field: the export's element name
          statuses: {}                    # the export's word: new, open, pending, hold, solved, closed or deleted
          priorities: {}                  # the export's word: urgent, high, normal, low or none

        # The cron job (hotline nightly --config FILE): where the exports land, the store, the reports. Relative paths
        # are relative to this file. scripts/nightly-e2e runs it over these samples.
        # nightly:
        #   inbox: [/srv/exports/calls, /srv/exports/zendesk]
        #   store: /var/lib/hotline/hotline.sqlite
        #   output: /var/www/hotline
        #   export: /srv/warehouse/hotline   # optional: each derived day as `hotline export` writes it (docs/EXPORT.md)
        #   retention_days: 90

        """
}
