/**
 * One zod schema per kind: the text cells of a row (keyed by column name, trimmed) → a typed record.
 * Every issue is reported against its column with a short Indonesian reason saying what is expected.
 * A column missing from the header arrives as `undefined`; an optional column then stays `undefined`
 * ("leave unchanged"), while an empty cell becomes `null` ("none").
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { coreValueNamed, significantWords } from "../../domain/competency.ts";
import { NIP_ERROR_TEXT, parseNip } from "../../domain/nip.ts";
import { defaultDeadline } from "../../domain/periods.ts";
import { resolveTimeZone } from "../../domain/time-zone.ts";
import {
  Aspect,
  HolidayKind,
  type NipKind,
  OrganisationResult,
  PeriodKind,
  RhkKind,
} from "../../generated/prisma/enums.ts";
import type { ImportKind } from "./kinds.ts";

export interface UnitRecord {
  code: string;
  name: string;
  parentCode: string | null | undefined;
  /** IANA name */
  timeZone: string;
  /** The unit's Slack channel for the monthly recognition's announcement: empty → none, absent column → kept */
  slackChannel: string | null | undefined;
}

export interface PegawaiRecord {
  /** normalised: 18 digits */
  nip: string;
  nipKind: NipKind;
  name: string;
  position: string;
  unitCode: string;
  supervisorNip: string | null | undefined;
  /** lower case */
  email: string | null | undefined;
  slackUserId: string | null | undefined;
}

export interface SkpRecord {
  nip: string;
  year: number;
  rhkCode: string;
  rhkDescription: string;
  rhkKind: RhkKind;
  ikiCode: string;
  indicator: string;
  aspect: Aspect;
  /** canonical decimal text with a point, e.g. "1.5" */
  target: string;
  unitLabel: string;
}

export interface LiburRecord {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  kind: HolidayKind;
  unitCode: string | null;
}

export interface PeriodeRecord {
  code: string;
  name: string;
  kind: PeriodKind;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  /** batas_penilaian as given, else `selesai` + 14 days */
  ratingDeadline: string;
  /** null: every unit */
  unitCode: string | null;
}

export interface CapaianRecord {
  unitCode: string;
  periodCode: string;
  result: OrganisationResult;
}

export interface PelatihanRecord {
  code: string;
  name: string;
  /** a BerAKHLAK value's name (`KOLABORATIF`) or the words as written */
  competency: string;
  /** jam pelajaran as canonical text with a point, e.g. "2.5" */
  hours: string;
  organizer: string | null | undefined;
  url: string | null | undefined;
}

export interface KindRecord {
  unit: UnitRecord;
  pegawai: PegawaiRecord;
  skp: SkpRecord;
  libur: LiburRecord;
  periode: PeriodeRecord;
  capaian_organisasi: CapaianRecord;
  pelatihan: PelatihanRecord;
}

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };
const pass = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (reason: string): Check<never> => ({ ok: false, reason });

/** A required cell read by `check` (which receives the trimmed text). */
function cell<T>(check: (text: string) => Check<T>) {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    const result = text === "" ? fail("wajib diisi") : check(text);
    if (!result.ok) {
      ctx.addIssue(result.reason);
      return z.NEVER;
    }
    return result.value;
  });
}

/** An optional cell: empty → null, absent column → undefined. */
function optionalCell<T>(check: (text: string) => Check<T>) {
  return z
    .string()
    .transform((raw, ctx) => {
      const text = raw.trim();
      if (text === "") return null;
      const result = check(text);
      if (!result.ok) {
        ctx.addIssue(result.reason);
        return z.NEVER;
      }
      return result.value;
    })
    .optional();
}

const text =
  (max: number) =>
  (value: string): Check<string> =>
    value.length <= max ? pass(value) : fail(`paling panjang ${max} karakter`);

function nip(value: string): Check<{ nip: string; kind: NipKind }> {
  const parsed = parseNip(value);
  return parsed.ok
    ? pass({ nip: parsed.value.nip, kind: parsed.value.kind })
    : fail(NIP_ERROR_TEXT[parsed.error]);
}

function choice<T>(options: Record<string, T>) {
  const names = Object.keys(options);
  const expected = `${names.slice(0, -1).join(", ")} atau ${names.at(-1)}`;
  return (value: string): Check<T> => {
    const found = options[value.toLowerCase()];
    return found === undefined ? fail(`harus ${expected}`) : pass(found);
  };
}

function timeZone(value: string): Check<string> {
  const resolved = resolveTimeZone(value);
  return resolved === null
    ? fail("harus WIB, WITA, WIT atau nama zona IANA (mis. Asia/Jakarta)")
    : pass(resolved);
}

const emailSchema = z.email();
function email(value: string): Check<string> {
  const lower = value.toLowerCase();
  return lower.length <= 254 && emailSchema.safeParse(lower).success
    ? pass(lower)
    : fail("alamat email tidak valid, mis. nama@instansi.go.id");
}

function slackUserId(value: string): Check<string> {
  return /^[UW][A-Z0-9]{6,20}$/.test(value)
    ? pass(value)
    : fail("harus ID pengguna Slack: huruf besar dan angka diawali U atau W, mis. U012AB3CD");
}

function year(value: string): Check<number> {
  const parsed = Number(value);
  return /^\d{4}$/.test(value) && parsed >= 2000 && parsed <= 2100
    ? pass(parsed)
    : fail("harus tahun empat digit, mis. 2026");
}

/** A positive number with a decimal point or comma ("1.5", "1,5"), at most 2 decimals, as "1.5". */
export function target(value: string): Check<string> {
  const match = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(value);
  if (match === null) return fail("harus angka positif, mis. 12 atau 1,5");
  const [, sign, whole = "", fraction = ""] = match;
  const digits = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  if (sign === "-" || /^0*$/.test(digits + decimals)) return fail("harus lebih besar dari 0");
  if (decimals.length > 2) return fail("paling banyak 2 angka di belakang koma");
  if (digits.length > 12) return fail("terlalu besar (paling banyak 12 digit sebelum koma)");
  return pass(decimals === "" ? digits : `${digits}.${decimals}`);
}

function date(value: string): Check<string> {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid
    ? pass(value)
    : fail("harus tanggal YYYY-MM-DD, mis. 2026-08-17");
}

/** A Slack channel id as Slack shows it (C… public, G… private), not its #name, which can change. */
function slackChannel(value: string): Check<string> {
  return /^[CG][A-Z0-9]{8,}$/.test(value)
    ? pass(value)
    : fail("harus ID kanal Slack, mis. C0123ABCD (Salin tautan kanal: bagian terakhirnya), bukan #nama");
}

const unitSchema = z
  .object({
    kode: cell(text(64)),
    nama: cell(text(200)),
    induk_kode: optionalCell(text(64)),
    zona_waktu: cell(timeZone),
    slack_channel: optionalCell(slackChannel),
  })
  .transform(
    (row): UnitRecord => ({
      code: row.kode,
      name: row.nama,
      parentCode: row.induk_kode,
      timeZone: row.zona_waktu,
      slackChannel: row.slack_channel,
    }),
  );

const pegawaiSchema = z
  .object({
    nip: cell(nip),
    nama: cell(text(200)),
    jabatan: cell(text(200)),
    unit_kode: cell(text(64)),
    atasan_nip: optionalCell(nip),
    email: optionalCell(email),
    slack_user_id: optionalCell(slackUserId),
  })
  .transform(
    (row): PegawaiRecord => ({
      nip: row.nip.nip,
      nipKind: row.nip.kind,
      name: row.nama,
      position: row.jabatan,
      unitCode: row.unit_kode,
      supervisorNip: row.atasan_nip === undefined ? undefined : (row.atasan_nip?.nip ?? null),
      email: row.email,
      slackUserId: row.slack_user_id,
    }),
  );

const skpSchema = z
  .object({
    nip: cell(nip),
    tahun: cell(year),
    kode_rhk: cell(text(64)),
    rencana_hasil_kerja: cell(text(1000)),
    jenis: cell(choice({ utama: RhkKind.UTAMA, tambahan: RhkKind.TAMBAHAN })),
    kode_iki: cell(text(64)),
    indikator: cell(text(1000)),
    aspek: cell(
      choice({
        kuantitas: Aspect.KUANTITAS,
        kualitas: Aspect.KUALITAS,
        waktu: Aspect.WAKTU,
        biaya: Aspect.BIAYA,
      }),
    ),
    target: cell(target),
    satuan: cell(text(50)),
  })
  .transform(
    (row): SkpRecord => ({
      nip: row.nip.nip,
      year: row.tahun,
      rhkCode: row.kode_rhk,
      rhkDescription: row.rencana_hasil_kerja,
      rhkKind: row.jenis,
      ikiCode: row.kode_iki,
      indicator: row.indikator,
      aspect: row.aspek,
      target: row.target,
      unitLabel: row.satuan,
    }),
  );

const liburSchema = z
  .object({
    tanggal: cell(date),
    nama: cell(text(200)),
    jenis: cell(
      choice({
        libur_nasional: HolidayKind.LIBUR_NASIONAL,
        cuti_bersama: HolidayKind.CUTI_BERSAMA,
        libur_daerah: HolidayKind.LIBUR_DAERAH,
      }),
    ),
    unit_kode: optionalCell(text(64)),
  })
  .transform(
    (row): LiburRecord => ({
      date: row.tanggal,
      name: row.nama,
      kind: row.jenis,
      unitCode: row.unit_kode ?? null,
    }),
  );

/**
 * A period code: also part of button data (Telegram allows 64 bytes: `e:rate:<uuid>:<code>` leaves 20)
 * and job ids, so short and without `:` or spaces.
 * Compared as written (2026-TW1 and 2026-tw1 are two codes).
 */
function periodCode(value: string): Check<string> {
  if (value.length > 20) return fail("paling panjang 20 karakter");
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)
    ? pass(value)
    : fail("hanya huruf, angka, titik, garis bawah dan tanda hubung, mis. 2026-TW1");
}

const periodeSchema = z
  .object({
    kode: cell(periodCode),
    nama: cell(text(200)),
    jenis: cell(
      choice({
        bulanan: PeriodKind.BULANAN,
        triwulan: PeriodKind.TRIWULAN,
        semester: PeriodKind.SEMESTER,
        tahunan: PeriodKind.TAHUNAN,
      }),
    ),
    mulai: cell(date),
    selesai: cell(date),
    batas_penilaian: optionalCell(date),
    unit_kode: optionalCell(text(64)),
  })
  .transform((row, ctx): PeriodeRecord => {
    if (row.selesai < row.mulai) {
      ctx.addIssue({
        code: "custom",
        path: ["selesai"],
        message: `tidak boleh sebelum mulai (${row.mulai})`,
      });
      return z.NEVER;
    }
    if (row.batas_penilaian && row.batas_penilaian < row.selesai) {
      const message = `tidak boleh sebelum selesai (${row.selesai}); kosongkan untuk selesai + 14 hari`;
      ctx.addIssue({ code: "custom", path: ["batas_penilaian"], message });
      return z.NEVER;
    }
    return {
      code: row.kode,
      name: row.nama,
      kind: row.jenis,
      startDate: row.mulai,
      endDate: row.selesai,
      ratingDeadline: row.batas_penilaian ?? defaultDeadline(row.selesai),
      unitCode: row.unit_kode ?? null,
    };
  });

const capaianSchema = z
  .object({
    unit_kode: cell(text(64)),
    periode_kode: cell(periodCode),
    capaian: cell(
      choice({
        istimewa: OrganisationResult.ISTIMEWA,
        baik: OrganisationResult.BAIK,
        butuh_perbaikan: OrganisationResult.BUTUH_PERBAIKAN,
        kurang: OrganisationResult.KURANG,
        sangat_kurang: OrganisationResult.SANGAT_KURANG,
      }),
    ),
  })
  .transform(
    (row): CapaianRecord => ({ unitCode: row.unit_kode, periodCode: row.periode_kode, result: row.capaian }),
  );

/** Jam pelajaran: positive, at most one decimal (point or comma), below 100,000; as "2.5". */
function jp(value: string): Check<string> {
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(value);
  if (match === null) return fail("harus angka positif, mis. 8 atau 2,5");
  const [, whole = "", fraction = ""] = match;
  const digits = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  if (/^0*$/.test(digits + decimals)) return fail("harus lebih besar dari 0");
  if (decimals.length > 1) return fail("paling banyak 1 angka di belakang koma, mis. 2,5");
  if (digits.length > 5) return fail("terlalu besar (paling banyak 99999,9 JP)");
  return pass(decimals === "" ? digits : `${digits}.${decimals}`);
}

/** A BerAKHLAK value as written ("Kolaboratif"), stored by its name; or words that can be matched. */
function competency(value: string): Check<string> {
  if (value.length > 200) return fail("paling panjang 200 karakter");
  const named = coreValueNamed(value);
  if (named) return pass(named);
  return significantWords(value).length > 0
    ? pass(value)
    : fail(
        "harus nilai BerAKHLAK (mis. Kolaboratif) atau kata yang dapat dicocokkan dengan indikator IKI (paling sedikit 4 huruf, mis. pengaduan)",
      );
}

function trainingCode(value: string): Check<string> {
  if (value.length > 32) return fail("paling panjang 32 karakter");
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)
    ? pass(value)
    : fail("hanya huruf, angka, titik, garis bawah dan tanda hubung, mis. PLT-2026-01");
}

function httpUrl(value: string): Check<string> {
  if (value.length > 500) return fail("paling panjang 500 karakter");
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return pass(value);
  } catch {
    // not a URL: the reason below
  }
  return fail("harus tautan http(s), mis. https://bpsdm.example.go.id/kelas");
}

const pelatihanSchema = z
  .object({
    kode: cell(trainingCode),
    nama: cell(text(200)),
    kompetensi: cell(competency),
    jp: cell(jp),
    penyelenggara: optionalCell(text(200)),
    tautan: optionalCell(httpUrl),
  })
  .transform(
    (row): PelatihanRecord => ({
      code: row.kode,
      name: row.nama,
      competency: row.kompetensi,
      hours: row.jp,
      organizer: row.penyelenggara,
      url: row.tautan,
    }),
  );

export const ROW_SCHEMAS: { [K in ImportKind]: z.ZodType<KindRecord[K]> } = {
  unit: unitSchema,
  pegawai: pegawaiSchema,
  skp: skpSchema,
  libur: liburSchema,
  periode: periodeSchema,
  capaian_organisasi: capaianSchema,
  pelatihan: pelatihanSchema,
};
