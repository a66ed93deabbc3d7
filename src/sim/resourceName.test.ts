import { describe, expect, it } from 'vitest';
import type { Scene } from '../domain/sceneSchema';
import { resourceName } from './resourceName';
import { loadScene } from './testScenes';

const proposed = loadScene('scenes/1119-1120/proposed.json');
/** The proposed scene with no facility names: what a layout drawn in the editor has. */
const unnamed: Scene = { ...proposed, facilities: proposed.facilities.map(({ name: _, ...f }) => f) };

describe('resourceName', () => {
  it('names the AGV fleet and lanes in both languages', () => {
    expect(resourceName(proposed, 'agv-fleet')).toEqual({ en: 'AGV fleet', vi: 'Đội AGV' });
    expect(resourceName(proposed, 'agv-lanes').en).toBe('AGV lanes (waiting for other AGVs)');
  });

  it("uses a facility's own name, and says a yard stands for its truck loading slots", () => {
    expect(resourceName(proposed, 'vn-export-crane-1')).toEqual({ en: 'Export yard automated crane 1', vi: 'Cẩu giàn tự động bãi xuất 1' });
    expect(resourceName(proposed, 'vn-export-yard').en).toBe('Export storage yard (VN): truck loading slots');
  });

  it('names a facility without a name by its kind and number, with its side where the kind is on both', () => {
    expect(resourceName(unnamed, 'vn-export-crane-1')).toEqual({ en: 'export crane 1 (VN)', vi: 'cẩu bãi xuất 1 (VN)' });
    expect(resourceName(unnamed, 'vn-export-crane-2').en).toBe('export crane 2 (VN)');
    expect(resourceName(unnamed, 'cn-export-crane-1')).toEqual({ en: 'export crane 1 (CN)', vi: 'cẩu bãi xuất 1 (TQ)' });
    expect(resourceName(unnamed, 'vn-barrier-entry')).toEqual({ en: 'entry barrier 1', vi: 'barie vào 1' });
    expect(resourceName(unnamed, 'vn-scanner-import').en).toBe('scanner 2');
    expect(resourceName(unnamed, 'no-such-thing')).toEqual({ en: 'no-such-thing', vi: 'no-such-thing' });
  });
});
