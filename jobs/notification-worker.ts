import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { EvidenceLinks } from "../src/conversation/review-message.ts";
import type { LocaleCode } from "../src/conversation/types.ts";
import type { Db } from "../src/db/client.ts";
import type { Logger } from "../src/logger.ts";
import { homesToRefresh } from "../src/notifications/home-board.ts";
import {
  absenceNotices,
  decisionNotices,
  feedbackNotices,
  type Notice,
  reviewRequestNotices,
} from "../src/notifications/notices.ts";
import {
  type OutboundSender,
  PlatformNotConfigured,
  RateLimited,
  RecipientUnreachable,
} from "../src/outbound/port.ts";
import { markUnreachable } from "../src/services/recipients.ts";
import { createUnitCalendarCache } from "../src/services/unit-calendar-cache.ts";
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
  /** How long unit rules and holidays are kept (as in the conversation engine) */
  unitCacheTtlMs?: number;
}

/** The employee a notification is about (whose supervisors' boards change). */
async function employeeOf(db: Db, job: NotificationJob): Promise<string | null> {
  if (job.kind === "review-request" || job.kind === "decision") {
    return (
      (await db.activity.findUnique({ where: { id: job.activityId }, select: { personId: true } }))
        ?.personId ?? null
    );
  }
  if (job.kind === "absence") {
    return (
      (await db.absence.findUnique({ where: { id: job.absenceId }, select: { personId: true } }))?.personId ??
      null
    );
  }
  return null;
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
  const unitCalendars = createUnitCalendarCache(deps.unitCacheTtlMs ?? 30_000);

  /** The reviewers' home screens (Slack App Home) show who reported and what waits: refresh them. */
  async function refreshHomes(job: NotificationJob): Promise<void> {
    const employeeId = await employeeOf(db, job);
    if (!employeeId || !deps.outbound.publishHome) return;
    const homeDeps = { now: deps.clock(), defaultLocale: deps.defaultLocale, unitCalendars };
    for (const home of await homesToRefresh(db, employeeId, homeDeps)) {
      try {
        await deps.outbound.publishHome(home.address, home.message);
      } catch (error) {
        logger.warn({ err: error }, "home screen refresh failed");
      }
    }
  }

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
          } else if (error instanceof PlatformNotConfigured) {
            // The person's platform is not connected in this deployment: nothing a retry would change.
            logger.warn(
              { personId: notice.recipient.personId, platform: error.platform },
              "platform not configured",
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
      await refreshHomes(job.data);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  worker.on("failed", (job, error) => logger.error({ err: error, jobId: job?.id }, "notification failed"));
  worker.on("error", (error) => logger.error({ err: error }, "notification worker error"));
  return worker;
}
