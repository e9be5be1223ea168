import { addDays, type LocalDate } from "./local-date.ts";

export type PeriodKind = "BULANAN" | "TRIWULAN" | "SEMESTER" | "TAHUNAN";

/** An evaluation period as rated: configured (import kind `periode`) or one of the defaults below. */
export interface Period {
  code: string;
  name: string;
  kind: PeriodKind;
  startDate: LocalDate;
  endDate: LocalDate;
  /** batas_penilaian: rating stays possible after it, marked late */
  ratingDeadline: LocalDate;
}

/** Days from `selesai` to the rating deadline when `batas_penilaian` is left empty (SPEC section 12). */
export const DEFAULT_DEADLINE_DAYS = 14;
/** Days an employee may object, counted from the day after they were told (PP 30/2019 art. 59). */
export const OBJECTION_DAYS = 14;

export const defaultDeadline = (endDate: LocalDate): LocalDate => addDays(endDate, DEFAULT_DEADLINE_DAYS);

const QUARTERS = [
  ["01-01", "03-31", "I"],
  ["04-01", "06-30", "II"],
  ["07-01", "09-30", "III"],
  ["10-01", "12-31", "IV"],
] as const;

/** Triwulan I–IV (`<year>-TW1`…`TW4`) and `<year>-TAHUNAN`: what a unit with no configured period uses. */
export function defaultPeriods(year: number): Period[] {
  const quarters = QUARTERS.map(([start, end, roman], i): Period => {
    const endDate = `${year}-${end}`;
    return {
      code: `${year}-TW${i + 1}`,
      name: `Triwulan ${roman} ${year}`,
      kind: "TRIWULAN",
      startDate: `${year}-${start}`,
      endDate,
      ratingDeadline: defaultDeadline(endDate),
    };
  });
  const yearEnd = `${year}-12-31`;
  return [
    ...quarters,
    {
      code: `${year}-TAHUNAN`,
      name: `Tahunan ${year}`,
      kind: "TAHUNAN",
      startDate: `${year}-01-01`,
      endDate: yearEnd,
      ratingDeadline: defaultDeadline(yearEnd),
    },
  ];
}

/** Rating opens the day after the period ends (SPEC section 12). */
export const ratingOpen = (period: Period, today: LocalDate): boolean => today > period.endDate;

/** Rated after the deadline: still allowed, marked late. */
export const ratingLate = (period: Period, today: LocalDate): boolean => today > period.ratingDeadline;

/**
 * Periods whose rating is open on `today`, the most recent first: latest end first; of two ending on the
 * same day the longer one first (the annual evaluation before the fourth quarter).
 */
export function openPeriods(periods: readonly Period[], today: LocalDate): Period[] {
  return periods
    .filter((p) => ratingOpen(p, today))
    .sort((a, b) =>
      a.endDate === b.endDate ? a.startDate.localeCompare(b.startDate) : b.endDate.localeCompare(a.endDate),
    );
}

/** The last day an employee told on `toldOn` may object: the 14th day after it. */
export const objectionDeadline = (toldOn: LocalDate): LocalDate => addDays(toldOn, OBJECTION_DAYS);
