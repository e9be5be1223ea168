/** Import files read as tables of text cells with their line numbers; nothing here knows what columns mean. */
import type { RowError, SourceLocation } from "./format-error.ts";
import type { ImportKind } from "./kinds.ts";

export interface Cell {
  /** The value as text (trimmed by the row schemas, not here). XLSX dates become YYYY-MM-DD. */
  text: string;
  /** An XLSX number cell: digits beyond the 15th may already be lost. */
  numeric: boolean;
  /** Why the cell cannot be read (an XLSX error value such as #N/A). */
  error?: string;
}

export interface TableRow {
  /** 1-based line of the file (CSV) or row number of the sheet (XLSX). */
  line: number;
  cells: Cell[];
}

export interface Table {
  source: SourceLocation;
  /** The kind named by the XLSX sheet; CSV tables are recognised by their header. */
  sheetKind?: ImportKind;
  headerLine: number;
  header: string[];
  /** Data rows after the header; empty rows are already left out. */
  rows: TableRow[];
}

export interface ReadResult {
  tables: Table[];
  errors: RowError[];
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell.text.trim() === "" && cell.error === undefined);
}

/** "berkas tidak ditemukan" and friends, for a file that cannot be opened. */
export function unreadableReason(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") return "berkas tidak ditemukan";
  if (code === "EACCES" || code === "EPERM") return "berkas tidak dapat dibaca (izin akses ditolak)";
  if (code === "EISDIR") return "ini sebuah folder, bukan berkas";
  return `berkas tidak dapat dibaca (${error instanceof Error ? error.message : String(error)})`;
}
