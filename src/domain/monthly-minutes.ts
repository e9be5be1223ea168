import type { WorkingCalendar } from "./working-calendar.ts";

function checkedMinutesPerDay(minutesPerDay: number): number {
  if (!Number.isFinite(minutesPerDay) || minutesPerDay < 0) {
    throw new RangeError(`minutes per day must be a number ≥ 0: ${minutesPerDay}`);
  }
  return minutesPerDay;
}

/**
 * The month's target of effective minutes for the unit (DOMAIN.md): the unit's working days of the month
 * (weekdays it works, minus holidays and cuti bersama) × the unit's minutes per working day.
 */
export function monthlyTargetMinutes(
  calendar: Pick<WorkingCalendar, "workingDaysInMonth">,
  year: number,
  month: number,
  minutesPerDay: number,
): number {
  return calendar.workingDaysInMonth(year, month) * checkedMinutesPerDay(minutesPerDay);
}

/**
 * The minutes a person can be expected to work in the month: as {@link monthlyTargetMinutes}, without the
 * days of their absences (cuti, sakit, dinas luar, …). An absence on a weekend or holiday removes nothing.
 * Build the calendar with the person's absences.
 */
export function monthlyAvailableMinutes(
  calendar: Pick<WorkingCalendar, "availableWorkingDaysInMonth">,
  year: number,
  month: number,
  minutesPerDay: number,
): number {
  return calendar.availableWorkingDaysInMonth(year, month) * checkedMinutesPerDay(minutesPerDay);
}
