import type { Update } from "grammy/types";
import { BotApiError } from "./telegram-errors.ts";

/** What `getUpdates` asked for. */
export interface PollRequest {
  offset?: number;
  limit?: number;
  /** Seconds to hold the request while nothing is pending; 0 answers at once (short polling). */
  timeoutSeconds?: number;
  /** Replaces the remembered filter when given; `[]` means Telegram's default. */
  allowedUpdates?: readonly string[];
  /** Aborted when the client went away. */
  signal?: AbortSignal;
}

/** Update kinds Telegram leaves out unless asked for them by name. */
const OPT_IN_KINDS = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

/** How long a superseded `getUpdates` call may still turn out to be abandoned before it gets 409. */
const SUPERSEDED_GRACE_MS = 50;

interface Waiter {
  limit: number;
  resolve(updates: Update[]): void;
  /** A newer call arrived: answer this one with 409 Conflict unless its client has gone */
  supersede(): void;
}

function conflict(): BotApiError {
  return new BotApiError({
    error_code: 409,
    description:
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  });
}

/**
 * The updates waiting for the bot, with `getUpdates` semantics: an update stays until a later call
 * confirms it with a higher `offset`; a waiting call wakes as soon as an update arrives; a second
 * waiting call terminates the first with 409 Conflict, as Telegram does.
 */
export class UpdateQueue {
  private updates: Update[] = [];
  private allowed: ReadonlySet<string> | undefined;
  /** The newest waiting call: the one new updates go to */
  private waiter: Waiter | undefined;
  /** Every call still held open, superseded ones included */
  private readonly held = new Set<Waiter>();
  private closed = false;

  get pending(): number {
    return this.updates.length;
  }

  /** A `getUpdates` call is being held, waiting for an update. */
  get waiting(): boolean {
    return this.waiter !== undefined;
  }

  /** The remembered `allowed_updates` (empty: Telegram's default). */
  get allowedUpdates(): string[] {
    return [...(this.allowed ?? [])];
  }

  enqueue(update: Update): void {
    this.updates.push(update);
    this.wake();
  }

  /** Forgets every pending update (`deleteWebhook` / `setWebhook` with `drop_pending_updates`). */
  clear(): void {
    this.updates = [];
  }

  /** Forgets pending updates and the `allowed_updates` filter; a waiting call keeps waiting. */
  reset(): void {
    this.updates = [];
    this.allowed = undefined;
  }

  async poll(request: PollRequest): Promise<Update[]> {
    if (request.allowedUpdates !== undefined) {
      this.allowed = request.allowedUpdates.length === 0 ? undefined : new Set(request.allowedUpdates);
    }
    this.confirm(request.offset ?? 0);
    const limit = Math.min(100, Math.max(1, request.limit ?? 100));
    this.waiter?.supersede();
    this.waiter = undefined;
    const ready = this.take(limit);
    const timeoutSeconds = request.timeoutSeconds ?? 0;
    if (ready.length > 0 || timeoutSeconds <= 0 || this.closed || request.signal?.aborted) return ready;

    return new Promise<Update[]>((resolve, reject) => {
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const settle = (outcome: Update[] | BotApiError) => {
        if (settled) return;
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        request.signal?.removeEventListener("abort", onAbort);
        this.held.delete(waiter);
        if (this.waiter === waiter) this.waiter = undefined;
        if (outcome instanceof BotApiError) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = () => settle([]);
      const waiter: Waiter = {
        limit,
        resolve: settle,
        // A client that gave up (grammY's `bot.stop()` aborts, then polls again at once) is usually
        // noticed a moment after its successor arrives: only a call still open after that gets 409.
        supersede: () => {
          timers.push(setTimeout(() => settle(conflict()), SUPERSEDED_GRACE_MS));
        },
      };
      timers.push(setTimeout(() => settle([]), timeoutSeconds * 1000));
      request.signal?.addEventListener("abort", onAbort, { once: true });
      this.held.add(waiter);
      this.waiter = waiter;
    });
  }

  /** Answers every waiting call with no updates and every later call at once (the server is closing). */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.held]) waiter.resolve([]);
  }

  private wake(): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    const ready = this.take(waiter.limit);
    if (ready.length > 0) waiter.resolve(ready);
  }

  private confirm(offset: number): void {
    if (offset > 0) this.updates = this.updates.filter((update) => update.update_id >= offset);
    else if (offset < 0) this.updates = this.updates.slice(offset);
  }

  /** The first `limit` pending updates the bot asked for; updates it did not ask for are dropped. */
  private take(limit: number): Update[] {
    this.updates = this.updates.filter((update) => this.isAllowed(update));
    return this.updates.slice(0, limit);
  }

  private isAllowed(update: Update): boolean {
    const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
    return this.allowed === undefined ? !OPT_IN_KINDS.has(kind) : this.allowed.has(kind);
  }
}
