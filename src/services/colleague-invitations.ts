import { addDays, type LocalDate } from "../domain/local-date.ts";
import { defaultPeriods, type Period } from "../domain/periods.ts";
import type { WorkingCalendar } from "../domain/working-calendar.ts";
import type { Tx } from "./db-types.ts";
import { periodsOfUnits } from "./evaluation-reminders.ts";
import { periodOfUnit, yearsAround } from "./periods.ts";
import { COLLEAGUE_INVITATION_TIME, dueToday, type UnitAtInstant } from "./reminder-calendar.ts";

/**
 * The invitation to give colleagues' input (SPEC section 13), on the reminder machinery of section 7:
 * one `reminder_delivery` row per person with the slot `masukan-undangan:<CODE>`, where the slot names
 * the period, so a person gets it at most once per period whatever the date.
 *
 * - When: 10:00 in the person's unit zone on the first of the period's last 5 working days of the
 *   unit's calendar (the 5th-last working day on or before `selesai`; weekends, national holidays, cuti
 *   bersama and regional holidays of the unit or a unit above it are not counted). A period with fewer
 *   working days starts its window on its first working day. Catch-up: a person with no row yet for the
 *   period is planned on any later working day of the window, from 10:00 of that day (the scheduler was
 *   down on the first day, the person linked an account or joined the unit since). A row planned but
 *   not sent on its day is closed as any reminder (its day ended) and never planned again. A holiday
 *   imported or removed after the invitation moves the window but never plans a second row; a period
 *   re-imported with other dates does not either, as long as the earlier row's day still lies within
 *   the period's last {@link MAX_WINDOW_SPAN_DAYS} days (see {@link rowsSince}).
 * - Who: active people of the unit with a reachable linked account, with at least one colleague (another
 *   active person of the same unit, supervisors included), who have not declined the period's invitation
 *   (`colleague_input_decline`) and have not yet given input on {@link INVITATION_MAX_COLLEAGUES} or more
 *   distinct colleagues for the period. An absence does not hold it back (as with evaluation messages).
 * - Which periods: those of the person's unit (`periodsForUnit`). Periods of a unit that end on the same
 *   day (the fourth triwulan and the year) share their window: one invitation, for the shortest of them
 *   (the latest start, then the code), since `/masukan` saves an input for every period running that day.
 *
 * The worker checks again before sending ({@link colleagueInvitationState}): declined or three colleagues
 * given meanwhile, no colleague left, the period gone or over → SKIPPED with the reason.
 */
export const COLLEAGUE_INVITATION_KIND = "masukan-undangan";

/** The invitation's window: the period's last working days. */
export const INVITATION_WORKING_DAYS = 5;
/** Input on up to this many colleagues is asked for; someone who gave it on as many is not invited. */
export const INVITATION_MAX_COLLEAGUES = 3;
/** A window never starts more than this many days before the period's end (long breaks included). */
const MAX_WINDOW_SPAN_DAYS = 45;

export const colleagueInvitationSlot = (code: string): string => `${COLLEAGUE_INVITATION_KIND}:${code}`;

/** "masukan-undangan:2026-TW2" → "2026-TW2"; anything else → null. */
export function parseColleagueInvitationSlot(slot: string): string | null {
  const prefix = `${COLLEAGUE_INVITATION_KIND}:`;
  if (!slot.startsWith(prefix)) return null;
  const code = slot.slice(prefix.length);
  return code === "" ? null : code;
}

/**
 * The first and the last day of the period's last {@link INVITATION_WORKING_DAYS} working days in a
 * unit's calendar (both working days), or null when the period has no working day at all.
 */
export function invitationWindow(
  calendar: WorkingCalendar,
  period: { startDate: LocalDate; endDate: LocalDate },
): { first: LocalDate; last: LocalDate } | null {
  const last = calendar.isWorkingDay(period.endDate)
    ? period.endDate
    : calendar.previousWorkingDay(period.endDate);
  if (last < period.startDate) return null;
  let first = last;
  for (let i = 1; i < INVITATION_WORKING_DAYS; i++) {
    const previous = calendar.previousWorkingDay(first);
    if (previous < period.startDate) break;
    first = previous;
  }
  return { first, last };
}

/** Whether `today` is a working day of the period's invitation window in this calendar. */
export function inInvitationWindow(
  calendar: WorkingCalendar,
  period: { startDate: LocalDate; endDate: LocalDate },
  today: LocalDate,
): boolean {
  if (period.endDate < today || addDays(today, MAX_WINDOW_SPAN_DAYS) < period.endDate) return false;
  if (!calendar.isWorkingDay(today)) return false;
  const window = invitationWindow(calendar, period);
  return window !== null && window.first <= today && today <= window.last;
}

interface Span {
  startDate: LocalDate;
  endDate: LocalDate;
}

/** Start and end pairs of periods running on some unit's today: configured ones and the defaults. */
async function candidateSpans(tx: Tx, units: readonly UnitAtInstant[]): Promise<Span[]> {
  const todays = units.map((unit) => unit.today).sort();
  const earliest = todays[0]!;
  const latest = todays.at(-1)!;
  const configured = await tx.$queryRaw<Span[]>`
    SELECT DISTINCT to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
    FROM evaluation_period
    WHERE end_date >= ${earliest}::date AND start_date <= ${latest}::date`;
  const defaults = [...new Set(todays.flatMap(yearsAround))].flatMap(defaultPeriods);
  return [...configured, ...defaults];
}

/**
 * The earliest day a row of the period's invitation can have: windows lie within the period and within
 * its last {@link MAX_WINDOW_SPAN_DAYS} days, whatever the calendar (a holiday imported or removed moves
 * the window inside those bounds). Looking for an existing row from that day on reads a few weeks of a
 * person's rows through the (person, date, slot) key instead of their whole history.
 */
const rowsSince = (period: Span): LocalDate => {
  const bound = addDays(period.endDate, -MAX_WINDOW_SPAN_DAYS);
  return [bound, period.startDate].sort().at(-1)!;
};

/** Of the unit's periods whose window holds its today: one per end date, the shortest (see the module comment). */
function periodsInvitedToday(unit: UnitAtInstant, periods: readonly Period[]): Period[] {
  const byEnd = new Map<LocalDate, Period>();
  for (const period of periods) {
    if (!inInvitationWindow(unit.calendar, period, unit.today)) continue;
    const known = byEnd.get(period.endDate);
    const shorter =
      !known ||
      period.startDate > known.startDate ||
      (period.startDate === known.startDate && period.code < known.code);
    if (shorter) byEnd.set(period.endDate, period);
  }
  return [...byEnd.values()];
}

/**
 * Plans the invitations due at `now` (see the module comment) with one `INSERT … SELECT … ON CONFLICT
 * DO NOTHING` for every unit and period. No query at all before 10:00 or on a non-working day of every
 * unit; otherwise one small query for the running periods' dates, and only on a day inside some window
 * the periods of the units (the evaluation planner's per-process cache) and the statement (about 0.1 s
 * per pass for 10,000 people with half a year of reminder rows each, on the busy 2-core machine; it runs
 * every minute from 10:00 on the window's working days, so a person linked in the meantime is invited).
 * Returns the rows created.
 */
export async function planColleagueInvitations(
  tx: Tx,
  units: readonly UnitAtInstant[],
  now: Date,
): Promise<number> {
  const open = units.filter(
    (unit) => unit.calendar.isWorkingDay(unit.today) && dueToday(unit, COLLEAGUE_INVITATION_TIME, now),
  );
  if (open.length === 0) return 0;
  const spans = await candidateSpans(tx, open);
  const inWindow = open.filter((unit) =>
    spans.some((span) => inInvitationWindow(unit.calendar, span, unit.today)),
  );
  if (inWindow.length === 0) return 0;

  // All units, as the evaluation planner asks: the same cache entry serves both.
  const byUnit = await periodsOfUnits(tx, units);
  const due = {
    unitIds: [] as string[],
    codes: [] as string[],
    slots: [] as string[],
    since: [] as string[],
    days: [] as string[],
    dueAts: [] as string[],
  };
  for (const unit of inWindow) {
    const dueAt = dueToday(unit, COLLEAGUE_INVITATION_TIME, now)!;
    for (const period of periodsInvitedToday(unit, byUnit.get(unit.unitId) ?? [])) {
      due.unitIds.push(unit.unitId);
      due.codes.push(period.code);
      due.slots.push(colleagueInvitationSlot(period.code));
      due.since.push(rowsSince(period));
      due.days.push(unit.today);
      due.dueAts.push(dueAt.toISOString());
    }
  }
  if (due.unitIds.length === 0) return 0;
  return tx.$executeRaw`
    WITH due AS MATERIALIZED (
      SELECT * FROM unnest(${due.unitIds}::uuid[], ${due.codes}::text[], ${due.slots}::text[],
                           ${due.since}::date[], ${due.days}::date[], ${due.dueAts}::timestamptz[])
        AS d(unit_id, code, slot, since, day, due_at)
    )
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), p.id, d.day, d.slot, 'PLANNED', d.due_at, ${now}::timestamptz
    FROM due d JOIN person p ON p.unit_id = d.unit_id AND p.active
    WHERE NOT EXISTS (SELECT 1 FROM reminder_delivery r
                      WHERE r.person_id = p.id AND r.date >= d.since AND r.slot = d.slot)
      AND EXISTS (SELECT 1 FROM platform_account a WHERE a.person_id = p.id AND a.reachable)
      AND EXISTS (SELECT 1 FROM person c WHERE c.unit_id = p.unit_id AND c.active AND c.id <> p.id)
      AND NOT EXISTS (SELECT 1 FROM colleague_input_decline x WHERE x.person_id = p.id AND x.period_code = d.code)
      AND (SELECT count(DISTINCT ci.receiver_id) FROM colleague_input ci
           WHERE ci.giver_id = p.id AND ci.period_code = d.code) < ${INVITATION_MAX_COLLEAGUES}
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}

/** What the invitation says, or why it is no longer sent. */
export type ColleagueInvitationState =
  | { due: true; period: { code: string; name: string; endDate: LocalDate } }
  | { due: false; reason: string };

/** Reasons a planned invitation is not sent (the row is SKIPPED with it). */
export const INVITATION_SKIPPED = {
  declined: "declined",
  given: `input given on ${INVITATION_MAX_COLLEAGUES} colleagues`,
  alone: "no colleague",
  noPeriod: "period not found",
  periodOver: "period over",
} as const;

/**
 * The row's invitation as it stands now (the worker's check before sending), by the planner's rules:
 * the period as the person's unit holds it, not declined, fewer than three colleagues given, someone to
 * give input on. `unitId` is the person's unit.
 */
export async function colleagueInvitationState(
  tx: Tx,
  row: { personId: string; unitId: string; date: LocalDate; slot: string },
): Promise<ColleagueInvitationState> {
  const code = parseColleagueInvitationSlot(row.slot);
  if (code === null) return { due: false, reason: `unknown slot ${row.slot}` };
  const period = await periodOfUnit(tx, row.unitId, code);
  if (!period) return { due: false, reason: INVITATION_SKIPPED.noPeriod };
  if (period.endDate < row.date) return { due: false, reason: INVITATION_SKIPPED.periodOver };
  const [facts] = await tx.$queryRaw<{ declined: boolean; given: number; colleagues: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM colleague_input_decline x
                   WHERE x.person_id = ${row.personId}::uuid AND x.period_code = ${code}) AS declined,
           (SELECT count(DISTINCT ci.receiver_id)::int FROM colleague_input ci
            WHERE ci.giver_id = ${row.personId}::uuid AND ci.period_code = ${code}) AS given,
           EXISTS (SELECT 1 FROM person c WHERE c.unit_id = ${row.unitId}::uuid AND c.active
                   AND c.id <> ${row.personId}::uuid) AS colleagues`;
  if (facts?.declined) return { due: false, reason: INVITATION_SKIPPED.declined };
  if ((facts?.given ?? 0) >= INVITATION_MAX_COLLEAGUES)
    return { due: false, reason: INVITATION_SKIPPED.given };
  if (!facts?.colleagues) return { due: false, reason: INVITATION_SKIPPED.alone };
  return { due: true, period: { code, name: period.name, endDate: period.endDate } };
}
