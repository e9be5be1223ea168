import { addDays } from "../domain/local-date.ts";
import { instantAt, localDate } from "../domain/time-zone.ts";
import {
  type CalendarHoliday,
  createWorkingCalendar,
  type HolidayKind,
  type WorkingCalendar,
} from "../domain/working-calendar.ts";
import type { Tx } from "./db-types.ts";
import { DEFAULT_UNIT_RULES } from "./unit-rules.ts";

/** Local time of the escalation to supervisors (SPEC section 7). */
export const ESCALATION_TIME = "09:00";
/** Local time of the reminder about reports waiting for a decision (SPEC section 7). */
export const PENDING_REVIEW_TIME = "08:00";
/** Local time of the evaluation request and of the reminder before the rating deadline (SPEC section 12). */
export const EVALUATION_REQUEST_TIME = "08:00";
/** Local time of the escalation of the unrated to the rater's own supervisor (SPEC section 12). */
export const EVALUATION_ESCALATION_TIME = "09:00";
/** Local time of the invitation to give colleagues' input, in the period's last working days (SPEC section 13). */
export const COLLEAGUE_INVITATION_TIME = "10:00";
/** Local time of the monthly recognition's suggestions to the unit head (SPEC section 14). */
export const RECOGNITION_TIME = "09:00";

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One unit at one instant: its zone, its local "today", its calendar and its reminder times. */
export interface UnitAtInstant {
  unitId: string;
  /** The unit above it, if any */
  parentId: string | null;
  timeZone: string;
  today: string;
  calendar: WorkingCalendar;
  /** Valid "HH:MM" reminder times (its own settings, else the nearest ancestor's, else the defaults) */
  reminderTimes: string[];
}

interface UnitRow {
  id: string;
  parentId: string | null;
  timeZone: string;
  workingDays: number[] | null;
  reminderTimes: string[] | null;
}

interface HolidayRow {
  date: string;
  name: string;
  kind: HolidayKind;
  scope: string;
}

/** How far back holidays are read: enough to find any unit's previous working day. */
const HOLIDAY_WINDOW_DAYS = 120;
/**
 * How far ahead: enough to count back working days from a rating deadline still to come (the reminder
 * 3 working days before it, SPEC section 12), even across the long Lebaran break.
 */
const HOLIDAY_DAYS_AHEAD = 62;

/**
 * Every unit as it stands at `now`, in two queries: unit rules are inherited up the tree (as in
 * `loadUnitRules`) and holidays hold for the unit and every unit below the one they were imported for
 * (as in the unit calendar cache). A unit whose zone or working weekdays cannot be used is listed in
 * `unusable` instead (an admin import refuses such data, so this is a safety net).
 */
export async function loadUnitsAt(
  tx: Tx,
  now: Date,
): Promise<{ units: UnitAtInstant[]; unusable: string[] }> {
  const rows = await tx.$queryRaw<UnitRow[]>`
    SELECT u.id::text AS id, u.parent_id::text AS "parentId", u.time_zone AS "timeZone",
           s.working_days AS "workingDays", s.reminder_times AS "reminderTimes"
    FROM unit u LEFT JOIN unit_setting s ON s.unit_id = u.id`;
  const utcToday = now.toISOString().slice(0, 10);
  const holidayRows = await tx.$queryRaw<HolidayRow[]>`
    SELECT to_char(date, 'YYYY-MM-DD') AS date, name, kind::text AS kind, scope
    FROM holiday
    WHERE date BETWEEN ${addDays(utcToday, -HOLIDAY_WINDOW_DAYS)}::date AND ${addDays(utcToday, HOLIDAY_DAYS_AHEAD)}::date`;

  const byId = new Map(rows.map((row) => [row.id, row]));
  const holidaysByScope = new Map<string, CalendarHoliday[]>();
  for (const { scope, date, name, kind } of holidayRows) {
    const list = holidaysByScope.get(scope) ?? [];
    list.push({ date, name, kind });
    holidaysByScope.set(scope, list);
  }

  const units: UnitAtInstant[] = [];
  const unusable: string[] = [];
  for (const row of rows) {
    const ancestry = ancestryOf(row, byId);
    const nearest = ancestry.find((unit) => unit.workingDays !== null);
    try {
      const calendar = createWorkingCalendar({
        workingDays: nearest?.workingDays ?? DEFAULT_UNIT_RULES.workingDays,
        holidays: ["*", ...ancestry.map((unit) => unit.id)].flatMap(
          (scope) => holidaysByScope.get(scope) ?? [],
        ),
      });
      units.push({
        unitId: row.id,
        parentId: row.parentId,
        timeZone: row.timeZone,
        today: localDate(row.timeZone, now),
        calendar,
        reminderTimes: (nearest?.reminderTimes ?? DEFAULT_UNIT_RULES.reminderTimes).filter((time) =>
          CLOCK_TIME.test(time),
        ),
      });
    } catch {
      unusable.push(row.id);
    }
  }
  return { units, unusable };
}

/** The unit, then its parent, up to the root (a cycle, which imports refuse, stops the walk). */
function ancestryOf(unit: UnitRow, byId: ReadonlyMap<string, UnitRow>): UnitRow[] {
  const chain = [unit];
  const seen = new Set([unit.id]);
  let parentId = unit.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return chain;
}

/** The instant of a local clock time on the unit's today, when that has already come at `now`. */
export function dueToday(unit: UnitAtInstant, time: string, now: Date): Date | null {
  const at = instantAt(unit.timeZone, unit.today, time);
  return at.getTime() <= now.getTime() ? at : null;
}
