/**
 * The layout from above for the report's page: the whole site and each side's AGV area (src/domain/layoutSvg),
 * sized to fit one A4 page together, with a legend of what the colours mean in the report's language. A long,
 * narrow site (1119–1120 is three times as long as it is wide) is drawn in a column beside the two sides; a
 * squarer one above them.
 */
import { KIND_COLOUR } from '../../domain/kindColour';
import { AGV_KINDS, escapeXml, layoutSvg, ROLE_COLOUR } from '../../domain/layoutSvg';
import type { Scene } from '../../domain/sceneSchema';
import { reportT, type ReportLang } from './reportStrings';

/**
 * Room on the page for the drawings, in CSS pixels: A4 less its margins is about 700 × 1000, less the heading,
 * the note and the legend. Tall: the whole site in a column at the left, the sides stacked at the right. Alone:
 * a layout without an AGV area (today's) is the whole site only.
 */
const SQUARE = { whole: { w: 700, h: 470 }, side: { w: 340, h: 360 } };
const TALL = { whole: { w: 250, h: 800 }, side: { w: 440, h: 390 } };
const ALONE = { w: 700, h: 800 };
/** A whole-site drawing narrower than this at the square arrangement's size is drawn in the tall one. */
const TALL_BELOW_PX = 420;

const widthOf = (svg: string) => Number(/\bwidth="(\d+)"/.exec(svg)![1]);

function figure(svg: string, caption: string): string {
  return `<figure class="drawing">${svg}<figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/** The drawings: the whole site, then each side's AGV area where the side has one. */
function drawings(scene: Scene, lang: ReportLang): string {
  const t = reportT(lang);
  const whole = (w: number, h: number) => figure(layoutSvg(scene, { widthPx: w, maxHeightPx: h, idPrefix: 'whole-' }), t('report.drawing.whole'));
  const sides = (['VN', 'CN'] as const).filter((side) => scene.facilities.some((f) => f.side === side && AGV_KINDS.has(f.kind)));
  if (sides.length === 0) return `<div class="drawings alone">${whole(ALONE.w, ALONE.h)}</div>`;
  const square = layoutSvg(scene, { widthPx: SQUARE.whole.w, maxHeightPx: SQUARE.whole.h });
  const tall = widthOf(square) < TALL_BELOW_PX;
  const size = tall ? TALL : SQUARE;
  const drawn = sides.map((side) =>
    figure(
      layoutSvg(scene, { widthPx: size.side.w, maxHeightPx: size.side.h, focus: side, idPrefix: `${side}-` }),
      t('report.drawing.side', { side: t(`side.${side}`) }),
    ),
  );
  return `<div class="drawings ${tall ? 'tall' : 'square'}">${whole(size.whole.w, size.whole.h)}<div class="sides">${drawn.join('')}</div></div>`;
}

/** The report's page of the layout from above: its heading, the drawings and the legend. */
export function layoutSection(scene: Scene, lang: ReportLang): string {
  const t = reportT(lang);
  const kinds = [...new Set(scene.facilities.map((f) => f.kind))];
  const roles = (Object.keys(ROLE_COLOUR) as (keyof typeof ROLE_COLOUR)[]).filter((r) => scene.lanes.nodes.some((n) => n.role === r));
  const box = (colour: string) =>
    `<svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" fill="${colour}" fill-opacity="0.7"/></svg>`;
  const dot = (colour: string) =>
    `<svg width="14" height="10" aria-hidden="true"><circle cx="7" cy="5" r="4" fill="${colour}" stroke="#0f172a" stroke-width="0.5"/></svg>`;
  const line = (colour: string, dash: string, w: number) =>
    `<svg width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${colour}" stroke-width="${w}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
  const legend = [
    ...kinds.map((k) => `<li>${box(KIND_COLOUR[k])}${escapeXml(t(`kind.${k}`))}</li>`),
    ...roles.map((r) => `<li>${dot(ROLE_COLOUR[r])}${escapeXml(t(`engineering.role.${r}`))}</li>`),
    ...(scene.lanes.edges.length > 0 ? [`<li>${line('#0f172a', '', 1.5)}${escapeXml(t('report.legend.lane'))}</li>`] : []),
    ...(scene.truckRoutes.length > 0 ? [`<li>${line('#334155', '4 3', 1)}${escapeXml(t('report.legend.truckRoute'))}</li>`] : []),
    `<li>${line('#dc2626', '8 4', 2)}${escapeXml(t('report.legend.border'))}</li>`,
  ];
  return (
    `<section class="page layout" id="layout"><h2>${escapeXml(t('report.layoutTitle'))}</h2>` +
    `<p class="note">${escapeXml(t('report.layoutNote'))}</p>${drawings(scene, lang)}<ul class="legend">${legend.join('')}</ul></section>`
  );
}
