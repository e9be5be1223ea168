/**
 * Failures a test asked a stand-in for: the next N calls to a method fail like this, in the order
 * scripted. `methodKey` says how the platform compares method names (Telegram ignores case).
 */
export class ScriptedFailures<Failure extends object> {
  private readonly byMethod = new Map<string, { failure: Failure; remaining: number }[]>();

  constructor(private readonly methodKey: (method: string) => string = (method) => method) {}

  add(method: string, failure: Failure, times = 1): void {
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`times must be a positive integer, got ${times}`);
    const key = this.methodKey(method);
    this.byMethod.set(key, [
      ...(this.byMethod.get(key) ?? []),
      { failure: { ...failure }, remaining: times },
    ]);
  }

  /** The failure for this call, if one is scripted. */
  take(method: string): Failure | undefined {
    const queue = this.byMethod.get(this.methodKey(method));
    const next = queue?.[0];
    if (queue === undefined || next === undefined) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.failure;
  }

  clear(): void {
    this.byMethod.clear();
  }
}
