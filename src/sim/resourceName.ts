/**
 * Resources as people name them, in both languages, from the scene: the KPIs key utilisation and the bottleneck
 * by id (`vn-export-crane-1`, `agv-fleet`), which is what a program needs and not what an engineer says. A
 * facility goes by its own `name` when the scene gives one, else by its kind and a number counted in scene order
 * ("export crane 1"; the side added where the kind is on both sides: "export crane 1 (CN)"). A yard's id stands
 * for its truck loading slots, so it is named as such.
 *
 * @example
 *   resourceName(scene, 'agv-fleet').en; // 'AGV fleet'
 *   resourceName(scene, 'vn-export-crane-1').vi; // 'Cẩu giàn tự động bãi xuất 1' (the scene's own name)
 *   resourceName(unnamed, 'crane-b').en; // 'export crane 2'
 */
import type { Facility, Scene } from '../domain/sceneSchema';

export interface Bilingual {
  readonly en: string;
  readonly vi: string;
}

export const AGV_FLEET = 'agv-fleet';
export const AGV_LANES = 'agv-lanes';

const FLEET: Bilingual = { en: 'AGV fleet', vi: 'Đội AGV' };
const LANES: Bilingual = { en: 'AGV lanes (waiting for other AGVs)', vi: 'Làn AGV (chờ AGV khác)' };
const SLOTS: Bilingual = { en: 'truck loading slots', vi: 'vị trí xếp dỡ xe tải' };
const SIDE: Record<Facility['side'], Bilingual> = { VN: { en: 'VN', vi: 'VN' }, CN: { en: 'CN', vi: 'TQ' } };

/** What a facility of no name is called: its kind, and for cranes and barriers what they do. */
function noun(scene: Scene, f: Facility): Bilingual {
  switch (f.kind) {
    case 'crane': {
      const yard = scene.facilities.find((y) => y.id === f.serves)?.kind;
      if (yard === 'export-storage') return { en: 'export crane', vi: 'cẩu bãi xuất' };
      if (yard === 'import-storage') return { en: 'import crane', vi: 'cẩu bãi nhập' };
      return { en: 'crane', vi: 'cẩu' };
    }
    case 'barrier':
      return f.direction === 'entry' ? { en: 'entry barrier', vi: 'barie vào' } : { en: 'exit barrier', vi: 'barie ra' };
    case 'scanner-bay':
      return { en: 'scanner', vi: 'máy soi' };
    case 'import-storage':
      return { en: 'import yard', vi: 'bãi nhập' };
    case 'export-storage':
      return { en: 'export yard', vi: 'bãi xuất' };
    case 'agv-charging':
      return { en: 'AGV charging area', vi: 'khu sạc AGV' };
    case 'truck-holding':
      return { en: 'truck holding area', vi: 'bãi chờ xe tải' };
    case 'road':
      return { en: 'road', vi: 'đường' };
    case 'camera':
      return { en: 'camera', vi: 'camera' };
    case 'admin-building':
      return { en: 'building', vi: 'nhà làm việc' };
  }
}

/** A facility's own name, else its kind and number ("export crane 1", "export crane 1 (CN)"). */
export function facilityName(scene: Scene, f: Facility): Bilingual {
  if (f.name) return { en: f.name.en, vi: f.name.vi };
  const n = noun(scene, f);
  const same = scene.facilities.filter((g) => noun(scene, g).en === n.en);
  const mine = same.filter((g) => g.side === f.side);
  const number = mine.indexOf(f) + 1;
  const bothSides = same.some((g) => g.side !== f.side);
  const side = (lang: keyof Bilingual) => (bothSides ? ` (${SIDE[f.side][lang]})` : '');
  return { en: `${n.en} ${number}${side('en')}`, vi: `${n.vi} ${number}${side('vi')}` };
}

/** The name of a resource the KPIs key by `id`: the AGV fleet or lanes, a facility, a yard's loading slots. */
export function resourceName(scene: Scene, id: string): Bilingual {
  if (id === AGV_FLEET) return FLEET;
  if (id === AGV_LANES) return LANES;
  const f = scene.facilities.find((x) => x.id === id);
  if (!f) return { en: id, vi: id };
  const name = facilityName(scene, f);
  if (f.kind === 'import-storage' || f.kind === 'export-storage') return { en: `${name.en}: ${SLOTS.en}`, vi: `${name.vi}: ${SLOTS.vi}` };
  return name;
}
