/** Reads one import file by its extension: a CSV file is one table, an XLSX workbook one table per sheet. */
import { extname } from "node:path";
import { NO_COLUMN, rowError } from "./format-error.ts";
import { readCsv } from "./read-csv.ts";
import { readXlsx } from "./read-xlsx.ts";
import type { ReadResult } from "./table.ts";

/** The tables of one file get `order` positions from `firstOrder` on (one per XLSX sheet). */
export async function readTables(file: string, firstOrder: number): Promise<ReadResult> {
  const extension = extname(file).toLowerCase();
  if (extension === ".csv") return readCsv(file, firstOrder);
  if (extension === ".xlsx") return readXlsx(file, firstOrder);
  const reason = "jenis berkas tidak dikenal; gunakan .csv atau .xlsx";
  return { tables: [], errors: [rowError({ file, order: firstOrder }, 1, NO_COLUMN, reason)] };
}
