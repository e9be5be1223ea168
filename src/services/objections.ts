import { predikat, type Rating } from "../domain/predikat.ts";
import { localDate } from "../domain/time-zone.ts";
import type { Platform } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import type { Tx } from "./db-types.ts";
import { toLocalDate } from "./db-types.ts";
import { supervisorOn } from "./raters.ts";

export const REASON_MIN = 10;
export const REASON_MAX = 1000;

/** An evaluation the employee may object to, with who decides (the rater's own supervisor). */
export interface Objectable {
  evaluationId: string;
  periodName: string;
  raterId: string;
  raterName: string;
  deciderId: string;
  objectionUntil: string;
}

export type ObjectableResult =
  | { ok: true; objectable: Objectable }
  | {
      ok: false;
      reason: "NOT_FOUND" | "ALREADY_OBJECTED" | "FINAL" | "LATE" | "NO_DECIDER";
      /** who to ask instead: the rater's name (for NO_DECIDER, LATE, FINAL) */
      raterName?: string;
      objectionUntil?: string;
    };

/**
 * Whether the employee may still object to this evaluation (PP 30/2019 art. 59): their own, not objected
 * to yet, not final, through the 14th day after they were told, and with someone above the rater.
 */
export async function objectable(
  tx: Tx,
  personId: string,
  evaluationId: string,
  now: Date,
): Promise<ObjectableResult> {
  const evaluation = await tx.evaluation.findUnique({
    where: { id: evaluationId },
    select: {
      id: true,
      personId: true,
      periodName: true,
      status: true,
      objectionUntil: true,
      raterId: true,
      rater: { select: { name: true, unit: { select: { timeZone: true } } } },
      person: { select: { unit: { select: { timeZone: true } } } },
      objection: { select: { id: true } },
    },
  });
  if (!evaluation || evaluation.personId !== personId) return { ok: false, reason: "NOT_FOUND" };
  const raterName = evaluation.rater.name;
  const until = toLocalDate(evaluation.objectionUntil);
  if (evaluation.objection) return { ok: false, reason: "ALREADY_OBJECTED", raterName };
  const today = localDate(evaluation.person.unit.timeZone, now);
  if (until < today) return { ok: false, reason: "LATE", raterName, objectionUntil: until };
  if (evaluation.status !== "DINILAI") return { ok: false, reason: "FINAL", raterName };
  const deciderId = await supervisorOn(
    tx,
    evaluation.raterId,
    localDate(evaluation.rater.unit.timeZone, now),
  );
  if (!deciderId || deciderId === personId) return { ok: false, reason: "NO_DECIDER", raterName };
  return {
    ok: true,
    objectable: {
      evaluationId: evaluation.id,
      periodName: evaluation.periodName,
      raterId: evaluation.raterId,
      raterName,
      deciderId,
      objectionUntil: until,
    },
  };
}

export type SubmitResult =
  | { ok: true; objectionId: string }
  | (Extract<ObjectableResult, { ok: false }> & { ok: false })
  | { ok: false; reason: "BAD_REASON" };

/** Files the objection; the evaluation waits for the decision (status KEBERATAN). One per evaluation. */
export async function submitObjection(
  tx: Tx,
  input: { personId: string; evaluationId: string; reason: string; now: Date; via: Platform },
): Promise<SubmitResult> {
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) return { ok: false, reason: "BAD_REASON" };
  const check = await objectable(tx, input.personId, input.evaluationId, input.now);
  if (!check.ok) {
    await writeAudit(tx, {
      actorId: input.personId,
      via: input.via,
      action: "objection.refused",
      entity: "evaluation",
      entityId: input.evaluationId,
      now: input.now,
      detail: { reason: check.reason },
    });
    return check;
  }
  const locked = await tx.evaluation.updateMany({
    where: { id: input.evaluationId, status: "DINILAI" },
    data: { status: "KEBERATAN" },
  });
  if (locked.count !== 1) {
    // Another objection or the scheduler's closing got there first, in between.
    const other = await tx.objection.findUnique({
      where: { evaluationId: input.evaluationId },
      select: { id: true },
    });
    const reason = other ? "ALREADY_OBJECTED" : "FINAL";
    await writeAudit(tx, {
      actorId: input.personId,
      via: input.via,
      action: "objection.refused",
      entity: "evaluation",
      entityId: input.evaluationId,
      now: input.now,
      detail: { reason },
    });
    return { ok: false, reason, raterName: check.objectable.raterName };
  }
  const evaluation = await tx.evaluation.findUniqueOrThrow({
    where: { id: input.evaluationId },
    select: { ratingHasilKerja: true, ratingPerilaku: true, predikat: true },
  });
  const objection = await tx.objection.create({
    data: {
      evaluationId: input.evaluationId,
      reason,
      submittedAt: input.now,
      deciderId: check.objectable.deciderId,
      previousHasilKerja: evaluation.ratingHasilKerja,
      previousPerilaku: evaluation.ratingPerilaku,
      previousPredikat: evaluation.predikat,
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actorId: input.personId,
    via: input.via,
    action: "objection.submitted",
    entity: "objection",
    entityId: objection.id,
    now: input.now,
  });
  return { ok: true, objectionId: objection.id };
}

export type DecideResult =
  | { ok: true; objectionId: string; evaluationId: string; changed: boolean }
  | { ok: false; reason: "NOT_FOUND" | "NOT_AUTHORISED" | "ALREADY_DECIDED" | "BAD_REASON" };

export const DECISION_REASON_MIN = 3;

/**
 * The rater's own supervisor decides: TETAP keeps the result, DIUBAH sets new ratings (the predikat
 * follows the matrix). Either way the result is final. Only the decider named on the objection may.
 */
export async function decideObjection(
  tx: Tx,
  input: {
    actorId: string;
    objectionId: string;
    decision: "TETAP" | "DIUBAH";
    reason: string;
    ratings?: { hasilKerja: Rating; perilaku: Rating };
    now: Date;
    via: Platform;
  },
): Promise<DecideResult> {
  const objection = await tx.objection.findUnique({
    where: { id: input.objectionId },
    select: {
      id: true,
      deciderId: true,
      decision: true,
      evaluationId: true,
      evaluation: { select: { unitHead: true, ratingHasilKerja: true } },
    },
  });
  if (!objection) return { ok: false, reason: "NOT_FOUND" };
  if (objection.deciderId !== input.actorId) {
    await writeAudit(tx, {
      actorId: input.actorId,
      via: input.via,
      action: "objection.decision-refused",
      entity: "objection",
      entityId: objection.id,
      now: input.now,
      detail: { reason: "not the rater's supervisor named on the objection" },
    });
    return { ok: false, reason: "NOT_AUTHORISED" };
  }
  const reason = input.reason.trim();
  if (reason.length < DECISION_REASON_MIN || reason.length > REASON_MAX)
    return { ok: false, reason: "BAD_REASON" };
  const decided = await tx.objection.updateMany({
    where: { id: objection.id, decision: null },
    data: { decision: input.decision, decisionReason: reason, decidedAt: input.now },
  });
  if (decided.count !== 1) return { ok: false, reason: "ALREADY_DECIDED" };
  const changed = input.decision === "DIUBAH" && input.ratings !== undefined;
  if (changed && input.ratings) {
    const hasilKerja = objection.evaluation.unitHead
      ? objection.evaluation.ratingHasilKerja
      : input.ratings.hasilKerja;
    await tx.evaluation.update({
      where: { id: objection.evaluationId },
      data: {
        ratingHasilKerja: hasilKerja,
        ratingPerilaku: input.ratings.perilaku,
        predikat: predikat(hasilKerja, input.ratings.perilaku),
        status: "FINAL",
        finalAt: input.now,
        version: { increment: 1 },
      },
    });
  } else {
    await tx.evaluation.update({
      where: { id: objection.evaluationId },
      data: { status: "FINAL", finalAt: input.now, version: { increment: 1 } },
    });
  }
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: changed ? "objection.changed" : "objection.kept",
    entity: "objection",
    entityId: objection.id,
    now: input.now,
  });
  return { ok: true, objectionId: objection.id, evaluationId: objection.evaluationId, changed };
}
