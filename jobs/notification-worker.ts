import { type Job, RateLimitError, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { EvidenceLinks } from "../src/conversation/review-message.ts";
import type { LocaleCode } from "../src/conversation/types.ts";
import type { Db } from "../src/db/client.ts";
import type { SendMetrics } from "../src/http/metrics.ts";
import type { Logger } from "../src/logger.ts";
import {
  evaluationNotices,
  objectionDecisionNotices,
  objectionNotices,
} from "../src/notifications/evaluation-notices.ts";
import { homesToRefresh } from "../src/notifications/home-board.ts";
import {
  absenceNotices,
  decisionNotices,
  feedbackNotices,
  kudosNotices,
  type Notice,
  reviewRequestNotices,
} from "../src/notifications/notices.ts";
import { recognitionNotices } from "../src/notifications/recognition-notices.ts";
import {
  type ReviewUpdate,
  recordReviewMessage,
  reviewUpdatesFor,
} from "../src/notifications/review-updates.ts";
import {
  trainingCompletionDecisionNotices,
  trainingCompletionNotices,
  trainingRequestDecisionNotices,
  trainingRequestNotices,
} from "../src/notifications/training-notices.ts";
import { recordTrainingMessage, trainingUpdatesFor } from "../src/notifications/training-review-updates.ts";

/** A request is sent to reviewers at its first version and decided once (services/training.ts). */
const REQUEST_VERSION = 1;

import {
  DeliveryUncertain,
  type OutboundSender,
  PlatformNotConfigured,
  RateLimited,
  RecipientUnreachable,
} from "../src/outbound/port.ts";
import { type NotificationJob, notificationJob } from "../src/outbox/notification-job.ts";
import {
  claimOutboxRow,
  markDone,
  recordFailure,
  recordSent,
  releaseOutboxRow,
} from "../src/outbox/outbox.ts";
import { markEvaluationTold } from "../src/services/evaluations.ts";
import { markUnreachable } from "../src/services/recipients.ts";
import { createUnitCalendarCache } from "../src/services/unit-calendar-cache.ts";
import { NOTIFICATIONS_QUEUE } from "./notification-queue.ts";
import { createSendPacer } from "./send-pacer.ts";

/** How long one run holds its outbox row (renewed by nothing: a run sends a handful of messages). */
const LEASE_MS = 120_000;

export interface NotificationWorkerDeps {
  connection: Redis;
  prefix: string;
  db: Db;
  outbound: OutboundSender;
  logger: Logger;
  defaultLocale: LocaleCode;
  links: EvidenceLinks;
  clock: () => Date;
  /** Proactive messages per second, shared with the reminder worker (TELEGRAM_SEND_RATE) */
  sendRatePerSecond: number;
  /** The pacer's Redis key: the reminder worker's, so both stay under one rate together */
  paceKey: string;
  concurrency?: number;
  metrics?: SendMetrics;
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
  if (job.kind === "evaluation") return evaluationNotices(db, job.evaluationId, job.version, noticeDeps);
  if (job.kind === "objection") return objectionNotices(db, job.objectionId, noticeDeps);
  if (job.kind === "objection-decision") return objectionDecisionNotices(db, job.objectionId, noticeDeps);
  if (job.kind === "kudos") return kudosNotices(db, job.kudosId, noticeDeps);
  if (job.kind === "training-request") return trainingRequestNotices(db, job.requestId, noticeDeps);
  if (job.kind === "training-request-decision") {
    return trainingRequestDecisionNotices(db, job.requestId, noticeDeps);
  }
  if (job.kind === "training-completion") {
    return trainingCompletionNotices(db, job.completionId, job.version, noticeDeps);
  }
  if (job.kind === "training-completion-decision") {
    return trainingCompletionDecisionNotices(db, job.completionId, job.version, noticeDeps);
  }
  if (job.kind === "recognition") return recognitionNotices(db, job.recognitionId, noticeDeps);
  return absenceNotices(db, job.absenceId, noticeDeps);
}

/**
 * Sends the notifications of outbox rows through the outbound port, at the shared send rate. The row is
 * the truth (src/outbox/outbox.ts): recipients already sent are recorded in it right after each send, and
 * a row marked done is skipped, so a job run again (a retry, a crash, a relay that handed it over again
 * after Redis lost it) sends nothing twice.
 */
export function startNotificationWorker(deps: NotificationWorkerDeps): Worker<NotificationJob> {
  const { db, logger } = deps;
  const unitCalendars = createUnitCalendarCache(deps.unitCacheTtlMs ?? 30_000);
  const pacer = createSendPacer(deps.connection, deps.paceKey, deps.sendRatePerSecond);

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

  /** A platform error for one recipient: unreachable and unconfigured are final, a 429 waits. */
  async function settle(
    error: unknown,
    notice: { personId: string; address: Notice["recipient"]["address"] },
  ) {
    if (error instanceof RecipientUnreachable) {
      await markUnreachable(db, notice.address, error.reason, deps.clock());
      logger.warn({ personId: notice.personId, reason: error.reason }, "recipient unreachable");
      return;
    }
    if (error instanceof DeliveryUncertain) {
      // The request left and no answer came: the person may have it. Never sent twice (SPEC section 16).
      logger.warn({ personId: notice.personId }, "notification delivery uncertain; not sent again");
      return;
    }
    if (error instanceof PlatformNotConfigured) {
      // The person's platform is not connected in this deployment: nothing a retry would change.
      logger.warn({ personId: notice.personId, platform: error.platform }, "platform not configured");
      return;
    }
    if (error instanceof RateLimited) {
      await pacer.pause(error.retryAfterMs);
      await worker.rateLimit(error.retryAfterMs);
      throw Worker.RateLimitError();
    }
    throw error;
  }

  /** What a decision changes in the review requests already sent, on every platform and to every reviewer. */
  function updatesOfDecision(job: NotificationJob): Promise<ReviewUpdate[]> {
    const renderDeps = { defaultLocale: deps.defaultLocale, links: deps.links };
    if (job.kind === "decision") return reviewUpdatesFor(db, job.activityId, job.version - 1, renderDeps);
    if (job.kind === "training-request-decision") {
      const target = {
        subject: "REQUEST",
        subjectId: job.requestId,
        decidedVersion: REQUEST_VERSION,
      } as const;
      return trainingUpdatesFor(db, target, renderDeps);
    }
    if (job.kind === "training-completion-decision") {
      const target = {
        subject: "COMPLETION",
        subjectId: job.completionId,
        decidedVersion: job.version - 1,
      } as const;
      return trainingUpdatesFor(db, target, renderDeps);
    }
    return Promise.resolve([]);
  }

  /** A decision updates the review requests already sent for that version, on every platform. */
  async function updateReviewMessages(job: NotificationJob): Promise<void> {
    for (const update of await updatesOfDecision(job)) {
      if (!deps.outbound.edit) return;
      await pacer.take();
      try {
        await deps.outbound.edit(update.address, update.sent, update.message);
      } catch (error) {
        await settle(error, { personId: "", address: update.address });
      }
    }
  }

  const worker: Worker<NotificationJob> = new Worker<NotificationJob>(
    NOTIFICATIONS_QUEUE,
    async (job: Job<NotificationJob>) => {
      const parsed = notificationJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError("notification job of an unknown shape");
      const data = parsed.data;
      const progress = await claimOutboxRow(db, data.outboxId, LEASE_MS);
      if (progress === null || (progress !== "claimed" && progress.done)) return;
      // Another run of this row is sending right now (a job handed over again while it ran): try later.
      if (progress === "claimed") throw new Error("outbox row held by another run");
      try {
        let failure: unknown;
        for (const notice of await noticesFor(db, data, deps)) {
          const { personId, address } = notice.recipient;
          if (progress.sentTo.has(personId)) continue;
          await pacer.take();
          try {
            const sent = await deps.outbound.send(address, notice.message);
            deps.metrics?.sends.inc({ platform: address.platform, outcome: "sent" });
            await db.$transaction(async (tx) => {
              await recordSent(tx, data.outboxId, personId);
              if (data.kind === "evaluation") {
                await markEvaluationTold(tx, data.evaluationId, data.version, deps.clock());
              }
              if (data.kind === "review-request") {
                await recordReviewMessage(tx, {
                  activityId: data.activityId,
                  version: data.version,
                  personId,
                  address,
                  sent,
                });
              }
              if (data.kind === "training-request" || data.kind === "training-completion") {
                await recordTrainingMessage(tx, {
                  ...(data.kind === "training-request"
                    ? { subject: "REQUEST", subjectId: data.requestId, version: REQUEST_VERSION }
                    : { subject: "COMPLETION", subjectId: data.completionId, version: data.version }),
                  personId,
                  address,
                  sent,
                });
              }
            });
          } catch (error) {
            try {
              await settle(error, { personId, address });
              await recordSent(db, data.outboxId, personId);
            } catch (unsettled) {
              // One recipient's failure does not hold back the others; the job is retried for it after.
              if (unsettled instanceof RateLimitError) throw unsettled;
              failure ??= unsettled;
            }
          }
        }
        if (failure !== undefined) throw failure;
        await updateReviewMessages(data);
        await refreshHomes(data);
        await markDone(db, data.outboxId);
      } catch (error) {
        await releaseOutboxRow(db, data.outboxId).catch(() => {});
        if (!(error instanceof RateLimitError)) {
          await recordFailure(db, data.outboxId, error instanceof Error ? error.name : "error").catch(
            () => {},
          );
        }
        throw error;
      }
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 4 },
  );
  worker.on("failed", (job, error) => logger.error({ err: error, jobId: job?.id }, "notification failed"));
  worker.on("error", (error) => logger.error({ err: error }, "notification worker error"));
  return worker;
}
