/**
 * Colours for the AGVs drawn, one linear RGB triple per fleet frame slot (white keeps the model's own colours),
 * written by a data rule a few times a second and copied by the fleet layer into its instance colours only when
 * `version` changes: nothing is written per frame while the colours stand still.
 */
export class AgvTint {
  colours: Float32Array;
  version = 0;
  /** True while a rule colours the fleet: the containers AGVs carry then take their AGV's colour too. */
  active = false;

  constructor(capacity: number) {
    this.colours = new Float32Array(capacity * 3).fill(1);
  }

  /** Grows the table to `capacity` slots (a new source with a larger fleet); the new slots are white. */
  ensure(capacity: number): void {
    if (this.colours.length >= capacity * 3) return;
    const next = new Float32Array(capacity * 3).fill(1);
    next.set(this.colours);
    this.colours = next;
    this.version++;
  }
}
