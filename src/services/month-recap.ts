import { datesOfMonth, type LocalDate } from "../domain/local-date.ts";
import type { CalendarMonth } from "../domain/month-input.ts";
import { monthlyAvailableMinutes } from "../domain/monthly-minutes.ts";
import { createWorkingCalendar, type DayStatus } from "../domain/working-calendar.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import type { UnitCalendarCache } from "./unit-calendar-cache.ts";

/** One day of the month in a person's recap. */
export interface RecapDay {
  date: LocalDate;
  status: DayStatus["kind"];
  approvedMinutes: number;
  pendingMinutes: number;
  /** The unit's minutes per day on a working day the person was not absent, else 0 */
  availableMinutes: number;
}

/** A person's month: approved and pending minutes per day against the minutes available. */
export interface MonthRecap extends CalendarMonth {
  /** The unit's working days and any other day with reported minutes, in order */
  days: RecapDay[];
  approvedMinutes: number;
  pendingMinutes: number;
  /** monthlyAvailableMinutes: the unit's working days minus the person's absences × minutes per day */
  availableMinutes: number;
  workingDays: number;
  /** Days with at least one approved or pending report */
  daysReported: number;
}

/**
 * The data of `/rekap` (and its chart): read in the turn's transaction. The calendar is built with the
 * absences that touch this month (the person's usual calendar only looks back 60 days).
 */
export async function loadMonthRecap(
  tx: Tx,
  unitCalendars: UnitCalendarCache,
  person: { id: string; unitId: string },
  { year, month }: CalendarMonth,
): Promise<MonthRecap> {
  const dates = datesOfMonth(year, month);
  const first = fromLocalDate(dates[0] ?? `${year}-01-01`);
  const last = fromLocalDate(dates.at(-1) ?? `${year}-01-01`);
  const { rules, holidays } = await unitCalendars.get(tx, person.unitId);
  const absences = await tx.absence.findMany({
    where: { personId: person.id, startDate: { lte: last }, endDate: { gte: first } },
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
  const sums = await tx.activity.groupBy({
    by: ["date", "status"],
    where: {
      personId: person.id,
      date: { gte: first, lte: last },
      status: { in: ["DISETUJUI", "DIAJUKAN"] },
    },
    _sum: { minutes: true },
  });
  const minutesOn = (date: LocalDate, status: "DISETUJUI" | "DIAJUKAN") =>
    sums.find((s) => s.status === status && toLocalDate(s.date) === date)?._sum.minutes ?? 0;
  const days: RecapDay[] = [];
  for (const date of dates) {
    const approvedMinutes = minutesOn(date, "DISETUJUI");
    const pendingMinutes = minutesOn(date, "DIAJUKAN");
    if (!calendar.isWorkingDay(date) && approvedMinutes + pendingMinutes === 0) continue;
    days.push({
      date,
      status: calendar.dayStatus(date).kind,
      approvedMinutes,
      pendingMinutes,
      availableMinutes: calendar.isWorkingDayFor(date) ? rules.minutesPerDay : 0,
    });
  }
  return {
    year,
    month,
    days,
    approvedMinutes: days.reduce((n, d) => n + d.approvedMinutes, 0),
    pendingMinutes: days.reduce((n, d) => n + d.pendingMinutes, 0),
    availableMinutes: monthlyAvailableMinutes(calendar, year, month, rules.minutesPerDay),
    workingDays: calendar.workingDaysInMonth(year, month),
    daysReported: days.filter((d) => d.approvedMinutes + d.pendingMinutes > 0).length,
  };
}
