/**
 * CSV → table. The delimiter is taken from the header line (`,`, `;` as Excel writes it in Indonesian
 * locale, or tab); the encoding is UTF-8 (with or without BOM), else Windows-1252 as older Excel writes it.
 */
import { readFile } from "node:fs/promises";
import { CsvError, parse } from "csv-parse/sync";
import { NO_COLUMN, rowError, type SourceLocation } from "./format-error.ts";
import { isEmptyRow, type ReadResult, type TableRow, unreadableReason } from "./table.ts";

export async function readCsv(file: string, order: number): Promise<ReadResult> {
  const source: SourceLocation = { file, order };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { tables: [], errors: [rowError(source, 1, NO_COLUMN, unreadableReason(error))] };
  }
  const text = decode(bytes).replace(/^\uFEFF/, "");
  let records: { info: { lines: number }; record: string[] }[];
  try {
    // With `info: true` each record comes as { info, record }; the typings do not model that option.
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" && error.lines > 0 ? error.lines : 1;
    return { tables: [], errors: [rowError(source, line, NO_COLUMN, csvErrorReason(error))] };
  }

  // `info.lines` is the line a record ends on; a record starts right after the previous one
  // (blank lines are records too while skip_empty_lines is off, so every line is counted).
  const rows: TableRow[] = [];
  let previousEnd = 0;
  for (const { info, record } of records) {
    const cells = record.map((value) => ({ text: value, numeric: false }));
    if (!isEmptyRow(cells)) rows.push({ line: previousEnd + 1, cells });
    previousEnd = info.lines;
  }
  const [header, ...data] = rows;
  if (header === undefined) {
    return {
      tables: [],
      errors: [rowError(source, 1, NO_COLUMN, "berkas kosong; baris pertama harus header kolom")],
    };
  }
  return {
    tables: [{ source, headerLine: header.line, header: header.cells.map((cell) => cell.text), rows: data }],
    errors: [],
  };
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The most frequent of `,`, `;` and tab in the first non-blank line; `,` when none occurs. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t"]) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function csvErrorReason(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'tanda kutip (") dibuka tetapi tidak ditutup';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'tanda kutip penutup (") harus langsung diikuti pemisah kolom atau akhir baris';
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'ada karakter setelah tanda kutip penutup (")';
    case "INVALID_OPENING_QUOTE":
      return 'tanda kutip (") di tengah nilai; apit seluruh nilai dengan tanda kutip';
    default:
      return `format CSV tidak valid (${error.code})`;
  }
}
