/**
 * What `admin export-penilaian` writes (SPEC section 12): for one period code, one row per person of the
 * selected units for whom the period holds, rated or not. Reads only.
 */
import { addDays } from "../domain/local-date.ts";
import type { Period } from "../domain/periods.ts";
import type { OrganisationResult } from "../domain/pola-distribusi.ts";
import type { Predikat, Rating } from "../domain/predikat.ts";
import { instantAt, localDate } from "../domain/time-zone.ts";
import { type Tx, toLocalDate } from "./db-types.ts";
import { notesOf } from "./evaluations.ts";
import { organisationResultFor, periodOfUnit } from "./periods.ts";
import { supervisorOn } from "./raters.ts";

export type ExportStatus = "belum_dinilai" | "dinilai" | "keberatan" | "final";
export type ExportObjection = "" | "diajukan" | "tetap" | "diubah";

export interface EvaluationExportRow {
  person: { id: string; nip: string; name: string; position: string };
  unit: { id: string; code: string; name: string; timeZone: string };
  /** the period as it holds for the person's unit (one code may be set differently at two levels) */
  period: Period;
  /** the rater of record when rated; else the direct supervisor on the period's last day */
  rater: { nip: string; name: string } | null;
  /** the unit's capaian kinerja organisasi for the period (own, else the nearest unit above) */
  capaian: OrganisationResult | null;
  evaluation: {
    id: string;
    ratingHasilKerja: Rating;
    ratingPerilaku: Rating;
    predikat: Predikat;
    feedback: string | null;
    behaviourNotes: Record<string, string>;
    /** when the result was set: the rating, or the decision that changed it on objection */
    ratedAt: Date;
    unitHead: boolean;
    late: boolean;
  } | null;
  status: ExportStatus;
  objection: ExportObjection;
}

export type EvaluationExport =
  | { ok: true; rows: EvaluationExportRow[] }
  | { ok: false; reason: "PERIOD_NOT_FOUND" };

/**
 * Everyone of `unitIds` (active, or rated for the period while they were) whose unit the period
 * `periodCode` holds for, sorted by unit code, name and NIP. `status` reads a result whose objection time
 * is over on the person's local date as final, whether or not the scheduler has closed it yet.
 */
export async function evaluationExport(
  tx: Tx,
  options: { periodCode: string; unitIds: readonly string[]; now: Date },
): Promise<EvaluationExport> {
  const { periodCode, now } = options;
  const units = await tx.unit.findMany({
    where: { id: { in: [...options.unitIds] } },
    select: { id: true, code: true, name: true, timeZone: true },
  });
  const periodByUnit = new Map<string, Period>();
  for (const unit of units) {
    const period = await periodOfUnit(tx, unit.id, periodCode);
    if (period) periodByUnit.set(unit.id, period);
  }
  if (periodByUnit.size === 0) return { ok: false, reason: "PERIOD_NOT_FOUND" };

  const people = await tx.person.findMany({
    where: {
      unitId: { in: [...periodByUnit.keys()] },
      OR: [{ active: true }, { evaluations: { some: { periodCode } } }],
    },
    select: {
      id: true,
      nip: true,
      name: true,
      position: true,
      unitId: true,
      evaluations: {
        where: { periodCode },
        select: {
          id: true,
          ratingHasilKerja: true,
          ratingPerilaku: true,
          predikat: true,
          feedback: true,
          behaviourNotes: true,
          ratedAt: true,
          unitHead: true,
          late: true,
          status: true,
          objectionUntil: true,
          rater: { select: { nip: true, name: true } },
          objection: { select: { decision: true, decidedAt: true } },
        },
      },
    },
  });
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const capaianByUnit = new Map<string, OrganisationResult | null>();
  const rows: EvaluationExportRow[] = [];
  for (const person of people) {
    const unit = unitById.get(person.unitId)!;
    const period = periodByUnit.get(unit.id)!;
    if (!capaianByUnit.has(unit.id)) {
      capaianByUnit.set(unit.id, (await organisationResultFor(tx, unit.id, periodCode))?.result ?? null);
    }
    const evaluation = person.evaluations[0];
    let rater = evaluation?.rater ?? null;
    if (!evaluation) {
      const supervisorId = await supervisorOn(tx, person.id, period.endDate);
      rater = supervisorId
        ? await tx.person.findUnique({ where: { id: supervisorId }, select: { nip: true, name: true } })
        : null;
    }
    let status: ExportStatus = "belum_dinilai";
    if (evaluation?.status === "KEBERATAN") status = "keberatan";
    else if (evaluation?.status === "FINAL") status = "final";
    else if (evaluation) {
      const over = localDate(unit.timeZone, now) > toLocalDate(evaluation.objectionUntil);
      status = over ? "final" : "dinilai";
    }
    const decision = evaluation?.objection?.decision;
    rows.push({
      person: { id: person.id, nip: person.nip, name: person.name, position: person.position },
      unit,
      period,
      rater,
      capaian: capaianByUnit.get(unit.id) ?? null,
      evaluation: evaluation
        ? {
            id: evaluation.id,
            ratingHasilKerja: evaluation.ratingHasilKerja,
            ratingPerilaku: evaluation.ratingPerilaku,
            predikat: evaluation.predikat,
            feedback: evaluation.feedback,
            behaviourNotes: notesOf(evaluation.behaviourNotes) as Record<string, string>,
            // A result changed on objection was set by the decision.
            ratedAt:
              evaluation.objection?.decision === "DIUBAH" && evaluation.objection.decidedAt
                ? evaluation.objection.decidedAt
                : evaluation.ratedAt,
            unitHead: evaluation.unitHead,
            late: evaluation.late,
          }
        : null,
      status,
      objection: !evaluation?.objection
        ? ""
        : decision === "TETAP"
          ? "tetap"
          : decision
            ? "diubah"
            : "diajukan",
    });
  }
  rows.sort(
    (a, b) =>
      a.unit.code.localeCompare(b.unit.code) ||
      a.person.name.localeCompare(b.person.name, "id") ||
      a.person.nip.localeCompare(b.person.nip),
  );
  return { ok: true, rows };
}

/** Feedback a person received in a period, grouped by the IKI of the activity it was given on. */
export interface PeriodFeedback {
  /** IKI code → feedback on activities of that IKI, oldest first */
  byIki: Map<string, { at: Date; fromName: string; text: string }[]>;
  /** feedback on no IKI (general, or on a "tugas lain" activity), oldest first */
  other: { at: Date; fromName: string; text: string }[];
}

/** Continuous feedback (umpan balik berkelanjutan) of the period, for Lampiran 4 column 7. */
export async function periodFeedback(
  tx: Tx,
  personId: string,
  period: Period,
  timeZone: string,
): Promise<PeriodFeedback> {
  const year = Number(period.endDate.slice(0, 4));
  const feedback = await tx.feedback.findMany({
    where: {
      toId: personId,
      evaluationId: null,
      createdAt: {
        gte: instantAt(timeZone, period.startDate, "00:00"),
        lt: instantAt(timeZone, addDays(period.endDate, 1), "00:00"),
      },
    },
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      text: true,
      from: { select: { name: true } },
      activity: { select: { iki: { select: { code: true, skp: { select: { year: true } } } } } },
    },
  });
  const result: PeriodFeedback = { byIki: new Map(), other: [] };
  for (const item of feedback) {
    const entry = { at: item.createdAt, fromName: item.from.name, text: item.text };
    const iki = item.activity?.iki;
    if (!iki || iki.skp.year !== year) {
      result.other.push(entry);
      continue;
    }
    const list = result.byIki.get(iki.code) ?? [];
    list.push(entry);
    result.byIki.set(iki.code, list);
  }
  return result;
}
