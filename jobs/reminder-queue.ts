import { Queue } from "bullmq";
import type { Redis } from "ioredis";

/**
 * The reminder queue: transport only. The truth about what must be sent and what was sent is the
 * `reminder_delivery` table (one row per person, local day and slot):
 *
 *   PLANNED  the scheduler found the person due and enqueued a job for the row
 *   SENDING  a worker claimed the row and is sending it (sending_at says since when)
 *   SENT     delivered (sent_at)
 *   SKIPPED  not sent on purpose when its turn came: reported meanwhile, absent, the day's window over
 *   FAILED   cannot be delivered (the person blocked the bot, the chat is gone): not retried
 *
 * Slots: "report-HH:MM" (daily report reminder at the unit's reminder time), "escalation" (09:00 of the
 * next working day, to a supervisor, about reports missing on the previous working day), "pending-review"
 * (08:00, to a supervisor with reports waiting more than one working day), and the periodic evaluation's
 * "penilaian-buka:<KODE>", "penilaian-pengingat:<KODE>" and "penilaian-eskalasi:<KODE>" (to raters and their
 * supervisors; src/services/evaluation-reminders.ts).
 */
export const REMINDERS_QUEUE = "reminders";

export interface ReminderJob {
  deliveryId: string;
}

/** Deterministic, so several schedulers enqueue a row once (ids may not contain ":" or be all digits). */
export function reminderJobId(deliveryId: string): string {
  return `reminder-${deliveryId}`;
}

export const REMINDER_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 5_000 },
  // Kept for two days: a job id seen again within that time is not enqueued twice.
  removeOnComplete: { age: 2 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createReminderQueue(connection: Redis, prefix: string): Queue<ReminderJob> {
  return new Queue<ReminderJob>(REMINDERS_QUEUE, { connection, prefix });
}

const ENQUEUE_CHUNK = 1000;
const ENQUEUE_IN_FLIGHT = 3;

export async function enqueueReminders(
  queue: Queue<ReminderJob>,
  deliveryIds: readonly string[],
): Promise<void> {
  // Chunks of 1,000, three on the wire at once: BullMQ's packing of one chunk (client CPU) overlaps
  // Redis running the one before (100,000 jobs: 8.1 s one at a time, see README "bench:reminders").
  let next = 0;
  let failed = false;
  const sendChunks = async () => {
    for (let i = next; i < deliveryIds.length && !failed; i = next) {
      next += ENQUEUE_CHUNK;
      await queue
        .addBulk(
          deliveryIds.slice(i, i + ENQUEUE_CHUNK).map((deliveryId) => ({
            name: "reminder",
            data: { deliveryId },
            opts: { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(deliveryId) },
          })),
        )
        .catch((error: unknown) => {
          // The caller sees the first failure; the other chunks stop (the next pass enqueues the rest).
          failed = true;
          throw error;
        });
    }
  };
  await Promise.all(Array.from({ length: ENQUEUE_IN_FLIGHT }, sendChunks));
}
