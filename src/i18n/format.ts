import { DateTime } from "luxon";
import type { LocaleCode } from "../conversation/types.ts";

const LUXON_LOCALE: Record<LocaleCode, string> = { id: "id-ID", en: "en-GB" };

/** "Selasa, 24 Nov 2026" / "Tue, 24 Nov 2026" */
export function formatDate(date: string, locale: LocaleCode): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(LUXON_LOCALE[locale]).toFormat("cccc, d LLL yyyy");
}

/** "24 Nov 2026" / "24 Nov 2026" */
export function formatDayMonthYear(date: string, locale: LocaleCode): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(LUXON_LOCALE[locale]).toFormat("d LLL yyyy");
}

/** "24 Nov" */
export function formatShortDate(date: string, locale: LocaleCode): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(LUXON_LOCALE[locale]).toFormat("d LLL");
}

/** "24 Nov 2026 14.05 WIB" style, for "decided at" lines. */
export function formatInstant(at: Date, timeZone: string, zoneLabel: string, locale: LocaleCode): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).setLocale(LUXON_LOCALE[locale]).toFormat("d LLL yyyy HH.mm")} ${zoneLabel}`;
}

/** 1500 → "1.500" (id) / "1,500" (en); decimals kept up to 2. */
export function formatNumber(value: number, locale: LocaleCode): string {
  return new Intl.NumberFormat(LUXON_LOCALE[locale], { maximumFractionDigits: 2 }).format(value);
}

/** "2026-11" → "November 2026" (id and en alike in this case; "Desember 2026" / "December 2026"). */
export function formatMonth(month: string, locale: LocaleCode): string {
  return DateTime.fromISO(`${month}-01`, { zone: "UTC" })
    .setLocale(LUXON_LOCALE[locale])
    .toFormat("LLLL yyyy");
}
