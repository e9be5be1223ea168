import type { BotApiFailure } from "./telegram-errors.ts";

/** Failures a test asked for: the next N calls to a method fail like this, in the order scripted. */
export class ScriptedFailures {
  private readonly byMethod = new Map<string, { failure: BotApiFailure; remaining: number }[]>();

  add(method: string, failure: BotApiFailure, times = 1): void {
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`times must be a positive integer, got ${times}`);
    const name = method.toLowerCase();
    this.byMethod.set(name, [
      ...(this.byMethod.get(name) ?? []),
      { failure: { ...failure }, remaining: times },
    ]);
  }

  /** The failure for this call, if one is scripted (method names are case-insensitive, as in Telegram). */
  take(method: string): BotApiFailure | undefined {
    const queue = this.byMethod.get(method.toLowerCase());
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
