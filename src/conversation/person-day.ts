import { DateTime } from "luxon";
import { addDays } from "../domain/local-date.ts";
import { localDate } from "../domain/time-zone.ts";
import type { DayStatus, WorkingCalendar } from "../domain/working-calendar.ts";
import type { Messages } from "../i18n/id.ts";
import { loadCalendar, loadUnitRules, type UnitRules } from "../services/unit-rules.ts";
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
  const rules = await loadUnitRules(ctx.tx, person.unitId);
  const today = localDate(rules.timeZone, ctx.now);
  const local = DateTime.fromJSDate(ctx.now, { zone: rules.timeZone });
  const calendar = await loadCalendar(
    ctx.tx,
    rules,
    { from: addDays(today, -LOOK_BACK_DAYS), to: addDays(today, 400) },
    person.id,
  );
  return { rules, today, nowMinuteOfDay: local.hour * 60 + local.minute, calendar };
}

/** "hari libur: Hari Raya Natal" / "akhir pekan" — why a date is not a working day, or "" if it is. */
export function nonWorkingNote(status: DayStatus, t: Messages): string {
  if (status.kind === "HOLIDAY") return status.name;
  if (status.kind === "WEEKEND") return t.common.weekend;
  return "";
}
