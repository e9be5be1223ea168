/**
 * What an employee types for "time spent" in /lapor (SPEC section 5):
 *   minutes "90", "90 menit"; hours "1.5 jam", "1,5 jam", "2 jam 30 menit"; a clock range
 *   "08.00-10.30", "08:00 - 10:30", "08.00 s/d 10.30". A range also gives start and end (minutes after midnight).
 */
export type TimeSpent = { minutes: number; startMinute?: number; endMinute?: number };

export type TimeSpentError = "UNREADABLE" | "ZERO" | "RANGE_END_NOT_AFTER_START" | "MORE_THAN_A_DAY";

export type TimeSpentResult = { ok: true; value: TimeSpent } | { ok: false; error: TimeSpentError };

const MINUTES_PER_DAY = 24 * 60;
const CLOCK = String.raw`([01]?\d|2[0-3])[.:]([0-5]\d)`;
const RANGE = new RegExp(String.raw`^${CLOCK}\s*(?:-|–|—|s\.?\/d\.?|sampai|to)\s*${CLOCK}$`, "i");
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const HOURS_AND_MINUTES = new RegExp(
  String.raw`^${NUMBER}\s*(?:jam|j|hours?|hrs?|h)(?:\s*(\d+)\s*(?:menit|mnt|m|minutes?|mins?))?$`,
  "i",
);
const MINUTES = /^(\d+)\s*(?:menit|mnt|m|minutes?|mins?)?$/i;

function ok(value: TimeSpent): TimeSpentResult {
  if (value.minutes <= 0) return { ok: false, error: "ZERO" };
  if (value.minutes > MINUTES_PER_DAY) return { ok: false, error: "MORE_THAN_A_DAY" };
  return { ok: true, value };
}

export function parseTimeSpent(input: string): TimeSpentResult {
  const text = input.trim().replace(/\s+/g, " ");
  const range = RANGE.exec(text);
  if (range) {
    const startMinute = Number(range[1]) * 60 + Number(range[2]);
    const endMinute = Number(range[3]) * 60 + Number(range[4]);
    if (endMinute <= startMinute) return { ok: false, error: "RANGE_END_NOT_AFTER_START" };
    return ok({ minutes: endMinute - startMinute, startMinute, endMinute });
  }
  const hours = HOURS_AND_MINUTES.exec(text);
  if (hours) {
    const minutes = Math.round(Number(hours[1]!.replace(",", ".")) * 60) + Number(hours[2] ?? 0);
    return ok({ minutes });
  }
  const minutes = MINUTES.exec(text);
  if (minutes) return ok({ minutes: Number(minutes[1]) });
  return { ok: false, error: "UNREADABLE" };
}

/** 510 → "08.30" (the way Indonesian offices write times). */
export function formatClock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, "0")}.${String(m).padStart(2, "0")}`;
}

/** True when two [start, end) ranges share at least one minute. */
export function rangesOverlap(
  a: { startMinute: number; endMinute: number },
  b: { startMinute: number; endMinute: number },
): boolean {
  return a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}
