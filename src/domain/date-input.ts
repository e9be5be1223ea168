import { DateTime } from "luxon";
import { addDays, isLocalDate, type LocalDate } from "./local-date.ts";

const RELATIVE: Record<string, number> = {
  "hari ini": 0,
  today: 0,
  sekarang: 0,
  kemarin: -1,
  yesterday: -1,
  besok: 1,
  tomorrow: 1,
};

/**
 * A date as people type it in chat: "24-11-2026", "24/11/2026", "24.11.2026", "2026-11-24", "24-11"
 * (this year), "hari ini", "kemarin", "besok". Day first, as written in Indonesia. Null when unreadable.
 */
export function parseDateInput(input: string, today: LocalDate): LocalDate | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const relative = RELATIVE[text];
  if (relative !== undefined) return addDays(today, relative);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[2]);
    const y = dayFirst[3];
    year = y === undefined ? Number(today.slice(0, 4)) : y.length === 2 ? 2000 + Number(y) : Number(y);
  } else {
    return null;
  }
  const date = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
  // Luxon reads years below 1000 ("24-11-0026") as valid; they are typos, and not LocalDates.
  const result = date.isValid ? date.toISODate() : null;
  return result !== null && isLocalDate(result) ? result : null;
}
