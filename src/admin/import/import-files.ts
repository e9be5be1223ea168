/**
 * `npm run admin -- import <file>...` (SPEC sections 3 and 12): CSV and XLSX files of units, people, SKPs,
 * holidays, evaluation periods and capaian kinerja organisasi, validated together and applied in one transaction. Any bad row rejects the whole import,
 * and every error is returned as `file:line: column: reason` (`file[sheet]:row: column: reason` for XLSX).
 * Upserts are idempotent: rows equal to what is stored are not written at all.
 */
import type { Db } from "../../db/client.ts";
import { applyImport } from "./apply.ts";
import { formatSummary, type ImportCounts } from "./counts.ts";
import { formatRowError, type RowError, sortRowErrors } from "./format-error.ts";
import { loadExisting } from "./load-existing.ts";
import { parseTables } from "./parse-rows.ts";
import { readTables } from "./read-table.ts";
import type { Table } from "./table.ts";
import { validateImport } from "./validate.ts";

export interface ImportOptions {
  /** The instant of the import: supervisor changes take effect on its local date in each person's unit zone. */
  now: Date;
}

export type ImportResult =
  | { ok: true; summary: string; counts: ImportCounts }
  | { ok: false; errors: string[] };

/** Room in the error order for the sheets of one workbook (`order` = file index × step + sheet index). */
const ORDER_STEP = 1_000;

export async function importFiles(
  db: Db,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportResult> {
  const tables: Table[] = [];
  const readErrors: RowError[] = [];
  for (const [index, path] of paths.entries()) {
    const read = await readTables(path, index * ORDER_STEP);
    tables.push(...read.tables);
    readErrors.push(...read.errors);
  }
  const parsed = parseTables(tables);
  const rejected = (errors: readonly RowError[]): ImportResult => ({
    ok: false,
    errors: sortRowErrors(errors).map(formatRowError),
  });

  return db.$transaction(
    async (tx) => {
      const existing = await loadExisting(tx, parsed.rows);
      const errors = [...readErrors, ...parsed.errors, ...validateImport(parsed, existing)];
      if (errors.length > 0) return rejected(errors);
      const counts = await applyImport(tx, parsed.rows, existing, options.now);
      return { ok: true, summary: formatSummary(counts, paths.length), counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
