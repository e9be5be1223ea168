/**
 * XLSX → one table per sheet. Sheets are named after the kind they hold (`unit`, `pegawai`, `skp`, `libur`,
 * `periode`, `capaian_organisasi`; case-insensitive); a sheet with another name is an error unless it is
 * empty. The header is the first non-empty row; line numbers are the worksheet's row numbers.
 */
import ExcelJS from "exceljs";
import { NO_COLUMN, type RowError, rowError, type SourceLocation } from "./format-error.ts";
import { IMPORT_KINDS, isImportKind } from "./kinds.ts";
import {
  type Cell,
  isEmptyRow,
  type ReadResult,
  type Table,
  type TableRow,
  unreadableReason,
} from "./table.ts";

export async function readXlsx(file: string, firstOrder: number): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
    const reason = code === undefined ? "bukan berkas XLSX yang valid" : unreadableReason(error);
    return { tables: [], errors: [rowError({ file, order: firstOrder }, 1, NO_COLUMN, reason)] };
  }
  const tables: Table[] = [];
  const errors: RowError[] = [];
  const seenKinds = new Map<string, string>();
  workbook.worksheets.forEach((worksheet, index) => {
    const source: SourceLocation = { file, sheet: worksheet.name, order: firstOrder + index };
    const rows = readRows(worksheet);
    const [header, ...data] = rows;
    if (header === undefined) return;
    const kind = worksheet.name.trim().toLowerCase();
    if (!isImportKind(kind)) {
      const reason = `nama sheet tidak dikenal; gunakan ${IMPORT_KINDS.join(", ")}`;
      errors.push(rowError(source, header.line, NO_COLUMN, reason));
      return;
    }
    const earlier = seenKinds.get(kind);
    if (earlier !== undefined) {
      errors.push(rowError(source, header.line, NO_COLUMN, `sheet ${kind} sudah ada (${earlier})`));
      return;
    }
    seenKinds.set(kind, worksheet.name);
    tables.push({
      source,
      sheetKind: kind,
      headerLine: header.line,
      header: header.cells.map((cell) => cell.text),
      rows: data,
    });
  });
  if (tables.length === 0 && errors.length === 0) {
    const reason = `tidak ada sheet berisi data; beri nama sheet ${IMPORT_KINDS.join(", ")}`;
    errors.push(rowError({ file, order: firstOrder }, 1, NO_COLUMN, reason));
  }
  return { tables, errors };
}

function readRows(worksheet: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    // row.values is 1-based and sparse: index 0 is unused, missing cells are holes.
    for (let index = 1; index < values.length; index++) cells.push(toCell(values[index]));
    if (!isEmptyRow(cells)) rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** A cell value as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { text: "", numeric: false };
  if (typeof value === "string") return { text: value, numeric: false };
  // 15 significant digits, as Excel shows them: 0.1 + 0.2 reads "0.3", not "0.30000000000000004".
  if (typeof value === "number") return { text: String(Number(value.toPrecision(15))), numeric: true };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", numeric: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: "", numeric: false, error: "tanggal tidak valid" };
    return { text: value.toISOString().slice(0, 10), numeric: false };
  }
  if ("error" in value) return { text: "", numeric: false, error: `sel berisi galat ${value.error}` };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join(""), numeric: false };
  if ("hyperlink" in value) return toCell(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return toCell(value.result);
  return { text: String(value), numeric: false };
}
