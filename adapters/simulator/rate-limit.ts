/**
 * A sliding one-second window over accepted sends, like Telegram's global broadcast limit (about
 * 30 messages per second per bot). Over the limit, the caller is told how long to wait.
 */
export class SlidingWindowLimit {
  private perSecond: number | null = null;
  private retryAfterSeconds: number | undefined;
  private readonly accepted: number[] = [];

  constructor(private readonly now: () => number) {}

  /** `null` switches the limit off. `retryAfterSeconds` overrides the computed wait (Telegram's floods). */
  configure(perSecond: number | null, retryAfterSeconds?: number): void {
    if (perSecond !== null && !(Number.isInteger(perSecond) && perSecond > 0)) {
      throw new RangeError(`rate limit must be a positive integer or null, got ${perSecond}`);
    }
    this.perSecond = perSecond;
    this.retryAfterSeconds = retryAfterSeconds;
    this.accepted.length = 0;
  }

  get limit(): number | null {
    return this.perSecond;
  }

  /** Takes a slot: undefined when accepted, else whole seconds to wait (at least 1, like Telegram). */
  take(): number | undefined {
    if (this.perSecond === null) return undefined;
    const now = this.now();
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= now - 1000) this.accepted.shift();
    if (this.accepted.length < this.perSecond) {
      this.accepted.push(now);
      return undefined;
    }
    const oldest = this.accepted[0] ?? now;
    return this.retryAfterSeconds ?? Math.max(1, Math.ceil((oldest + 1000 - now) / 1000));
  }
}
