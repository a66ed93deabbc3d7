import { describe, expect, it } from 'vitest';
import type { ProposalView } from '../../store/traffic/trafficStore';
import { proposalGhosts } from './proposalGhosts';

const proposal = (px: number[], py: number[]): Extract<ProposalView, { ok: true }> => ({
  id: 'conflict:m/1|m/2',
  ok: true,
  target: { kind: 'conflict', a: 'm/1', b: 'm/2' },
  holds: [
    { agv: 'm/2', nodeId: 'n5', untilS: 100, committed: true },
    { agv: 'm/9', nodeId: 'gone', untilS: 90, committed: true },
  ],
  agvs: [
    { agv: 'm/1', delayS: 0 },
    { agv: 'm/2', delayS: 12 },
  ],
  totalDelayS: 12,
  savesS: 3,
  sampleS: 0.5,
  ghosts: [{ agv: 'm/2', px: Float32Array.from(px), py: Float32Array.from(py) }],
});

describe('proposalGhosts', () => {
  it('joins the samples into segments, leaving out gaps and standing still', () => {
    const g = proposalGhosts(proposal([0, 1, 1, Number.NaN, 3, 4], [0, 0, 0, Number.NaN, 0, 0]), new Map());
    expect(g.segments).toEqual([0, 0, 1, 0, 3, 0, 4, 0]);
  });

  it('places each hold on its lane node, and skips a node the scene does not know', () => {
    const g = proposalGhosts(proposal([], []), new Map([['n5', [10, -4] as const]]));
    expect(g.holds).toEqual([{ agv: 'm/2', x: 10, y: -4, untilS: 100 }]);
  });
});
