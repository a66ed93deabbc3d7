/**
 * A layout seen from above as an SVG document (text): facilities in their legend colours, AGV lanes with their
 * direction, handover, parking and charging bays, truck routes dashed, the border. For reports (printed by the
 * browser) and for looking at a generated layout from the command line. North is up; one SVG unit is one pixel.
 *
 * @example
 *   const svg = layoutSvg(scene, { widthPx: 900, focus: 'VN' }); // the Vietnamese side's AGV area
 */
import { footprintCorners } from './geometry';
import { KIND_COLOUR } from './kindColour';
import { pointsBounds } from './sceneBounds';
import type { Scene, Vec2 } from './sceneSchema';

export interface LayoutSvgOptions {
  readonly widthPx: number;
  /** At most this tall: a drawing that would be taller is scaled down to it, narrower than `widthPx` then. */
  readonly maxHeightPx?: number;
  /** Frame one side's AGV area (its yards, cranes, charging and lanes) or the whole scene. */
  readonly focus?: 'VN' | 'CN' | 'all';
  /** A title drawn in the top-left corner (escaped). */
  readonly caption?: string;
  /** Put before the ids inside the drawing (its arrow marker), so that several drawings can share one HTML page. */
  readonly idPrefix?: string;
}

/** Colours of the lane nodes by role: handover bays (load, unload), charging and parking bays. */
export const ROLE_COLOUR = { load: '#f97316', unload: '#3b82f6', charge: '#22c55e', park: '#64748b' } as const;
/** What makes a side's AGV area: its yards, their cranes and the charging area. */
export const AGV_KINDS: ReadonlySet<string> = new Set(['import-storage', 'export-storage', 'crane', 'agv-charging']);

/** Text as SVG/XML character data: never markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function focusPoints(scene: Scene, focus: 'VN' | 'CN' | 'all'): Vec2[] {
  if (focus === 'all') return [...scene.facilities.flatMap((f) => footprintCorners(f.footprint)), ...scene.lanes.nodes.map((n) => n.position)];
  const area = scene.facilities.filter((f) => f.side === focus && AGV_KINDS.has(f.kind));
  const corners = area.flatMap((f) => footprintCorners(f.footprint));
  if (corners.length === 0) return focusPoints(scene, 'all');
  const box = pointsBounds(corners, 120);
  const inside = (p: Vec2) => p[0] >= box.minE && p[0] <= box.maxE && p[1] >= box.minN && p[1] <= box.maxN;
  return [...corners, ...scene.lanes.nodes.map((n) => n.position).filter(inside)];
}

export function layoutSvg(scene: Scene, o: LayoutSvgOptions): string {
  const b = pointsBounds(focusPoints(scene, o.focus ?? 'all'), 30);
  const scale = Math.min(o.widthPx / (b.maxE - b.minE), (o.maxHeightPx ?? Infinity) / (b.maxN - b.minN));
  const widthPx = scale * (b.maxE - b.minE) < o.widthPx ? Math.ceil(scale * (b.maxE - b.minE)) : o.widthPx;
  const heightPx = Math.ceil((b.maxN - b.minN) * scale);
  const x = (e: number) => ((e - b.minE) * scale).toFixed(1);
  const y = (n: number) => ((b.maxN - n) * scale).toFixed(1);
  const pts = (ps: readonly Vec2[]) => ps.map((p) => `${x(p[0])},${y(p[1])}`).join(' ');
  const at = new Map(scene.lanes.nodes.map((n) => [n.id, n.position]));
  const laneWidth = Math.max(0.6, 1.2 * scale);
  const arrow = `${o.idPrefix ?? ''}arrow`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" font-family="sans-serif">`,
    `<defs><marker id="${escapeXml(arrow)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3" markerHeight="3" orient="auto-start-reverse">` +
      '<path d="M0,0 L10,5 L0,10 z" fill="#0f172a"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#f8fafc"/>`,
    `<polyline points="${pts(scene.zone.border.line)}" fill="none" stroke="#dc2626" stroke-width="2" stroke-dasharray="8 4"/>`,
  ];
  const order = [
    'road',
    'truck-holding',
    'import-storage',
    'export-storage',
    'agv-charging',
    'admin-building',
    'scanner-bay',
    'barrier',
    'crane',
    'camera',
  ];
  const facilities = [...scene.facilities].sort((p, q) => order.indexOf(p.kind) - order.indexOf(q.kind));
  for (const f of facilities) {
    const crane = f.kind === 'crane';
    out.push(
      `<polygon points="${pts(footprintCorners(f.footprint))}" fill="${KIND_COLOUR[f.kind]}" fill-opacity="${crane ? 0.35 : f.kind === 'road' ? 0.25 : 0.55}" stroke="${KIND_COLOUR[f.kind]}" stroke-width="1"><title>${escapeXml(f.name?.en ?? f.id)}</title></polygon>`,
    );
  }
  for (const r of scene.truckRoutes)
    out.push(`<polyline points="${pts(r.points)}" fill="none" stroke="#334155" stroke-width="1" stroke-dasharray="4 3"/>`);
  for (const e of scene.lanes.edges) {
    const a = at.get(e.from);
    const c = at.get(e.to);
    if (!a || !c) continue;
    out.push(
      `<line x1="${x(a[0])}" y1="${y(a[1])}" x2="${x(c[0])}" y2="${y(c[1])}" stroke="#0f172a" stroke-width="${laneWidth.toFixed(1)}" marker-end="url(#${escapeXml(arrow)})"/>`,
    );
  }
  const r = Math.max(2, 4 * scale);
  for (const n of scene.lanes.nodes) {
    if (n.role === 'waypoint' || n.role === undefined) continue;
    out.push(
      `<circle cx="${x(n.position[0])}" cy="${y(n.position[1])}" r="${r.toFixed(1)}" fill="${ROLE_COLOUR[n.role]}" stroke="#0f172a" stroke-width="0.5"/>`,
    );
  }
  const barM = [50, 100, 200, 500, 1000].find((m) => m * scale >= widthPx / 8) ?? 1000;
  out.push(
    `<g transform="translate(12,${heightPx - 14})"><rect width="${(barM * scale).toFixed(1)}" height="4" fill="#0f172a"/>` +
      `<text y="-4" font-size="11" fill="#0f172a">${barM} m</text></g>`,
  );
  if (o.caption) out.push(`<text x="12" y="20" font-size="14" font-weight="bold" fill="#0f172a">${escapeXml(o.caption)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
