import { daysFromTo, daysInYear, type LocalDate } from "./local-date.ts";

/** The aspect (aspek) of an IKI. */
export type Aspect = "KUANTITAS" | "KUALITAS" | "WAKTU" | "BIAYA";

export type PaceStatus = "AHEAD" | "ON_TRACK" | "BEHIND";

/** The smallest gap, in percentage points, between achievement and elapsed year that leaves ON_TRACK. */
export const PACE_TOLERANCE_POINTS = 10;

const FILLED = "▓";
const EMPTY = "░";

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Capaian: realised ÷ target × 100, rounded to one decimal (half up). May exceed 100. Returns 0 when the
 * target is not a positive number (targets are positive; this only guards bad data) and never goes below 0.
 */
export function achievementPercent(target: number, realised: number): number {
  if (!Number.isFinite(target) || target <= 0 || !Number.isFinite(realised) || realised <= 0) return 0;
  // One division keeps values such as 49/400 (12.25 %) exact before rounding.
  return Math.round((realised * 1000) / target) / 10;
}

/**
 * A text bar such as "▓▓▓░░░░░░░" (30 %). Cells fill by whole steps, rounding down, so the bar is full
 * only at 100 % or more; below 0 and NaN give an empty bar.
 */
export function progressBar(percent: number, width = 10): string {
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`bar width must be a whole number ≥ 1: ${width}`);
  const clamped = Number.isNaN(percent) ? 0 : Math.min(100, Math.max(0, percent));
  const filled = Math.floor((clamped * width) / 100);
  return FILLED.repeat(filled) + EMPTY.repeat(width - filled);
}

/**
 * The share of `year` that is over before `today` starts, in percent with one decimal: 0 on 1 January
 * (and before the year), 100 after 31 December. Today itself is not counted as elapsed, so the work
 * of today is not yet expected.
 */
export function elapsedYearPercent(year: number, today: LocalDate): number {
  const days = daysInYear(year);
  const elapsed = Math.min(days, Math.max(0, daysFromTo(`${year}-01-01`, today)));
  return roundToTenth((elapsed * 100) / days);
}

export interface PaceInput {
  /** The yearly target of the IKI (positive). */
  target: number;
  /** Output so far (the caller decides what counts, e.g. approved plus pending). */
  realised: number;
  /** The SKP year. */
  year: number;
  /** Today in the unit's zone. */
  today: LocalDate;
  /**
   * Not used by the rule yet. The daily-activity roll-up counts outputs (quantities), never durations or
   * costs, so for WAKTU and BIAYA indicators (where lower is better, e.g. "3 hari" processing time) the
   * pace compares the count of outputs with the target like any other indicator.
   */
  aspect?: Aspect;
}

/**
 * Whether an IKI's achievement keeps pace with the year: compares {@link achievementPercent} with
 * {@link elapsedYearPercent} (both as shown, one decimal). ON_TRACK when the gap is at most
 * max({@link PACE_TOLERANCE_POINTS}, 100 ÷ target) percentage points, either way: nobody is "behind" in
 * the first weeks of the year, and an indicator with few outputs (4 quarterly reports: 25 points each)
 * is not behind merely because the next output is not due yet. AHEAD above that gap, BEHIND below it.
 * The elapsed share uses calendar days, not working days: simpler to explain, and the tolerance absorbs
 * holiday blocks. A non-positive target gives ON_TRACK (nothing to measure).
 */
export function paceStatus(input: PaceInput): PaceStatus {
  const { target, realised, year, today } = input;
  if (!Number.isFinite(target) || target <= 0) return "ON_TRACK";
  const gap = achievementPercent(target, realised) - elapsedYearPercent(year, today);
  const tolerance = Math.max(PACE_TOLERANCE_POINTS, 100 / target);
  // Rounding the gap avoids float noise such as 25.000000000000004 at the boundary.
  const roundedGap = roundToTenth(gap);
  if (roundedGap > tolerance) return "AHEAD";
  if (roundedGap < -tolerance) return "BEHIND";
  return "ON_TRACK";
}
