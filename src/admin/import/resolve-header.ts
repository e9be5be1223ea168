/**
 * The header row of a table: which kind it holds (CSV: recognised from the set of columns; XLSX: the sheet
 * name) and where each column is. Column names are compared trimmed and case-insensitively; order is free.
 */
import { NO_COLUMN, type RowError, rowError } from "./format-error.ts";
import { IMPORT_KINDS, type ImportKind, KIND_COLUMNS } from "./kinds.ts";
import type { Table } from "./table.ts";

export interface ResolvedHeader {
  kind: ImportKind;
  /** Column name → cell index, for the known columns present in the header. */
  columns: Map<string, number>;
  /** Every required column is present, so the rows can be read. */
  complete: boolean;
}

export function resolveHeader(table: Table): { header?: ResolvedHeader; errors: RowError[] } {
  const names = table.header.map((name) => name.trim().toLowerCase());
  const at = (column: string, reason: string) => rowError(table.source, table.headerLine, column, reason);
  const kind = table.sheetKind ?? recogniseKind(names);
  if (kind === undefined) {
    const reason = `header tidak cocok dengan jenis berkas ${IMPORT_KINDS.join(", ")}; periksa nama kolom`;
    return { errors: [at(NO_COLUMN, reason)] };
  }
  const specs = KIND_COLUMNS[kind];
  const known = new Set(specs.map((spec) => spec.name));
  const columns = new Map<string, number>();
  const errors: RowError[] = [];
  names.forEach((name, index) => {
    if (name === "") return; // an untitled column: only its values are an error (see parse-rows.ts)
    if (!known.has(name)) {
      errors.push(at(name, `kolom tidak dikenal untuk ${kind} (kolom: ${[...known].join(", ")})`));
    } else if (columns.has(name)) {
      errors.push(at(name, "kolom muncul lebih dari sekali"));
    } else {
      columns.set(name, index);
    }
  });
  const missing = specs.filter((spec) => spec.required && !columns.has(spec.name));
  for (const spec of missing) errors.push(at(spec.name, "kolom wajib tidak ada di header"));
  return { header: { kind, columns, complete: missing.length === 0 }, errors };
}

/** The kind sharing the most columns with the header; none when two kinds tie or nothing matches. */
function recogniseKind(names: readonly string[]): ImportKind | undefined {
  const present = new Set(names);
  const scored = IMPORT_KINDS.map((kind) => ({
    kind,
    score: KIND_COLUMNS[kind].filter((spec) => present.has(spec.name)).length,
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best === undefined || best.score === 0 || (second !== undefined && second.score === best.score))
    return undefined;
  return best.kind;
}
