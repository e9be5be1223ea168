import { z } from "zod";
import type { LocalDate } from "./local-date.ts";

/** A calendar month; `month` 1–12. */
export interface CalendarMonth {
  year: number;
  month: number;
}

export type MonthInput =
  | { ok: true; value: CalendarMonth }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "future"; value: CalendarMonth };

/** Month names and their usual short forms, Indonesian and English. */
const MONTH_NAMES: Record<string, number> = {};
const NAMES: readonly (readonly string[])[] = [
  ["januari", "january", "jan"],
  ["februari", "february", "feb", "pebruari"],
  ["maret", "march", "mar"],
  ["april", "apr"],
  ["mei", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["agustus", "august", "agu", "agt", "ags", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nov", "nop", "nopember"],
  ["desember", "december", "des", "dec"],
];
NAMES.forEach((names, index) => {
  for (const name of names) MONTH_NAMES[name] = index + 1;
});

const FIRST_YEAR = 2000;

const isoMonth = z
  .string()
  .regex(/^(\d{4})-(\d{2})$/)
  .transform((text) => ({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) }))
  .refine((m) => m.month >= 1 && m.month <= 12 && m.year >= FIRST_YEAR);

const namedMonth = z
  .string()
  .regex(/^(\p{L}+)\.?(?:\s+(\d{4}))?$/u)
  .transform((text) => {
    const [name = "", year] = text.split(/\.?\s+/);
    return {
      month: MONTH_NAMES[name.replace(/\.$/, "")],
      year: year === undefined ? undefined : Number(year),
    };
  })
  .refine((m) => m.month !== undefined && (m.year === undefined || m.year >= FIRST_YEAR));

/**
 * `/rekap [bulan]`: nothing (this month), `YYYY-MM`, or a month name in Indonesian or English with an
 * optional year (`november`, `Nov 2025`, `agustus 2026`). A name without a year is the latest such month
 * that has begun (in January, `desember` is last December). Months after `today`'s are refused.
 */
export function parseMonthInput(text: string, today: LocalDate): MonthInput {
  const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const input = text.trim().toLowerCase();
  let value: CalendarMonth;
  if (input === "") {
    value = current;
  } else {
    const iso = isoMonth.safeParse(input);
    const named = iso.success ? undefined : namedMonth.safeParse(input);
    if (iso.success) {
      value = iso.data;
    } else if (named?.success && named.data.month !== undefined) {
      const month = named.data.month;
      const year = named.data.year ?? (month > current.month ? current.year - 1 : current.year);
      value = { year, month };
    } else {
      return { ok: false, reason: "unknown" };
    }
  }
  if (value.year * 12 + value.month > current.year * 12 + current.month) {
    return { ok: false, reason: "future", value };
  }
  return { ok: true, value };
}
