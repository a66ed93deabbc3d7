import { describe, expect, it } from 'vitest';
import type { Scene } from '../../domain/sceneSchema';
import type { StudyProgress, StudyResult } from '../../sim/study/runStudy';
import { StudyRunner, type StartStudy } from './StudyRunner';

/** A study worker held by the test: each started job waits until the test finishes or cancels it. */
function fakeWorker() {
  const jobs: { scene: Scene; progress: (p: StudyProgress) => void; finish: (r: StudyResult) => void; cancelled: boolean }[] = [];
  const start: StartStudy = (scene, _spec, progress) => {
    let finish!: (r: StudyResult | undefined) => void;
    const result = new Promise<StudyResult | undefined>((resolve) => (finish = resolve));
    const job = { scene, progress, finish, cancelled: false };
    jobs.push(job);
    return {
      result,
      cancel: () => {
        job.cancelled = true;
        finish(undefined);
      },
    };
  };
  return { jobs, start };
}

const sceneA = { id: 'a' } as Scene;
const sceneB = { id: 'b' } as Scene;
const resultOf = (scene: Scene) => ({ sceneId: scene.id }) as StudyResult;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('StudyRunner', () => {
  it('runs each layout in turn and keeps the results, whoever is listening', async () => {
    const w = fakeWorker();
    let clock = 1_000;
    const runner = new StudyRunner(w.start, () => clock);
    const off = runner.subscribe(() => {});
    const done = runner.run(
      [
        { layout: 'baseline', scene: sceneA },
        { layout: 'edited', scene: sceneB },
      ],
      {},
    );
    w.jobs[0]!.progress({ fraction: 0.5, runsDone: 1, runs: 2 });
    expect(runner.getState().run).toMatchObject({ status: 'running', layout: 'baseline', fraction: 0.25 });
    // The panel goes away (the Layout tab): the study goes on.
    off();
    w.jobs[0]!.finish(resultOf(sceneA));
    await settle();
    expect(w.jobs[1]!.scene).toBe(sceneB);
    clock = 2_000;
    w.jobs[1]!.finish(resultOf(sceneB));
    await done;
    expect(runner.getState().run.status).toBe('done');
    expect(runner.getState().shown.map((r) => [r.layout, r.result.sceneId])).toEqual([
      ['baseline', 'a'],
      ['edited', 'b'],
    ]);
    // Each result keeps the layout it is of and when it finished (a report is dated and drawn from them).
    expect(runner.getState().shown.map((r) => [r.scene, r.finishedAt])).toEqual([
      [sceneA, 1_000],
      [sceneB, 2_000],
    ]);
  });

  it('cancel stops the job at once and keeps the last results shown; dispose stops without a word', async () => {
    const w = fakeWorker();
    const runner = new StudyRunner(w.start);
    const first = runner.run([{ layout: 'edited', scene: sceneA }], {});
    w.jobs[0]!.finish(resultOf(sceneA));
    await first;
    void runner.run([{ layout: 'edited', scene: sceneB }], {});
    runner.cancel();
    expect(w.jobs[1]!.cancelled).toBe(true);
    expect(runner.getState().run.status).toBe('cancelled');
    expect(runner.getState().shown.map((r) => r.result.sceneId)).toEqual(['a']);
    void runner.run([{ layout: 'edited', scene: sceneB }], {});
    runner.dispose();
    expect(w.jobs[2]!.cancelled).toBe(true);
    await settle();
    expect(runner.getState().run.status).toBe('running');
  });

  it('keeps the form as last typed, and is unavailable without a way to start studies', () => {
    const runner = new StudyRunner();
    runner.setForm({ hours: '2' });
    expect(runner.getState().form).toEqual({ hours: '2' });
    expect(runner.available).toBe(false);
  });
});
