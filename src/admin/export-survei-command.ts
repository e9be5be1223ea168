import { writeFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Db } from "../db/client.ts";
import type { IkmResult } from "../domain/ikm.ts";
import type { Period } from "../domain/periods.ts";
import { fromLocalDate, toLocalDate } from "../services/db-types.ts";
import { periodOfUnit } from "../services/periods.ts";
import { unitSurveyRecap } from "../services/survey-results.ts";
import type { AdminIo } from "./io.ts";
import { parsePeriodExportArgs, selectedUnits } from "./period-export-args.ts";

/** SPEC section 13 (contract): a unit row, then one row per served staff member with nip,nama in its place. */
export const SURVEI_COLUMNS = [
  "unit_kode",
  "unit",
  "periode",
  "responden",
  "u1",
  "u2",
  "u3",
  "u4",
  "u5",
  "u6",
  "u7",
  "u8",
  "u9",
  "ikm",
  "mutu",
] as const;
export const RECAP_SHEET = "skm";
export const COMMENTS_SHEET = "saran";

type Cell = string | number;
type RecapRow = Record<(typeof SURVEI_COLUMNS)[number], Cell>;

export interface ExportSurveiDeps {
  db: Db;
  io: AdminIo;
}

function recapRow(
  key: string,
  name: string,
  period: string,
  result: IkmResult | null,
  csv: boolean,
): RecapRow {
  const number = (value: number | undefined): Cell =>
    value === undefined ? "" : csv ? value.toFixed(2) : value;
  const means = result?.unsurMeans ?? [];
  return {
    unit_kode: key,
    unit: name,
    periode: period,
    responden: result?.responses ?? 0,
    u1: number(means[0]),
    u2: number(means[1]),
    u3: number(means[2]),
    u4: number(means[3]),
    u5: number(means[4]),
    u6: number(means[5]),
    u7: number(means[6]),
    u8: number(means[7]),
    u9: number(means[8]),
    ikm: number(result?.ikm),
    mutu: result?.mutu ?? "",
  };
}

interface UnitRecap {
  unit: { id: string; code: string; name: string };
  period: Period;
  rows: { key: string; name: string; result: IkmResult | null }[];
}

/**
 * `export-survei --periode KODE [--unit KODE] --format csv|xlsx --out FILE`: the SKM recap of the period for every
 * unit that runs a survey or was answered in it (with `--unit`: that unit and those below it), by unit code; each
 * unit's row is followed by its served staff (by name). The xlsx adds the comments of the period on a second sheet.
 */
export async function runExportSurvei(deps: ExportSurveiDeps, argv: string[]): Promise<number> {
  const { db, io } = deps;
  const args = parsePeriodExportArgs("export-survei", argv, io);
  if (typeof args === "number") return args;
  const { periodCode } = args;
  const unitIds = await selectedUnits(db, "export-survei", args.unitCode, io);
  if (typeof unitIds === "number") return unitIds;
  const units = await db.unit.findMany({
    where: unitIds ? { id: { in: unitIds } } : {},
    select: { id: true, code: true, name: true, surveyToken: true },
    orderBy: { code: "asc" },
  });
  const recaps: UnitRecap[] = [];
  let periodHolds = false;
  for (const unit of units) {
    const period = await periodOfUnit(db, unit.id, periodCode);
    if (!period) continue;
    periodHolds = true;
    const recap = await unitSurveyRecap(db, unit.id, period);
    if (!unit.surveyToken && !recap.unit) continue;
    recaps.push({
      unit,
      period,
      rows: [
        { key: unit.code, name: unit.name, result: recap.unit },
        ...recap.served.map((s) => ({ key: s.nip, name: s.name, result: s.result })),
      ],
    });
  }
  if (!periodHolds) {
    const where = args.unitCode ? `unit ${args.unitCode} or any unit below it` : "any unit";
    io.err.write(
      `export-survei: --periode ${periodCode}: no such period for ${where} ` +
        "(configured with the periode import, or a default <year>-TW1..TW4 / <year>-TAHUNAN)\n",
    );
    return 1;
  }
  const csv = args.format === "csv";
  const rows = recaps.flatMap((r) =>
    r.rows.map((row) => recapRow(row.key, row.name, periodCode, row.result, csv)),
  );
  if (csv) {
    await writeFile(args.out, stringify(rows, { header: true, columns: [...SURVEI_COLUMNS] }));
  } else {
    await writeWorkbook(db, args.out, rows, recaps);
  }
  io.out.write(`${recaps.length} unit(s) of period ${periodCode} written to ${args.out}\n`);
  return 0;
}

async function writeWorkbook(db: Db, out: string, rows: RecapRow[], recaps: UnitRecap[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(RECAP_SHEET);
  sheet.columns = SURVEI_COLUMNS.map((key) => ({ header: key, key, width: key === "unit" ? 36 : 12 }));
  sheet.getColumn("unit_kode").numFmt = "@";
  for (const key of [...SURVEI_COLUMNS.slice(4, 14)]) sheet.getColumn(key).numFmt = "0.00";
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  const comments = workbook.addWorksheet(COMMENTS_SHEET);
  comments.columns = [
    { header: "unit_kode", key: "unit_kode", width: 18 },
    { header: "tanggal", key: "tanggal", width: 12 },
    { header: "saran", key: "saran", width: 80 },
  ];
  comments.getRow(1).font = { bold: true };
  for (const recap of recaps) {
    const answers = await db.surveyResponse.findMany({
      where: {
        unitId: recap.unit.id,
        comment: { not: null },
        localDate: { gte: fromLocalDate(recap.period.startDate), lte: fromLocalDate(recap.period.endDate) },
      },
      select: { localDate: true, comment: true },
      orderBy: [{ localDate: "asc" }, { comment: "asc" }],
    });
    comments.addRows(
      answers.map((a) => ({
        unit_kode: recap.unit.code,
        tanggal: toLocalDate(a.localDate),
        saran: a.comment,
      })),
    );
  }
  await workbook.xlsx.writeFile(out);
}
