import { localDate } from "../domain/time-zone.ts";
import type { Platform } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";
import { reviewersOf } from "./recipients.ts";
import { canSupervise } from "./review.ts";

/** PP 17/2020: at least this many jam pelajaran of competency development a year. */
export const JP_PER_YEAR = 20;

/** A certificate: a photo or a PDF, no larger than the Bot API lets the product fetch again (20 MB). */
export const CERTIFICATE_MAX_BYTES = 20 * 1024 * 1024;
export const CERTIFICATE_TYPES: ReadonlySet<string> = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
]);

export interface CertificateFile {
  platform: Platform;
  fileId: string;
  fileUniqueId?: string | undefined;
  fileName?: string | undefined;
  mimeType?: string | undefined;
  sizeBytes?: number | undefined;
}

/** The approved and the pending JP of a person's completions finished in a calendar year. */
export async function jpInYear(
  tx: Tx,
  personId: string,
  year: number,
): Promise<{ approved: number; pending: number }> {
  const rows = await tx.trainingCompletion.groupBy({
    by: ["status"],
    where: {
      personId,
      completedOn: { gte: fromLocalDate(`${year}-01-01`), lt: fromLocalDate(`${year + 1}-01-01`) },
    },
    _sum: { hours: true },
  });
  const sum = (status: "DISETUJUI" | "DIAJUKAN") =>
    rows.find((r) => r.status === status)?._sum.hours?.toNumber() ?? 0;
  return { approved: sum("DISETUJUI"), pending: sum("DIAJUKAN") };
}

/**
 * The trainings a person is not offered again (recommendations, the catalogue's **Ajukan**): a request that was
 * not declined (DIAJUKAN or DISETUJUI), or any completion; `requestTraining` refuses the same.
 */
export function takenTrainingIds(
  requests: readonly { trainingId: string; status: string }[],
  completions: readonly { trainingId: string }[],
): Set<string> {
  return new Set([
    ...requests.filter((r) => r.status !== "DITOLAK").map((r) => r.trainingId),
    ...completions.map((c) => c.trainingId),
  ]);
}

/** {@link takenTrainingIds} of a person, read. */
export async function takenTrainings(tx: Tx, personId: string): Promise<Set<string>> {
  const requests = await tx.trainingRequest.findMany({
    where: { personId },
    select: { trainingId: true, status: true },
  });
  const completions = await tx.trainingCompletion.findMany({
    where: { personId },
    select: { trainingId: true },
  });
  return takenTrainingIds(requests, completions);
}

/** Today in the person's unit zone. */
async function todayOf(tx: Tx, personId: string, now: Date): Promise<string | null> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { unit: { select: { timeZone: true } } },
  });
  return person ? localDate(person.unit.timeZone, now) : null;
}

/** Serialises the turns that change one person's use of one training (two quick presses of Ajukan). */
const lockPersonTraining = (tx: Tx, personId: string, trainingId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`training:${personId}:${trainingId}`}))`;

export type RequestResult =
  | { ok: true; requestId: string }
  | { ok: false; reason: "NOT_FOUND" | "PENDING" | "APPROVED" | "COMPLETED" | "NO_SUPERVISOR" };

/**
 * **Ajukan**: asks the supervisor of the day to let the person follow an active catalogue training. Not again
 * while a request is open or approved or the training is reported; a declined one may be asked again.
 */
export async function requestTraining(
  tx: Tx,
  input: { personId: string; trainingId: string; now: Date },
): Promise<RequestResult> {
  const training = await tx.training.findUnique({
    where: { id: input.trainingId },
    select: { id: true, active: true },
  });
  const today = await todayOf(tx, input.personId, input.now);
  if (!training?.active || !today) return { ok: false, reason: "NOT_FOUND" };
  await lockPersonTraining(tx, input.personId, training.id);
  const completion = await tx.trainingCompletion.findUnique({
    where: { personId_trainingId: { personId: input.personId, trainingId: training.id } },
    select: { id: true },
  });
  if (completion) return { ok: false, reason: "COMPLETED" };
  const open = await tx.trainingRequest.findFirst({
    where: { personId: input.personId, trainingId: training.id, status: { in: ["DIAJUKAN", "DISETUJUI"] } },
    select: { status: true },
  });
  if (open) return { ok: false, reason: open.status === "DIAJUKAN" ? "PENDING" : "APPROVED" };
  if ((await reviewersOf(tx, input.personId, today)).length === 0) {
    return { ok: false, reason: "NO_SUPERVISOR" };
  }
  const request = await tx.trainingRequest.create({
    data: { personId: input.personId, trainingId: training.id, createdAt: input.now },
    select: { id: true },
  });
  return { ok: true, requestId: request.id };
}

export type TrainingDecisionResult =
  | { ok: true; employeeId: string }
  | { ok: false; reason: "NOT_FOUND" }
  | { ok: false; reason: "NOT_AUTHORISED" }
  | {
      ok: false;
      reason: "ALREADY_DECIDED";
      status: DecisionStatus;
      by: string | null;
      at: Date | null;
    };

type DecisionStatus = "DIAJUKAN" | "DISETUJUI" | "DITOLAK" | "REVISI";

const decidedAs = (row: {
  status: DecisionStatus;
  decidedAt: Date | null;
  decider: { name: string } | null;
}) => ({
  status: row.status,
  by: row.decider?.name ?? null,
  at: row.decidedAt,
});

const COMPLETION_AUDIT = {
  DISETUJUI: "training.completion-approved",
  REVISI: "training.completion-revision",
  DITOLAK: "training.completion-rejected",
} as const;

async function refuse(
  tx: Tx,
  input: { actorId: string; via: Platform; now: Date; entity: string; entityId: string; decision: string },
): Promise<TrainingDecisionResult> {
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: "training.decision-refused",
    entity: input.entity,
    entityId: input.entityId,
    now: input.now,
    detail: { decision: input.decision, reason: "not the employee's supervisor or delegate" },
  });
  return { ok: false, reason: "NOT_AUTHORISED" };
}

/**
 * The supervisor of the day (or their delegate) approves or declines a request. Authority is judged on
 * today in the employee's zone; the status changes only from DIAJUKAN at the version the button showed,
 * so a second press, another device or a retried request changes nothing.
 */
export async function decideTrainingRequest(
  tx: Tx,
  input: {
    requestId: string;
    version: number;
    actorId: string;
    decision: "DISETUJUI" | "DITOLAK";
    via: Platform;
    now: Date;
  },
): Promise<TrainingDecisionResult> {
  const request = await tx.trainingRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, personId: true },
  });
  const today = request ? await todayOf(tx, request.personId, input.now) : null;
  if (!request || !today) return { ok: false, reason: "NOT_FOUND" };
  if (!(await canSupervise(tx, input.actorId, request.personId, today))) {
    return refuse(tx, { ...input, entity: "training_request", entityId: request.id });
  }
  const updated = await tx.trainingRequest.updateMany({
    where: { id: request.id, status: "DIAJUKAN", version: input.version },
    data: {
      status: input.decision,
      deciderId: input.actorId,
      decidedAt: input.now,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    // Read again: a decision that won the race since the first read is the one to report.
    const now = await tx.trainingRequest.findUnique({
      where: { id: request.id },
      select: { status: true, decidedAt: true, decider: { select: { name: true } } },
    });
    return now
      ? { ok: false, reason: "ALREADY_DECIDED", ...decidedAs(now) }
      : { ok: false, reason: "NOT_FOUND" };
  }
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: input.decision === "DISETUJUI" ? "training.request-approved" : "training.request-declined",
    entity: "training_request",
    entityId: request.id,
    now: input.now,
  });
  return { ok: true, employeeId: request.personId };
}

export type CompletionResult =
  | { ok: true; completionId: string; version: number }
  | { ok: false; reason: "NOT_FOUND" | "PENDING" | "APPROVED" | "REJECTED" | "NO_SUPERVISOR" };

/**
 * Reports a finished training with its certificate: a new completion, or a corrected one after REVISI (a new
 * version, so the supervisor's older buttons are stale). The JP are the catalogue's at the time of reporting.
 * A training need not have been requested (an agency may assign one); an inactive one can only be corrected.
 */
export async function submitCompletion(
  tx: Tx,
  input: {
    personId: string;
    trainingId: string;
    completedOn: string;
    certificate: CertificateFile;
    now: Date;
  },
): Promise<CompletionResult> {
  const training = await tx.training.findUnique({
    where: { id: input.trainingId },
    select: { id: true, active: true, hours: true },
  });
  const today = await todayOf(tx, input.personId, input.now);
  if (!training || !today) return { ok: false, reason: "NOT_FOUND" };
  await lockPersonTraining(tx, input.personId, training.id);
  const before = await tx.trainingCompletion.findUnique({
    where: { personId_trainingId: { personId: input.personId, trainingId: training.id } },
    select: { id: true, status: true, version: true },
  });
  if (before?.status === "DIAJUKAN") return { ok: false, reason: "PENDING" };
  if (before?.status === "DISETUJUI") return { ok: false, reason: "APPROVED" };
  if (before?.status === "DITOLAK") return { ok: false, reason: "REJECTED" };
  if (!before && !training.active) return { ok: false, reason: "NOT_FOUND" };
  if ((await reviewersOf(tx, input.personId, today)).length === 0) {
    return { ok: false, reason: "NO_SUPERVISOR" };
  }
  const c = input.certificate;
  const file = {
    platform: c.platform,
    fileId: c.fileId,
    fileUniqueId: c.fileUniqueId ?? null,
    fileName: c.fileName ?? null,
    mimeType: c.mimeType ?? null,
    sizeBytes: c.sizeBytes ?? null,
  };
  const data = {
    ...file,
    completedOn: fromLocalDate(input.completedOn),
    hours: training.hours,
    status: "DIAJUKAN" as const,
  };
  if (before) {
    const updated = await tx.trainingCompletion.update({
      where: { id: before.id },
      data: { ...data, deciderId: null, decidedAt: null, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    return { ok: true, completionId: updated.id, version: updated.version };
  }
  const created = await tx.trainingCompletion.create({
    data: { ...data, personId: input.personId, trainingId: training.id, createdAt: input.now },
    select: { id: true, version: true },
  });
  return { ok: true, completionId: created.id, version: created.version };
}

/**
 * The supervisor of the day approves a completion (its JP count from then on), asks for a correction, or
 * rejects it for good (both with a reason), like a report's review; the same authority and version rules as
 * {@link decideTrainingRequest}.
 */
export async function decideCompletion(
  tx: Tx,
  input: {
    completionId: string;
    version: number;
    actorId: string;
    decision: "DISETUJUI" | "REVISI" | "DITOLAK";
    /** required for REVISI and DITOLAK (the flow asks for it) */
    reason: string | null;
    via: Platform;
    now: Date;
  },
): Promise<TrainingDecisionResult> {
  const completion = await tx.trainingCompletion.findUnique({
    where: { id: input.completionId },
    select: { id: true, personId: true },
  });
  const today = completion ? await todayOf(tx, completion.personId, input.now) : null;
  if (!completion || !today) return { ok: false, reason: "NOT_FOUND" };
  if (!(await canSupervise(tx, input.actorId, completion.personId, today))) {
    return refuse(tx, { ...input, entity: "training_completion", entityId: completion.id });
  }
  const updated = await tx.trainingCompletion.updateMany({
    where: { id: completion.id, status: "DIAJUKAN", version: input.version },
    data: {
      status: input.decision,
      revisionNote: input.decision === "DISETUJUI" ? null : input.reason,
      deciderId: input.actorId,
      decidedAt: input.now,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) {
    const now = await tx.trainingCompletion.findUnique({
      where: { id: completion.id },
      select: { status: true, decidedAt: true, decider: { select: { name: true } } },
    });
    return now
      ? { ok: false, reason: "ALREADY_DECIDED", ...decidedAs(now) }
      : { ok: false, reason: "NOT_FOUND" };
  }
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: COMPLETION_AUDIT[input.decision],
    entity: "training_completion",
    entityId: completion.id,
    now: input.now,
  });
  return { ok: true, employeeId: completion.personId };
}
