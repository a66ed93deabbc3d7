/**
 * Throttles failed sign-ins (data/server.json `login`): after `maxFailures` failures for one name, or from one
 * address, within `windowS`, further attempts are refused until the oldest failure leaves the window. Kept in this
 * instance's memory: with two instances behind a balancer an attacker gets at most twice the tries.
 */
import settings from '../../data/server.json' with { type: 'json' };

const PRUNE_AT = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = settings.login.maxFailures,
    private readonly windowMs = settings.login.windowS * 1000,
  ) {}

  /** Seconds until `keys` may try again; 0 when they may now. */
  retryAfterS(keys: readonly string[], now = Date.now()): number {
    let waitMs = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.maxFailures) waitMs = Math.max(waitMs, recent[recent.length - this.maxFailures]! + this.windowMs - now);
    }
    return Math.ceil(waitMs / 1000);
  }

  fail(keys: readonly string[], now = Date.now()): void {
    // Random names must not grow the table without end: past PRUNE_AT keys, forget those with no recent failure.
    if (this.failures.size > PRUNE_AT) for (const key of [...this.failures.keys()]) this.recent(key, now);
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    return kept;
  }
}
