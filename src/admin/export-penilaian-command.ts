import { writeFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { loadPolaDistribusi, type PolaDistribusi } from "../domain/pola-distribusi.ts";
import { periodEvidence } from "../services/evaluation-evidence.ts";
import { type EvaluationExportRow, evaluationExport, periodFeedback } from "../services/evaluation-export.ts";
import { createUnitCalendarCache } from "../services/unit-calendar-cache.ts";
import type { AdminIo } from "./io.ts";
import { addLampiranSheet } from "./lampiran-4-sheet.ts";
import { parsePeriodExportArgs, selectedUnits } from "./period-export-args.ts";

/** SPEC section 12 (contract): the summary, one row per person. */
export const PENILAIAN_COLUMNS = [
  "nip",
  "nama",
  "jabatan",
  "unit",
  "periode",
  "penilai_nip",
  "penilai_nama",
  "capaian_organisasi",
  "rating_hasil_kerja",
  "rating_perilaku",
  "predikat",
  "status",
  "keberatan",
  "ditetapkan_pada",
] as const;

type PenilaianRow = Record<(typeof PENILAIAN_COLUMNS)[number], string>;

/** The summary sheet of the workbook; the persons' sheets follow it. */
export const SUMMARY_SHEET = "penilaian";

export interface ExportPenilaianDeps {
  db: Db;
  io: AdminIo;
  now: Date;
  /** the pola distribusi shown in each person's header; the shipped one by default */
  pola?: PolaDistribusi;
}

/** ISO 8601 to the second with the unit's offset: 2026-04-03T09:15:00+07:00 */
export function isoInZone(at: Date, timeZone: string): string {
  return (
    DateTime.fromJSDate(at, { zone: timeZone }).startOf("second").toISO({ suppressMilliseconds: true }) ?? ""
  );
}

function summaryRow(row: EvaluationExportRow): PenilaianRow {
  const evaluation = row.evaluation;
  return {
    nip: row.person.nip,
    nama: row.person.name,
    jabatan: row.person.position,
    unit: row.unit.code,
    periode: row.period.code,
    penilai_nip: row.rater?.nip ?? "",
    penilai_nama: row.rater?.name ?? "",
    capaian_organisasi: row.capaian ?? "",
    rating_hasil_kerja: evaluation?.ratingHasilKerja ?? "",
    rating_perilaku: evaluation?.ratingPerilaku ?? "",
    predikat: evaluation?.predikat ?? "",
    status: row.status,
    keberatan: row.objection,
    ditetapkan_pada: evaluation ? isoInZone(evaluation.ratedAt, row.unit.timeZone) : "",
  };
}

/**
 * `export-penilaian --periode KODE [--unit KODE] --format csv|xlsx --out FILE`: one row per person of the
 * units (with `--unit`: that unit and those below it) for whom the period holds, rated or not; the xlsx
 * adds one sheet per person in the Lampiran 4 layout.
 */
export async function runExportPenilaian(deps: ExportPenilaianDeps, argv: string[]): Promise<number> {
  const { db, io, now } = deps;
  const args = parsePeriodExportArgs("export-penilaian", argv, io);
  if (typeof args === "number") return args;
  const { periodCode } = args;
  const selected = await selectedUnits(db, "export-penilaian", args.unitCode, io);
  if (typeof selected === "number") return selected;
  const unitIds = selected ?? (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);

  const found = await evaluationExport(db, { periodCode, unitIds, now });
  if (!found.ok) {
    const where = args.unitCode ? `unit ${args.unitCode} or any unit below it` : "any unit";
    io.err.write(
      `export-penilaian: --periode ${periodCode}: no such period for ${where} ` +
        "(configured with the periode import, or a default <year>-TW1..TW4 / <year>-TAHUNAN)\n",
    );
    return 1;
  }
  const rows = found.rows;
  if (args.format === "csv") {
    await writeFile(
      args.out,
      stringify(rows.map(summaryRow), { header: true, columns: [...PENILAIAN_COLUMNS] }),
    );
  } else {
    await writeWorkbook(db, args.out, rows, deps.pola ?? loadPolaDistribusi());
  }
  io.out.write(`${rows.length} person(s) of period ${periodCode} written to ${args.out}\n`);
  return 0;
}

async function writeWorkbook(
  db: Db,
  out: string,
  rows: readonly EvaluationExportRow[],
  pola: PolaDistribusi,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = PENILAIAN_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === "nama" || key === "penilai_nama" || key === "jabatan" ? 28 : 20,
  }));
  for (const key of ["nip", "penilai_nip"]) summary.getColumn(key).numFmt = "@";
  summary.getRow(1).font = { bold: true };
  summary.addRows(rows.map(summaryRow));

  // One export reads each unit's calendar once.
  const calendars = createUnitCalendarCache(60 * 60 * 1000);
  for (const row of rows) {
    const person = { id: row.person.id, unitId: row.unit.id };
    const evidence = await periodEvidence(db, calendars, person, row.period, row.unit.timeZone);
    const feedback = await periodFeedback(db, row.person.id, row.period, row.unit.timeZone);
    const ratedAt = row.evaluation ? isoInZone(row.evaluation.ratedAt, row.unit.timeZone) : "";
    addLampiranSheet(workbook, { row, evidence, feedback, pola, ratedAt });
  }
  await workbook.xlsx.writeFile(out);
}
