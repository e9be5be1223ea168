/**
 * Tables → typed rows of each kind, with every cell-level error and every duplicate key. Rows that fail
 * are left out, but the key they declare (a unit's kode, a person's NIP, a period's kode) is remembered so
 * that rows referring to them are not reported a second time as "not found".
 */
import { NO_COLUMN, type RowError, rowError, rowReference, type SourceLocation } from "./format-error.ts";
import { type ImportKind, NIP_COLUMNS } from "./kinds.ts";
import { KIND_KEYS, naturalKey } from "./natural-key.ts";
import { type ResolvedHeader, resolveHeader } from "./resolve-header.ts";
import { type KindRecord, ROW_SCHEMAS } from "./row-schemas.ts";
import type { Table, TableRow } from "./table.ts";

export interface ParsedRow<K extends ImportKind> {
  source: SourceLocation;
  line: number;
  record: KindRecord[K];
}

export type ParsedRows = { [K in ImportKind]: ParsedRow<K>[] };

export interface ParsedImport {
  rows: ParsedRows;
  /**
   * Unit codes and NIPs declared by rows of the import, including rows with errors; period codes of
   * `periode` rows with errors (whose unit scope is then unknown).
   */
  declared: { unitCodes: Set<string>; nips: Set<string>; failedPeriodCodes: Set<string> };
  errors: RowError[];
}

const NUMERIC_NIP_REASON =
  "sel NIP berupa angka sehingga digit terakhir bisa hilang; format kolom sebagai Teks lalu ketik ulang NIP";

/** Where each natural key was first seen, per kind. */
type SeenKeys = Map<string, { source: SourceLocation; line: number }>;

export function parseTables(tables: readonly Table[]): ParsedImport {
  const parsed: ParsedImport = {
    rows: { unit: [], pegawai: [], skp: [], libur: [], periode: [], capaian_organisasi: [], pelatihan: [] },
    declared: { unitCodes: new Set(), nips: new Set(), failedPeriodCodes: new Set() },
    errors: [],
  };
  const seen: SeenKeys = new Map();
  for (const table of tables) {
    const { header, errors } = resolveHeader(table);
    parsed.errors.push(...errors);
    if (header === undefined || !header.complete) continue;
    for (const row of table.rows) {
      const result = parseRow(table, header, row, seen);
      if (result.key !== undefined && header.kind === "unit") parsed.declared.unitCodes.add(result.key);
      if (result.key !== undefined && header.kind === "pegawai") parsed.declared.nips.add(result.key);
      const periodCode = header.kind === "periode" ? result.input.kode?.trim() : undefined;
      if (periodCode && result.errors.length > 0) parsed.declared.failedPeriodCodes.add(periodCode);
      if (result.errors.length > 0) parsed.errors.push(...result.errors);
      else if (result.record !== undefined) {
        (parsed.rows[header.kind] as ParsedRow<ImportKind>[]).push({
          source: table.source,
          line: row.line,
          record: result.record,
        });
      }
    }
  }
  return parsed;
}

interface RowResult {
  /** The row's cells by column name */
  input: Record<string, string>;
  key?: string;
  record?: KindRecord[ImportKind];
  /** In column order, row-wide errors first. */
  errors: RowError[];
}

function parseRow(table: Table, header: ResolvedHeader, row: TableRow, seen: SeenKeys): RowResult {
  const problems: { index: number; column: string; reason: string }[] = [];
  row.cells.forEach((cell, index) => {
    const untitled = (table.header[index] ?? "").trim() === "";
    if (untitled && (cell.text.trim() !== "" || cell.error !== undefined)) {
      problems.push({
        index: -1,
        column: NO_COLUMN,
        reason: `ada nilai di kolom ke-${index + 1} yang tidak berjudul`,
      });
    }
  });

  const input: Record<string, string> = {};
  const unreadable = new Set<string>();
  for (const [column, index] of header.columns) {
    const cell = row.cells[index];
    input[column] = cell?.text ?? "";
    const reason = cell?.error ?? (cell?.numeric && NIP_COLUMNS.has(column) ? NUMERIC_NIP_REASON : undefined);
    if (reason === undefined) continue;
    problems.push({ index, column, reason });
    unreadable.add(column);
  }

  const result = ROW_SCHEMAS[header.kind].safeParse(input);
  for (const issue of result.error?.issues ?? []) {
    const column = typeof issue.path[0] === "string" ? issue.path[0] : NO_COLUMN;
    if (unreadable.has(column)) continue;
    const reason = issue.code === "invalid_type" ? "wajib diisi" : issue.message;
    problems.push({ index: header.columns.get(column) ?? -1, column, reason });
  }

  const key = naturalKey(header.kind, input);
  if (key !== undefined) {
    const first = seen.get(`${header.kind}|${key}`);
    const { reportColumn, description } = KIND_KEYS[header.kind];
    if (first === undefined) {
      seen.set(`${header.kind}|${key}`, { source: table.source, line: row.line });
    } else {
      const where = rowReference(table.source, first.source, first.line);
      problems.push({
        index: header.columns.get(reportColumn) ?? -1,
        column: reportColumn,
        reason: `duplikat: ${description} sudah ada di ${where}`,
      });
    }
  }

  const errors = problems
    .map((problem, order) => ({ ...problem, order }))
    .sort((a, b) => a.index - b.index || a.order - b.order)
    .map((problem) => rowError(table.source, row.line, problem.column, problem.reason));
  return { input, key, record: result.success ? result.data : undefined, errors };
}
