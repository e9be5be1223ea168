import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ImportResult, importFiles } from "../../src/admin/import/import-files.ts";
import type { Db } from "../../src/db/client.ts";
import { organisationResultFor, periodsForUnit } from "../../src/services/periods.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import");
const KINDS = ["unit", "pegawai", "skp", "libur", "periode", "capaian_organisasi"];
const VALID = KINDS.map((kind) => join(FIXTURES, "valid", `${kind}.csv`));
const INVALID = KINDS.map((kind) => join(FIXTURES, "invalid", `${kind}.csv`));
const NATIONAL_HOLIDAYS = resolve(import.meta.dirname, "../../prisma/data/libur-nasional-2026.csv");

// 00:30 WIB / 01:30 WITA on 2 March 2026, still 1 March in UTC: "today" must be the unit's local date.
const NOW = new Date("2026-03-01T17:30:00Z");
const TODAY = "2026-03-02";
/** A person's first supervisor relation counts from 1 January of the year it was imported. */
const NEW_YEAR = "2026-01-01";

const NIP_SITI = "199001012015032002";
const NIP_BUDI = "198503152010011001";
const NIP_ANDI = "199507072023211004"; // PPPK
const NIP_MADE = "199205202019021003";

const TABLES = [
  "unit",
  "unit_setting",
  "person",
  "supervisor_relation",
  "skp",
  "rhk",
  "iki",
  "holiday",
  "evaluation_period",
  "organisation_achievement",
];

let database: TestDatabase;
let db: Db;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  dir = await mkdtemp(join(tmpdir(), "admin-import-"));
});

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  // The template may already hold the national holidays loaded by the setup script.
  await db.$executeRawUnsafe(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
});

async function run(paths: string[], now = NOW): Promise<ImportResult> {
  return importFiles(db, paths, { now });
}

async function ok(paths: string[], now = NOW) {
  const result = await run(paths, now);
  if (!result.ok) throw new Error(`import failed:\n${result.errors.join("\n")}`);
  return result;
}

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

/** Every row of every table the import touches, updatedAt included. */
async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    out[table] = JSON.parse(JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${table}" ORDER BY 1`)));
  }
  return out;
}

const day = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;
/** A date cell as a spreadsheet holds it. */
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

async function relationsOf(nip: string) {
  const rows = await db.supervisorRelation.findMany({
    where: { person: { nip } },
    include: { supervisor: { select: { nip: true } } },
    orderBy: [{ validFrom: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({ supervisor: r.supervisor.nip, from: day(r.validFrom), to: day(r.validTo) }));
}

describe("admin import: valid files", () => {
  it("imports a CSV of each kind, with references to rows further down", async () => {
    const result = await ok(VALID);
    expect(result.counts).toEqual({
      unit: { created: 4, updated: 0, unchanged: 0 },
      pegawai: { created: 4, updated: 0, unchanged: 0 },
      skp: { created: 4, updated: 0, unchanged: 0 },
      libur: { created: 3, updated: 0, unchanged: 0 },
      periode: { created: 4, updated: 0, unchanged: 0 },
      capaian_organisasi: { created: 5, updated: 0, unchanged: 0 },
      pelatihan: { created: 0, updated: 0, unchanged: 0 },
      pelatihanDeactivated: 0,
      atasan: { opened: 2, closed: 0 },
    });
    expect(result.summary).toContain("pegawai: 4 dibuat, 0 diperbarui, 0 tidak berubah");
    expect(result.summary).toContain("periode: 4 dibuat, 0 diperbarui, 0 tidak berubah");
    expect(result.summary).toContain("capaian_organisasi: 5 dibuat, 0 diperbarui, 0 tidak berubah");

    const units = await db.unit.findMany({ include: { parent: true }, orderBy: { code: "asc" } });
    expect(units.map((u) => [u.code, u.name, u.parent?.code ?? null, u.timeZone])).toEqual([
      ["DINKES", "Dinas Kesehatan", "PEMKOT", "Asia/Jakarta"],
      ["KEC-CAKRA", "Kecamatan Cakranegara", null, "Asia/Makassar"],
      ["PEMKOT", "Pemerintah Kota Palembang", null, "Asia/Jakarta"],
      ["PKM-PLAJU", "Puskesmas Plaju", "DINKES", "Asia/Jakarta"],
    ]);

    const people = await db.person.findMany({ include: { unit: true }, orderBy: { nip: "asc" } });
    expect(
      people.map((p) => [p.nip, p.nipKind, p.name, p.position, p.unit.code, p.email, p.slackUserId]),
    ).toEqual([
      [NIP_BUDI, "PNS", "Budi Santoso", "Kepala Puskesmas", "PKM-PLAJU", "budi@palembang.go.id", null],
      [NIP_SITI, "PNS", "Siti Rahma", "Perawat", "PKM-PLAJU", "siti.rahma@palembang.go.id", "U012AB3CD"],
      [NIP_MADE, "PNS", "Made Ayu", "Staf Kecamatan", "KEC-CAKRA", null, null],
      [NIP_ANDI, "PPPK", "Andi Wijaya", "Pengelola Data", "PKM-PLAJU", null, "W0123456789"],
    ]);

    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: null }]);
    expect(await relationsOf(NIP_ANDI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: null }]);
    expect(await relationsOf(NIP_BUDI)).toEqual([]);

    const skp = await db.skp.findFirstOrThrow({
      where: { person: { nip: NIP_SITI }, year: 2026 },
      include: {
        rhks: { orderBy: { code: "asc" } },
        ikis: { include: { rhk: true }, orderBy: { code: "asc" } },
      },
    });
    expect(skp.rhks.map((r) => [r.code, r.description, r.kind])).toEqual([
      ["RHK-1", "Terlaksananya pelayanan keperawatan", "UTAMA"],
      ["RHK-2", "Tersusunnya laporan bulanan", "TAMBAHAN"],
    ]);
    expect(
      skp.ikis.map((i) => [i.code, i.rhk.code, i.indicator, i.aspect, i.target.toString(), i.unitLabel]),
    ).toEqual([
      ["IKI-1.1", "RHK-1", "Jumlah pasien yang dilayani", "KUANTITAS", "1200", "pasien"],
      ["IKI-1.2", "RHK-1", "Indeks kepuasan pasien", "KUALITAS", "3.5", "indeks"],
      ["IKI-2.1", "RHK-2", "Laporan disampaikan tepat waktu", "WAKTU", "12.5", "laporan"],
    ]);
    const budiSkp = await db.skp.findFirstOrThrow({
      where: { person: { nip: NIP_BUDI } },
      include: { rhks: true },
    });
    expect(budiSkp.rhks.map((r) => r.kind)).toEqual(["UTAMA"]);

    const holidays = await db.holiday.findMany({
      include: { unit: true },
      orderBy: [{ date: "asc" }, { kind: "asc" }],
    });
    expect(holidays.map((h) => [day(h.date), h.name, h.kind, h.unit?.code ?? null, h.scope === "*"])).toEqual(
      [
        ["2026-08-17", "Hari Kemerdekaan Republik Indonesia", "LIBUR_NASIONAL", null, true],
        ["2026-08-17", "Lomba HUT RI Kecamatan", "LIBUR_DAERAH", "KEC-CAKRA", false],
        ["2026-10-07", "Hari Jadi Kota Palembang", "LIBUR_DAERAH", "PEMKOT", false],
      ],
    );
    const cakra = units.find((u) => u.code === "KEC-CAKRA")!;
    expect(holidays[1]?.scope).toBe(cakra.id);

    const periods = await db.evaluationPeriod.findMany({ include: { unit: true }, orderBy: { code: "asc" } });
    expect(
      periods.map((p) => [
        p.code,
        p.name,
        p.kind,
        day(p.startDate),
        day(p.endDate),
        day(p.ratingDeadline),
        p.unit?.code ?? null,
        p.scope === p.unitId,
      ]),
    ).toEqual([
      ["2026-01", "Januari 2026", "BULANAN", "2026-01-01", "2026-01-31", "2026-02-10", "PKM-PLAJU", true],
      // batas_penilaian left empty: selesai + 14 days
      ["2026-02", "Februari 2026", "BULANAN", "2026-02-01", "2026-02-28", "2026-03-14", "PKM-PLAJU", true],
      ["2026-S1", "Semester I 2026", "SEMESTER", "2026-01-01", "2026-06-30", "2026-07-14", "PEMKOT", true],
      ["2026-TAHUNAN", "Tahunan 2026", "TAHUNAN", "2026-01-01", "2026-12-31", "2027-01-31", "PEMKOT", true],
    ]);
    const plaju = units.find((u) => u.code === "PKM-PLAJU")!;
    expect((await periodsForUnit(db, plaju.id, [2026])).map((p) => p.code)).toEqual([
      "2026-01",
      "2026-S1",
      "2026-TAHUNAN",
      "2026-02",
    ]);

    const achievements = await db.organisationAchievement.findMany({
      include: { unit: true },
      orderBy: [{ unit: { code: "asc" } }, { periodCode: "asc" }],
    });
    expect(achievements.map((a) => [a.unit.code, a.periodCode, a.result])).toEqual([
      ["DINKES", "2026-S1", "ISTIMEWA"],
      ["KEC-CAKRA", "2026-TW1", "KURANG"],
      ["PEMKOT", "2026-TAHUNAN", "SANGAT_KURANG"],
      ["PKM-PLAJU", "2026-01", "BAIK"],
      ["PKM-PLAJU", "2026-S1", "BUTUH_PERBAIKAN"],
    ]);
    // A unit without its own row takes the nearest unit above that has one.
    expect(await organisationResultFor(db, plaju.id, "2026-TAHUNAN")).toMatchObject({
      result: "SANGAT_KURANG",
    });
  });

  it("imports an XLSX workbook with a sheet of each kind (number, date and link cells included)", async () => {
    const workbook = new ExcelJS.Workbook();
    const unit = workbook.addWorksheet("unit");
    unit.addRows([
      ["zona_waktu", "kode", "nama", "induk_kode"],
      ["WITA", "KEC-CAKRA", "Kecamatan Cakranegara", "PEMKOT-MTR"],
      ["wita", "PEMKOT-MTR", "Pemerintah Kota Mataram", null],
    ]);
    const pegawai = workbook.addWorksheet("pegawai");
    pegawai.addRows([
      ["nip", "nama", "jabatan", "unit_kode", "atasan_nip", "email", "slack_user_id"],
      ["'19900101 201503 2 002", "Siti Rahma", "Camat", "KEC-CAKRA", "", null, "U0AAAA111"],
      [],
      [
        NIP_MADE,
        "Made Ayu",
        "Staf",
        "KEC-CAKRA",
        NIP_SITI,
        { text: "Made@Mataram.go.id", hyperlink: "mailto:x" },
      ],
    ]);
    const skp = workbook.addWorksheet("skp");
    skp.addRows([
      [
        "nip",
        "tahun",
        "kode_rhk",
        "rencana_hasil_kerja",
        "jenis",
        "kode_iki",
        "indikator",
        "aspek",
        "target",
        "satuan",
      ],
      [
        NIP_MADE,
        2026,
        1,
        "Pelayanan administrasi kependudukan",
        "utama",
        "1.1",
        "Dokumen diproses",
        "kuantitas",
        2.5,
        "dokumen",
      ],
      [
        NIP_MADE,
        2026,
        1,
        "Pelayanan administrasi kependudukan",
        "utama",
        "1.2",
        "Waktu proses",
        "waktu",
        "1,25",
        "hari",
      ],
    ]);
    const libur = workbook.addWorksheet("libur");
    libur.addRows([
      ["tanggal", "nama", "jenis", "unit_kode"],
      [new Date(Date.UTC(2026, 7, 17)), "Hari Kemerdekaan", "libur_nasional", null],
      ["2026-07-02", "Hari Jadi Kota Mataram", "libur_daerah", "PEMKOT-MTR"],
    ]);
    workbook.addWorksheet("periode").addRows([
      ["kode", "nama", "jenis", "mulai", "selesai", "batas_penilaian", "unit_kode"],
      // Every unit (unit_kode empty), deadline left empty; the same code for one unit is another key.
      ["2026-TW1", "Triwulan I 2026", "triwulan", utc("2026-01-01"), utc("2026-03-31"), null, null],
      [
        "2026-TW1",
        "Triwulan I Mataram",
        "Triwulan",
        "2026-01-01",
        "2026-03-31",
        utc("2026-04-30"),
        "PEMKOT-MTR",
      ],
    ]);
    workbook.addWorksheet("Capaian_Organisasi").addRows([
      ["unit_kode", "periode_kode", "capaian"],
      ["KEC-CAKRA", "2026-TW1", "BAIK"],
    ]);
    const path = join(dir, "organisasi.xlsx");
    await workbook.xlsx.writeFile(path);

    const result = await ok([path]);
    expect(result.counts).toMatchObject({
      unit: { created: 2 },
      pegawai: { created: 2 },
      skp: { created: 2 },
      libur: { created: 2 },
      periode: { created: 2 },
      capaian_organisasi: { created: 1 },
      pelatihan: { created: 0, updated: 0, unchanged: 0 },
      pelatihanDeactivated: 0,
      atasan: { opened: 1, closed: 0 },
    });
    const cakra = await db.unit.findUniqueOrThrow({
      where: { code: "KEC-CAKRA" },
      include: { parent: true },
    });
    expect([cakra.timeZone, cakra.parent?.code]).toEqual(["Asia/Makassar", "PEMKOT-MTR"]);
    const made = await db.person.findUniqueOrThrow({ where: { nip: NIP_MADE } });
    expect(made.email).toBe("made@mataram.go.id");
    expect((await db.person.findUniqueOrThrow({ where: { nip: NIP_SITI } })).slackUserId).toBe("U0AAAA111");
    expect(await relationsOf(NIP_MADE)).toEqual([{ supervisor: NIP_SITI, from: NEW_YEAR, to: null }]);
    const ikis = await db.iki.findMany({ include: { rhk: true }, orderBy: { code: "asc" } });
    expect(ikis.map((i) => [i.code, i.rhk.code, i.target.toString()])).toEqual([
      ["1.1", "1", "2.5"],
      ["1.2", "1", "1.25"],
    ]);
    const holidays = await db.holiday.findMany({ orderBy: { date: "asc" } });
    expect(holidays.map((h) => [day(h.date), h.kind])).toEqual([
      ["2026-07-02", "LIBUR_DAERAH"],
      ["2026-08-17", "LIBUR_NASIONAL"],
    ]);

    const periods = await db.evaluationPeriod.findMany({ include: { unit: true }, orderBy: { name: "asc" } });
    expect(
      periods.map((p) => [p.code, p.name, day(p.ratingDeadline), p.scope, p.unit?.code ?? null]),
    ).toEqual([
      ["2026-TW1", "Triwulan I 2026", "2026-04-14", "*", null],
      ["2026-TW1", "Triwulan I Mataram", "2026-04-30", periods[1]?.unitId, "PEMKOT-MTR"],
    ]);
    expect(
      (await db.organisationAchievement.findMany({ include: { unit: true } })).map((a) => [
        a.unit.code,
        a.periodCode,
        a.result,
      ]),
    ).toEqual([["KEC-CAKRA", "2026-TW1", "BAIK"]]);

    const before = await snapshot();
    const again = await ok([path]);
    expect(again.counts.pegawai).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.counts.periode).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.counts.capaian_organisasi).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it("reads a semicolon-separated CSV as Excel writes it in Indonesian locale", async () => {
    const units = await csv("unit-semicolon.csv", [
      "kode;nama;induk_kode;zona_waktu",
      "KEC-ANDIR;Kecamatan Andir;;WIB",
    ]);
    const skpPeople = await csv("pegawai-semicolon.csv", [
      "nip;nama;jabatan;unit_kode",
      `${NIP_BUDI};Budi;Camat;KEC-ANDIR`,
    ]);
    const skp = await csv("skp-semicolon.csv", [
      "nip;tahun;kode_rhk;rencana_hasil_kerja;jenis;kode_iki;indikator;aspek;target;satuan",
      `${NIP_BUDI};2026;R1;Rencana;utama;I1;Indikator;kuantitas;7,5;dokumen`,
    ]);
    await ok([units, skpPeople, skp]);
    const iki = await db.iki.findFirstOrThrow();
    expect(iki.target.toString()).toBe("7.5");
  });

  it("loads the national holiday file of the setup script, twice without change", async () => {
    const first = await ok([NATIONAL_HOLIDAYS]);
    expect(first.counts.libur).toEqual({ created: 25, updated: 0, unchanged: 0 });
    const before = await snapshot();
    const second = await ok([NATIONAL_HOLIDAYS]);
    expect(second.counts.libur).toEqual({ created: 0, updated: 0, unchanged: 25 });
    expect(await snapshot()).toEqual(before);
    expect(await db.holiday.count({ where: { kind: "CUTI_BERSAMA" } })).toBe(8);
  });
});

describe("admin import: rejected files", () => {
  it("reports every bad row as file:line: column: reason and changes nothing", async () => {
    await ok(VALID);
    const before = await snapshot();
    const [unit, pegawai, skp, libur, periode, capaian] = INVALID;
    const result = await run(INVALID);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      `${unit}:3: zona_waktu: harus WIB, WITA, WIT atau nama zona IANA (mis. Asia/Jakarta)`,
      `${unit}:4: kode: duplikat: kode unit ini sudah ada di baris 3`,
      `${unit}:5: induk_kode: membentuk siklus: A → B → A`,
      `${unit}:6: induk_kode: membentuk siklus: B → A → B`,
      `${pegawai}:1: telepon: kolom tidak dikenal untuk pegawai (kolom: nip, nama, jabatan, unit_kode, atasan_nip, email, slack_user_id)`,
      `${pegawai}:2: nip: NIP harus 18 digit angka`,
      `${pegawai}:3: unit_kode: tidak ada unit dengan kode DINSOS di berkas maupun database`,
      `${pegawai}:4: email: alamat email tidak valid, mis. nama@instansi.go.id`,
      `${pegawai}:6: atasan_nip: pegawai tidak dapat menjadi atasannya sendiri`,
      `${skp}:2: target: harus lebih besar dari 0`,
      `${skp}:3: target: harus angka positif, mis. 12 atau 1,5`,
      `${skp}:4: jenis: harus utama atau tambahan`,
      `${skp}:4: aspek: harus kuantitas, kualitas, waktu atau biaya`,
      `${skp}:5: nip: tidak ada pegawai dengan NIP 198001012005011999 di berkas maupun database`,
      `${libur}:3: tanggal: harus tanggal YYYY-MM-DD, mis. 2026-08-17`,
      `${libur}:4: tanggal: duplikat: kombinasi tanggal dan unit_kode ini sudah ada di baris 2`,
      `${libur}:5: unit_kode: tidak ada unit dengan kode NOPE di berkas maupun database`,
      `${periode}:2: jenis: harus bulanan, triwulan, semester atau tahunan`,
      `${periode}:3: selesai: tidak boleh sebelum mulai (2026-04-01)`,
      `${periode}:4: batas_penilaian: tidak boleh sebelum selesai (2026-05-31); kosongkan untuk selesai + 14 hari`,
      `${periode}:5: mulai: harus tanggal YYYY-MM-DD, mis. 2026-08-17`,
      `${periode}:6: kode: hanya huruf, angka, titik, garis bawah dan tanda hubung, mis. 2026-TW1`,
      `${periode}:7: unit_kode: tidak ada unit dengan kode NOPE di berkas maupun database`,
      `${periode}:8: kode: duplikat: kombinasi kode dan unit_kode ini sudah ada di baris 2`,
      `${capaian}:2: periode_kode: periode 2026-TW1 tidak berlaku untuk unit PKM-PLAJU; yang berlaku: 2026-01, 2026-02, 2026-S1, 2026-TAHUNAN`,
      `${capaian}:3: periode_kode: periode 2026-TW5 tidak berlaku untuk unit KEC-CAKRA; unit ini memakai periode bawaan <tahun>-TW1 s.d. <tahun>-TW4 dan <tahun>-TAHUNAN, mis. 2026-TW1`,
      `${capaian}:4: capaian: harus istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang`,
      `${capaian}:5: unit_kode: tidak ada unit dengan kode DINSOS di berkas maupun database`,
      // Line 6 names 2026-05, whose own row has an error: not reported a second time.
      `${capaian}:8: periode_kode: duplikat: kombinasi unit_kode dan periode_kode ini sudah ada di baris 7`,
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("rejects a whole multi-file import when one file has a bad row", async () => {
    const badHoliday = await csv("libur-bad.csv", [
      "tanggal,nama,jenis,unit_kode",
      "2026-02-30,Tidak ada,libur_nasional,",
    ]);
    const before = await snapshot();
    const result = await run([...VALID, badHoliday]);
    expect(result).toEqual({
      ok: false,
      errors: [`${badHoliday}:2: tanggal: harus tanggal YYYY-MM-DD, mis. 2026-08-17`],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("names the XLSX sheet and row, and refuses NIPs typed as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("unit").addRows([
      ["kode", "nama", "induk_kode", "zona_waktu"],
      ["KEC-X", "Kecamatan X", null, "UTC+7"],
      ["KEC-Y", "Kecamatan Y", null, "WIT"],
    ]);
    workbook.addWorksheet("pegawai").addRows([
      ["nip", "nama", "jabatan", "unit_kode"],
      [199001012015032000, "Siti", "Staf", "KEC-X"],
      ["199001012015032003", "Rina", "Staf", { error: "#N/A" }],
    ]);
    workbook.addWorksheet("periode").addRows([
      ["kode", "nama", "jenis", "mulai", "selesai", "batas_penilaian", "unit_kode"],
      ["2026-07", "Juli 2026", "bulanan", utc("2026-07-31"), utc("2026-07-01"), null, "KEC-X"],
    ]);
    workbook.addWorksheet("capaian_organisasi").addRows([
      ["unit_kode", "periode_kode", "capaian"],
      ["KEC-Y", "2026-TW1", "baik"],
      ["KEC-Y", "2026-TW9", "baik"],
      ["KEC-Y", "2026-07", "baik"],
    ]);
    workbook.addWorksheet("Sheet1").addRow(["catatan"]);
    workbook.addWorksheet("Sheet2"); // empty: ignored
    const path = join(dir, "salah.xlsx");
    await workbook.xlsx.writeFile(path);

    const result = await run([path]);
    expect(result).toEqual({
      ok: false,
      errors: [
        `${path}[unit]:2: zona_waktu: harus WIB, WITA, WIT atau nama zona IANA (mis. Asia/Jakarta)`,
        `${path}[pegawai]:2: nip: sel NIP berupa angka sehingga digit terakhir bisa hilang; format kolom sebagai Teks lalu ketik ulang NIP`,
        `${path}[pegawai]:3: unit_kode: sel berisi galat #N/A`,
        `${path}[periode]:2: selesai: tidak boleh sebelum mulai (2026-07-31)`,
        `${path}[capaian_organisasi]:3: periode_kode: periode 2026-TW9 tidak berlaku untuk unit KEC-Y; unit ini memakai periode bawaan <tahun>-TW1 s.d. <tahun>-TW4 dan <tahun>-TAHUNAN, mis. 2026-TW1`,
        `${path}[Sheet1]:1: -: nama sheet tidak dikenal; gunakan unit, pegawai, skp, libur, periode, capaian_organisasi, pelatihan`,
      ],
    });
    expect(await db.unit.count()).toBe(0);
  });

  it("explains files it cannot read or recognise", async () => {
    const unknownHeader = await csv("aneh.csv", ["kolom_a,kolom_b", "1,2"]);
    const missingColumn = await csv("pegawai-kurang.csv", ["nip,nama,unit_kode", `${NIP_BUDI},Budi,X`]);
    const empty = await csv("kosong.csv", [""]);
    const text = await csv("catatan.txt", ["halo"]);
    const absent = join(dir, "tidak-ada.csv");
    const result = await run([unknownHeader, missingColumn, empty, text, absent]);
    expect(result).toEqual({
      ok: false,
      errors: [
        `${unknownHeader}:1: -: header tidak cocok dengan jenis berkas unit, pegawai, skp, libur, periode, capaian_organisasi, pelatihan; periksa nama kolom`,
        `${missingColumn}:1: jabatan: kolom wajib tidak ada di header`,
        `${empty}:1: -: berkas kosong; baris pertama harus header kolom`,
        `${text}:1: -: jenis berkas tidak dikenal; gunakan .csv atau .xlsx`,
        `${absent}:1: -: berkas tidak ditemukan`,
      ],
    });
  });

  it("refuses a unit tree cycle through units already in the database", async () => {
    await ok([VALID[0]!]);
    const file = await csv("unit-siklus.csv", [
      "kode,nama,induk_kode,zona_waktu",
      "PEMKOT,Pemkot,PKM-PLAJU,WIB",
    ]);
    const result = await run([file]);
    expect(result).toEqual({
      ok: false,
      errors: [`${file}:2: induk_kode: membentuk siklus: PEMKOT → PKM-PLAJU → DINKES → PEMKOT`],
    });
  });

  it("refuses a unit that is its own parent and SKP rows that disagree about one RHK", async () => {
    await ok(VALID.slice(0, 2));
    const units = await csv("unit-sendiri.csv", ["kode,nama,induk_kode,zona_waktu", "X,Unit X,X,WIT"]);
    const skp = await csv("skp-rhk.csv", [
      "nip,tahun,kode_rhk,rencana_hasil_kerja,jenis,kode_iki,indikator,aspek,target,satuan",
      `${NIP_SITI},2026,R1,Rencana A,utama,I1,Indikator 1,kuantitas,1,dokumen`,
      `${NIP_SITI},2026,R1,Rencana B,tambahan,I2,Indikator 2,kuantitas,1,dokumen`,
    ]);
    expect(await run([units, skp])).toEqual({
      ok: false,
      errors: [
        `${units}:2: induk_kode: unit tidak boleh menjadi induknya sendiri`,
        `${skp}:3: rencana_hasil_kerja: berbeda dari baris 2 untuk kode_rhk yang sama`,
        `${skp}:3: jenis: berbeda dari baris 2 untuk kode_rhk yang sama`,
      ],
    });
  });

  it("refuses a Slack user id held by another person, in the file or in the database", async () => {
    await ok(VALID.slice(0, 2));
    const file = await csv("pegawai-slack.csv", [
      "nip,nama,jabatan,unit_kode,slack_user_id",
      `${NIP_MADE},Made,Staf,KEC-CAKRA,U012AB3CD`,
      `${NIP_BUDI},Budi,Kepala,PKM-PLAJU,UNEW00001`,
      `${NIP_ANDI},Andi,Staf,PKM-PLAJU,UNEW00001`,
      `${NIP_SITI},Siti,Staf,PKM-PLAJU,u-salah`,
    ]);
    const result = await run([file]);
    expect(result).toEqual({
      ok: false,
      errors: [
        `${file}:2: slack_user_id: ID Slack ini sudah dipakai pegawai lain di database (NIP ${NIP_SITI})`,
        `${file}:4: slack_user_id: ID Slack ini sudah dipakai pegawai lain di baris 3`,
        `${file}:5: slack_user_id: harus ID pengguna Slack: huruf besar dan angka diawali U atau W, mis. U012AB3CD`,
      ],
    });
  });
});

describe("admin import: idempotent upserts", () => {
  it("changes nothing, not even updatedAt, when the same files are imported again", async () => {
    await ok(VALID);
    const before = await snapshot();
    const again = await ok(VALID, new Date("2026-03-05T02:00:00Z"));
    expect(again.counts).toEqual({
      unit: { created: 0, updated: 0, unchanged: 4 },
      pegawai: { created: 0, updated: 0, unchanged: 4 },
      skp: { created: 0, updated: 0, unchanged: 4 },
      libur: { created: 0, updated: 0, unchanged: 3 },
      periode: { created: 0, updated: 0, unchanged: 4 },
      capaian_organisasi: { created: 0, updated: 0, unchanged: 5 },
      pelatihan: { created: 0, updated: 0, unchanged: 0 },
      pelatihanDeactivated: 0,
      atasan: { opened: 0, closed: 0 },
    });
    expect(again.summary).toContain("unit: 0 dibuat, 0 diperbarui, 4 tidak berubah");
    expect(await snapshot()).toEqual(before);
  });

  it("updates only the rows that differ", async () => {
    await ok(VALID);
    const siti = await db.person.findUniqueOrThrow({ where: { nip: NIP_SITI } });
    const budi = await db.person.findUniqueOrThrow({ where: { nip: NIP_BUDI } });
    const file = await csv("pegawai-ubah.csv", [
      "nip,nama,jabatan,unit_kode",
      `${NIP_SITI},Siti Rahma,Perawat Ahli,PKM-PLAJU`,
      `${NIP_BUDI},Budi Santoso,Kepala Puskesmas,PKM-PLAJU`,
    ]);
    const result = await ok([file]);
    expect(result.counts.pegawai).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const sitiAfter = await db.person.findUniqueOrThrow({ where: { nip: NIP_SITI } });
    expect(sitiAfter.position).toBe("Perawat Ahli");
    // Columns left out of the header keep their values.
    expect([sitiAfter.email, sitiAfter.slackUserId]).toEqual([siti.email, siti.slackUserId]);
    expect(sitiAfter.updatedAt.getTime()).toBeGreaterThan(siti.updatedAt.getTime());
    expect((await db.person.findUniqueOrThrow({ where: { nip: NIP_BUDI } })).updatedAt).toEqual(
      budi.updatedAt,
    );
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: null }]);
  });

  it("stores a NIP written with spaces and a leading apostrophe normalised, and matches it again", async () => {
    await ok(VALID.slice(0, 1));
    const spaced = await csv("pegawai-spasi.csv", [
      "nip,nama,jabatan,unit_kode,atasan_nip",
      `'19900101 201503 2 002,Siti,Perawat,PKM-PLAJU,"  '19850315 201001 1 001 "`,
      `"19850315 201001 1 001",Budi,Kepala,PKM-PLAJU,`,
    ]);
    await ok([spaced]);
    expect((await db.person.findMany({ orderBy: { nip: "asc" } })).map((p) => p.nip)).toEqual([
      NIP_BUDI,
      NIP_SITI,
    ]);
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: null }]);
    const plain = await csv("pegawai-polos.csv", [
      "nip,nama,jabatan,unit_kode,atasan_nip",
      `${NIP_SITI},Siti,Perawat,PKM-PLAJU,${NIP_BUDI}`,
    ]);
    expect((await ok([plain])).counts.pegawai).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it("accepts a decimal comma or point in target and treats equal values as unchanged", async () => {
    await ok(VALID.slice(0, 2));
    const comma = await csv("skp-koma.csv", [
      "nip,tahun,kode_rhk,rencana_hasil_kerja,jenis,kode_iki,indikator,aspek,target,satuan",
      `${NIP_SITI},2026,R1,Rencana,utama,I1,Indikator,kualitas,"87,25",%`,
    ]);
    await ok([comma]);
    expect((await db.iki.findFirstOrThrow()).target.toString()).toBe("87.25");
    const point = await csv("skp-titik.csv", [
      "nip,tahun,kode_rhk,rencana_hasil_kerja,jenis,kode_iki,indikator,aspek,target,satuan",
      `${NIP_SITI},2026,R1,Rencana,utama,I1,Indikator,kualitas,87.250,%`,
    ]);
    expect((await ok([point])).counts.skp).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it("keeps a national holiday and a unit holiday on the same date as separate keys", async () => {
    await ok(VALID.slice(0, 1));
    const national = await csv("libur-nasional.csv", [
      "tanggal,nama,jenis",
      "2026-08-17,Hari Kemerdekaan,libur_nasional",
    ]);
    const regional = await csv("libur-daerah.csv", [
      "tanggal,nama,jenis,unit_kode",
      "2026-08-17,Lomba Kemerdekaan Dinkes,libur_daerah,DINKES",
    ]);
    await ok([national]);
    expect((await ok([regional])).counts.libur).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const renamed = await csv("libur-nasional-2.csv", [
      "tanggal,nama,jenis,unit_kode",
      "2026-08-17,Hari Kemerdekaan RI,libur_nasional,",
    ]);
    expect((await ok([renamed])).counts.libur).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const holidays = await db.holiday.findMany({ include: { unit: true }, orderBy: { name: "asc" } });
    expect(holidays.map((h) => [day(h.date), h.name, h.unit?.code ?? "*"])).toEqual([
      ["2026-08-17", "Hari Kemerdekaan RI", "*"],
      ["2026-08-17", "Lomba Kemerdekaan Dinkes", "DINKES"],
    ]);
  });
});

describe("admin import: periods and capaian organisasi", () => {
  it("updates only the period and the capaian that changed, and counts an unchanged default deadline as equal", async () => {
    await ok(VALID);
    const before = await db.evaluationPeriod.findMany({ orderBy: { code: "asc" } });
    const periods = await csv("periode-ubah.csv", [
      "kode,nama,jenis,mulai,selesai,batas_penilaian,unit_kode",
      // 2026-03-14 is selesai + 14 days: the same as the empty cell imported before
      "2026-02,Februari 2026,bulanan,2026-02-01,2026-02-28,2026-03-14,PKM-PLAJU",
      "2026-01,Januari 2026,bulanan,2026-01-01,2026-01-31,2026-02-20,PKM-PLAJU",
    ]);
    const capaian = await csv("capaian-ubah.csv", [
      "unit_kode,periode_kode,capaian",
      "PKM-PLAJU,2026-01,istimewa",
      "DINKES,2026-S1,istimewa",
    ]);
    const result = await ok([capaian, periods]);
    expect(result.counts.periode).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.counts.capaian_organisasi).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = await db.evaluationPeriod.findMany({ orderBy: { code: "asc" } });
    expect(day(after[0]?.ratingDeadline)).toBe("2026-02-20");
    expect(after[0]?.updatedAt.getTime()).toBeGreaterThan(before[0]!.updatedAt.getTime());
    expect(after.slice(1)).toEqual(before.slice(1));
    const plaju = await db.unit.findUniqueOrThrow({ where: { code: "PKM-PLAJU" } });
    expect(await organisationResultFor(db, plaju.id, "2026-01")).toEqual({
      result: "ISTIMEWA",
      unitId: plaju.id,
    });
  });

  it("recognises a period file by its header in any order, without the optional columns: every unit", async () => {
    await ok(VALID.slice(0, 1));
    const file = await csv("periode-semua.csv", [
      "nama;selesai;kode;mulai;jenis",
      "Semester II 2026;2026-12-31;2026-S2;2026-07-01;semester",
    ]);
    expect((await ok([file])).counts.periode).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const period = await db.evaluationPeriod.findFirstOrThrow();
    expect([period.code, period.kind, day(period.ratingDeadline), period.unitId, period.scope]).toEqual([
      "2026-S2",
      "SEMESTER",
      "2027-01-14",
      null,
      "*",
    ]);
  });

  it("accepts a capaian for a period of the same import, and refuses the defaults once a period holds", async () => {
    await ok(VALID.slice(0, 1));
    // A period for every unit: KEC-CAKRA (no period of its own) no longer uses the default triwulan.
    const capaian = await csv("capaian-dulu.csv", [
      "unit_kode,periode_kode,capaian",
      "KEC-CAKRA,2026-11,baik",
      "KEC-CAKRA,2026-TW4,baik",
    ]);
    const periods = await csv("periode-nanti.csv", [
      "kode,nama,jenis,mulai,selesai,batas_penilaian,unit_kode",
      "2026-11,November 2026,bulanan,2026-11-01,2026-11-30,,",
    ]);
    expect(await run([capaian, periods])).toEqual({
      ok: false,
      errors: [
        `${capaian}:3: periode_kode: periode 2026-TW4 tidak berlaku untuk unit KEC-CAKRA; yang berlaku: 2026-11`,
      ],
    });
    expect(await db.evaluationPeriod.count()).toBe(0);
  });
});

describe("admin import: supervisors over time", () => {
  async function setSupervisor(nip: string, supervisorNip: string, now: Date) {
    const file = await csv(`atasan-${Date.now()}.csv`, [
      "nip,nama,jabatan,unit_kode,atasan_nip",
      `${nip},Siti Rahma,Perawat,PKM-PLAJU,${supervisorNip}`,
    ]);
    return ok([file], now);
  }

  it("closes the old relation and opens a new one when the supervisor changes", async () => {
    await ok(VALID);
    const later = new Date("2026-04-10T02:00:00Z");
    const result = await setSupervisor(NIP_SITI, NIP_MADE, later);
    expect(result.counts.pegawai).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(result.counts.atasan).toEqual({ opened: 1, closed: 1 });
    expect(await relationsOf(NIP_SITI)).toEqual([
      { supervisor: NIP_BUDI, from: NEW_YEAR, to: "2026-04-10" },
      { supervisor: NIP_MADE, from: "2026-04-10", to: null },
    ]);
  });

  it("changes a relation opened today in place, and reopens the one it replaced the same day", async () => {
    await ok(VALID);
    const later = new Date("2026-04-10T02:00:00Z");
    await setSupervisor(NIP_SITI, NIP_MADE, later);
    await setSupervisor(NIP_SITI, NIP_ANDI, new Date("2026-04-10T09:00:00Z"));
    expect(await relationsOf(NIP_SITI)).toEqual([
      { supervisor: NIP_BUDI, from: NEW_YEAR, to: "2026-04-10" },
      { supervisor: NIP_ANDI, from: "2026-04-10", to: null },
    ]);
    await setSupervisor(NIP_SITI, NIP_BUDI, new Date("2026-04-10T10:00:00Z"));
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: null }]);
  });

  it("counts a first supervisor from 1 January of the import's year in the unit's zone, a change from today", async () => {
    await ok(VALID.slice(0, 1));
    // 23:30 WIB on 31 December 2026 is already 00:30 WITA on 1 January 2027.
    const newYearsEve = new Date("2026-12-31T16:30:00Z");
    const people = await csv("pegawai-akhir-tahun.csv", [
      "nip,nama,jabatan,unit_kode,atasan_nip",
      `${NIP_BUDI},Budi,Kepala Puskesmas,PKM-PLAJU,`,
      `${NIP_SITI},Siti,Perawat,PKM-PLAJU,${NIP_BUDI}`,
      `${NIP_MADE},Made,Camat,KEC-CAKRA,`,
      `${NIP_ANDI},Andi,Staf,KEC-CAKRA,${NIP_MADE}`,
    ]);
    expect((await ok([people], newYearsEve)).counts.atasan).toEqual({ opened: 2, closed: 0 });
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: "2026-01-01", to: null }]);
    expect(await relationsOf(NIP_ANDI)).toEqual([{ supervisor: NIP_MADE, from: "2027-01-01", to: null }]);

    // A later change starts on the day of the change (the local date: 2 March WIB, 1 March in UTC).
    await setSupervisor(NIP_SITI, NIP_MADE, NOW);
    expect(await relationsOf(NIP_SITI)).toEqual([
      { supervisor: NIP_BUDI, from: "2026-01-01", to: TODAY },
      { supervisor: NIP_MADE, from: TODAY, to: null },
    ]);
  });

  it("corrects a first relation the same day in place, and counts a new one after an ended one from today", async () => {
    await ok(VALID);
    // The import of VALID at NOW opened Siti's first relation (to Budi) from 1 January: fixed that day.
    await setSupervisor(NIP_SITI, NIP_MADE, new Date("2026-03-02T05:00:00Z"));
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_MADE, from: NEW_YEAR, to: null }]);
    // Emptied the next day, given again later: the new relation starts that day, not on 1 January.
    await setSupervisor(NIP_SITI, "", new Date("2026-03-03T05:00:00Z"));
    await setSupervisor(NIP_SITI, NIP_BUDI, new Date("2026-04-06T05:00:00Z"));
    expect(await relationsOf(NIP_SITI)).toEqual([
      { supervisor: NIP_MADE, from: NEW_YEAR, to: "2026-03-03" },
      { supervisor: NIP_BUDI, from: "2026-04-06", to: null },
    ]);
  });

  it("ends the current relation when atasan_nip is emptied", async () => {
    await ok(VALID);
    const result = await setSupervisor(NIP_SITI, "", new Date("2026-05-04T02:00:00Z"));
    expect(result.counts.atasan).toEqual({ opened: 0, closed: 1 });
    expect(await relationsOf(NIP_SITI)).toEqual([{ supervisor: NIP_BUDI, from: NEW_YEAR, to: "2026-05-04" }]);
    const again = await setSupervisor(NIP_SITI, "", new Date("2026-05-05T02:00:00Z"));
    expect(again.counts.pegawai).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
});
