import { z } from "zod";
import type { Effect } from "../conversation/context.ts";

/**
 * What a notification job carries: the outbox row it came from and what it is about. Rows are read back
 * from PostgreSQL by the relay and from Redis by the worker, so both sides parse it.
 */
export const notificationJob = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("review-request"),
    outboxId: z.string(),
    activityId: z.uuid(),
    version: z.number(),
  }),
  z.object({ kind: z.literal("decision"), outboxId: z.string(), activityId: z.uuid(), version: z.number() }),
  z.object({ kind: z.literal("absence"), outboxId: z.string(), absenceId: z.uuid() }),
  z.object({ kind: z.literal("feedback"), outboxId: z.string(), feedbackId: z.uuid() }),
  z.object({
    kind: z.literal("evaluation"),
    outboxId: z.string(),
    evaluationId: z.uuid(),
    version: z.number(),
  }),
  z.object({ kind: z.literal("objection"), outboxId: z.string(), objectionId: z.uuid() }),
  z.object({ kind: z.literal("objection-decision"), outboxId: z.string(), objectionId: z.uuid() }),
  z.object({ kind: z.literal("kudos"), outboxId: z.string(), kudosId: z.uuid() }),
  z.object({ kind: z.literal("training-request"), outboxId: z.string(), requestId: z.uuid() }),
  z.object({ kind: z.literal("training-request-decision"), outboxId: z.string(), requestId: z.uuid() }),
  z.object({
    kind: z.literal("training-completion"),
    outboxId: z.string(),
    completionId: z.uuid(),
    version: z.number(),
  }),
  z.object({
    kind: z.literal("training-completion-decision"),
    outboxId: z.string(),
    completionId: z.uuid(),
    version: z.number(),
  }),
  z.object({ kind: z.literal("recognition"), outboxId: z.string(), recognitionId: z.uuid() }),
]);

export type NotificationJob = z.infer<typeof notificationJob>;

/** A job's data before it has an outbox row. */
export type NotificationPayload = NotificationJob extends infer J
  ? J extends NotificationJob
    ? Omit<J, "outboxId">
    : never
  : never;

/**
 * The job for an effect, with a deterministic id (no ":"; not digits only): the same effect written
 * twice is one row, and a row relayed twice is one job.
 */
export function jobFor(effect: Effect): { jobId: string; payload: NotificationPayload } {
  switch (effect.kind) {
    case "activity-submitted":
      return {
        jobId: `review-${effect.activityId}-v${effect.version}`,
        payload: { kind: "review-request", activityId: effect.activityId, version: effect.version },
      };
    case "activity-decided":
      return {
        jobId: `decision-${effect.activityId}-v${effect.version}`,
        payload: { kind: "decision", activityId: effect.activityId, version: effect.version },
      };
    case "absence-declared":
      return {
        jobId: `absence-${effect.absenceId}`,
        payload: { kind: "absence", absenceId: effect.absenceId },
      };
    case "feedback-given":
      return {
        jobId: `feedback-${effect.feedbackId}`,
        payload: { kind: "feedback", feedbackId: effect.feedbackId },
      };
    case "evaluation-rated":
      return {
        jobId: `evaluation-${effect.evaluationId}-v${effect.version}`,
        payload: { kind: "evaluation", evaluationId: effect.evaluationId, version: effect.version },
      };
    case "objection-submitted":
      return {
        jobId: `objection-${effect.objectionId}`,
        payload: { kind: "objection", objectionId: effect.objectionId },
      };
    case "objection-decided":
      return {
        jobId: `objection-decision-${effect.objectionId}`,
        payload: { kind: "objection-decision", objectionId: effect.objectionId },
      };
    case "kudos-given":
      return { jobId: `kudos-${effect.kudosId}`, payload: { kind: "kudos", kudosId: effect.kudosId } };
    case "training-requested":
      return {
        jobId: `training-request-${effect.requestId}`,
        payload: { kind: "training-request", requestId: effect.requestId },
      };
    case "training-request-decided":
      return {
        jobId: `training-request-decision-${effect.requestId}`,
        payload: { kind: "training-request-decision", requestId: effect.requestId },
      };
    case "training-completion-submitted":
      return {
        jobId: `training-completion-${effect.completionId}-v${effect.version}`,
        payload: { kind: "training-completion", completionId: effect.completionId, version: effect.version },
      };
    case "training-completion-decided":
      return {
        jobId: `training-completion-decision-${effect.completionId}-v${effect.version}`,
        payload: {
          kind: "training-completion-decision",
          completionId: effect.completionId,
          version: effect.version,
        },
      };
    case "recognition-decided":
      return {
        jobId: `recognition-${effect.recognitionId}`,
        payload: { kind: "recognition", recognitionId: effect.recognitionId },
      };
  }
}
