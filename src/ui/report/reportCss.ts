/**
 * The report's style sheet, inline in the page: A4 pages with their numbers in the margin, a page per section,
 * the machine's own fonts (DejaVu on Debian carries the Vietnamese letters; nothing is fetched), colours kept when
 * printed. On screen the pages are shown as sheets with a Print button above them.
 */
export const REPORT_CSS = `
@page {
  size: A4;
  margin: 14mm 13mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #64748b; }
}
* { box-sizing: border-box; }
html { color-scheme: light; }
body {
  margin: 0; background: #cbd5e1; color: #0f172a;
  font: 10pt/1.4 "DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.toolbar { display: flex; gap: 1rem; align-items: center; justify-content: center; padding: 0.8rem; }
.toolbar button { font: inherit; font-weight: bold; padding: 0.45rem 1rem; border: 1px solid #0369a1; border-radius: 0.3rem; background: #0369a1; color: #fff; cursor: pointer; }
.toolbar span { color: #334155; font-size: 9pt; }
.page { width: 210mm; min-height: 297mm; margin: 0 auto 8mm; padding: 14mm 13mm 16mm; background: #fff; box-shadow: 0 1px 6px rgba(15, 23, 42, 0.3); }
h1 { margin: 0 0 2mm; font-size: 19pt; line-height: 1.2; }
h2 { margin: 0 0 2mm; font-size: 14pt; color: #0c4a6e; border-bottom: 1.5px solid #0c4a6e; padding-bottom: 1mm; }
h3 { margin: 4mm 0 1mm; font-size: 10.5pt; }
h2, h3 { break-after: avoid; }
.note { margin: 0 0 3mm; color: #475569; font-size: 9pt; }
dl.meta { display: grid; grid-template-columns: auto 1fr; gap: 0.5mm 4mm; margin: 0 0 5mm; font-size: 9.5pt; }
dl.meta dt, dl.figures dt { color: #475569; }
dl.meta dd, dl.figures dd { margin: 0; }
.headline { margin: 0 0 4mm; padding: 3mm 4mm; border-left: 2mm solid #dc2626; background: #fef2f2; }
.headline.reached { border-left-color: #16a34a; background: #f0fdf4; }
.headline.unsure { border-left-color: #d97706; background: #fffbeb; }
.headline .label { font-size: 9.5pt; color: #334155; }
.headline .value { font-size: 26pt; font-weight: bold; line-height: 1.15; }
.headline .interval { font-size: 12pt; font-weight: bold; margin-left: 2mm; }
.headline p { margin: 1mm 0 0; }
.headline .reach { font-weight: bold; }
dl.figures { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
.caveats { margin: 0 0 4mm; padding: 2mm 4mm; border-left: 2mm solid #ca8a04; background: #fefce8; font-size: 9pt; }
.caveats h3 { margin: 0 0 1mm; }
.caveats ul { margin: 0; padding-left: 5mm; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 0 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; color: #334155; border-bottom: 1px solid #64748b; padding: 1mm 1.5mm; vertical-align: bottom; }
td { border-bottom: 1px solid #e2e8f0; padding: 0.8mm 1.5mm; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.params { width: auto; min-width: 60%; }
table.params th, table.params td { font-size: 9.5pt; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
table.params td { padding-left: 8mm; }
table.assumptions td:first-child { width: 30%; }
table.assumptions td.value { width: 22%; font-variant-numeric: tabular-nums; }
td.source { color: #334155; }
tr.answer-row td { background: #fef3c7; font-weight: bold; }
figure { margin: 0; }
figure.chart { break-inside: avoid; }
.chart-svg { display: block; width: 100%; height: auto; font-family: inherit; }
ul.legend { display: flex; flex-wrap: wrap; gap: 0.5mm 4mm; list-style: none; margin: 1mm 0 2mm; padding: 0; font-size: 8pt; color: #334155; }
ul.legend li { display: flex; align-items: center; gap: 1.2mm; }
.drawings { display: flex; gap: 4mm; justify-content: center; }
.drawings.square, .drawings.alone { flex-direction: column; align-items: center; }
.drawings .sides { display: flex; gap: 4mm; justify-content: center; }
.drawings.tall .sides { flex-direction: column; }
.drawing svg { display: block; max-width: 100%; height: auto; border: 1px solid #cbd5e1; }
.drawing figcaption { font-size: 8.5pt; color: #475569; text-align: center; margin-top: 1mm; }
.answer { margin: 1mm 0 3mm; padding: 2mm 3mm; font-weight: bold; background: #f0fdf4; border-left: 1.5mm solid #16a34a; }
.answer.missed { background: #fef2f2; border-left-color: #dc2626; }
.answer .criterion { display: block; font-weight: normal; font-size: 8.5pt; color: #334155; }
footer { margin-top: 5mm; font-size: 8pt; color: #64748b; }
@media print {
  body { background: none; }
  .toolbar { display: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .page:last-of-type { break-after: auto; }
}
`;
