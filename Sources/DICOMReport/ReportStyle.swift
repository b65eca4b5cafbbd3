/// The page's style sheet, inline: system fonts, a dark header with the totals, white study
/// panels whose header sticks to the top while their series scroll past, and a grid of series
/// cards sized for the thumbnails. `content-visibility: auto` lets a browser skip laying out
/// the studies off screen, which keeps a page of 1,000 studies quick to open.
enum ReportStyle {
    /// The CSS for thumbnails of `thumbnailSize` pixels (the cards show them at that size, at
    /// most 256 and at least 96 CSS pixels).
    static func css(thumbnailSize: Int) -> String {
        let thumb = max(96, min(256, thumbnailSize))
        return """
        :root {
          --thumb: \(thumb)px;
          --bg: #eef1f5; --panel: #ffffff; --ink: #172033; --muted: #5b6578; --faint: #8a93a6;
          --line: #dde2ea; --accent: #1f5fd1; --accent-soft: #e7eefc; --bad: #b42318; --bad-soft: #fde8e6;
          --image: #07090d;
        }
        * { box-sizing: border-box; }
        html { background: var(--bg); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Helvetica Neue", Arial, sans-serif; }
        body { margin: 0; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .page-head { background: linear-gradient(180deg, #17233b, #111a2c); color: #fff; padding: 28px 40px 26px; }
        .page-head h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
        .sources { margin: 0 0 20px; color: #9fb0cc; font-size: 13px; overflow-wrap: anywhere;
          font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .totals { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
        .totals div { background: rgba(255, 255, 255, 0.07); border: 1px solid rgba(255, 255, 255, 0.09);
          border-radius: 10px; padding: 9px 16px 10px; min-width: 112px; }
        .totals dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.08em; color: #9fb0cc; }
        .totals dd { margin: 0; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .totals .quiet dd { color: #c9d3e4; }
        .totals .bad { background: rgba(255, 120, 100, 0.14); border-color: rgba(255, 120, 100, 0.3); }
        .totals .bad dd { color: #ffb4a8; }
        main { max-width: 1440px; margin: 0 auto; padding: 24px 40px 40px; }
        .empty { color: var(--muted); }
        .index { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; margin: 0 0 24px; }
        .index summary { cursor: pointer; padding: 12px 20px; font-weight: 600; }
        .index table { width: 100%; border-collapse: collapse; font-size: 13px; }
        .index th, .index td { text-align: left; padding: 6px 20px; border-top: 1px solid var(--line); vertical-align: top; }
        .index th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .index th.num, .index td.num { text-align: right; }
        .nowrap { white-space: nowrap; }
        .study { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; margin: 0 0 22px;
          box-shadow: 0 1px 2px rgba(16, 24, 40, 0.05); content-visibility: auto; contain-intrinsic-size: auto 380px; }
        .study-head { position: sticky; top: 0; z-index: 2; background: rgba(255, 255, 255, 0.97);
          border-bottom: 1px solid var(--line); border-radius: 12px 12px 0 0; padding: 14px 20px 12px; }
        .study-head .title { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; }
        .study-head h2 { margin: 0; font-size: 19px; font-weight: 650; letter-spacing: -0.005em; overflow-wrap: anywhere; }
        .modalities { margin: 0; white-space: nowrap; }
        .modalities .badge { margin-left: 4px; }
        .patient { margin: 4px 0 6px; color: var(--muted); overflow-wrap: anywhere; }
        .patient .name { color: var(--ink); font-weight: 600; }
        .patient .name-other { color: var(--ink); }
        .patient .unknown { font-style: italic; font-weight: 400; color: var(--muted); }
        .pid { display: inline-block; margin-left: 4px; padding: 0 7px; border-radius: 6px; background: #f0f2f6;
          color: var(--ink); font-size: 13px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .pid .issuer { color: var(--faint); }
        .sep { color: var(--faint); padding: 0 2px; }
        .facts { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 0; font-size: 13px; }
        .facts dt { display: inline; color: var(--faint); }
        .facts dd { display: inline; margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--accent-soft);
          color: #1849a9; font-size: 11px; font-weight: 700; letter-spacing: 0.05em; vertical-align: 1px; }
        .series-grid { list-style: none; margin: 0; padding: 16px 20px 20px; display: grid; gap: 14px;
          grid-template-columns: repeat(auto-fill, minmax(calc(var(--thumb) + 56px), 1fr)); }
        .series { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; background: var(--panel);
          display: flex; flex-direction: column; }
        .thumb { height: calc(var(--thumb) + 20px); padding: 10px; background: var(--image); display: flex;
          align-items: center; justify-content: center; }
        .thumb img { display: block; width: 100%; height: 100%; object-fit: contain; }
        .thumb.none { flex-direction: column; gap: 2px; color: var(--muted); font-size: 12px;
          background: repeating-linear-gradient(135deg, #f3f5f8 0 10px, #eceff4 10px 20px); }
        .thumb.none b { font-size: 22px; font-weight: 700; color: #9aa3b5; letter-spacing: 0.04em; }
        .series-body { padding: 8px 11px 10px; font-size: 13px; }
        .series-title { margin: 0 0 2px; font-weight: 600; overflow-wrap: anywhere; }
        .series-title .number { color: var(--faint); font-weight: 500; font-variant-numeric: tabular-nums; }
        .series-meta { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
        .problems { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 4px 20px 18px; }
        .problems h2 { font-size: 17px; margin: 18px 0 6px; }
        .problems h2 .count { display: inline-block; min-width: 24px; padding: 0 8px; border-radius: 999px; text-align: center;
          background: #eef1f5; color: var(--muted); font-size: 13px; vertical-align: 2px; }
        .problems h2.bad .count { background: var(--bad-soft); color: var(--bad); }
        .note { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
        .table-wrap { overflow-x: auto; }
        table.list { width: 100%; border-collapse: collapse; font-size: 13px; }
        table.list th { text-align: left; color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase;
          letter-spacing: 0.05em; padding: 6px 10px; border-bottom: 1px solid var(--line); }
        table.list td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.list th.num { text-align: right; }
        table.list tr:last-child td { border-bottom: 0; }
        td.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px;
          overflow-wrap: anywhere; }
        footer { color: var(--faint); font-size: 12px; text-align: center; padding: 0 40px 32px; }
        @media (max-width: 700px) {
          .page-head, main { padding-left: 16px; padding-right: 16px; }
          .study-head .title { flex-direction: column; gap: 4px; }
        }
        @media print {
          html { background: #fff; }
          .study-head { position: static; }
          .study { content-visibility: visible; break-inside: avoid; box-shadow: none; }
          .index { display: none; }
        }

        """
    }
}
