import { DateTime, IANAZone } from "luxon";

/** Indonesian zone abbreviations and their IANA names (no daylight saving in Indonesia). */
export const ZONE_ABBREVIATIONS = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const;

export type ZoneAbbreviation = keyof typeof ZONE_ABBREVIATIONS;

/** "WIB" | "wita" | an IANA name → the IANA name; null when it is neither. */
export function resolveTimeZone(input: string): string | null {
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper in ZONE_ABBREVIATIONS) return ZONE_ABBREVIATIONS[upper as ZoneAbbreviation];
  if (trimmed.includes("/") && IANAZone.isValidZone(trimmed)) return canonicalZoneName(trimmed);
  return null;
}

/**
 * The zone's canonical spelling ("asia/jakarta" → "Asia/Jakarta"). Zone names match case-insensitively,
 * but luxon keeps the spelling it was given, and stored zones are compared as strings (zoneLabel).
 */
function canonicalZoneName(validZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: validZone }).resolvedOptions().timeZone;
}

/** The abbreviation users know (WIB/WITA/WIT), or the IANA name for zones outside Indonesia. */
export function zoneLabel(timeZone: string): string {
  for (const [label, name] of Object.entries(ZONE_ABBREVIATIONS)) if (name === timeZone) return label;
  return timeZone;
}

/** The local calendar date ("YYYY-MM-DD") in a zone at an instant. */
export function localDate(timeZone: string, at: Date): string {
  const date = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError(`invalid time zone ${timeZone}`);
  return date;
}

/** The instant at which a local date and time ("HH:MM") happens in a zone. */
export function instantAt(timeZone: string, date: string, time: string): Date {
  const result = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!result.isValid) throw new RangeError(`invalid local time ${date} ${time} in ${timeZone}`);
  return result.toJSDate();
}
