import { describe, expect, it } from 'vitest';
import { bothDatabases } from '../testing/bothDatabases';
import { LayoutError, LayoutStore } from './LayoutStore';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const scene = (n: number) => ({ zone: '1119-1120', scene: `{"v":${n}}`, problems: n % 2 });

describe.each(bothDatabases())('the layout library on the $kind database', ({ open }) => {
  it('keeps every version with who saved it, refuses a save not based on the latest, and keeps studies by version', async () => {
    const { db } = await open();
    const store = new LayoutStore(db);
    const a = await store.create('Two-way corridor', 'duc', { ...scene(1), note: 'first sketch' }, T0);
    expect(a.latest).toEqual({ version: 1, author: 'duc', savedMs: T0, note: 'first sketch', problems: 1 });
    await expect(store.create('Two-way corridor', 'em', scene(1), T0)).rejects.toMatchObject({
      status: 409,
      message: 'name "Two-way corridor": zone 1119-1120 already has a layout of that name',
    });
    // The same name in another zone is another layout.
    await store.create('Two-way corridor', 'em', { ...scene(1), zone: '1088/2-1089' }, T0);

    expect(await store.save(a.id, 1, 'em', scene(2), T0 + 1000)).toEqual({ version: 2, author: 'em', savedMs: T0 + 1000, problems: 0 });
    const stale = store.save(a.id, 1, 'duc', scene(3), T0 + 2000);
    await expect(stale).rejects.toBeInstanceOf(LayoutError);
    await expect(stale).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^basedOn: version 2 was saved by em at 2026-12-04T09:00:01.000Z since version 1/),
    });
    await expect(store.save(a.id, 2, 'duc', { ...scene(3), zone: '1088/2-1089' })).rejects.toMatchObject({ status: 409 });
    await store.save(a.id, 2, 'duc', scene(3), T0 + 3000);

    expect((await store.list('1119-1120')).map((l) => [l.name, l.latest.version, l.latest.author])).toEqual([['Two-way corridor', 3, 'duc']]);
    expect((await store.list()).map((l) => l.zone)).toEqual(['1088/2-1089', '1119-1120']);
    expect((await store.versions(a.id)).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(await store.scene(a.id, 2)).toBe('{"v":2}');
    await expect(store.scene(a.id, 9)).rejects.toMatchObject({ status: 404 });
    await expect(store.layout('no-such-layout')).rejects.toMatchObject({ status: 404 });

    await store.addStudy(a.id, 2, 'duc', { cleared: 1800 }, T0 + 4000);
    await store.addStudy(a.id, 3, 'em', { cleared: 2600 }, T0 + 5000);
    await expect(store.addStudy(a.id, 7, 'em', {})).rejects.toMatchObject({ status: 404 });
    expect((await store.studies(a.id)).map((s) => [s.version, s.author, s.result])).toEqual([
      [3, 'em', { cleared: 2600 }],
      [2, 'duc', { cleared: 1800 }],
    ]);
  });

  it('lets only one of two saves at the same moment through', async () => {
    const { db } = await open();
    const store = new LayoutStore(db);
    const a = await store.create('Loop', 'duc', scene(1), T0);
    const both = await Promise.allSettled([store.save(a.id, 1, 'duc', scene(2)), store.save(a.id, 1, 'em', scene(2))]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await store.versions(a.id)).map((v) => v.version)).toEqual([2, 1]);
  });
});
