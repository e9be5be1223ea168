/**
 * Calendar dates without a time or a zone, as ISO strings "YYYY-MM-DD" (the local date in a unit's zone,
 * see time-zone.ts). With four-digit years, string order is date order, so `a < b` compares dates.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function toUtcMs(date: LocalDate): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; the year check rejects them along with impossible days.
  const exists =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return exists ? ms : null;
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcMs(date: LocalDate): number {
  const ms = toUtcMs(date);
  if (ms === null) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ms;
}

/** True for an existing calendar date written "YYYY-MM-DD" ("2026-02-29" and "2026-3-1" are not). */
export function isLocalDate(value: string): boolean {
  return toUtcMs(value) !== null;
}

/** Throws a RangeError unless `value` is a valid "YYYY-MM-DD" date. */
export function assertLocalDate(value: string): void {
  utcMs(value);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return fromUtcMs(utcMs(date) + days * MS_PER_DAY);
}

/** The number of calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(utcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

function assertYearMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`invalid month: ${month}`);
}

/** The number of days of a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  assertYearMonth(year, month);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date of a month, in order (`month` 1–12). */
export function datesOfMonth(year: number, month: number): LocalDate[] {
  const first = Date.UTC(year, month - 1, 1);
  return Array.from({ length: daysInMonth(year, month) }, (_, i) => fromUtcMs(first + i * MS_PER_DAY));
}

/** 365 or 366. */
export function daysInYear(year: number): number {
  assertYearMonth(year, 1);
  return daysFromTo(`${year}-01-01`, `${year + 1}-01-01`);
}
