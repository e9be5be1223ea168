import { achievementPercent } from "../domain/achievement.ts";
import { addDays, type LocalDate } from "../domain/local-date.ts";
import type { Period } from "../domain/periods.ts";
import { instantAt } from "../domain/time-zone.ts";
import { createWorkingCalendar } from "../domain/working-calendar.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import type { UnitCalendarCache } from "./unit-calendar-cache.ts";

/** One IKI of the SKP with what the period's approved work realised (Lampiran 4 columns 2–6). */
export interface IkiEvidence {
  rhkCode: string;
  rhkDescription: string;
  rhkKind: "UTAMA" | "TAMBAHAN";
  ikiCode: string;
  indicator: string;
  aspect: "KUANTITAS" | "KUALITAS" | "WAKTU" | "BIAYA";
  /** the yearly target */
  target: number;
  unitLabel: string;
  /** approved output of activities dated in the period */
  realisedInPeriod: number;
  /** approved output from 1 January of the SKP year to the period's end */
  realisedToEnd: number;
  /** capaian: realisedToEnd ÷ the yearly target, in percent (one decimal) */
  percent: number;
}

export interface FeedbackEvidence {
  at: Date;
  fromName: string;
  text: string;
}

/** What the rater sees before rating one person for a period (SPEC section 12), in the order shown. */
export interface PeriodEvidence {
  year: number;
  ikis: IkiEvidence[];
  /** feedback the person received in the period (general and on activities), newest first */
  feedback: FeedbackEvidence[];
  /** approved activities dated in the period */
  approvedActivities: number;
  /** approved minutes of activities dated in the period */
  approvedMinutes: number;
  /** working days of the person's unit in the period, less their absences, × minutes per day */
  availableMinutes: number;
}

const FEEDBACK_SHOWN = 5;

/**
 * The evidence for rating `personId` in `period`: per IKI of the SKP of the period's year (active ones,
 * RHK utama first) the target, realisasi in the period and to its end, capaian %; the feedback received
 * in the period; approved vs available minutes. Only approved (DISETUJUI) work counts. The product shows
 * it; it never turns it into a rating.
 */
export async function periodEvidence(
  tx: Tx,
  calendars: UnitCalendarCache,
  person: { id: string; unitId: string },
  period: Period,
  timeZone: string,
): Promise<PeriodEvidence> {
  const year = Number(period.endDate.slice(0, 4));
  const start = fromLocalDate(period.startDate);
  const end = fromLocalDate(period.endDate);
  const skp = await tx.skp.findUnique({
    where: { personId_year: { personId: person.id, year } },
    select: {
      ikis: {
        where: { active: true },
        select: {
          id: true,
          code: true,
          indicator: true,
          aspect: true,
          target: true,
          unitLabel: true,
          rhk: { select: { code: true, description: true, kind: true } },
        },
      },
    },
  });
  const ikis = skp?.ikis ?? [];
  const sums = await tx.$queryRaw<{ ikiId: string; inPeriod: bigint; toEnd: bigint }[]>`
    SELECT iki_id::text AS "ikiId",
           COALESCE(SUM(quantity) FILTER (WHERE date >= ${start}::date), 0) AS "inPeriod",
           COALESCE(SUM(quantity), 0) AS "toEnd"
    FROM activity
    WHERE person_id = ${person.id}::uuid AND status = 'DISETUJUI' AND iki_id IS NOT NULL
      AND date >= ${fromLocalDate(`${year}-01-01`)}::date AND date <= ${end}::date
    GROUP BY iki_id`;
  const totals = await tx.$queryRaw<{ count: bigint; minutes: bigint | null }[]>`
    SELECT COUNT(*) AS count, SUM(minutes) AS minutes FROM activity
    WHERE person_id = ${person.id}::uuid AND status = 'DISETUJUI'
      AND date >= ${start}::date AND date <= ${end}::date`;
  const feedback = await tx.feedback.findMany({
    where: {
      toId: person.id,
      createdAt: {
        gte: instantAt(timeZone, period.startDate, "00:00"),
        lt: instantAt(timeZone, addDays(period.endDate, 1), "00:00"),
      },
    },
    orderBy: { createdAt: "desc" },
    take: FEEDBACK_SHOWN,
    select: { createdAt: true, text: true, from: { select: { name: true } } },
  });
  const ikiEvidence = ikis
    .map((iki): IkiEvidence => {
      const sum = sums.find((s) => s.ikiId === iki.id);
      const target = iki.target.toNumber();
      const realisedToEnd = Number(sum?.toEnd ?? 0);
      return {
        rhkCode: iki.rhk.code,
        rhkDescription: iki.rhk.description,
        rhkKind: iki.rhk.kind,
        ikiCode: iki.code,
        indicator: iki.indicator,
        aspect: iki.aspect,
        target,
        unitLabel: iki.unitLabel,
        realisedInPeriod: Number(sum?.inPeriod ?? 0),
        realisedToEnd,
        percent: achievementPercent(target, realisedToEnd),
      };
    })
    .sort(
      (a, b) =>
        (a.rhkKind === b.rhkKind ? 0 : a.rhkKind === "UTAMA" ? -1 : 1) ||
        a.rhkCode.localeCompare(b.rhkCode) ||
        a.ikiCode.localeCompare(b.ikiCode),
    );
  return {
    year,
    ikis: ikiEvidence,
    feedback: feedback.map((f) => ({ at: f.createdAt, fromName: f.from.name, text: f.text })),
    approvedActivities: Number(totals[0]?.count ?? 0),
    approvedMinutes: Number(totals[0]?.minutes ?? 0),
    availableMinutes: await availableMinutes(tx, calendars, person, period),
  };
}

async function availableMinutes(
  tx: Tx,
  calendars: UnitCalendarCache,
  person: { id: string; unitId: string },
  period: Period,
): Promise<number> {
  const { rules, holidays } = await calendars.get(tx, person.unitId);
  const absences = await tx.absence.findMany({
    where: {
      personId: person.id,
      endDate: { gte: fromLocalDate(period.startDate) },
      startDate: { lte: fromLocalDate(period.endDate) },
    },
    select: { startDate: true, endDate: true, kind: true },
  });
  const calendar = createWorkingCalendar({
    workingDays: rules.workingDays,
    holidays,
    absences: absences.map((a) => ({
      startDate: toLocalDate(a.startDate),
      endDate: toLocalDate(a.endDate),
      kind: a.kind,
    })),
  });
  let days = 0;
  for (let d: LocalDate = period.startDate; d <= period.endDate; d = addDays(d, 1)) {
    if (calendar.isWorkingDayFor(d)) days += 1;
  }
  return days * rules.minutesPerDay;
}
