import { addDays, datesOfMonth, type LocalDate } from "../domain/local-date.ts";
import { type RecognitionCriteria, type Suggestible, suggest } from "../domain/recognition-score.ts";
import { instantAt } from "../domain/time-zone.ts";
import type { WorkingCalendar } from "../domain/working-calendar.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import { MIN_SERVED_SHOWN, servedAverages } from "./survey-results.ts";

/** "2026-11" → its first and last day. */
export function monthSpan(month: string): { first: LocalDate; last: LocalDate; year: number; m: number } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const dates = datesOfMonth(year, m);
  return { first: dates[0]!, last: dates.at(-1)!, year, m };
}

/** The month before the one `today` lies in: "2026-12-01" → "2026-11". */
export function previousMonth(today: LocalDate): string {
  const year = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

export interface StaffMember {
  id: string;
  name: string;
}

/**
 * The staff the unit head is asked about: active people of the unit itself, the head excluded (a unit
 * below has its own head).
 */
export async function unitStaff(tx: Tx, unitId: string, headId: string): Promise<StaffMember[]> {
  return tx.person.findMany({
    where: { unitId, active: true, id: { not: headId } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

interface DayRow {
  personId: string;
  day: string;
}

/**
 * Each staff member's criteria for the month (see recognition-score.ts for what each one means), read in
 * a handful of queries for the whole unit. `calendar` is the unit's working calendar.
 */
export async function monthCriteria(
  tx: Tx,
  staff: readonly StaffMember[],
  month: string,
  calendar: WorkingCalendar,
  timeZone: string,
): Promise<(Suggestible & { servedCount: number })[]> {
  if (staff.length === 0) return [];
  const ids = staff.map((s) => s.id);
  const { first, last, year, m } = monthSpan(month);
  const from = fromLocalDate(first);
  const to = fromLocalDate(last);

  const reportedDays = await tx.$queryRaw<DayRow[]>`
    SELECT DISTINCT person_id::text AS "personId", to_char(date, 'YYYY-MM-DD') AS day
    FROM activity
    WHERE person_id = ANY(${ids}::uuid[]) AND date BETWEEN ${from}::date AND ${to}::date
      AND status IN ('DIAJUKAN', 'DISETUJUI', 'REVISI')`;
  const absences = await tx.absence.findMany({
    where: { personId: { in: ids }, startDate: { lte: to }, endDate: { gte: from } },
    select: { personId: true, startDate: true, endDate: true },
  });
  const approvedRows = await tx.$queryRaw<{ personId: string; approved: number; clean: number }[]>`
    SELECT a.person_id::text AS "personId", count(*)::int AS approved,
           count(*) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM activity_status_change h WHERE h.activity_id = a.id AND h.to_status = 'REVISI'
           ))::int AS clean
    FROM activity a
    WHERE a.person_id = ANY(${ids}::uuid[]) AND a.date BETWEEN ${from}::date AND ${to}::date
      AND a.status = 'DISETUJUI'
    GROUP BY a.person_id`;
  const ikiRows = await tx.$queryRaw<{ personId: string; target: number; realised: number }[]>`
    SELECT s.person_id::text AS "personId", i.target::float8 AS target,
           coalesce((SELECT sum(a.quantity) FROM activity a
                     WHERE a.iki_id = i.id AND a.status = 'DISETUJUI'
                       AND a.date BETWEEN ${from}::date AND ${to}::date), 0)::float8 AS realised
    FROM skp s JOIN iki i ON i.skp_id = s.id AND i.active
    WHERE s.person_id = ANY(${ids}::uuid[]) AND s.year = ${year}`;
  const kudosRows = await tx.$queryRaw<{ personId: string; n: number }[]>`
    SELECT to_id::text AS "personId", count(*)::int AS n
    FROM kudos
    WHERE to_id = ANY(${ids}::uuid[])
      AND created_at >= ${instantAt(timeZone, first, "00:00")}
      AND created_at < ${instantAt(timeZone, addDays(last, 1), "00:00")}
    GROUP BY to_id`;
  const served = await servedAverages(tx, ids, { startDate: first, endDate: last });

  const workingDaysOfMonth = datesOfMonth(year, m).filter((d) => calendar.isWorkingDay(d));
  const daysOff = new Map<string, Set<string>>();
  for (const a of absences) {
    const start = toLocalDate(a.startDate);
    const end = toLocalDate(a.endDate);
    const set = daysOff.get(a.personId) ?? new Set<string>();
    for (const d of workingDaysOfMonth) if (start <= d && d <= end) set.add(d);
    daysOff.set(a.personId, set);
  }
  const reported = new Map<string, Set<string>>();
  for (const row of reportedDays) {
    if (!calendar.isWorkingDay(row.day)) continue;
    const set = reported.get(row.personId) ?? new Set<string>();
    set.add(row.day);
    reported.set(row.personId, set);
  }

  return staff.map((person) => {
    const off = daysOff.get(person.id) ?? new Set<string>();
    const workingDays = workingDaysOfMonth.filter((d) => !off.has(d)).length;
    const daysReported = Math.min(workingDays, reported.get(person.id)?.size ?? 0);
    const approved = approvedRows.find((r) => r.personId === person.id);
    const ikis = ikiRows.filter((r) => r.personId === person.id && r.target > 0);
    const capaian =
      ikis.length === 0
        ? 0
        : ikis.reduce((sum, iki) => sum + Math.min(100, (iki.realised * 1200) / iki.target), 0) / ikis.length;
    const average = served.get(person.id);
    const shown = average && average.responses >= MIN_SERVED_SHOWN ? average : undefined;
    const criteria: RecognitionCriteria = {
      capaianPercent: Math.round(capaian * 10) / 10,
      daysReported,
      workingDays,
      approved: approved?.approved ?? 0,
      approvedClean: approved?.clean ?? 0,
      kudos: kudosRows.find((r) => r.personId === person.id)?.n ?? 0,
      servedAverage: shown ? shown.mean : null,
    };
    return { personId: person.id, name: person.name, criteria, servedCount: shown?.responses ?? 0 };
  });
}

/** The month's suggestions for a unit: at most 3, best first (recognition-score.ts). */
export async function monthSuggestions(
  tx: Tx,
  input: { unitId: string; headId: string; month: string; calendar: WorkingCalendar; timeZone: string },
) {
  const staff = await unitStaff(tx, input.unitId, input.headId);
  return suggest(await monthCriteria(tx, staff, input.month, input.calendar, input.timeZone));
}
