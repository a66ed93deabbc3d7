import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { coded, type Problem, type ProblemCode } from '../domain/problem';
import { STRINGS } from './locales/resources';
import { PROBLEM_CODES, problemText } from './problemText';

async function tOf(lng: 'en' | 'vi'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: STRINGS.en }, vi: { translation: STRINGS.vi } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

type Code = ProblemCode['code'];
/** One problem of every code: the compiler insists on each, so a new code cannot go unsaid. */
const SAMPLES: { readonly [C in Code]: Extract<ProblemCode, { code: C }>['params'] } = {
  'json-syntax': { error: 'CommaExpected' },
  'empty-file': {},
  schema: { detail: 'must be > 0' },
  'load-failed': { reason: 'HTTP 404' },
  'duplicate-id': { owner: 'facility', id: 'crane-1', first: 'facilities[2]' },
  'duplicate-map-id': { id: 'm1', first: 'telemetry.maps[0]' },
  'unknown-node': { id: 'n9' },
  'unknown-facility': { id: 'yard' },
  'edge-loop': {},
  'edge-repeated': { first: 'lanes.edges[1]', from: 'a', to: 'b' },
  'crane-serves-non-storage': { id: 'road-1', kind: 'road' },
  'road-too-narrow': { width: 7.5, lanes: 3, laneWidth: 3.5 },
  'facility-overlap': { other: 'facilities[1]', id: 'yard', kind: 'import-storage', depth: 1234.5 },
  'lane-crosses-facility': { from: 'a', to: 'b', other: 'facilities[0]', id: 'hq', kind: 'admin-building' },
  'border-crossing-unflagged': {},
  'border-crossing-flagged': {},
  'lane-too-narrow': { width: 1.5, agvWidth: 2.6 },
  'node-outside-served': { id: 'yard' },
  'role-needs-serves': { role: 'load', kinds: ['import-storage', 'export-storage', 'crane'] },
  'role-serves-wrong-kind': { role: 'charge', kinds: ['agv-charging'], id: 'yard', kind: 'import-storage' },
  'charging-node-role': { role: 'load' },
  'facility-unserved': { id: 'yard' },
  'facility-unreachable': { id: 'yard', sides: ['VN', 'CN'] },
  'lane-stranded': { from: 'a', to: 'b', way: 'out' },
  'node-unjoined': { id: 'n7' },
  'wrong-side': { declared: 'VN', actual: 'CN' },
  'off-truck-route': { id: 'scan-1', kind: 'scanner-bay' },
  'risk-shares-sum': { sum: 1.1 },
  'no-arrivals': {},
  'arrivals-while-closed': { hour: 23 },
  'opens-when-closes': {},
  'min-above-max': { min: 3000, max: 2000 },
  'view-target-at-camera': {},
  'tour-unknown-view': { view: 'gate', views: ['overview', 'yard'] },
  'url-unknown-parameter': { known: ['zone', 'speed'] },
  'url-credentials': {},
  'url-one-of': { value: '7', known: ['1', '10', '60'] },
  'url-unknown-scene': { value: 'nope', zone: '1119-1120', known: ['today', 'proposed'] },
  'url-whole-number': { value: '1.5' },
  'url-number-range': { value: 'xyz', min: 0, max: 100000 },
  'url-whole-number-range': { value: '-3', min: 0, max: 5000 },
  'url-time-of-day': { value: '25:00' },
  'url-broker': { value: 'mqtt://h:1883' },
  'url-broker-missing': {},
  'url-recording-address': { value: 'javascript:x' },
  'import-schema': { detail: 'must be number' },
  'lif-version': { version: '2.0.0' },
  'lif-choose-layout': { ids: ['ground', 'level-1'] },
  'lif-choose-vehicle-type': { ids: ['acme.agv', 'acme.forklift'] },
  'lif-vehicle-type-repeated': { id: 'acme.agv', first: 'layouts[0].nodes[2].vehicleTypeNodeProperties[0]' },
  'lif-node-in-two-stations': { id: 'n4', first: 'layouts[0].stations[1].interactionNodeIds[0]' },
  'lif-role-actions': { actions: ['pick', 'drop'] },
  'import-duplicate-id': { id: 'n4', first: 'layouts[0].nodes[2]' },
  'import-bad-id': { id: 'node 4' },
  'import-not-kept': { count: 12, why: 'lif-trajectory' },
  'import-default': { field: 'lane-width', count: 84, value: '4.5', source: 'assumption: the shipped lane width' },
  'import-left-out': { count: 3, vehicleType: 'acme.agv' },
  'geojson-not-collection': {},
  'geojson-crs': {},
  'geojson-layer': { layer: 'parcel', known: ['facility', 'lane-node', 'lane-edge'] },
  'geojson-geometry': { expected: 'Polygon', got: 'Point' },
  'geojson-not-rectangle': { deviation: 2.5, tolerance: 0.5 },
  'geojson-far': { distanceKm: 320.5, limitKm: 20 },
  'geojson-line-off-node': { id: 'n4', distance: 12.3 },
};

const sample = (code: Code): Problem => coded('facilities[3]', 'English message', { code, params: SAMPLES[code] } as ProblemCode);

describe('problemText', () => {
  it('says every problem code in both languages, every value filled in', async () => {
    for (const lng of ['en', 'vi'] as const) {
      const t = await tOf(lng);
      for (const code of PROBLEM_CODES) {
        const text = problemText(sample(code), t);
        expect(text, `${lng} ${code}`).toMatch(/^facilities\[3\]: \S/);
        expect(text, `${lng} ${code}`).not.toMatch(/\{\{|problems\.|kind\.|side\.|engineering\.|undefined|\[object/);
        expect(text, `${lng} ${code}`).not.toContain('English message');
      }
    }
  });

  it('says a problem in the UI language, names and numbers included', async () => {
    const overlap = sample('facility-overlap');
    expect(problemText(overlap, await tOf('en'))).toBe('facilities[3]: overlaps facilities[1] ("yard", Import storage) by 1,234.5 m');
    expect(problemText(overlap, await tOf('vi'))).toBe('facilities[3]: chồng lên facilities[1] ("yard", Kho bãi hàng nhập) 1.234,5 m');
    expect(problemText(sample('role-needs-serves'), await tOf('vi'))).toContain('Kho bãi hàng nhập, Kho bãi hàng xuất hoặc Cẩu tự động');
    expect(problemText(sample('lane-stranded'), await tOf('en'))).toBe(
      'facilities[3]: lane a → b is cut off from the AGV network (no AGV can get back to the network from b)',
    );
  });

  it('places a problem as the command line does, and says an uncoded one by its message', async () => {
    const t = await tOf('vi');
    const syntax = {
      ...coded('', 'malformed JSON: expected a comma between items', { code: 'json-syntax', params: { error: 'CommaExpected' } }),
      line: 4,
      column: 3,
    };
    expect(problemText(syntax, t)).toBe('4:3 (cả tệp): JSON sai cú pháp: cần dấu phẩy giữa các mục');
    expect(problemText({ path: 'engine', message: 'worker crashed' }, t)).toBe('engine: worker crashed');
    expect(problemText(syntax, await tOf('en'))).toBe('4:3 (file): malformed JSON: expected a comma between items');
  });
});
