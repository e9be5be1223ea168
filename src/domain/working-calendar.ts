import { addDays, assertLocalDate, datesOfMonth, isoWeekday, type LocalDate } from "./local-date.ts";

export type HolidayKind = "LIBUR_NASIONAL" | "CUTI_BERSAMA" | "LIBUR_DAERAH";

/** A non-working day of the unit: a national holiday, collective leave or a regional holiday. */
export interface CalendarHoliday {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
}

/** A person's absence (cuti, sakit, dinas luar, tugas belajar, diklat); both dates inclusive. */
export interface CalendarAbsence {
  startDate: LocalDate;
  endDate: LocalDate;
  kind: string;
}

export interface WorkingCalendarInput {
  /** ISO weekdays the unit works: 1 = Monday … 7 = Sunday (Mon–Fri is [1, 2, 3, 4, 5]). */
  workingDays: readonly number[];
  /** The holidays that hold for this unit: national ones plus the regional ones of the unit and its parents. */
  holidays: readonly CalendarHoliday[];
  /** One person's absences; leave out for a unit-level calendar. */
  absences?: readonly CalendarAbsence[];
}

/**
 * What a date is. Precedence: HOLIDAY (even on a weekend), then WEEKEND (a weekday the unit does not
 * work), then ABSENCE (only on a day that would otherwise be working), then WORKING.
 */
export type DayStatus =
  | { kind: "WORKING" }
  | { kind: "WEEKEND" }
  | { kind: "HOLIDAY"; name: string; holidayKind: HolidayKind }
  | { kind: "ABSENCE"; absenceKind: string };

export interface WorkingCalendar {
  dayStatus(date: LocalDate): DayStatus;
  /** A working day of the unit: one of its weekdays and not a holiday. Absences are ignored. */
  isWorkingDay(date: LocalDate): boolean;
  /** A working day for the person: a working day of the unit on which they are not absent. */
  isWorkingDayFor(date: LocalDate): boolean;
  /** The unit's working days in a month (`month` 1–12). */
  workingDaysInMonth(year: number, month: number): number;
  /** The person's working days in a month: the unit's working days minus absence days. */
  availableWorkingDaysInMonth(year: number, month: number): number;
  /** The last unit working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate;
  /** The first unit working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
  /**
   * The unit's working days in the half-open range (`from`, `to`]: `from` excluded, `to` included,
   * i.e. how many working days have passed since `from` once `to` is over. Zero when equal;
   * negative (the same count) when `to` is before `from`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /**
   * The earliest date a daily activity may be reported for on `today`: the `limitWorkingDays`-th unit
   * working day before today, or yesterday if that is later (so yesterday is always allowed).
   */
  earliestBackdate(today: LocalDate, limitWorkingDays: number): LocalDate;
  /**
   * Whether an activity dated `date` may be reported on `today` (SPEC §5): never a future date; today and
   * yesterday always; otherwise `date` must be on or after {@link earliestBackdate}, the
   * `limitWorkingDays`-th unit working day before today. With limit 2 on a Monday: Friday (1 working day
   * back), Thursday (2 back) and the weekend between are allowed; Wednesday (3 back) is not. Holidays and
   * weekends do not use up the limit; a non-working day before the earliest working day is refused.
   */
  isWithinBackdateLimit(today: LocalDate, date: LocalDate, limitWorkingDays: number): boolean;
}

/** When several holidays fall on one date, the one reported is the first of this order. */
const HOLIDAY_PRECEDENCE: readonly HolidayKind[] = ["LIBUR_NASIONAL", "CUTI_BERSAMA", "LIBUR_DAERAH"];

function checkedWorkingDays(workingDays: readonly number[]): ReadonlySet<number> {
  if (workingDays.length === 0) throw new RangeError("a unit needs at least one working weekday");
  for (const day of workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`not an ISO weekday: ${day}`);
  }
  return new Set(workingDays);
}

function indexHolidays(holidays: readonly CalendarHoliday[]): ReadonlyMap<LocalDate, CalendarHoliday> {
  const byDate = new Map<LocalDate, CalendarHoliday>();
  for (const holiday of holidays) {
    assertLocalDate(holiday.date);
    const current = byDate.get(holiday.date);
    const rank = (h: CalendarHoliday) => HOLIDAY_PRECEDENCE.indexOf(h.kind);
    if (!current || rank(holiday) < rank(current)) byDate.set(holiday.date, holiday);
  }
  return byDate;
}

function checkedAbsences(absences: readonly CalendarAbsence[]): readonly CalendarAbsence[] {
  for (const absence of absences) {
    assertLocalDate(absence.startDate);
    assertLocalDate(absence.endDate);
    if (absence.endDate < absence.startDate) {
      throw new RangeError(`absence ends (${absence.endDate}) before it starts (${absence.startDate})`);
    }
  }
  return absences;
}

function checkedLimit(limitWorkingDays: number): number {
  if (!Number.isInteger(limitWorkingDays) || limitWorkingDays < 0) {
    throw new RangeError(`back-date limit must be a whole number ≥ 0: ${limitWorkingDays}`);
  }
  return limitWorkingDays;
}

/**
 * A working-day calendar for one unit (and, with `absences`, one person of it). Pure: the caller loads
 * the unit's weekdays, the holidays that hold for it, and the person's absences. Dates are "YYYY-MM-DD";
 * an invalid date throws a RangeError.
 */
export function createWorkingCalendar(input: WorkingCalendarInput): WorkingCalendar {
  const weekdays = checkedWorkingDays(input.workingDays);
  const holidays = indexHolidays(input.holidays);
  const absences = checkedAbsences(input.absences ?? []);

  const absenceOn = (date: LocalDate) => absences.find((a) => a.startDate <= date && date <= a.endDate);
  const isWorkingDay = (date: LocalDate) => weekdays.has(isoWeekday(date)) && !holidays.has(date);
  const isWorkingDayFor = (date: LocalDate) => isWorkingDay(date) && absenceOn(date) === undefined;
  // Terminates: at least one weekday works and there are finitely many holidays.
  const stepToWorkingDay = (date: LocalDate, step: 1 | -1) => {
    let day = addDays(date, step);
    while (!isWorkingDay(day)) day = addDays(day, step);
    return day;
  };
  const previousWorkingDay = (date: LocalDate) => stepToWorkingDay(date, -1);

  const countInRange = (from: LocalDate, to: LocalDate): number => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
    return count;
  };

  const earliestBackdate = (today: LocalDate, limitWorkingDays: number) => {
    let earliest = today;
    for (let i = checkedLimit(limitWorkingDays); i > 0; i--) earliest = previousWorkingDay(earliest);
    // Dates are strings: compare them, do not use Math.min.
    const yesterday = addDays(today, -1);
    if (yesterday < earliest) return yesterday;
    return earliest;
  };

  return {
    dayStatus(date) {
      const holiday = holidays.get(date);
      if (holiday) return { kind: "HOLIDAY", name: holiday.name, holidayKind: holiday.kind };
      if (!weekdays.has(isoWeekday(date))) return { kind: "WEEKEND" };
      const absence = absenceOn(date);
      if (absence) return { kind: "ABSENCE", absenceKind: absence.kind };
      return { kind: "WORKING" };
    },
    isWorkingDay,
    isWorkingDayFor,
    workingDaysInMonth: (year, month) => datesOfMonth(year, month).filter(isWorkingDay).length,
    availableWorkingDaysInMonth: (year, month) => datesOfMonth(year, month).filter(isWorkingDayFor).length,
    previousWorkingDay,
    nextWorkingDay: (date) => stepToWorkingDay(date, 1),
    workingDaysBetween: (from, to) => {
      assertLocalDate(from);
      assertLocalDate(to);
      return to < from ? -countInRange(to, from) : countInRange(from, to);
    },
    earliestBackdate,
    isWithinBackdateLimit(today, date, limitWorkingDays) {
      assertLocalDate(date);
      return date <= today && date >= earliestBackdate(today, limitWorkingDays);
    },
  };
}
