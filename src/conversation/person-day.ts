import { DateTime } from "luxon";
import { sql } from "../db/direct-sql.ts";
import { addDays } from "../domain/local-date.ts";
import { localDate } from "../domain/time-zone.ts";
import { createWorkingCalendar, type DayStatus, type WorkingCalendar } from "../domain/working-calendar.ts";
import type { Messages } from "../i18n/id.ts";
import { fromLocalDate, toLocalDate } from "../services/db-types.ts";
import type { UnitRules } from "../services/unit-rules.ts";
import type { TurnContext } from "./context.ts";

/** A person's "now": their unit's rules, today's date and minute in the unit's zone, and the calendar. */
export interface PersonDay {
  rules: UnitRules;
  today: string;
  nowMinuteOfDay: number;
  calendar: WorkingCalendar;
}

const LOOK_BACK_DAYS = 60;

/** Loaded once per turn and person: several steps of one turn ask for it. */
export function loadPersonDay(ctx: TurnContext, person: { id: string; unitId: string }): Promise<PersonDay> {
  const key = `person-day:${person.id}`;
  let day = ctx.memo.get(key) as Promise<PersonDay> | undefined;
  if (!day) {
    day = readPersonDay(ctx, person);
    ctx.memo.set(key, day);
  }
  return day;
}

async function readPersonDay(ctx: TurnContext, person: { id: string; unitId: string }): Promise<PersonDay> {
  const { rules, holidays } = await ctx.unitCalendars.get(ctx.tx, person.unitId);
  const today = localDate(rules.timeZone, ctx.now);
  const local = DateTime.fromJSDate(ctx.now, { zone: rules.timeZone });
  const absences = await sql<{ startDate: Date; endDate: Date; kind: string }>(ctx.tx)`
    SELECT start_date AS "startDate", end_date AS "endDate", kind::text AS kind FROM absence
    WHERE person_id = ${person.id}::uuid AND end_date >= ${fromLocalDate(addDays(today, -LOOK_BACK_DAYS))}::date`;
  const calendar = createWorkingCalendar({
    workingDays: rules.workingDays,
    holidays,
    absences: absences.map((a) => ({
      startDate: toLocalDate(a.startDate),
      endDate: toLocalDate(a.endDate),
      kind: a.kind,
    })),
  });
  return { rules, today, nowMinuteOfDay: local.hour * 60 + local.minute, calendar };
}

/** "hari libur: Hari Raya Natal" / "akhir pekan" — why a date is not a working day, or "" if it is. */
export function nonWorkingNote(status: DayStatus, t: Messages): string {
  if (status.kind === "HOLIDAY") return status.name;
  if (status.kind === "WEEKEND") return t.common.weekend;
  return "";
}
