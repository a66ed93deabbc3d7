import { describe, expect, it } from 'vitest';
import { AGV_TO_DROP } from './AgvFleet';
import type { HourRow } from './simKpis';
import { Simulation } from './Simulation';
import { loadScene } from './testScenes';

const proposed = loadScene('scenes/1119-1120/proposed.json');
const tanThanh = loadScene('scenes/1088-2-1089/proposed.json');
const today = loadScene('scenes/1119-1120/today.json');

describe('Simulation', { timeout: 60_000 }, () => {
  it('gives identical KPIs for the same seed and different ones for another', () => {
    const a = new Simulation(proposed, { seed: 11, hours: 5, vehiclesPerDay: 3000 }).run();
    const b = new Simulation(proposed, { seed: 11, hours: 5, vehiclesPerDay: 3000 }).run();
    const c = new Simulation(proposed, { seed: 12, hours: 5, vehiclesPerDay: 3000 }).run();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    expect(a.cleared).toBeGreaterThan(0);
  });

  it('conserves trucks: each that arrived has left or is inside, at every hour', () => {
    const sim = new Simulation(proposed, { seed: 2, hours: 8, vehiclesPerDay: 3500 });
    for (let h = 1; h <= 8; h++) {
      sim.advanceTo(h * 3600);
      expect(sim.arrived).toBe(sim.cleared + sim.trucksInside);
      expect(sim.hourly.at(-1)!.inside).toBe(sim.trucksInside);
    }
    expect(sim.hourly.map((r) => r.arrived).reduce((x, y) => x + y, 0)).toBe(sim.arrived);
    expect(sim.hourly.map((r) => r.cleared).reduce((x, y) => x + y, 0)).toBe(sim.cleared);
  });

  it('moves AGVs only along lane cells, one per cell, and carries containers both ways', () => {
    const sim = new Simulation(tanThanh, { seed: 4, hours: 3 });
    const m = sim.motion!;
    const g = m.graph;
    const before = Int32Array.from(m.vertex);
    for (let t = 0; t < 3 * 3600; t += m.stepS) {
      sim.advanceTo(t);
      expect(new Set(m.vertex).size).toBe(m.n);
      for (let i = 0; i < m.n; i++) {
        const a = before[i]!;
        const b = m.vertex[i]!;
        if (a === b) continue;
        const outs = Array.from(g.targets.subarray(g.offsets[a]!, g.offsets[a + 1]!));
        expect(outs).toContain(b);
      }
      before.set(m.vertex);
    }
    const k = sim.kpis();
    expect(k.containersAcross.export).toBeGreaterThan(0);
    expect(k.containersAcross.import).toBeGreaterThan(0);
    expect(k.contacts).toBe(0);
  });

  it('has no contacts when AGVs follow the plan, and catches an AGV that ignores it', () => {
    const planned = new Simulation(proposed, { seed: 5, hours: 3 }).run();
    expect(planned.contacts).toBe(0);
    const faulty = new Simulation(proposed, { seed: 5, hours: 3 });
    faulty.injectRogueAgv(0);
    const k = faulty.run();
    expect(k.contacts + k.nearMisses).toBeGreaterThan(0);
    expect(faulty.log.some((e) => (e.kind === 'contact' || e.kind === 'near-miss') && /\bAGV 1\b/.test(e.detail))).toBe(true);
  });

  it('lets a rogue AGV rejoin the plan when its drill ends: it completes its orders and touches no one again', () => {
    const sim = new Simulation(proposed, { seed: 5, hours: 3 });
    sim.injectRogueAgv(0);
    let t = 0;
    while (sim.fleet!.watch.contacts === 0 && t < 3600) sim.advanceTo((t += 1));
    expect(sim.fleet!.watch.contacts).toBeGreaterThan(0);
    // Ended at its first contact: AGV 1 still stands on (or near) another's cell.
    sim.endRogueAgv();
    const m = sim.motion!;
    const { contacts, nearMisses } = sim.fleet!.watch;
    let goal = m.goal[0]!;
    let reached = 0;
    let sharedWhilePlanned = 0;
    for (const end = t + 3600; t < end;) {
      sim.advanceTo((t += 1));
      if (m.goal[0] !== goal) {
        reached++;
        goal = m.goal[0]!;
      }
      for (let j = 1; j < m.n; j++) if (!m.rejoining[0] && m.vertex[j] === m.vertex[0]) sharedWhilePlanned++;
    }
    expect(m.rejoining[0]).toBe(0);
    expect(sharedWhilePlanned).toBe(0);
    expect(reached).toBeGreaterThan(0);
    expect(sim.fleet!.watch.contacts).toBe(contacts);
    expect(sim.fleet!.watch.nearMisses).toBe(nearMisses);
  });

  it('runs the present-day layout with no AGVs: trucks cross by road, the scanner binds', () => {
    const k = new Simulation(today, { seed: 1 }).run();
    expect(k.agvs).toBe(0);
    expect(k.containersAcross).toEqual({ export: 0, import: 0 });
    expect(k.arrived).toBe(800);
    expect(k.cleared).toBeGreaterThan(0);
    expect(Object.keys(k.utilisation)).toContain(k.bottleneck);
  });

  it('serves no one at a checkpoint taken out of service, and the queue before it clears once it is back', () => {
    const scanner = today.facilities.find((f) => f.kind === 'scanner-bay')!.id;
    const normal = new Simulation(today, { seed: 2, hours: 14 });
    const down = new Simulation(today, { seed: 2, hours: 14 });
    for (const sim of [normal, down]) sim.advanceTo(9 * 3600);
    down.setFacilityDown(scanner, true);
    // Half an hour for the trucks already past the scanner to leave.
    for (const sim of [normal, down]) sim.advanceTo(9.5 * 3600);
    const at930 = { normal: normal.cleared, down: down.cleared };
    for (const sim of [normal, down]) sim.advanceTo(12 * 3600);
    // Only the flow that is scanned stops (the other does not pass the scanner): well under half as many clear.
    expect(normal.cleared - at930.normal).toBeGreaterThan(50);
    expect(down.cleared - at930.down).toBeLessThan((normal.cleared - at930.normal) / 2);
    expect(down.hourly.at(-1)!.queues[scanner]!).toBeGreaterThan(normal.hourly.at(-1)!.queues[scanner]! + 50);
    expect(down.log.some((e) => e.kind === 'out-of-service' && e.detail === scanner)).toBe(true);
    // Back in service: the queue is worked off and trucks clear again.
    down.setFacilityDown(scanner, false);
    const atNoon = down.cleared;
    down.advanceTo(14 * 3600);
    expect(down.cleared - atNoon).toBeGreaterThan(50);
    expect(() => down.setFacilityDown('no-such-gate', true)).toThrow(/no barrier or scanner "no-such-gate"/);
  });

  it('writes a frame of every AGV and every truck inside, with loads', () => {
    const sim = new Simulation(proposed, { seed: 3, hours: 2 });
    sim.advanceTo(5400);
    sim.writeFrame();
    expect(sim.frame.agvs.count).toBe(proposed.fleet.agv.count.value);
    expect(sim.frame.trucks.count).toBe(sim.trucksInside);
    const xs = Array.from(sim.frame.agvs.x.subarray(0, sim.frame.agvs.count));
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(Array.from(sim.frame.agvs.load.subarray(0, sim.frame.agvs.count)).some((l) => l !== 0)).toBe(true);
  });

  it('obeys operator commands: pause holds an AGV, resume frees it, go-to drives it to a node, refusals say why', () => {
    const sim = new Simulation(tanThanh, { seed: 6, hours: 4, vehiclesPerDay: 2500 });
    const m = sim.motion!;
    const driving = () => Array.from({ length: m.n }, (_, i) => i).find((i) => m.isMoving(i, sim.now));
    let moving: number | undefined;
    for (let t = 600; moving === undefined && t < 4 * 3600; t += 60) {
      sim.advanceTo(t);
      moving = driving();
    }
    expect(moving).toBeDefined();
    const t0 = sim.now;
    expect(sim.command(moving!, { kind: 'pause' })).toEqual({ ok: true });
    sim.advanceTo(t0 + 4 * m.stepS);
    const held = m.vertex[moving!];
    sim.advanceTo(t0 + 600);
    expect(m.vertex[moving!]).toBe(held);
    expect(sim.command(moving!, { kind: 'resume' })).toEqual({ ok: true });
    sim.advanceTo(t0 + 1200);
    expect(m.vertex[moving!]).not.toBe(held);

    const quiet = new Simulation(tanThanh, { seed: 6, hours: 3, vehiclesPerDay: 50 });
    const q = quiet.motion!;
    quiet.advanceTo(1200);
    const idle = Array.from({ length: q.n }, (_, i) => i).find((i) => quiet.fleet!.state[i] === 0 || quiet.fleet!.state[i] === 7)!;
    expect(idle).toBeDefined();
    // Sent to a node and told to wait there, it drives there and stays, whatever jobs come up meanwhile.
    expect(quiet.command(idle, { kind: 'goto', nodeId: 'vn-nb-2', wait: true })).toEqual({ ok: true });
    quiet.advanceTo(quiet.now + 2400);
    const node = tanThanh.lanes.nodes.findIndex((n) => n.id === 'vn-nb-2');
    expect(q.vertex[idle]).toBe(q.vertexOfNode[node]);
    quiet.advanceTo(quiet.now + 600);
    expect(q.vertex[idle]).toBe(q.vertexOfNode[node]);

    expect(quiet.command(idle, { kind: 'goto', nodeId: 'nowhere' })).toEqual({ ok: false, reason: 'no lane node "nowhere"' });
    expect(sim.command(999, { kind: 'pause' })).toEqual({ ok: false, reason: 'no AGV 1000 in this run' });
    const loaded = Array.from({ length: m.n }, (_, i) => i).find((i) => sim.fleet!.state[i] === AGV_TO_DROP);
    expect(loaded, 'an AGV carrying a container').toBeDefined();
    expect(sim.command(loaded!, { kind: 'cancel' })).toMatchObject({ ok: false });
    expect(sim.log.some((e) => e.kind === 'command')).toBe(true);
  });

  it('measures only the window after a warm-up: the trucks that came and left in it, over its time', () => {
    const sum = (rows: readonly HourRow[], key: 'arrived' | 'cleared') => rows.reduce((n, r) => n + r[key], 0);
    const warmed = new Simulation(proposed, { seed: 3, hours: 24, warmupHours: 24, vehiclesPerDay: 2000, agvs: 40 });
    const k = warmed.run();
    expect(warmed.hourly).toHaveLength(48);
    expect(k.arrived).toBe(sum(warmed.hourly.slice(24), 'arrived'));
    expect(k.cleared).toBe(sum(warmed.hourly.slice(24), 'cleared'));
    expect(k.simSeconds).toBe(86400);
    expect(k.clearedPerDay).toBe(k.cleared);
    for (const u of Object.values(k.utilisation)) expect(u).toBeLessThanOrEqual(1);
    // The measured day starts with the gate as loaded as the day before left it, not empty.
    const cold = new Simulation(proposed, { seed: 3, hours: 24, vehiclesPerDay: 2000, agvs: 40 }).run();
    expect(k.cleared).toBeGreaterThan(cold.cleared);
    expect(() => new Simulation(proposed, { warmupHours: -1 })).toThrow(/warm-up hours must be/);
  });

  it('refuses impossible options with a message naming them', () => {
    expect(() => new Simulation(proposed, { agvs: -1 })).toThrow(/AGVs must be a whole number/);
    expect(() => new Simulation(proposed, { hours: 0 })).toThrow(/hours must be/);
    expect(() => new Simulation(proposed, { agvs: 5000 })).toThrow(/do not fit/);
  });
});
