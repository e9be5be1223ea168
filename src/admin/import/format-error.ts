/**
 * Row-level import errors and their one-line form (SPEC section 3):
 *   CSV:  `file:line: column: reason`          e.g. `pegawai.csv:4: nip: NIP harus 18 digit angka`
 *   XLSX: `file[sheet]:row: column: reason`    e.g. `data.xlsx[pegawai]:4: nip: NIP harus 18 digit angka`
 * `file` is the path as given, `line` is 1-based (the header is line 1; for XLSX the worksheet row number).
 * An error that concerns no single column (a whole row, the file itself) uses `-` as the column.
 */

/** Where rows come from: a CSV file, or one sheet of an XLSX workbook. */
export interface SourceLocation {
  file: string;
  sheet?: string;
  /** Position of this source in the import, used to keep errors in file order. */
  order: number;
}

export interface RowError {
  source: SourceLocation;
  line: number;
  column: string;
  reason: string;
}

/** The column of an error that concerns the whole row or file. */
export const NO_COLUMN = "-";

export function rowError(source: SourceLocation, line: number, column: string, reason: string): RowError {
  return { source, line, column, reason };
}

/** "pegawai.csv" or "data.xlsx[pegawai]": how a source is named in messages. */
export function sourceLabel(source: SourceLocation): string {
  return source.sheet === undefined ? source.file : `${source.file}[${source.sheet}]`;
}

export function formatRowError(error: RowError): string {
  return `${sourceLabel(error.source)}:${error.line}: ${error.column}: ${error.reason}`;
}

/** Errors in file order, then line order; errors of one line keep the order they were found in. */
export function sortRowErrors(errors: readonly RowError[]): RowError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        a.error.source.order - b.error.source.order || a.error.line - b.error.line || a.index - b.index,
    )
    .map(({ error }) => error);
}

/** How a row elsewhere in the import is referred to from an error: "baris 7" or "unit.csv:7". */
export function rowReference(from: SourceLocation, to: SourceLocation, line: number): string {
  return from.order === to.order ? `baris ${line}` : `${sourceLabel(to)}:${line}`;
}
