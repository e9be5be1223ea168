import { z } from "zod";
import type { RecognitionCriteria } from "../domain/recognition-score.ts";
import { createWorkingCalendar } from "../domain/working-calendar.ts";
import { writeAudit } from "./audit.ts";
import type { Tx } from "./db-types.ts";
import { monthSuggestions } from "./recognition-criteria.ts";
import type { ReminderTarget } from "./reminder-deliveries.ts";
import type { UnitCalendarCache } from "./unit-calendar-cache.ts";

/** A suggested staff member as the head sees them. */
export interface RecognitionCandidateView {
  rank: number;
  personId: string;
  name: string;
  criteria: RecognitionCriteria;
  servedCount: number;
  score: number;
  chosen: boolean;
}

export interface RecognitionView {
  id: string;
  unitId: string;
  unitName: string;
  month: string;
  headId: string;
  headName: string;
  status: "MENUNGGU" | "DIPILIH" | "TIDAK_ADA";
  note: string | null;
  candidates: RecognitionCandidateView[];
}

export const RECOGNITION_NOTE_MIN = 3;
export const RECOGNITION_NOTE_MAX = 500;

const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const isMonth = (value: string): boolean => MONTH.safeParse(value).success;

export async function loadRecognition(tx: Tx, id: string): Promise<RecognitionView | null> {
  const row = await tx.recognition.findUnique({
    where: { id },
    include: {
      unit: { select: { name: true } },
      head: { select: { name: true } },
      candidates: { orderBy: { rank: "asc" }, include: { person: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unit.name,
    month: row.month,
    headId: row.headId,
    headName: row.head.name,
    status: row.status,
    note: row.note,
    candidates: row.candidates.map((c) => ({
      rank: c.rank,
      personId: c.personId,
      name: c.person.name,
      criteria: {
        capaianPercent: c.capaianPercent,
        daysReported: c.daysReported,
        workingDays: c.workingDays,
        approved: c.approved,
        approvedClean: c.approvedClean,
        kudos: c.kudos,
        servedAverage: c.servedAverage,
      },
      servedCount: c.servedCount,
      score: c.score,
      chosen: c.chosen,
    })),
  };
}

export type RecognitionState = { due: true; recognition: RecognitionView } | { due: false; reason: string };

/**
 * What the unit head's message says at send time: the month's recognition of the person's unit, created
 * with its suggestions the first time (one statement: the recognition and its candidates, or nothing
 * when another worker made it first), so a message sent again shows the same people and figures.
 * Not due: the recognition was answered already, another head was asked, or nobody had an approved
 * report in the month.
 */
export async function recognitionState(
  tx: Tx,
  target: ReminderTarget,
  month: string,
  calendars: UnitCalendarCache,
): Promise<RecognitionState> {
  const existing = await tx.recognition.findUnique({
    where: { unitId_month: { unitId: target.unitId, month } },
    select: { id: true },
  });
  if (!existing) {
    const { rules, holidays } = await calendars.get(tx, target.unitId);
    const calendar = createWorkingCalendar({ workingDays: rules.workingDays, holidays });
    const suggestions = await monthSuggestions(tx, {
      unitId: target.unitId,
      headId: target.personId,
      month,
      calendar,
      timeZone: target.timeZone,
    });
    if (suggestions.length === 0) return { due: false, reason: "nobody to suggest" };
    const c = suggestions.map((s, i) => ({ ...s, rank: i + 1 }));
    await tx.$executeRaw`
      WITH made AS (
        INSERT INTO recognition (id, unit_id, month, head_id)
        VALUES (gen_random_uuid(), ${target.unitId}::uuid, ${month}, ${target.personId}::uuid)
        ON CONFLICT (unit_id, month) DO NOTHING
        RETURNING id
      )
      INSERT INTO recognition_candidate (recognition_id, person_id, rank, capaian_percent, days_reported,
        working_days, approved, approved_clean, kudos, served_average, served_count, score)
      SELECT made.id, x.person_id, x.rank, x.capaian, x.days, x.working, x.approved, x.clean, x.kudos,
             x.served, x.served_count, x.score
      FROM made, unnest(${c.map((s) => s.personId)}::uuid[], ${c.map((s) => s.rank)}::int[],
                        ${c.map((s) => s.criteria.capaianPercent)}::float8[],
                        ${c.map((s) => s.criteria.daysReported)}::int[],
                        ${c.map((s) => s.criteria.workingDays)}::int[],
                        ${c.map((s) => s.criteria.approved)}::int[],
                        ${c.map((s) => s.criteria.approvedClean)}::int[],
                        ${c.map((s) => s.criteria.kudos)}::int[],
                        ${c.map((s) => s.criteria.servedAverage)}::float8[],
                        ${c.map((s) => s.servedCount)}::int[], ${c.map((s) => s.score)}::float8[])
        AS x(person_id, rank, capaian, days, working, approved, clean, kudos, served, served_count, score)`;
  }
  const made = await tx.recognition.findUnique({
    where: { unitId_month: { unitId: target.unitId, month } },
    select: { id: true },
  });
  const recognition = made ? await loadRecognition(tx, made.id) : null;
  if (!recognition) return { due: false, reason: "recognition not found" };
  if (recognition.headId !== target.personId) return { due: false, reason: "another head was asked" };
  if (recognition.status !== "MENUNGGU") return { due: false, reason: "already answered" };
  return { due: true, recognition };
}

export type RecognitionRefusal =
  | "NOT_FOUND"
  | "NOT_HEAD"
  | "ALREADY_ANSWERED"
  | "NOTHING_CHOSEN"
  | "BAD_NOTE";

/**
 * The recognition locked for an answer by `actorId`: only the head it was sent to, only while it waits.
 * A refusal to someone else is audited.
 */
async function lockForAnswer(
  tx: Tx,
  recognitionId: string,
  actor: { id: string; via: string; now: Date },
): Promise<RecognitionRefusal | null> {
  const rows = await tx.$queryRaw<{ headId: string; status: string }[]>`
    SELECT head_id::text AS "headId", status::text AS status FROM recognition
    WHERE id = ${recognitionId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) return "NOT_FOUND";
  if (row.headId !== actor.id) {
    await writeAudit(tx, {
      actorId: actor.id,
      via: actor.via,
      action: "recognition.answer-refused",
      entity: "recognition",
      entityId: recognitionId,
      now: actor.now,
      detail: { reason: "not the unit head asked" },
    });
    return "NOT_HEAD";
  }
  if (row.status !== "MENUNGGU") return "ALREADY_ANSWERED";
  return null;
}

/** Marks or unmarks one suggested person (by rank) while the head chooses. */
export async function toggleCandidate(
  tx: Tx,
  input: { recognitionId: string; rank: number; actorId: string; via: string; now: Date },
): Promise<{ ok: true } | { ok: false; reason: RecognitionRefusal }> {
  const refusal = await lockForAnswer(tx, input.recognitionId, {
    id: input.actorId,
    via: input.via,
    now: input.now,
  });
  if (refusal) return { ok: false, reason: refusal };
  const changed = await tx.$executeRaw`
    UPDATE recognition_candidate SET chosen = NOT chosen
    WHERE recognition_id = ${input.recognitionId}::uuid AND rank = ${input.rank}`;
  return changed === 1 ? { ok: true } : { ok: false, reason: "NOT_FOUND" };
}

/** Whether the head may go on to the note: it waits, it is theirs, and (to pick) someone is marked. */
export async function checkAnswer(
  tx: Tx,
  input: { recognitionId: string; pick: boolean; actorId: string; via: string; now: Date },
): Promise<RecognitionRefusal | null> {
  const refusal = await lockForAnswer(tx, input.recognitionId, {
    id: input.actorId,
    via: input.via,
    now: input.now,
  });
  if (refusal) return refusal;
  if (!input.pick) return null;
  const chosen = await tx.recognitionCandidate.count({
    where: { recognitionId: input.recognitionId, chosen: true },
  });
  return chosen === 0 ? "NOTHING_CHOSEN" : null;
}

/**
 * The head's answer with their note: the marked people (`pick`) or nobody this month. Once: a second
 * answer (another platform, an old button) is refused. The caller writes the `recognition-decided` effect.
 */
export async function answerRecognition(
  tx: Tx,
  input: { recognitionId: string; pick: boolean; note: string; actorId: string; via: string; now: Date },
): Promise<{ ok: true } | { ok: false; reason: RecognitionRefusal }> {
  const note = input.note.trim();
  if (note.length < RECOGNITION_NOTE_MIN || note.length > RECOGNITION_NOTE_MAX)
    return { ok: false, reason: "BAD_NOTE" };
  const refusal = await checkAnswer(tx, input);
  if (refusal) return { ok: false, reason: refusal };
  if (!input.pick) {
    await tx.recognitionCandidate.updateMany({
      where: { recognitionId: input.recognitionId },
      data: { chosen: false },
    });
  }
  await tx.recognition.update({
    where: { id: input.recognitionId },
    data: {
      status: input.pick ? "DIPILIH" : "TIDAK_ADA",
      note,
      decidedAt: input.now,
      version: { increment: 1 },
    },
  });
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: input.pick ? "recognition.chosen" : "recognition.none",
    entity: "recognition",
    entityId: input.recognitionId,
    now: input.now,
  });
  return { ok: true };
}
