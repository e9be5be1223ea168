import { DelayedError, type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { LocaleCode } from "../src/conversation/types.ts";
import type { Db } from "../src/db/client.ts";
import type { ReminderMetrics, SendOutcome } from "../src/http/metrics.ts";
import type { Logger } from "../src/logger.ts";
import { isStillDue, reminderMessage, reminderRecipient } from "../src/notifications/reminders.ts";
import {
  DeliveryUncertain,
  type OutboundSender,
  RateLimited,
  RecipientUnreachable,
} from "../src/outbound/port.ts";
import { whenRequestLeaves } from "../src/outbound/request-leaving.ts";
import { markUnreachable } from "../src/services/recipients.ts";
import {
  abandonStaleDelivery,
  type ClaimResult,
  claimDeliveries,
  markDeliveriesSent,
  type ReminderTarget,
  reclaimStaleDelivery,
  releaseDelivery,
  settleDelivery,
} from "../src/services/reminder-deliveries.ts";
import { createLeftMarkPool, type LeftMark, prepareLeftMark } from "../src/services/reminder-left-marks.ts";
import { createUnitCalendarCache } from "../src/services/unit-calendar-cache.ts";
import { batchCalls } from "./batched-calls.ts";
import { REMINDERS_QUEUE, type ReminderJob } from "./reminder-queue.ts";
import { createSendPacer } from "./send-pacer.ts";

export interface ReminderWorkerDeps {
  connection: Redis;
  prefix: string;
  db: Db;
  /** Marks of requests leaving are written on connections of their own (see reminder-left-marks.ts) */
  databaseUrl: string;
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
  /** Sends, 429s and settled rows are counted here (src/http/metrics.ts) */
  metrics?: ReminderMetrics;
}

/** What a job did, kept as the job's return value. */
export type ReminderOutcome = "sent" | "skipped" | "failed" | "already-settled" | "missing" | "abandoned";

export interface ReminderWorker {
  readonly worker: Worker<ReminderJob, ReminderOutcome>;
  /** Lets the jobs in flight finish, but gives up after `timeoutMs`; resolves true when closed in time */
  close(timeoutMs?: number): Promise<boolean>;
}

const DEFAULT_LOCK_MS = 30_000;

/** Written on a row whose worker stopped after its request left, before the answer (see below). */
export const REQUEST_LEFT = "the worker stopped after the request left: counted as sent, not sent again";

/**
 * Sends reminder rows (jobs/reminder-queue.ts). Per job: claim the row PLANNED → SENDING together
 * with everything the send needs, decide again whether it is still due (SKIPPED if not), wait for a
 * send slot (send-pacer.ts: every worker together stays just under TELEGRAM_SEND_RATE; BullMQ's global
 * limiter is the ceiling), send through the outbound port, SENT. A 429 puts the row back to PLANNED and
 * pauses the whole queue for `retry_after` without using an attempt; a blocked bot or missing chat
 * marks the account unreachable and the row FAILED, never retried; anything else puts the row back and
 * lets BullMQ retry with backoff (FAILED after the last attempt), except when the request had left and no
 * answer came (timeout, connection cut): the platform may have the message, so the row is FAILED and
 * the reminder not sent again.
 *
 * A worker killed mid-send (SPEC section 7: at most once per person, day and slot, also after a crash,
 * and none missed). The claim records when the row was claimed; the instant the request leaves is
 * recorded too (`left_at`): the sender's fetch holds the request until its socket is connected, then,
 * in one synchronous step, calls us (the mark is written to PostgreSQL's socket) and writes the request
 * (request-leaving.ts, observed-fetch.ts). When a job runs again after its worker died (its lock
 * expired) and finds the row SENDING for longer than the lock duration: without the mark the request
 * never left, so it claims the row again and sends it; with the mark the request is on the wire, so the
 * row is recorded SENT with {@link REQUEST_LEFT} and never sent again. What remains is the microseconds
 * between the two writes inside that step (a kill there loses the reminder), and a PostgreSQL failure on
 * that very mark (the reminder would go out again). Senders that cannot pin the instant down (Slack's
 * client) get the mark just before their request: at most once there. A row SENDING for less than the
 * lock duration belongs to a live worker: the job is retried later and finds it settled. SIGTERM
 * (`close`) lets the rows in flight finish.
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
  // One connection per job in flight, ready to write its mark the instant the request leaves.
  const leftMarks = createLeftMarkPool(deps.databaseUrl, concurrency + 1);
  leftMarks.on("error", (error) => logger.warn({ err: error }, "reminder mark connection error"));
  // Keyed by `<id>@<claimedAt>`: a claim, not just a row, is marked sent.
  const markSent = batchCalls<boolean>(
    async (keys) => {
      const claims = keys.map((key) => {
        const [id = "", at = ""] = key.split("@");
        return { id, claimedAt: at ? new Date(at) : null };
      });
      const changed = await markDeliveriesSent(db, claims, deps.clock());
      return new Map(keys.map((key, i) => [key, changed.has(claims[i]!.id)]));
    },
    { windowMs, maxBatch: concurrency },
  );

  async function sendReminder(
    job: Job<ReminderJob, ReminderOutcome>,
    token?: string,
  ): Promise<ReminderOutcome> {
    const { deliveryId } = job.data;
    const claimed = await claim(deliveryId);
    const now = deps.clock();
    let target: ReminderTarget;
    if (claimed.kind === "missing") return "missing";
    if (claimed.kind === "not-planned") {
      if (claimed.status !== "SENDING") return "already-settled";
      const staleBefore = new Date(now.getTime() - lockDurationMs);
      if (claimed.sendingAt !== null && claimed.sendingAt >= staleBefore) {
        // Another worker holds it: look again once its claim could be stale, without using an attempt.
        logger.info({ deliveryId }, "reminder held by another worker; looking again later");
        await job.moveToDelayed(Date.now() + lockDurationMs / 2, token);
        throw new DelayedError();
      }
      if (claimed.left) {
        const abandoned = await abandonStaleDelivery(db, deliveryId, staleBefore, REQUEST_LEFT);
        if (abandoned) logger.warn({ deliveryId }, "reminder's worker stopped after sending; not sent again");
        return abandoned ? "abandoned" : "already-settled";
      }
      const again = await reclaimStaleDelivery(db, deliveryId, staleBefore, now);
      if (!again) return "already-settled";
      logger.warn({ deliveryId }, "reminder's worker stopped before sending; sending it now");
      target = again;
    } else {
      target = claimed.target;
    }
    const held = { id: deliveryId, claimedAt: target.claimedAt };
    const claimedAtMs = performance.now();

    let mark: LeftMark | undefined;
    let left: Promise<void> | undefined;
    let sentTo: string | undefined;
    const countSend = (outcome: SendOutcome) => {
      if (sentTo) deps.metrics?.sends.inc({ platform: sentTo, outcome });
    };
    try {
      const check = await isStillDue(db, target, now, { unitCalendars });
      if (!check.due) {
        await settleDelivery(db, held, "SKIPPED", check.reason);
        return "skipped";
      }
      const recipient = reminderRecipient(target, deps.defaultLocale);
      if (!recipient) {
        await settleDelivery(db, held, "FAILED", "no reachable account");
        return "failed";
      }
      const message = reminderMessage(check.content, recipient.locale);
      const ready = await prepareLeftMark(leftMarks, held, deps.clock);
      mark = ready;
      const markLeft = (): Promise<void> => {
        // A claim older than its lock may have been taken over by another worker: never send on it.
        if (left === undefined && performance.now() - claimedAtMs > lockDurationMs * 0.9)
          throw new Error("the claim outlived its lock; not sending on it");
        left ??= ready.writeNow();
        return left;
      };
      // The send slot last, right before the request goes out.
      await pacer.take();
      sentTo = recipient.address.platform;
      if (deps.outbound.signalsRequestLeaving?.(recipient.address)) {
        await whenRequestLeaves(
          () => {
            // Throwing here cancels the request before it is written (observed-fetch.ts).
            markLeft().catch(() => undefined);
          },
          () => deps.outbound.send(recipient.address, message),
        );
      } else {
        await markLeft();
        await deps.outbound.send(recipient.address, message);
      }
      await markLeft().catch((error: unknown) => {
        // The reminder is out; recording SENT below settles the row all the same.
        logger.warn({ err: error, deliveryId }, "marking a reminder's request as out failed");
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // A mark still on its way must land before the row is released or settled below.
      const wasOut =
        left !== undefined &&
        (await left.then(
          () => true,
          () => true,
        ));
      if (wasOut && error instanceof DeliveryUncertain) {
        countSend("uncertain");
        // The request left and no answer came: Telegram may have it. Never twice, so not again.
        await settleDelivery(db, held, "FAILED", `no answer after the request left: ${text}`.slice(0, 500));
        throw new UnrecoverableError(text);
      }
      if (error instanceof RateLimited) {
        countSend("rate_limited");
        if (sentTo) deps.metrics?.rateLimited.inc({ platform: sentTo });
        await releaseDelivery(db, held, { error: null, refundAttempt: true });
        await pacer.pause(error.retryAfterMs);
        await worker.rateLimit(error.retryAfterMs);
        throw Worker.RateLimitError();
      }
      if (error instanceof RecipientUnreachable) {
        countSend("unreachable");
        const recipient = reminderRecipient(target, deps.defaultLocale);
        if (recipient) await markUnreachable(db, recipient.address, error.reason, deps.clock());
        await settleDelivery(db, held, "FAILED", `recipient unreachable: ${error.reason}`);
        logger.warn({ deliveryId, personId: target.personId, reason: error.reason }, "recipient unreachable");
        throw new UnrecoverableError(`recipient unreachable: ${error.reason}`);
      }
      countSend("error");
      if (lastAttempt) await settleDelivery(db, held, "FAILED", `gave up: ${text}`.slice(0, 500));
      else await releaseDelivery(db, held, { error: text.slice(0, 500) });
      throw error;
    } finally {
      await mark?.release();
    }
    countSend("sent");
    await recordSent(`${deliveryId}@${target.claimedAt?.toISOString() ?? ""}`);
    return "sent";
  }

  /**
   * The message is out: record it, trying again while PostgreSQL is away (up to the lock duration). If
   * it never comes back in that time the job fails; its next run finds the row SENDING with its request
   * marked as out (never sent again), or, if that mark was lost in the same outage, sends it again.
   */
  async function recordSent(claimKey: string): Promise<void> {
    const deliveryId = claimKey.split("@")[0];
    const giveUpAt = performance.now() + lockDurationMs;
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await markSent(claimKey))) logger.warn({ deliveryId }, "a sent reminder was no longer SENDING");
        return;
      } catch (error) {
        if (performance.now() >= giveUpAt) throw error;
        logger.warn({ err: error, deliveryId }, "recording a sent reminder failed; trying again");
        await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 2_000)));
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
  const settledAs: Partial<Record<ReminderOutcome, "SENT" | "SKIPPED" | "FAILED">> = {
    sent: "SENT",
    skipped: "SKIPPED",
    failed: "FAILED",
  };
  worker.on("completed", (_job, outcome) => {
    const status = settledAs[outcome];
    if (status) deps.metrics?.reminderOutcomes.inc({ status });
  });
  worker.on("failed", (job, error) => {
    const final =
      error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
    if (final) deps.metrics?.reminderOutcomes.inc({ status: "FAILED" });
    const context = { err: error, jobId: job?.id, deliveryId: job?.data.deliveryId };
    if (error instanceof UnrecoverableError) {
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
      await leftMarks.end().catch(() => undefined);
      return inTime;
    },
  };
}
