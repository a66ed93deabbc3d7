import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import view from '../../../data/operations-view.json' with { type: 'json' };
import type { FleetFrame } from '../../domain/fleetFrame';
import type { OpsStore } from '../../store/ops/opsStore';
import type { AgvTint } from '../fleet/agvTint';
import { STATE_UNKNOWN, stateCode, writeRuleColours, type RuleValues } from './colourRules';
import type { FleetRowsRef } from './fleetRowsRef';
import { MotionTracker } from './motionTracker';

/** The rule's colours are worked out twice a second (wall time), not per frame. */
const EVERY_S = 0.5;

/**
 * Applies the colour rule the operator chose to the AGVs: twice a second it samples standing times from the fleet
 * frame, takes battery and state from the source's rows (by frame slot), and writes the colours into `tint`, which
 * the fleet layer copies into its instance colours (and, while a rule is on, into the containers they carry). With
 * no rule the colours are written white once and left.
 */
export function DataRules({
  frame,
  rows,
  ops,
  tint,
  clock,
}: {
  frame: FleetFrame;
  rows: FleetRowsRef;
  ops: OpsStore;
  tint: AgvTint;
  clock: () => number;
}) {
  const capacity = frame.agvs.x.length;
  const tracker = useMemo(() => new MotionTracker(capacity, view.colourRule.movingSpeedMps.value), [capacity]);
  const values = useMemo<RuleValues>(
    () => ({ battery: new Float32Array(capacity).fill(Number.NaN), state: new Uint8Array(capacity).fill(STATE_UNKNOWN), standingS: tracker.standingS }),
    [capacity, tracker],
  );
  const st = useMemo(() => ({ elapsedS: Infinity, rowsVersion: -1, dirty: true }), []);
  useEffect(() => {
    tint.ensure(capacity);
    st.dirty = true;
    return ops.subscribe((s, prev) => {
      if (s.colourRule !== prev.colourRule || s.thresholds !== prev.thresholds) st.dirty = true;
    });
  }, [ops, tint, capacity, st]);

  useFrame((_, delta) => {
    st.elapsedS += delta;
    if (st.elapsedS < EVERY_S) return;
    st.elapsedS = 0;
    const a = frame.agvs;
    tracker.sample(a.x, a.y, a.count, clock());
    if (rows.version !== st.rowsVersion) {
      st.rowsVersion = rows.version;
      values.battery.fill(Number.NaN);
      values.state.fill(STATE_UNKNOWN);
      for (const r of rows.rows) {
        if (r.slot < 0 || r.slot >= capacity) continue;
        values.battery[r.slot] = r.batteryPercent ?? Number.NaN;
        values.state[r.slot] = stateCode(r.operatingState);
      }
      st.dirty = true;
    }
    const { colourRule, thresholds } = ops.getState();
    if (colourRule === 'delay') st.dirty = true;
    if (!st.dirty) return;
    st.dirty = false;
    writeRuleColours(colourRule, values, capacity, thresholds, tint.colours);
    tint.active = colourRule !== 'none';
    tint.version++;
  });

  return null;
}
