import { describe, expect, it } from 'vitest';
import { NEVER, Reservations } from './Reservations';

describe('Reservations', () => {
  it('keeps who is where through growth and removal, with the goal held from the last step on', () => {
    const r = new Reservations(10, 2);
    const long = Int32Array.from({ length: 40 }, (_, t) => t % 9);
    r.add(0, Int32Array.of(9, 9));
    r.add(1, long);
    expect(r.capacity).toBeGreaterThanOrEqual(40);
    for (let t = 0; t < 39; t++) expect(r.agentAt(t % 9, t)).toBe(1);
    expect(r.agentAt(9, 1)).toBe(0);
    expect(r.agentAt(9, 1000)).toBe(0); // rests on its goal forever
    expect(r.restFrom[3]).toBe(39);
    expect(r.horizon()).toBe(39);
    expect(r.lastVisit(8)).toBe(35);
    r.remove(1, long);
    expect(r.horizon()).toBe(1);
    expect(r.agentAt(3, 39)).toBe(-1);
    expect(r.restFrom[3]).toBe(NEVER);
    expect(r.lastVisit(8)).toBe(-1);
    expect(r.lastVisit(9)).toBe(1);
  });
});
