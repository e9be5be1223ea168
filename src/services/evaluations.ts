import type { LocalDate } from "../domain/local-date.ts";
import { OBJECTION_DAYS, objectionDeadline, type Period, ratingLate, ratingOpen } from "../domain/periods.ts";
import { headHasilKerja, type OrganisationResult } from "../domain/pola-distribusi.ts";
import { type Predikat, predikat, type Rating } from "../domain/predikat.ts";
import { localDate } from "../domain/time-zone.ts";
import type { Platform } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import { organisationResultFor, periodOfUnit } from "./periods.ts";
import { isUnitHead, type Ratee, rateeFor } from "./raters.ts";

/** The seven BerAKHLAK core values (perilaku kerja), in their official order. */
export const BERAKHLAK = [
  "BERORIENTASI_PELAYANAN",
  "AKUNTABEL",
  "KOMPETEN",
  "HARMONIS",
  "LOYAL",
  "ADAPTIF",
  "KOLABORATIF",
] as const;
export type CoreValue = (typeof BERAKHLAK)[number];
export type BehaviourNotes = Partial<Record<CoreValue, string>>;

export const FEEDBACK_MAX = 2000;
export const NOTE_MAX = 500;

/** What a rater may rate for one person and period, and how (the unit-head rule). */
export interface RatingTarget {
  person: {
    id: string;
    name: string;
    nip: string;
    position: string;
    unitId: string;
    unitName: string;
    timeZone: string;
  };
  period: Period;
  ratee: Ratee;
  today: LocalDate;
  late: boolean;
  unitHead: boolean;
  organisation: { result: OrganisationResult; unitId: string } | null;
  /** For the head of a unit: the rating hasil kerja their unit's capaian gives (shown, not chosen) */
  fixedHasilKerja: Rating | null;
  existing: ExistingEvaluation | null;
}

export interface ExistingEvaluation {
  id: string;
  status: "DINILAI" | "KEBERATAN" | "FINAL";
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: Predikat;
  feedback: string | null;
  behaviourNotes: BehaviourNotes;
  objectionUntil: LocalDate;
  version: number;
}

export type TargetRefusal = "NOT_FOUND" | "NOT_OPEN" | "NOT_AUTHORISED" | "LOCKED" | "HEAD_NEEDS_CAPAIAN";

export type TargetResult =
  | { ok: true; target: RatingTarget }
  | { ok: false; reason: TargetRefusal; period?: Period };

/** The BerAKHLAK notes stored as JSON, read back: known values with a text only. */
export const notesOf = (value: unknown): BehaviourNotes => {
  const notes: BehaviourNotes = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of BERAKHLAK) {
      const note = (value as Record<string, unknown>)[key];
      if (typeof note === "string" && note.trim()) notes[key] = note;
    }
  }
  return notes;
};

/** The rater's evaluation of record for a person and period code, if any. */
export async function evaluationOf(
  tx: Tx,
  personId: string,
  periodCode: string,
): Promise<ExistingEvaluation | null> {
  const row = await tx.evaluation.findUnique({
    where: { personId_periodCode: { personId, periodCode } },
    select: {
      id: true,
      status: true,
      ratingHasilKerja: true,
      ratingPerilaku: true,
      predikat: true,
      feedback: true,
      behaviourNotes: true,
      objectionUntil: true,
      version: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    behaviourNotes: notesOf(row.behaviourNotes),
    objectionUntil: toLocalDate(row.objectionUntil),
  };
}

/**
 * Whether `actorId` may rate `personId` for `periodCode` now, and what the rating looks like: refused
 * (and audited) outside the rater's authority; not yet open before the period ends; locked once the
 * employee objected or the result is final (by time or decision); a unit head needs the unit's capaian.
 */
export async function ratingTarget(
  tx: Tx,
  input: { actorId: string; personId: string; periodCode: string; now: Date; via: Platform },
): Promise<TargetResult> {
  const person = await tx.person.findUnique({
    where: { id: input.personId },
    select: {
      id: true,
      name: true,
      nip: true,
      position: true,
      unitId: true,
      active: true,
      unit: { select: { name: true, timeZone: true } },
    },
  });
  if (!person?.active) return { ok: false, reason: "NOT_FOUND" };
  const period = await periodOfUnit(tx, person.unitId, input.periodCode);
  if (!period) return { ok: false, reason: "NOT_FOUND" };
  const today = localDate(person.unit.timeZone, input.now);
  const ratee = await rateeFor(tx, input.actorId, person.id, period, input.now);
  if (!ratee) {
    await writeAudit(tx, {
      actorId: input.actorId,
      via: input.via,
      action: "evaluation.refused",
      entity: "person",
      entityId: person.id,
      now: input.now,
      detail: { reason: "not the rater for this period", period: period.code },
    });
    return { ok: false, reason: "NOT_AUTHORISED", period };
  }
  if (!ratingOpen(period, today)) return { ok: false, reason: "NOT_OPEN", period };
  const existing = await evaluationOf(tx, person.id, period.code);
  if (existing && (existing.status !== "DINILAI" || existing.objectionUntil < today)) {
    return { ok: false, reason: "LOCKED", period };
  }
  const unitHead = await isUnitHead(tx, person.id, period.endDate);
  const organisation = await organisationResultFor(tx, person.unitId, period.code);
  if (unitHead && !organisation) return { ok: false, reason: "HEAD_NEEDS_CAPAIAN", period };
  return {
    ok: true,
    target: {
      person: {
        id: person.id,
        name: person.name,
        nip: person.nip,
        position: person.position,
        unitId: person.unitId,
        unitName: person.unit.name,
        timeZone: person.unit.timeZone,
      },
      period,
      ratee,
      today,
      late: ratingLate(period, today),
      unitHead,
      organisation,
      fixedHasilKerja: unitHead && organisation ? headHasilKerja(organisation.result) : null,
      existing,
    },
  };
}

/** A rating as the rater gave it; checked by {@link checkRating}. */
export interface RatingInput {
  hasilKerja: Rating;
  perilaku: Rating;
  feedback: string | null;
  notes: BehaviourNotes;
}

export type RatingProblem = "FEEDBACK_REQUIRED" | "FEEDBACK_TOO_LONG" | "NOTE_TOO_LONG";

/** Umpan balik is required when either rating is DI_BAWAH; texts have limits. */
export function checkRating(input: RatingInput): RatingProblem | null {
  const feedback = input.feedback?.trim() ?? "";
  if ((input.hasilKerja === "DI_BAWAH" || input.perilaku === "DI_BAWAH") && feedback.length < 3) {
    return "FEEDBACK_REQUIRED";
  }
  if (feedback.length > FEEDBACK_MAX) return "FEEDBACK_TOO_LONG";
  if (Object.values(input.notes).some((n) => (n ?? "").length > NOTE_MAX)) return "NOTE_TOO_LONG";
  return null;
}

export type SaveResult =
  | {
      ok: true;
      evaluationId: string;
      version: number;
      predikat: Predikat;
      changed: boolean;
      objectionUntil: LocalDate;
    }
  | { ok: false; reason: TargetRefusal | RatingProblem | "STALE" };

/**
 * Tetapkan: saves the rating (first or changed) after checking authority and state again in this turn's
 * transaction. The unit head's rating hasil kerja is the one their unit's capaian gives, whatever was
 * sent. The employee is told at once (the caller's effect), so the objection window runs through the
 * 14th day after today; a changed rating is told again and opens a new window.
 */
export async function saveRating(
  tx: Tx,
  input: {
    actorId: string;
    personId: string;
    periodCode: string;
    rating: RatingInput;
    now: Date;
    via: Platform;
    /** the version the rater saw (0 = not rated yet): a rating changed meanwhile is not overwritten */
    expectedVersion: number;
  },
): Promise<SaveResult> {
  const found = await ratingTarget(tx, input);
  if (!found.ok) return { ok: false, reason: found.reason };
  const { target } = found;
  const hasilKerja = target.fixedHasilKerja ?? input.rating.hasilKerja;
  const rating = { ...input.rating, hasilKerja };
  const problem = checkRating(rating);
  if (problem) return { ok: false, reason: problem };
  if ((target.existing?.version ?? 0) !== input.expectedVersion) return { ok: false, reason: "STALE" };
  const result = predikat(hasilKerja, rating.perilaku);
  const objectionUntil = objectionDeadline(target.today);
  const notes: Record<string, string> = {};
  for (const key of BERAKHLAK) {
    const note = rating.notes[key]?.trim();
    if (note) notes[key] = note;
  }
  const data = {
    raterId: target.ratee.raterOfRecordId,
    ratedById: input.actorId,
    periodName: target.period.name,
    periodKind: target.period.kind,
    startDate: fromLocalDate(target.period.startDate),
    endDate: fromLocalDate(target.period.endDate),
    ratingDeadline: fromLocalDate(target.period.ratingDeadline),
    organisationResult: target.organisation?.result ?? null,
    unitHead: target.unitHead,
    ratingHasilKerja: hasilKerja,
    ratingPerilaku: rating.perilaku,
    predikat: result,
    feedback: rating.feedback?.trim() || null,
    behaviourNotes: notes,
    late: target.late,
    ratedAt: input.now,
    toldOn: fromLocalDate(target.today),
    objectionUntil: fromLocalDate(objectionUntil),
  };
  let saved: { id: string; version: number };
  if (target.existing) {
    const updated = await tx.evaluation.updateMany({
      where: { id: target.existing.id, version: input.expectedVersion, status: "DINILAI" },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false, reason: "STALE" };
    saved = { id: target.existing.id, version: input.expectedVersion + 1 };
  } else {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO evaluation (id, person_id, rater_id, rated_by_id, period_code, period_name, period_kind, start_date, end_date,
        rating_deadline, organisation_result, unit_head, rating_hasil_kerja, rating_perilaku, predikat, feedback,
        behaviour_notes, late, rated_at, told_on, objection_until, updated_at)
      VALUES (gen_random_uuid(), ${input.personId}::uuid, ${data.raterId}::uuid, ${input.actorId}::uuid,
        ${input.periodCode},
        ${data.periodName}, ${data.periodKind}::"PeriodKind", ${data.startDate}::date, ${data.endDate}::date,
        ${data.ratingDeadline}::date, ${data.organisationResult}::"OrganisationResult", ${data.unitHead},
        ${hasilKerja}::"Rating", ${rating.perilaku}::"Rating", ${result}::"Predikat", ${data.feedback},
        ${JSON.stringify(notes)}::jsonb, ${data.late}, ${input.now}, ${data.toldOn}::date,
        ${data.objectionUntil}::date, ${input.now})
      ON CONFLICT (person_id, period_code) DO NOTHING
      RETURNING id::text AS id`;
    const row = inserted[0];
    // Another rater's Tetapkan for the same person and period won the race.
    if (!row) return { ok: false, reason: "STALE" };
    saved = { id: row.id, version: 1 };
  }
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: target.existing ? "evaluation.changed" : "evaluation.rated",
    entity: "evaluation",
    entityId: saved.id,
    now: input.now,
    detail: {
      period: target.period.code,
      hasilKerja,
      perilaku: rating.perilaku,
      predikat: result,
      ...(target.late ? { late: "true" } : {}),
    },
  });
  return {
    ok: true,
    evaluationId: saved.id,
    version: saved.version,
    predikat: result,
    changed: target.existing !== null,
    objectionUntil,
  };
}

/**
 * The employee was told this version of their result now: the objection window runs through the 14th day
 * after the day they were told (in their unit's zone), so a notification delayed past midnight (an outage,
 * a queue backlog) moves the window with it. Only ever later, and only while no objection or closing came.
 */
export async function markEvaluationTold(
  tx: Tx,
  evaluationId: string,
  version: number,
  now: Date,
): Promise<void> {
  await tx.$executeRaw`
    UPDATE evaluation e
    SET told_on = (${now}::timestamptz AT TIME ZONE u.time_zone)::date,
        objection_until = (${now}::timestamptz AT TIME ZONE u.time_zone)::date + ${OBJECTION_DAYS}::int
    FROM person p JOIN unit u ON u.id = p.unit_id
    WHERE e.id = ${evaluationId}::uuid AND p.id = e.person_id AND e.version = ${version}
      AND e.status = 'DINILAI' AND e.told_on < (${now}::timestamptz AT TIME ZONE u.time_zone)::date`;
}
