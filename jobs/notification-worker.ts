import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { EvidenceLinks } from "../src/conversation/review-message.ts";
import type { LocaleCode } from "../src/conversation/types.ts";
import type { Db } from "../src/db/client.ts";
import type { Logger } from "../src/logger.ts";
import {
  absenceNotices,
  decisionNotices,
  feedbackNotices,
  type Notice,
  reviewRequestNotices,
} from "../src/notifications/notices.ts";
import { type OutboundSender, RateLimited, RecipientUnreachable } from "../src/outbound/port.ts";
import { markUnreachable } from "../src/services/recipients.ts";
import { NOTIFICATIONS_QUEUE, type NotificationJob } from "./notification-queue.ts";

export interface NotificationWorkerDeps {
  connection: Redis;
  prefix: string;
  db: Db;
  outbound: OutboundSender;
  logger: Logger;
  defaultLocale: LocaleCode;
  links: EvidenceLinks;
  clock: () => Date;
  concurrency?: number;
}

async function noticesFor(db: Db, job: NotificationJob, deps: NotificationWorkerDeps): Promise<Notice[]> {
  const noticeDeps = { defaultLocale: deps.defaultLocale, links: deps.links, now: deps.clock() };
  if (job.kind === "review-request") return reviewRequestNotices(db, job.activityId, noticeDeps);
  if (job.kind === "decision") return decisionNotices(db, job.activityId, noticeDeps);
  if (job.kind === "feedback") return feedbackNotices(db, job.feedbackId, noticeDeps);
  return absenceNotices(db, job.absenceId, noticeDeps);
}

/**
 * Sends notifications through the outbound port. A job may have several recipients; those already
 * sent are remembered in the job, so a retry after a 429 or a crash does not send them twice.
 */
export function startNotificationWorker(deps: NotificationWorkerDeps): Worker<NotificationJob> {
  const { db, logger } = deps;
  const worker: Worker<NotificationJob> = new Worker<NotificationJob>(
    NOTIFICATIONS_QUEUE,
    async (job: Job<NotificationJob>) => {
      const sentTo = new Set(job.data.sentTo ?? []);
      for (const notice of await noticesFor(db, job.data, deps)) {
        if (sentTo.has(notice.recipient.personId)) continue;
        try {
          await deps.outbound.send(notice.recipient.address, notice.message);
        } catch (error) {
          if (error instanceof RecipientUnreachable) {
            await markUnreachable(db, notice.recipient.address, error.reason, deps.clock());
            logger.warn(
              { personId: notice.recipient.personId, reason: error.reason },
              "recipient unreachable",
            );
          } else if (error instanceof RateLimited) {
            await worker.rateLimit(error.retryAfterMs);
            throw Worker.RateLimitError();
          } else {
            throw error;
          }
        }
        sentTo.add(notice.recipient.personId);
        await job.updateData({ ...job.data, sentTo: [...sentTo] });
      }
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  worker.on("failed", (job, error) => logger.error({ err: error, jobId: job?.id }, "notification failed"));
  worker.on("error", (error) => logger.error({ err: error }, "notification worker error"));
  return worker;
}
