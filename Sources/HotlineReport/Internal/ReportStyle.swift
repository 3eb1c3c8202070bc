/// The report's stylesheet, inline so the HTML file stands alone; readable on screen and on paper.
enum ReportStyle {
    static let css = """
        :root { --ink: #1d2733; --muted: #5d6b7a; --line: #dde3ea; --good: #1a8f4c; --bad: #c0392b; --card: #f6f8fa; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
               color: var(--ink); margin: 0 auto; max-width: 1040px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        p.meta { color: var(--muted); margin: 2px 0; overflow-wrap: anywhere; }
        p.alarm { background: var(--bad); color: #fff; font-weight: 600; padding: 6px 10px; border-radius: 4px; }
        .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin-top: 16px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
                min-width: 0; overflow-wrap: anywhere; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .change { font-size: 12px; color: var(--muted); }
        .card .change.good { color: var(--good); } .card .change.bad { color: var(--bad); }
        .card.miss { border-color: var(--bad); } .card.miss .value { color: var(--bad); }
        .badge { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #e6f4ec; color: var(--good); }
        .card.miss .badge { background: #fbe9e7; color: var(--bad); }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        th, td { padding: 3px 6px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
        thead th { color: var(--muted); font-weight: 600; font-size: 12px; border-bottom: 2px solid var(--line); }
        td.n, thead th + th { text-align: right; }
        tr.sub th { font-weight: normal; padding-left: 22px; color: var(--muted); }
        tr.cat th { font-weight: 600; }
        td.low { color: var(--bad); font-weight: 600; }
        .scroll { overflow-x: auto; max-width: 100%; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .grid { stroke: #edf0f3; } svg .base { stroke: #8795a1; } svg .axis { font-size: 11px; fill: var(--muted); }
        .legend { color: var(--muted); font-size: 12px; }
        .legend .sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: -1px; }
        .legend .ln { display: inline-block; width: 18px; border-top: 2px solid; margin: 0 4px 0 10px; vertical-align: 3px; }
        .legend .ln.dash { border-top-style: dashed; }
        table.heat td { text-align: center; font-size: 12px; border: 1px solid #fff; padding: 3px 2px; }
        table.heat th { text-align: center; font-size: 12px; }
        table.slmap td { padding: 0; height: 14px; min-width: 6px; border: 0 solid #fff; border-width: 0 0 1px 0; }
        table.slmap th { font-weight: normal; font-size: 11px; white-space: nowrap; }
        .quiet { color: var(--muted); }
        ul.rejects { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        .attention ol { margin: 6px 0 0; padding-left: 22px; }
        .attention li { margin: 4px 0; padding-left: 4px; border-left: 3px solid var(--bad); }
        .attention li.volume_high, .attention li.category_share { border-left-color: #d68910; }
        .attention .when { font-weight: 600; font-variant-numeric: tabular-nums; }
        .attention .detail { display: block; color: var(--muted); font-size: 13px; }
        .attention .calm { color: var(--good); }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        /* Charts are drawn 960 units wide with 11-unit text: narrower than that, the text grows in units as the
           chart shrinks, down to 640 px, below which the chart scrolls: 11 px at least at any width. */
        @media (max-width: 1040px) {
          svg.chart { min-width: 640px; }
          svg .axis { font-size: 16.5px; }
        }
        @media (max-width: 600px) {
          body { padding: 12px; }
          .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .card .value { font-size: 22px; }
        }
        @page { size: A4; margin: 12mm 11mm 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          /* Backgrounds are the meaning here (heatmaps, missed targets, swatches): print them. */
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          /* Sections flow across pages (a whole-section "avoid" pushed the exceptions or the cards to page 2 and
             left page 1 a third empty); a heading stays with what follows, rows and cards stay whole. */
          h2 { break-after: avoid; margin-top: 18px; }
          .cards, .card, tr, .attention li, svg.chart, .legend { break-inside: avoid; }
          thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
          .scroll { overflow: visible; }
          /* Page 1 holds the headline and the exceptions: six cards a row, one line per exception. */
          .cards { grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 6px; margin-top: 10px; }
          .card { padding: 5px 8px; }
          .card .value { font-size: 18px; }
          .attention li { margin: 2px 0; }
          .attention .detail { display: inline; font-size: 11px; }
          .attention .detail::before { content: " · "; }
          footer { break-inside: avoid; }
        }
        """
}
