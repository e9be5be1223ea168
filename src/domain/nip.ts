/**
 * NIP (Nomor Induk Pegawai) of PNS and NI PPPK: 18 digits (DOMAIN.md).
 * PNS:  birth YYYYMMDD + appointment YYYYMM + sex (1/2) + serial 001–999.
 * PPPK: birth YYYYMMDD + year YYYY + "2" + sequence 1–9 + sex (1/2) + serial 001–999.
 * Digits 13–14 tell them apart: a month (01–12) for PNS, 21–29 for PPPK.
 */
export type NipKind = "PNS" | "PPPK";

export type NipError =
  | "NOT_18_DIGITS"
  | "INVALID_BIRTH_DATE"
  | "INVALID_APPOINTMENT"
  | "INVALID_SEX_DIGIT"
  | "INVALID_SERIAL";

export interface ParsedNip {
  nip: string;
  kind: NipKind;
  birthDate: string;
  /** PNS: appointment month "YYYY-MM"; PPPK: appointment year "YYYY" */
  appointment: string;
  sex: "L" | "P";
  serial: string;
}

export type NipResult = { ok: true; value: ParsedNip } | { ok: false; error: NipError };

/** Removes what people and spreadsheets add around a NIP: spaces, a leading apostrophe, dots, dashes. */
export function normalizeNip(raw: string): string {
  return raw
    .trim()
    .replace(/^'+/, "")
    .replace(/[\s.-]/g, "");
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseNip(raw: string): NipResult {
  const nip = normalizeNip(raw);
  if (!/^\d{18}$/.test(nip)) return { ok: false, error: "NOT_18_DIGITS" };
  const birthYear = Number(nip.slice(0, 4));
  if (birthYear < 1900 || !isCalendarDate(birthYear, Number(nip.slice(4, 6)), Number(nip.slice(6, 8)))) {
    return { ok: false, error: "INVALID_BIRTH_DATE" };
  }
  const sexDigit = nip[14];
  if (sexDigit !== "1" && sexDigit !== "2") return { ok: false, error: "INVALID_SEX_DIGIT" };
  const serial = nip.slice(15);
  if (serial === "000") return { ok: false, error: "INVALID_SERIAL" };

  const appointmentYear = Number(nip.slice(8, 12));
  if (appointmentYear <= birthYear) return { ok: false, error: "INVALID_APPOINTMENT" };
  const monthOrCode = Number(nip.slice(12, 14));
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const sex = sexDigit === "1" ? "L" : "P";
  if (monthOrCode >= 1 && monthOrCode <= 12) {
    const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
    return { ok: true, value: { nip, kind: "PNS", birthDate, appointment, sex, serial } };
  }
  if (monthOrCode >= 21 && monthOrCode <= 29) {
    return { ok: true, value: { nip, kind: "PPPK", birthDate, appointment: nip.slice(8, 12), sex, serial } };
  }
  return { ok: false, error: "INVALID_APPOINTMENT" };
}

/** Indonesian reasons, used in admin file import errors. */
export const NIP_ERROR_TEXT: Record<NipError, string> = {
  NOT_18_DIGITS: "NIP harus 18 digit angka",
  INVALID_BIRTH_DATE: "8 digit pertama NIP bukan tanggal lahir yang valid",
  INVALID_APPOINTMENT: "digit 9–14 NIP bukan TMT (bulan 01–12) atau kode PPPK (21–29) yang valid",
  INVALID_SEX_DIGIT: "digit ke-15 NIP (jenis kelamin) harus 1 atau 2",
  INVALID_SERIAL: "nomor urut NIP (3 digit terakhir) tidak boleh 000",
};

/** "19670806 200801 2 017" */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
