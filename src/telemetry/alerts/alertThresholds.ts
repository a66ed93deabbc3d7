/** The operations alerts' thresholds, read from data/operations.json (each figure's source is there). */
import operations from '../../../data/operations.json' with { type: 'json' };

export interface AlertThresholds {
  /** Source seconds a near miss or contact stays active after it happened. */
  readonly collisionActiveS: number;
  /** Seconds an AGV may stand (not driving) before it waits too long. */
  readonly waitingTooLongS: number;
  /** Within this distance (m) of a park or charge place an AGV is at rest. */
  readonly restRadiusM: number;
  /** Two AGVs waiting too long within this distance (m) of each other are a deadlock. */
  readonly deadlockRadiusM: number;
  readonly lowBatteryPercent: number;
  /** A low-battery alert clears this many points above its threshold. */
  readonly batteryClearMarginPercent: number;
  /** Most alerts kept; the oldest cleared ones go first. */
  readonly maxKept: number;
}

const a = operations.alerts;

export const ALERT_THRESHOLDS: AlertThresholds = {
  collisionActiveS: a.collisionActiveS.value,
  waitingTooLongS: a.waitingTooLongS.value,
  restRadiusM: a.restRadiusM.value,
  deadlockRadiusM: a.deadlockRadiusM.value,
  lowBatteryPercent: a.lowBatteryPercent.value,
  batteryClearMarginPercent: a.batteryClearMarginPercent.value,
  maxKept: a.maxKept.value,
};
