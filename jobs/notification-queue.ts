import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Effect } from "../src/conversation/context.ts";
import type { EffectSink } from "../src/conversation/engine.ts";

export const NOTIFICATIONS_QUEUE = "notifications";

export type NotificationJob =
  | { kind: "review-request"; activityId: string; sentTo?: string[] }
  | { kind: "decision"; activityId: string; sentTo?: string[] }
  | { kind: "absence"; absenceId: string; sentTo?: string[] }
  | { kind: "feedback"; feedbackId: string; sentTo?: string[] };

export const NOTIFICATION_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  // Kept for two days so a re-published effect with the same job id is recognised as a duplicate.
  removeOnComplete: { age: 2 * 24 * 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createNotificationQueue(connection: Redis, prefix: string): Queue<NotificationJob> {
  return new Queue<NotificationJob>(NOTIFICATIONS_QUEUE, { connection, prefix });
}

/** The job for an effect, with a deterministic id (no ":"; not digits only) so it is enqueued once. */
export function jobFor(effect: Effect): { name: string; data: NotificationJob; opts: { jobId: string } } {
  switch (effect.kind) {
    case "activity-submitted":
      return {
        name: "review-request",
        data: { kind: "review-request", activityId: effect.activityId },
        opts: { jobId: `review-${effect.activityId}-v${effect.version}` },
      };
    case "activity-decided":
      return {
        name: "decision",
        data: { kind: "decision", activityId: effect.activityId },
        opts: { jobId: `decision-${effect.activityId}-v${effect.version}` },
      };
    case "absence-declared":
      return {
        name: "absence",
        data: { kind: "absence", absenceId: effect.absenceId },
        opts: { jobId: `absence-${effect.absenceId}` },
      };
    case "feedback-given":
      return {
        name: "feedback",
        data: { kind: "feedback", feedbackId: effect.feedbackId },
        opts: { jobId: `feedback-${effect.feedbackId}` },
      };
  }
}

/** The conversation core's effects become notification jobs. */
export function queueEffectSink(queue: Queue<NotificationJob>): EffectSink {
  return {
    async publish(effects) {
      await queue.addBulk(
        effects.map((effect) => {
          const job = jobFor(effect);
          return { ...job, opts: { ...job.opts, ...NOTIFICATION_JOB_OPTIONS } };
        }),
      );
    },
  };
}
