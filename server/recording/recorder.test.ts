import { mkdtempSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecording } from '../../src/telemetry/recording/openRecording';
import { bothDatabases } from '../testing/bothDatabases';
import { Recorder, RECORDING_DEFAULTS, type RecorderOptions } from './Recorder';
import { RecordingStore } from './RecordingStore';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const T0 = Date.UTC(2026, 11, 4, 9, 59, 50);
const payload = (n: number) => new TextEncoder().encode(JSON.stringify({ headerId: n, serialNumber: 'AGV-1' }));
const quiet = { info: () => {}, error: () => {} };

async function count(file: string) {
  const { reader, info } = await openRecording(new Uint8Array(readFileSync(file)));
  let n = 0;
  for await (const m of reader.messages()) n += m.topic === 'uagv/v2/acme/AGV-1/state' ? 1 : 0;
  return { n, info };
}

describe.each(bothDatabases())('the recorder on the $kind database', ({ open }) => {
  async function setUp(options: Partial<RecorderOptions> = {}, log: { info: () => void; error: (o: object, m: string) => void } = quiet) {
    const dir = mkdtempSync(join(tmpdir(), 'twin-rec-'));
    dirs.push(dir);
    const store = new RecordingStore((await open()).db);
    return { dir, store, recorder: new Recorder(dir, store, log, { ...RECORDING_DEFAULTS, ...options }) };
  }

  it('writes the feed into hourly segments, indexed as it goes; a closed one is whole, the open one reads up to its last flush', async () => {
    const { dir, store, recorder } = await setUp();
    await recorder.start(T0);
    for (let k = 0; k < 30; k++) recorder.record('uagv/v2/acme/AGV-1/state', payload(k), T0 + k * 100);
    await recorder.tick(T0 + 3000);
    const [first] = await store.list();
    expect(first).toMatchObject({ state: 'recording', messages: 30, startMs: T0, endMs: T0 + 3000 });
    expect(first!.file).toMatch(/^2026-12-04\/09-59-50-[0-9a-f]{8}\.mcap$/);
    // Read while it is written: the flushed chunk is there; the missing summary is the file's only "damage".
    expect((await count(join(dir, first!.file))).n).toBe(30);

    // 10:00 starts a new segment: the first is closed with its summary.
    recorder.record('uagv/v2/acme/AGV-1/state', payload(30), T0 + 9000);
    await recorder.tick(T0 + 10_000);
    const [done, next] = await store.list();
    expect(done).toMatchObject({ id: first!.id, state: 'complete', messages: 31 });
    expect(next).toMatchObject({ state: 'recording', startMs: T0 + 10_000 });
    const whole = await count(join(dir, done!.file));
    expect(whole.n).toBe(31);
    expect(whole.info.damage).toBeUndefined();
    await recorder.close(T0 + 11_000);
    expect((await store.list()).map((s) => s.state)).toEqual(['complete', 'complete']);
  });

  it('marks a segment a killed server left as cut, and starts a new one', async () => {
    const { store, recorder } = await setUp();
    await store.add({ id: 'left', file: 'gone.mcap', startMs: T0 - 5000, endMs: T0 - 4000, messages: 7, bytes: 0, state: 'recording' });
    await recorder.start(T0);
    expect((await store.list()).map((s) => [s.id === 'left' ? 'left' : 'new', s.state])).toEqual([
      ['left', 'cut'],
      ['new', 'recording'],
    ]);
  });

  it('deletes the oldest segments past the size limit and those past the age limit', async () => {
    const { dir, store, recorder } = await setUp({ segmentMs: 1000, keepBytes: 3000, keepMs: 60_000 });
    await recorder.start(T0);
    for (let s = 0; s < 5; s++) {
      for (let k = 0; k < 10; k++) recorder.record('uagv/v2/acme/AGV-1/state', payload(k), T0 + s * 1000 + k);
      await recorder.tick(T0 + (s + 1) * 1000);
    }
    const kept = await store.list();
    const total = kept.filter((s) => s.state !== 'recording').reduce((n, s) => n + s.bytes, 0);
    expect(total).toBeLessThanOrEqual(3000);
    expect(kept.length).toBeLessThan(6);
    expect(kept.at(-1)!.state).toBe('recording');
    // Ten minutes later, the segments that ended more than a minute ago are past the age limit; the one closed
    // now (it stayed open through the quiet minutes) and the new one are kept.
    await recorder.tick(T0 + 10 * 60_000);
    const after = await store.list();
    expect(after.map((s) => [s.endMs, s.state])).toEqual([
      [T0 + 10 * 60_000, 'complete'],
      [T0 + 10 * 60_000, 'recording'],
    ]);
    expect(readdirSync(join(dir, '2026-12-04')).sort()).toEqual(after.map((s) => s.file.split('/')[1]).sort());
  });

  it('stops on a full disk with the reason, keeps what it wrote, runs on, and tries again a minute later', async () => {
    let full = false;
    const errors: string[] = [];
    const { store, recorder } = await setUp(
      {
        write: (fd, bytes) => {
          if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          writeSync(fd, bytes);
        },
      },
      { info: () => {}, error: (_o, m) => errors.push(m) },
    );
    await recorder.start(T0);
    recorder.record('uagv/v2/acme/AGV-1/state', payload(1), T0 + 100);
    await recorder.tick(T0 + 1000);
    full = true;
    recorder.record('uagv/v2/acme/AGV-1/state', payload(2), T0 + 1100);
    await recorder.tick(T0 + 2000);
    expect(recorder.recording()).toBe(false);
    expect(recorder.problem()).toBe('recording stopped: ENOSPC: no space left on device, write');
    expect(errors).toContain('recording stopped');
    expect(() => recorder.record('uagv/v2/acme/AGV-1/state', payload(3), T0 + 2100)).not.toThrow();
    await expect.poll(async () => (await store.list()).map((s) => s.state)).toEqual(['cut']);
    full = false;
    await recorder.tick(T0 + 30_000);
    expect(recorder.recording()).toBe(false);
    await recorder.tick(T0 + 62_000);
    expect(recorder.recording()).toBe(true);
    expect(recorder.problem()).toBeUndefined();
    await recorder.close(T0 + 63_000);
  });
});
