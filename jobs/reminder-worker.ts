import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { LocaleCode } from "../src/conversation/types.ts";
import type { Db } from "../src/db/client.ts";
import type { Logger } from "../src/logger.ts";
import { isStillDue, reminderMessage, reminderRecipient } from "../src/notifications/reminders.ts";
import { type OutboundSender, RateLimited, RecipientUnreachable } from "../src/outbound/port.ts";
import { markUnreachable } from "../src/services/recipients.ts";
import {
  abandonStaleDelivery,
  type ClaimResult,
  claimDeliveries,
  markDeliveriesSent,
  releaseDelivery,
  settleDelivery,
} from "../src/services/reminder-deliveries.ts";
import { createUnitCalendarCache } from "../src/services/unit-calendar-cache.ts";
import { batchCalls } from "./batched-calls.ts";
import { REMINDERS_QUEUE, type ReminderJob } from "./reminder-queue.ts";
import { createSendPacer } from "./send-pacer.ts";

export interface ReminderWorkerDeps {
  connection: Redis;
  prefix: string;
  db: Db;
  outbound: OutboundSender;
  logger: Logger;
  defaultLocale: LocaleCode;
  clock: () => Date;
  /** TELEGRAM_SEND_RATE: proactive messages per second, all workers of the queue together */
  sendRatePerSecond: number;
  /** Jobs in flight per worker (default 8) */
  concurrency?: number;
  /**
   * BullMQ's job lock (default 30 s). A killed worker's jobs run again once it expires, and a row
   * SENDING for longer than this belongs to a worker that stopped mid-send.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (default: BullMQ's 30 s) */
  stalledIntervalMs?: number;
  /** How long unit rules and holidays are kept (default 30 s, as in the conversation engine) */
  unitCacheTtlMs?: number;
  /** Claims and SENT marks of jobs within this many ms share one statement (default 5) */
  batchWindowMs?: number;
  /** Sends are spaced this fraction below `sendRatePerSecond` (default 0.03, see send-pacer.ts) */
  paceMargin?: number;
}

/** What a job did, kept as the job's return value. */
export type ReminderOutcome = "sent" | "skipped" | "failed" | "already-settled" | "missing" | "abandoned";

export interface ReminderWorker {
  readonly worker: Worker<ReminderJob, ReminderOutcome>;
  /** Lets the jobs in flight finish, but gives up after `timeoutMs`; resolves true when closed in time */
  close(timeoutMs?: number): Promise<boolean>;
}

const DEFAULT_LOCK_MS = 30_000;
/** A send this much later than its pacing slot takes a new one (see send-pacer.ts). */
const LATE_FOR_SLOT_MS = 15;

/** Written on a row whose sender stopped mid-send (see the choice below). */
export const UNKNOWN_OUTCOME =
  "the worker stopped while sending: delivery unknown, not sent again (at most once)";

/** Another worker holds the row right now: retried with the job's backoff until it settles or goes stale. */
class HeldByAnotherWorker extends Error {
  constructor(deliveryId: string) {
    super(`reminder ${deliveryId} is being sent by another worker`);
    this.name = "HeldByAnotherWorker";
  }
}

/**
 * Sends reminder rows (jobs/reminder-queue.ts). Per job: wait for a send slot (send-pacer.ts: every
 * worker together stays just under TELEGRAM_SEND_RATE; BullMQ's global limiter is the ceiling), claim
 * the row PLANNED → SENDING together with everything the send needs (one statement, shared by the jobs
 * claiming at the same moment), decide again whether it is still due (SKIPPED if not), send through the
 * outbound port, SENT. A 429 puts the row back to PLANNED and pauses the whole queue for `retry_after`
 * without using an attempt; a blocked bot or missing chat marks the account unreachable and the row
 * FAILED, never retried; anything else puts the row back and lets BullMQ retry with backoff (FAILED
 * after the last attempt).
 *
 * The crash window, and the choice: **at most once** (SPEC section 7: at most once per person, day
 * and slot, also after a crash mid-run). A row is SENDING from its claim until SENT is recorded. Between
 * the claim and the HTTP request there is only in-process work (the still-due decision on facts read by
 * the claim, the message text; a new pacing slot, at most a few dozen ms, only when the claim made the
 * job miss its own). If the worker dies while a row is SENDING, its job runs again once the lock
 * expires and finds the row SENDING; once `sending_at` is older than the lock duration the row is set
 * FAILED with {@link UNKNOWN_OUTCOME} and never sent again. Such a reminder was delivered if its request
 * had left the process (most of the window is the HTTP round trip and the few ms before SENT is
 * written) and is lost if the process died before writing it: from the claim's answer to the request
 * on the socket is about 1–2 ms (measured: 0.3 ms of it in this file), so a hard kill loses on average
 * about `rate × 2 ms` reminders (≈ 2 at 1,000/s, ≈ 0.05 at Telegram's 25/s) and at most `concurrency`.
 * bench:reminders: 0–7 rows left mid-send per kill, every one of them delivered so far. Resending
 * instead (at least once) would turn every delivered one into a duplicate. A row SENDING for less than
 * the lock duration belongs to a live worker: the job is retried later and then finds it SENT (or
 * stale). SIGTERM (`close`) lets the rows in flight finish: nothing is left mid-send.
 */
export function startReminderWorker(deps: ReminderWorkerDeps): ReminderWorker {
  const { db, logger } = deps;
  const lockDurationMs = deps.lockDurationMs ?? DEFAULT_LOCK_MS;
  const unitCalendars = createUnitCalendarCache(deps.unitCacheTtlMs ?? 30_000);
  const concurrency = deps.concurrency ?? 8;
  const windowMs = deps.batchWindowMs ?? 5;
  const pacer = createSendPacer(
    deps.connection,
    `${deps.prefix}:${REMINDERS_QUEUE}:send-pace`,
    deps.sendRatePerSecond,
    deps.paceMargin !== undefined ? { margin: deps.paceMargin } : {},
  );
  const claim = batchCalls<ClaimResult>((ids) => claimDeliveries(db, ids, deps.clock()), {
    windowMs,
    maxBatch: concurrency,
  });
  const markSent = batchCalls<boolean>(
    async (ids) => {
      const changed = await markDeliveriesSent(db, ids, deps.clock());
      return new Map(ids.map((id) => [id, changed.has(id)]));
    },
    { windowMs, maxBatch: concurrency },
  );

  async function sendReminder(job: Job<ReminderJob, ReminderOutcome>): Promise<ReminderOutcome> {
    const { deliveryId } = job.data;
    // The slot first, then the claim: a row is SENDING while it waits for its turn only when the claim
    // made it miss that turn (see below).
    const slotAt = await pacer.take();
    const claimed = await claim(deliveryId);
    const now = deps.clock();
    if (claimed.kind === "missing") return "missing";
    if (claimed.kind === "not-planned") {
      if (claimed.status !== "SENDING") return "already-settled";
      const staleBefore = new Date(now.getTime() - lockDurationMs);
      if (claimed.sendingAt === null || claimed.sendingAt < staleBefore) {
        const abandoned = await abandonStaleDelivery(db, deliveryId, staleBefore, UNKNOWN_OUTCOME);
        if (abandoned) logger.warn({ deliveryId }, "reminder abandoned: its worker stopped mid-send");
        return abandoned ? "abandoned" : "already-settled";
      }
      throw new HeldByAnotherWorker(deliveryId);
    }

    const target = claimed.target;
    try {
      const check = await isStillDue(db, target, now, { unitCalendars });
      if (!check.due) {
        await settleDelivery(db, deliveryId, "SKIPPED", check.reason);
        return "skipped";
      }
      const recipient = reminderRecipient(target, deps.defaultLocale);
      if (!recipient) {
        await settleDelivery(db, deliveryId, "FAILED", "no reachable account");
        return "failed";
      }
      const message = reminderMessage(check.content, recipient.locale);
      // Much later than its slot, it would go out in a bunch with the sends after it: take a new turn.
      if (performance.now() - slotAt > LATE_FOR_SLOT_MS) await pacer.take();
      await deps.outbound.send(recipient.address, message);
    } catch (error) {
      if (error instanceof RateLimited) {
        await releaseDelivery(db, deliveryId, { error: null, refundAttempt: true });
        await pacer.pause(error.retryAfterMs);
        await worker.rateLimit(error.retryAfterMs);
        throw Worker.RateLimitError();
      }
      if (error instanceof RecipientUnreachable) {
        const recipient = reminderRecipient(target, deps.defaultLocale);
        if (recipient) await markUnreachable(db, recipient.address, error.reason, deps.clock());
        await settleDelivery(db, deliveryId, "FAILED", `recipient unreachable: ${error.reason}`);
        logger.warn({ deliveryId, personId: target.personId, reason: error.reason }, "recipient unreachable");
        throw new UnrecoverableError(`recipient unreachable: ${error.reason}`);
      }
      const text = error instanceof Error ? error.message : String(error);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await settleDelivery(db, deliveryId, "FAILED", `gave up: ${text}`.slice(0, 500));
      else await releaseDelivery(db, deliveryId, { error: text.slice(0, 500) });
      throw error;
    }
    await recordSent(deliveryId);
    return "sent";
  }

  /**
   * The message is out: record it, trying a few times. Should PostgreSQL stay away, the job fails, runs
   * again later, finds the row SENDING and, once stale, sets it FAILED (unknown): never a second message.
   */
  async function recordSent(deliveryId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await markSent(deliveryId)))
          logger.warn({ deliveryId }, "a sent reminder was no longer SENDING");
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        logger.warn({ err: error, deliveryId }, "recording a sent reminder failed; trying again");
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  const worker: Worker<ReminderJob, ReminderOutcome> = new Worker<ReminderJob, ReminderOutcome>(
    REMINDERS_QUEUE,
    sendReminder,
    {
      connection: deps.connection,
      prefix: deps.prefix,
      concurrency,
      // Global for the queue: every worker together stays within TELEGRAM_SEND_RATE.
      limiter: { max: deps.sendRatePerSecond, duration: 1000 },
      lockDuration: lockDurationMs,
      ...(deps.stalledIntervalMs !== undefined ? { stalledInterval: deps.stalledIntervalMs } : {}),
      // A job whose worker died is safe to run again (the row decides), so a few stalls are fine.
      maxStalledCount: 5,
    },
  );
  worker.on("failed", (job, error) => {
    const context = { err: error, jobId: job?.id, deliveryId: job?.data.deliveryId };
    if (error instanceof UnrecoverableError || error instanceof HeldByAnotherWorker) {
      logger.info(context, "reminder not sent");
    } else {
      logger.error(context, "reminder failed");
    }
  });
  worker.on("error", (error) => logger.error({ err: error }, "reminder worker error"));

  return {
    worker,
    async close(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const closed = worker.close().then(
        () => true,
        (error: unknown) => {
          logger.warn({ err: error }, "error while closing the reminder worker");
          return true;
        },
      );
      const deadline = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const inTime = await Promise.race([closed, deadline]);
      clearTimeout(timer);
      if (!inTime) logger.error({ timeoutMs }, "reminder worker did not close in time");
      return inTime;
    },
  };
}
