import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { NotificationJob } from "../src/outbox/notification-job.ts";

export const NOTIFICATIONS_QUEUE = "notifications";

export const NOTIFICATION_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  // Kept for two days so a row relayed again (its job id) is recognised as a duplicate.
  removeOnComplete: { age: 2 * 24 * 3600 },
  // A job that used up its attempts is forgotten, so the relay's next hand-over of its unfinished row is its retry.
  removeOnFail: true,
} as const;

export function createNotificationQueue(connection: Redis, prefix: string): Queue<NotificationJob> {
  return new Queue<NotificationJob>(NOTIFICATIONS_QUEUE, { connection, prefix });
}
