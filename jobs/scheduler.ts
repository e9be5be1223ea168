import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { type Logger as CronLogger, createTask } from "node-cron";
import type { Logger } from "../src/logger.ts";
import type { Tx } from "../src/services/db-types.ts";
import { closeExpiredEvaluations } from "../src/services/evaluation-closing.ts";
import { planDueReminders } from "../src/services/reminder-planner.ts";
import { type PruneResult, pruneOldRows, type RetentionRules } from "../src/services/retention.ts";
import { enqueueReminders, type ReminderJob } from "./reminder-queue.ts";

/** What one planning pass did. */
export interface SchedulerPass {
  at: Date;
  /** Rows this pass created */
  planned: number;
  /** PLANNED rows of slots already due (whoever planned them) */
  due: number;
  /** Of those, the ones handed to the queue by this pass (rows already queued are deduplicated by job id) */
  enqueued: number;
  /** Evaluation results this pass made final (their objection window over; null if that step failed) */
  finalised: number | null;
  ms: number;
}

export interface Scheduler {
  /** Runs a pass now, after the one under way if any; resolves with its counts (null if it failed or stopped). */
  runOnce(): Promise<SchedulerPass | null>;
  /** Prunes old bookkeeping rows now (the daily job does the same); null if it failed or stopped. */
  pruneNow(): Promise<PruneResult | null>;
  /** Stops the clock and waits for the pass under way. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  db: Tx;
  queue: Queue<ReminderJob>;
  /** The queue's Redis connection: when it comes back after a loss, a full pass runs at once */
  queueConnection?: Redis;
  logger: Logger;
  /** "Now" for planning and pruning (tests and the simulator inject their own) */
  clock: () => Date;
  /** node-cron pattern of the planning tick: every minute by default (tests tick every second) */
  tickCron?: string;
  /**
   * How often a pass hands every due PLANNED row to the queue again, including the rows this process
   * already enqueued (a job lost in Redis comes back then); in between only rows new to this process
   * are enqueued. Ten minutes by default; the first pass always does it.
   */
  fullEnqueueEveryMs?: number;
  /** node-cron pattern of the daily prune, in {@link PRUNE_TIME_ZONE}: 02:30 by default */
  pruneCron?: string;
  retention?: RetentionRules;
}

/**
 * The minute tick's zone. Every zone units use (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) is a
 * whole number of hours from UTC without daylight saving, so their minutes start at the same instant
 * and one tick serves all of them; the planner works out each unit's due slots in the unit's own zone.
 */
export const TICK_TIME_ZONE = "Asia/Jakarta";
/** 02:30 WIB is 03:30 WITA and 04:30 WIT: night everywhere, before any reminder slot. */
export const PRUNE_TIME_ZONE = "Asia/Jakarta";

/**
 * The scheduler role's clock (node-cron): plans the reminders due at `clock()` and enqueues them, once
 * at start (catch-up after downtime) and then every minute, and makes final the evaluation results whose
 * objection window is over (services/evaluation-closing.ts); once a day it prunes bookkeeping rows
 * (services/retention.ts). A pass that outlasts the minute is never overlapped by the next one (the
 * tick is then skipped; the next pass plans everything due by then). Every process may run its own
 * scheduler: rows are unique per person, day and slot, and job ids are derived from the rows, so
 * concurrent or repeated passes plan and enqueue each reminder once, and a prune deletes what is left.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, queue, logger, clock } = options;
  const fullEnqueueEveryMs = options.fullEnqueueEveryMs ?? 10 * 60_000;
  // Due PLANNED rows this process has enqueued: re-adding them every minute would be a no-op for the
  // queue (job ids) but costs Redis a few seconds per 100,000 rows while a slot is being sent.
  let enqueuedBefore = new Set<string>();
  let lastFullEnqueue = Number.NEGATIVE_INFINITY;
  // Set when the queue's Redis connection came back: a Redis restarted without persistence has lost
  // every queued job, so the pass right after hands every due row to the queue again (job ids keep
  // the rows still queued from being queued twice).
  let redisCameBack = false;
  let stopped = false;
  let running = false;
  let chain: Promise<unknown> = Promise.resolve();

  const pass = async (): Promise<SchedulerPass | null> => {
    if (stopped) return null;
    const at = clock();
    const started = performance.now();
    // First, and on its own: results are closed in PostgreSQL even while the queue's Redis is away.
    const finalised = await closeEvaluations(at);
    try {
      const full = redisCameBack || started - lastFullEnqueue >= fullEnqueueEveryMs;
      // Full passes also close PLANNED rows of days already over; the first looks further back (downtime).
      const sweepDays = !full ? 0 : lastFullEnqueue === Number.NEGATIVE_INFINITY ? 35 : 3;
      const result = await planDueReminders(db, { now: at, sweepDays });
      const toEnqueue = full
        ? result.deliveryIds
        : result.deliveryIds.filter((id) => !enqueuedBefore.has(id));
      await enqueueReminders(queue, toEnqueue);
      enqueuedBefore = new Set(result.deliveryIds);
      if (full) {
        lastFullEnqueue = started;
        redisCameBack = false;
      }
      const done: SchedulerPass = {
        at,
        planned: result.planned,
        due: result.deliveryIds.length,
        enqueued: toEnqueue.length,
        finalised,
        ms: Math.round(performance.now() - started),
      };
      const fields = {
        planned: done.planned,
        due: done.due,
        enqueued: done.enqueued,
        expired: result.expired,
        ms: done.ms,
      };
      if (done.planned > 0 || done.enqueued > 0 || result.expired > 0)
        logger.info(fields, "reminders planned");
      else logger.debug(fields, "no reminders due");
      if (result.skippedUnitIds.length > 0) {
        logger.warn({ unitIds: result.skippedUnitIds }, "units without a usable zone or working days");
      }
      return done;
    } catch (error) {
      // Rows already made stay PLANNED and are enqueued again by the next pass.
      logger.warn({ err: error }, "reminder planning failed; the next pass tries again");
      return null;
    }
  };

  /** One set-based statement; a failure is logged and left to the next pass (it changes nothing). */
  const closeEvaluations = async (at: Date): Promise<number | null> => {
    try {
      const closed = await closeExpiredEvaluations(db, at);
      if (closed > 0) logger.info({ closed }, "evaluation results made final");
      return closed;
    } catch (error) {
      logger.warn({ err: error }, "closing evaluation results failed; the next pass tries again");
      return null;
    }
  };

  const runOnce = (): Promise<SchedulerPass | null> => {
    const next = chain.then(async () => {
      running = true;
      try {
        return await pass();
      } finally {
        running = false;
      }
    });
    chain = next;
    return next;
  };

  const pruneNow = async (): Promise<PruneResult | null> => {
    if (stopped) return null;
    try {
      const result = await pruneOldRows(db, clock(), options.retention);
      logger.info(result, "old bookkeeping rows pruned");
      return result;
    } catch (error) {
      logger.warn({ err: error }, "pruning failed; tomorrow's run tries again");
      return null;
    }
  };
  let pruning: Promise<unknown> = Promise.resolve();

  const cronLogger = cronLoggerFor(logger);
  const tick = createTask(
    options.tickCron ?? "* * * * *",
    // A pass still running (or asked for with runOnce) when the tick comes: skip it rather than pile up.
    () => {
      if (!running) return runOnce();
      logger.debug("a planning pass is still running; this tick is skipped");
    },
    {
      name: "plan-reminders",
      timezone: TICK_TIME_ZONE,
      noOverlap: true,
      // A tick late by seconds (a busy event loop) still runs instead of being dropped as missed.
      missedExecutionTolerance: 30_000,
      logger: cronLogger,
    },
  );
  const prune = createTask(
    options.pruneCron ?? "30 2 * * *",
    () => {
      pruning = pruneNow();
      return pruning;
    },
    { name: "prune", timezone: PRUNE_TIME_ZONE, noOverlap: true, logger: cronLogger },
  );

  let lost = false;
  options.queueConnection?.on("close", () => {
    lost = true;
  });
  options.queueConnection?.on("ready", () => {
    if (!lost || stopped) return;
    lost = false;
    redisCameBack = true;
    logger.info("redis is back: every due reminder is handed to the queue again");
    void runOnce();
  });
  void runOnce();
  void tick.start();
  void prune.start();

  return {
    runOnce,
    pruneNow,
    async stop() {
      stopped = true;
      await Promise.all([tick.destroy(), prune.destroy()]);
      await Promise.all([chain, pruning]);
    },
  };
}

/** node-cron's own warnings (a skipped or missed tick) go to the process log. */
function cronLoggerFor(logger: Logger): CronLogger {
  return {
    info: (message) => logger.debug({ source: "node-cron" }, message),
    warn: (message) => logger.warn({ source: "node-cron" }, message),
    error: (message, err) =>
      logger.error({ source: "node-cron", err: err ?? message }, "scheduler task failed"),
    debug: (message) => logger.debug({ source: "node-cron" }, String(message)),
  };
}
