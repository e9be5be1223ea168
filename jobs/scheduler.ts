import type { Queue } from "bullmq";
import type { Logger } from "../src/logger.ts";
import type { Tx } from "../src/services/db-types.ts";
import { planDueReminders } from "../src/services/reminder-planner.ts";
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
  ms: number;
}

export interface Scheduler {
  /** Runs a pass now, after the one under way if any; resolves with its counts (null if it failed or stopped). */
  runOnce(): Promise<SchedulerPass | null>;
  /** Stops the clock and waits for the pass under way. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  db: Tx;
  queue: Queue<ReminderJob>;
  logger: Logger;
  /** "Now" for planning (tests and the simulator inject their own) */
  clock: () => Date;
  /** Interval between passes, aligned to multiples of it on the wall clock; one minute by default */
  everyMs?: number;
  /**
   * How often a pass hands every due PLANNED row to the queue again, including the rows this process
   * already enqueued (a job lost in Redis comes back then); in between only rows new to this process
   * are enqueued. Ten minutes by default; the first pass always does it.
   */
  fullEnqueueEveryMs?: number;
}

/** Fire a little after the boundary, so a pass never runs just before the minute a slot falls due. */
const AFTER_BOUNDARY_MS = 200;

/**
 * The scheduler role's clock: plans the reminders due at `clock()` and enqueues them, once at start
 * (catch-up after downtime) and then at every minute boundary. A plain timer, not a cron library: the
 * planner works out each unit's due slots in its own zone, so one zone-less tick per minute is all that
 * is needed, and a pass that outlasts the minute is never overlapped by the next one (the tick is then
 * skipped). Every process may run its own scheduler: rows are unique per person, day and slot, and job
 * ids are derived from the rows, so concurrent or repeated passes plan and enqueue each reminder once.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, queue, logger, clock } = options;
  const everyMs = options.everyMs ?? 60_000;
  const fullEnqueueEveryMs = options.fullEnqueueEveryMs ?? 10 * 60_000;
  // Due PLANNED rows this process has enqueued: re-adding them every minute would be a no-op for the
  // queue (job ids) but costs Redis a few seconds per 100,000 rows while a slot is being sent.
  let enqueuedBefore = new Set<string>();
  let lastFullEnqueue = Number.NEGATIVE_INFINITY;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let chain: Promise<unknown> = Promise.resolve();

  const pass = async (): Promise<SchedulerPass | null> => {
    if (stopped) return null;
    const at = clock();
    const started = performance.now();
    try {
      const full = started - lastFullEnqueue >= fullEnqueueEveryMs;
      // Full passes also close PLANNED rows of days already over; the first looks further back (downtime).
      const sweepDays = !full ? 0 : lastFullEnqueue === Number.NEGATIVE_INFINITY ? 35 : 3;
      const result = await planDueReminders(db, { now: at, sweepDays });
      const toEnqueue = full
        ? result.deliveryIds
        : result.deliveryIds.filter((id) => !enqueuedBefore.has(id));
      await enqueueReminders(queue, toEnqueue);
      enqueuedBefore = new Set(result.deliveryIds);
      if (full) lastFullEnqueue = started;
      const done: SchedulerPass = {
        at,
        planned: result.planned,
        due: result.deliveryIds.length,
        enqueued: toEnqueue.length,
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

  const arm = () => {
    if (stopped) return;
    const wait = everyMs - (Date.now() % everyMs) + Math.min(AFTER_BOUNDARY_MS, everyMs / 4);
    timer = setTimeout(() => {
      // A pass still running when the next boundary comes: skip this tick rather than pile up.
      if (!running) void runOnce();
      arm();
    }, wait);
  };

  void runOnce();
  arm();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
