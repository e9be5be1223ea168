/**
 * The demo organisation's evaluation period (issue 12): a monthly period that ended yesterday in WIB, with
 * capaian kinerja organisasi `baik`, so the story on /simulator goes on to the periodic evaluation on
 * whatever day it is tried. It is written as `periode` and `capaian_organisasi` CSV files and applied by
 * the admin import, like the demo's other files (`prisma/seed/demo/`).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { localDate } from "../domain/time-zone.ts";
import { type ImportResult, importFiles } from "./import/import-files.ts";

/** The demo organisation's top unit: a period and a capaian configured for it hold for every demo unit. */
export const DEMO_TOP_UNIT = "PEMKOT-BDG";
/** Every demo unit is in WIB (prisma/seed/demo/unit.csv). */
export const DEMO_TIME_ZONE = "Asia/Jakarta";
/** The capaian of the demo period: pola distribusi "baik", hasil kerja SESUAI for the unit heads. */
export const DEMO_CAPAIAN = "baik";

export interface DemoPeriod {
  /** `DEMO-<selesai as YYYYMMDD>` */
  code: string;
  /** "Periode demo 24 Okt – 23 Nov 2026" */
  name: string;
  /** mulai: the day after the same date a month before `endDate` */
  startDate: string;
  /** selesai: yesterday in WIB */
  endDate: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

const day = (date: DateTime, withYear: boolean) =>
  `${date.day} ${MONTHS[date.month - 1]}${withYear ? ` ${date.year}` : ""}`;

/** The demo period on `now`: a month ending yesterday in WIB (31 Mar for 1 Apr; 1 Mar – 31 Mar then). */
export function demoPeriodFor(now: Date): DemoPeriod {
  const today = DateTime.fromISO(localDate(DEMO_TIME_ZONE, now), { zone: "UTC" });
  const end = today.minus({ days: 1 });
  // Luxon keeps a month end a month end: 31 Mar minus a month is 28 Feb, so the period is 1–31 Mar.
  const start = end.minus({ months: 1 }).plus({ days: 1 });
  const sameYear = start.year === end.year;
  return {
    code: `DEMO-${end.toFormat("yyyyMMdd")}`,
    name: `Periode demo ${day(start, !sameYear)} – ${day(end, true)}`,
    startDate: start.toISODate() ?? "",
    endDate: end.toISODate() ?? "",
  };
}

/** The import files' contents: the period for the demo's top unit (deadline empty: selesai + 14 days) and its capaian. */
export function demoPeriodCsv(period: DemoPeriod): { periode: string; capaian: string } {
  return {
    periode: stringify([
      ["kode", "nama", "jenis", "mulai", "selesai", "batas_penilaian", "unit_kode"],
      [period.code, period.name, "bulanan", period.startDate, period.endDate, "", DEMO_TOP_UNIT],
    ]),
    capaian: stringify([
      ["unit_kode", "periode_kode", "capaian"],
      [DEMO_TOP_UNIT, period.code, DEMO_CAPAIAN],
    ]),
  };
}

/** Writes the period's import files into a temporary directory for `use`, removed afterwards. */
export async function withDemoPeriodFiles<T>(
  period: DemoPeriod,
  use: (files: string[]) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "kinerja-demo-periode-"));
  try {
    const csv = demoPeriodCsv(period);
    const files = [join(dir, "periode-demo.csv"), join(dir, "capaian-organisasi-demo.csv")];
    await writeFile(files[0] as string, csv.periode);
    await writeFile(files[1] as string, csv.capaian);
    return await use(files);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Imports the demo period of `now` (and its capaian), with `alongWith` files in the same import: all or
 * nothing, and nothing changes when the same day's period is there already.
 */
export async function importDemoPeriod(
  db: Db,
  now: Date,
  alongWith: readonly string[] = [],
): Promise<{ period: DemoPeriod; result: ImportResult }> {
  const period = demoPeriodFor(now);
  const result = await withDemoPeriodFiles(period, (files) =>
    importFiles(db, [...alongWith, ...files], { now }),
  );
  return { period, result };
}
