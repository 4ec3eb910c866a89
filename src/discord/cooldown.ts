/**
 * Per-user rate limit for questions: at most N in any rolling minute.
 *
 * @module
 */

/** Outcome of {@link Cooldown.take}. */
export type CooldownResult = { ok: true } | { ok: false; retryAfterMs: number };

const WINDOW_MS = 60_000;
/** Past this many tracked users, idle ones are forgotten on the next call. */
const PRUNE_AT = 10_000;

/** A sliding-window limiter keyed by user id. Holds no timers, so it never keeps a process alive. */
export class Cooldown {
  private readonly uses = new Map<string, number[]>();

  /**
   * @param perMinute - questions a user may ask in any 60 s window (at least 1)
   * @param now - clock in ms (injectable for tests)
   */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError('perMinute must be a positive integer');
  }

  /** Counts one use for `userId` if the window allows it; otherwise says how long to wait. */
  take(userId: string): CooldownResult {
    const now = this.now();
    if (this.uses.size > PRUNE_AT) this.prune(now);
    const recent = (this.uses.get(userId) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.uses.set(userId, recent);
      return { ok: false, retryAfterMs: recent[0]! + WINDOW_MS - now };
    }
    recent.push(now);
    this.uses.set(userId, recent);
    return { ok: true };
  }

  /** Number of users currently tracked. */
  get size(): number {
    return this.uses.size;
  }

  private prune(now: number): void {
    for (const [user, times] of this.uses) if (times.every((t) => now - t >= WINDOW_MS)) this.uses.delete(user);
  }
}
