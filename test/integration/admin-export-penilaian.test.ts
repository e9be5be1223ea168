import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PENILAIAN_COLUMNS,
  runExportPenilaian,
  SUMMARY_SHEET,
} from "../../src/admin/export-penilaian-command.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { BERAKHLAK_LABELS, LAMPIRAN_COLUMNS, sheetName } from "../../src/admin/lampiran-4-sheet.ts";
import type { Predikat, Rating } from "../../src/domain/predikat.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import/valid");
// Friday 10 April 2026, 10:00 WIB
const NOW = new Date("2026-04-10T03:00:00Z");
const NIP = {
  siti: "199001012015032002",
  budi: "198503152010011001",
  andi: "199507072023211004",
  made: "199205202019021003",
  rina: "199001012015032003",
  dewi: "199203032016022004",
  eko: "198801012012011005",
};

let database: TestDatabase;
let dir: string;
const id: Record<string, string> = {};

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

async function imported(paths: string[], now: Date) {
  const result = await importFiles(database.db, paths, { now });
  if (!result.ok) throw new Error(result.errors.join("\n"));
}

async function rate(
  who: keyof typeof NIP,
  data: {
    hasil: Rating;
    perilaku: Rating;
    predikat: Predikat;
    ratedAt: string;
    objectionUntil: string;
    status?: "DINILAI" | "KEBERATAN" | "FINAL";
    notes?: Record<string, string>;
    feedback?: string;
  },
) {
  return database.db.evaluation.create({
    data: {
      personId: id[who]!,
      raterId: id.budi!,
      periodCode: "2026-TW1",
      periodName: "Triwulan I 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-01-01"),
      endDate: new Date("2026-03-31"),
      ratingDeadline: new Date("2026-04-14"),
      organisationResult: "BAIK",
      ratingHasilKerja: data.hasil,
      ratingPerilaku: data.perilaku,
      predikat: data.predikat,
      feedback: data.feedback ?? null,
      behaviourNotes: data.notes ?? {},
      status: data.status ?? "DINILAI",
      ratedAt: new Date(data.ratedAt),
      toldOn: new Date(data.ratedAt.slice(0, 10)),
      objectionUntil: new Date(data.objectionUntil),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "admin-export-penilaian-"));
  const { db } = database;
  const more = await csv("pegawai-tambahan.csv", [
    "nip,nama,jabatan,unit_kode,atasan_nip",
    `${NIP.rina},Rina Marlina,Bidan,PKM-PLAJU,${NIP.budi}`,
    `${NIP.dewi},Dewi Lestari,Apoteker,PKM-PLAJU,${NIP.budi}`,
    `${NIP.eko},Eko Prasetyo,Staf Kecamatan,KEC-CAKRA,${NIP.made}`,
  ]);
  const capaian = await csv("capaian.csv", ["unit_kode,periode_kode,capaian", "PKM-PLAJU,2026-TW1,baik"]);
  // Imported mid-March: the first supervisor relations count from 1 January, so Q1 can be rated.
  await imported(
    [...["unit", "pegawai", "skp"].map((kind) => join(FIXTURES, `${kind}.csv`)), more, capaian],
    new Date("2026-03-16T03:00:00Z"),
  );
  for (const person of await db.person.findMany()) {
    id[Object.entries(NIP).find(([, nip]) => nip === person.nip)![0]] = person.id;
  }
  await rate("siti", {
    hasil: "DI_ATAS",
    perilaku: "SESUAI",
    predikat: "BAIK",
    ratedAt: "2026-04-03T02:15:00.250Z",
    objectionUntil: "2026-04-17",
    notes: { AKUNTABEL: "Laporan selalu tepat waktu", KOLABORATIF: "Membantu rekan di IGD" },
    feedback: "Pertahankan ketelitian pencatatan.",
  });
  const andi = await rate("andi", {
    hasil: "DI_BAWAH",
    perilaku: "SESUAI",
    predikat: "BUTUH_PERBAIKAN",
    ratedAt: "2026-04-02T08:00:00Z",
    objectionUntil: "2026-04-16",
    status: "KEBERATAN",
    feedback: "Lengkapi data kunjungan tepat waktu.",
  });
  const rina = await rate("rina", {
    hasil: "SESUAI",
    perilaku: "DI_BAWAH",
    predikat: "KURANG_MISCONDUCT",
    ratedAt: "2026-04-01T01:00:00Z",
    objectionUntil: "2026-04-15",
    status: "FINAL",
    feedback: "Hadir tepat waktu di pelayanan.",
  });
  // Told on 1 April, no objection by the 8th: final on the 10th even before the scheduler closes it.
  await rate("dewi", {
    hasil: "SESUAI",
    perilaku: "SESUAI",
    predikat: "BAIK",
    ratedAt: "2026-03-25T01:00:00Z",
    objectionUntil: "2026-04-08",
  });
  const objection = (evaluationId: string, decision: "TETAP" | null) =>
    db.objection.create({
      data: {
        evaluationId,
        reason: "Data kunjungan bulan Maret belum masuk.",
        submittedAt: new Date("2026-04-05T02:00:00Z"),
        deciderId: id.budi!,
        previousHasilKerja: "DI_BAWAH",
        previousPerilaku: "SESUAI",
        previousPredikat: "BUTUH_PERBAIKAN",
        decision,
        decidedAt: decision ? new Date("2026-04-07T02:00:00Z") : null,
      },
    });
  await objection(andi.id, null);
  await objection(rina.id, "TETAP");

  // Evidence for Siti's sheet: approved output of IKI-1.1 in the quarter, feedback on it and a general one.
  const iki = await db.iki.findFirstOrThrow({ where: { code: "IKI-1.1", skp: { personId: id.siti } } });
  const approved = await db.activity.create({
    data: {
      personId: id.siti!,
      date: new Date("2026-02-10"),
      ikiId: iki.id,
      description: "Melayani pasien rawat jalan",
      quantity: 30,
      unitLabel: "pasien",
      minutes: 240,
      status: "DISETUJUI",
      submittedAt: new Date("2026-02-10T09:00:00Z"),
    },
  });
  await db.feedback.create({
    data: {
      fromId: id.budi!,
      toId: id.siti!,
      activityId: approved.id,
      text: "Antrean pagi makin tertib",
      createdAt: new Date("2026-02-11T02:00:00Z"),
    },
  });
  await db.feedback.create({
    data: {
      fromId: id.budi!,
      toId: id.siti!,
      text: "Terima kasih sudah menggantikan jaga malam",
      createdAt: new Date("2026-03-05T02:00:00Z"),
    },
  });
});

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function exportTo(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } };
  const code = await runExportPenilaian({ db: database.db, io, now: NOW }, args);
  return { code, out: out.join(""), err: err.join("") };
}

async function csvRows(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(file, "utf8"), { columns: true });
}

/** The sheet as lines of its non-empty cells' text (merged cells once). */
function lines(sheet: ExcelJS.Worksheet): string[][] {
  const result: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cell.text.trim();
      if (text !== "") cells.push(text);
    });
    if (cells.length > 0) result.push(cells);
  });
  return result;
}

const empty = {
  rating_hasil_kerja: "",
  rating_perilaku: "",
  predikat: "",
  keberatan: "",
  ditetapkan_pada: "",
};

describe("admin export-penilaian: one row per person for whom the period holds", () => {
  it("writes the contract's columns, rated and unrated, with status, objection and the time of rating", async () => {
    const file = join(dir, "tw1.csv");
    const result = await exportTo(["--periode", "2026-TW1", "--format", "csv", "--out", file]);
    expect(result).toEqual({ code: 0, out: `7 person(s) of period 2026-TW1 written to ${file}\n`, err: "" });
    expect((await readFile(file, "utf8")).split("\n")[0]).toBe(
      "nip,nama,jabatan,unit,periode,penilai_nip,penilai_nama,capaian_organisasi,rating_hasil_kerja," +
        "rating_perilaku,predikat,status,keberatan,ditetapkan_pada",
    );
    const plaju = { jabatan: expect.any(String), unit: "PKM-PLAJU", periode: "2026-TW1" };
    const byBudi = {
      ...plaju,
      penilai_nip: NIP.budi,
      penilai_nama: "Budi Santoso",
      capaian_organisasi: "BAIK",
    };
    expect(await csvRows(file)).toEqual([
      {
        ...empty,
        nip: NIP.eko,
        nama: "Eko Prasetyo",
        jabatan: "Staf Kecamatan",
        unit: "KEC-CAKRA",
        periode: "2026-TW1",
        // Not rated yet: the pejabat penilai is the direct supervisor on the period's last day.
        penilai_nip: NIP.made,
        penilai_nama: "Made Ayu",
        capaian_organisasi: "",
        status: "belum_dinilai",
      },
      {
        ...empty,
        nip: NIP.made,
        nama: "Made Ayu",
        jabatan: "Staf Kecamatan",
        unit: "KEC-CAKRA",
        periode: "2026-TW1",
        penilai_nip: "",
        penilai_nama: "",
        capaian_organisasi: "",
        status: "belum_dinilai",
      },
      {
        ...byBudi,
        nip: NIP.andi,
        nama: "Andi Wijaya",
        rating_hasil_kerja: "DI_BAWAH",
        rating_perilaku: "SESUAI",
        predikat: "BUTUH_PERBAIKAN",
        status: "keberatan",
        keberatan: "diajukan",
        ditetapkan_pada: "2026-04-02T15:00:00+07:00",
      },
      {
        ...empty,
        ...plaju,
        nip: NIP.budi,
        nama: "Budi Santoso",
        penilai_nip: "",
        penilai_nama: "",
        capaian_organisasi: "BAIK",
        status: "belum_dinilai",
      },
      {
        ...byBudi,
        nip: NIP.dewi,
        nama: "Dewi Lestari",
        rating_hasil_kerja: "SESUAI",
        rating_perilaku: "SESUAI",
        predikat: "BAIK",
        status: "final",
        keberatan: "",
        ditetapkan_pada: "2026-03-25T08:00:00+07:00",
      },
      {
        ...byBudi,
        nip: NIP.rina,
        nama: "Rina Marlina",
        rating_hasil_kerja: "SESUAI",
        rating_perilaku: "DI_BAWAH",
        predikat: "KURANG_MISCONDUCT",
        status: "final",
        keberatan: "tetap",
        ditetapkan_pada: "2026-04-01T08:00:00+07:00",
      },
      {
        ...byBudi,
        nip: NIP.siti,
        nama: "Siti Rahma",
        rating_hasil_kerja: "DI_ATAS",
        rating_perilaku: "SESUAI",
        predikat: "BAIK",
        status: "dinilai",
        keberatan: "",
        ditetapkan_pada: "2026-04-03T09:15:00+07:00",
      },
    ]);
  });

  it("keeps to the unit and the units below it", async () => {
    const file = join(dir, "dinkes.csv");
    expect(
      (await exportTo(["--periode", "2026-TW1", "--unit", "DINKES", "--format", "csv", "--out", file])).code,
    ).toBe(0);
    expect((await csvRows(file)).map((r) => r.nama)).toEqual([
      "Andi Wijaya",
      "Budi Santoso",
      "Dewi Lestari",
      "Rina Marlina",
      "Siti Rahma",
    ]);
  });

  it("writes the summary and one Lampiran 4 sheet per person in the xlsx", async () => {
    const file = join(dir, "tw1.xlsx");
    expect(
      (await exportTo(["--periode", "2026-TW1", "--unit", "PKM-PLAJU", "--format", "xlsx", "--out", file]))
        .code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET,
      `${NIP.andi} Andi Wijaya`,
      `${NIP.budi} Budi Santoso`,
      `${NIP.dewi} Dewi Lestari`,
      `${NIP.rina} Rina Marlina`,
      `${NIP.siti} Siti Rahma`,
    ]);
    const summary = lines(workbook.getWorksheet(SUMMARY_SHEET)!);
    expect(summary[0]).toEqual([...PENILAIAN_COLUMNS]);
    expect(summary).toHaveLength(6);

    const siti = lines(workbook.getWorksheet(sheetName(NIP.siti, "Siti Rahma"))!);
    const rowAfter = (first: string) => siti[siti.findIndex((l) => l[0] === first) + 1];
    const at = (label: string) => siti.find((l) => l[0] === label)?.slice(1);
    expect(siti.slice(0, 3)).toEqual([
      ["EVALUASI KINERJA PEGAWAI"],
      ["PERIODE: TRIWULAN I 2026 (2026-TW1)"],
      ["Periode penilaian: 1 Januari 2026 s.d. 31 Maret 2026"],
    ]);
    expect(siti).toContainEqual(["NIP", NIP.siti]);
    expect(siti).toContainEqual(["Jabatan", "Perawat"]);
    expect(siti).toContainEqual(["Unit kerja", "Puskesmas Plaju"]);
    expect(siti).toContainEqual(["NIP", NIP.budi]);
    expect(at("Capaian kinerja organisasi")).toEqual(["Baik"]);
    expect(at("Pola distribusi")).toEqual([
      "Baik paling banyak 70 %; Butuh Perbaikan/Kurang/Misconduct paling sedikit 1 orang",
    ]);
    expect(at("No")).toEqual(LAMPIRAN_COLUMNS.slice(1));
    expect(rowAfter("A. Utama")).toEqual([
      "1",
      "Terlaksananya pelayanan keperawatan",
      "Jumlah pasien yang dilayani",
      "1.200 pasien",
      "30 pasien pada periode ini; 30 pasien sejak 1 Januari",
      "2.5",
      "• Antrean pagi makin tertib (Budi Santoso)",
    ]);
    expect(rowAfter("B. Tambahan")).toEqual([
      "1",
      "Tersusunnya laporan bulanan",
      "Laporan disampaikan tepat waktu",
      "12,5 laporan",
      "0 laporan pada periode ini; 0 laporan sejak 1 Januari",
      "0",
    ]);
    expect(siti).toContainEqual([
      "Umpan balik berkelanjutan lainnya:\n• Terima kasih sudah menggantikan jaga malam (Budi Santoso)",
    ]);
    const behaviour = siti.findIndex((l) => l[1] === "Perilaku Kerja (BerAKHLAK)");
    expect(siti.slice(behaviour + 1, behaviour + 8)).toEqual(
      BERAKHLAK_LABELS.map(([key, label], index) => {
        const note = { AKUNTABEL: "Laporan selalu tepat waktu", KOLABORATIF: "Membantu rekan di IGD" }[
          key as string
        ];
        return note ? [String(index + 1), label, note] : [String(index + 1), label];
      }),
    );
    expect(at("Rating hasil kerja")).toEqual(["Di Atas Ekspektasi (DI_ATAS)"]);
    expect(at("Rating perilaku kerja")).toEqual(["Sesuai Ekspektasi (SESUAI)"]);
    expect(at("Predikat kinerja")).toEqual(["Baik (BAIK)"]);
    expect(at("Umpan balik pejabat penilai")).toEqual(["Pertahankan ketelitian pencatatan."]);
    expect(at("Ditetapkan pada")).toEqual(["2026-04-03T09:15:00+07:00"]);

    const budi = lines(workbook.getWorksheet(sheetName(NIP.budi, "Budi Santoso"))!);
    expect(budi.find((l) => l[0] === "Predikat kinerja")).toEqual(["Predikat kinerja", "belum dinilai"]);
  });

  it("exports only the units a configured period holds for, and refuses a period that holds for none", async () => {
    const period = await csv("periode-cakra.csv", [
      "kode,nama,jenis,mulai,selesai,batas_penilaian,unit_kode",
      "2026-03,Maret 2026,bulanan,2026-03-01,2026-03-31,,KEC-CAKRA",
    ]);
    await imported([period], NOW);
    const file = join(dir, "maret.csv");
    expect((await exportTo(["--periode", "2026-03", "--format", "csv", "--out", file])).code).toBe(0);
    expect((await csvRows(file)).map((r) => [r.nama, r.periode, r.penilai_nama, r.status])).toEqual([
      ["Eko Prasetyo", "2026-03", "Made Ayu", "belum_dinilai"],
      ["Made Ayu", "2026-03", "", "belum_dinilai"],
    ]);
    // KEC-CAKRA has a period of its own now: the default quarters no longer hold for it.
    await exportTo(["--periode", "2026-TW1", "--format", "csv", "--out", file]);
    expect((await csvRows(file)).map((r) => r.unit)).not.toContain("KEC-CAKRA");

    expect(
      await exportTo(["--periode", "2026-03", "--unit", "DINKES", "--format", "csv", "--out", file]),
    ).toEqual({
      code: 1,
      out: "",
      err:
        "export-penilaian: --periode 2026-03: no such period for unit DINKES or any unit below it " +
        "(configured with the periode import, or a default <year>-TW1..TW4 / <year>-TAHUNAN)\n",
    });
    expect((await exportTo(["--periode", "2026-TW9", "--format", "csv", "--out", file])).code).toBe(1);
    expect(
      await exportTo(["--periode", "2026-TW1", "--unit", "NOPE", "--format", "csv", "--out", file]),
    ).toEqual({
      code: 1,
      out: "",
      err: "export-penilaian: --unit NOPE: no such unit\n",
    });
    expect((await exportTo(["--format", "csv", "--out", file])).code).toBe(2);
  });
});
