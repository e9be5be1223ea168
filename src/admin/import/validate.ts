/**
 * Checks across rows, files and the database (duplicate keys are found in parse-rows.ts): references
 * (units, supervisors, SKP owners, periods) that may point to rows earlier or later in the import or to
 * existing data, unit tree cycles, people supervising themselves, RHK rows that disagree, and Slack user
 * ids held by two people.
 */
import { type RowError, rowError, rowReference } from "./format-error.ts";
import type { ImportKind } from "./kinds.ts";
import type { Existing } from "./load-existing.ts";
import type { ParsedImport, ParsedRow } from "./parse-rows.ts";
import { parentCodesAfterImport } from "./unit-parents.ts";
import { checkPeriodReferences } from "./validate-periods.ts";

export function validateImport(parsed: ParsedImport, existing: Existing): RowError[] {
  const { rows, declared } = parsed;
  const errors: RowError[] = [];
  const fail = (row: ParsedRow<ImportKind>, column: string, reason: string) =>
    errors.push(rowError(row.source, row.line, column, reason));

  const knownUnit = (code: string) => declared.unitCodes.has(code) || existing.unitsByCode.has(code);
  const knownPerson = (nip: string) => declared.nips.has(nip) || existing.peopleByNip.has(nip);
  const unitNotFound = (code: string) => `tidak ada unit dengan kode ${code} di berkas maupun database`;
  const personNotFound = (nip: string) => `tidak ada pegawai dengan NIP ${nip} di berkas maupun database`;

  for (const row of rows.unit) {
    const { code, parentCode } = row.record;
    if (parentCode === code) fail(row, "induk_kode", "unit tidak boleh menjadi induknya sendiri");
    else if (parentCode && !knownUnit(parentCode)) fail(row, "induk_kode", unitNotFound(parentCode));
  }
  for (const { row, path } of findUnitCycles(rows.unit, existing)) {
    fail(row, "induk_kode", `membentuk siklus: ${path.join(" → ")}`);
  }

  for (const row of rows.pegawai) {
    const { nip, unitCode, supervisorNip } = row.record;
    if (!knownUnit(unitCode)) fail(row, "unit_kode", unitNotFound(unitCode));
    if (supervisorNip === nip) fail(row, "atasan_nip", "pegawai tidak dapat menjadi atasannya sendiri");
    else if (supervisorNip && !knownPerson(supervisorNip))
      fail(row, "atasan_nip", personNotFound(supervisorNip));
  }
  checkSlackUserIds(rows.pegawai, existing, fail);

  const rhkByKey = new Map<string, ParsedRow<"skp">>();
  for (const row of rows.skp) {
    const { nip, year, rhkCode, rhkDescription, rhkKind } = row.record;
    if (!knownPerson(nip)) fail(row, "nip", personNotFound(nip));
    const key = `${nip}|${year}|${rhkCode}`;
    const first = rhkByKey.get(key);
    if (first === undefined) {
      rhkByKey.set(key, row);
      continue;
    }
    const where = rowReference(row.source, first.source, first.line);
    if (first.record.rhkDescription !== rhkDescription) {
      fail(row, "rencana_hasil_kerja", `berbeda dari ${where} untuk kode_rhk yang sama`);
    }
    if (first.record.rhkKind !== rhkKind)
      fail(row, "jenis", `berbeda dari ${where} untuk kode_rhk yang sama`);
  }

  for (const row of rows.libur) {
    const { unitCode } = row.record;
    if (unitCode !== null && !knownUnit(unitCode)) fail(row, "unit_kode", unitNotFound(unitCode));
  }

  checkPeriodReferences(parsed, existing, { knownUnit, unitNotFound, fail });
  return errors;
}

export type Fail = (row: ParsedRow<ImportKind>, column: string, reason: string) => void;

/** Imported units whose chain of parents (after the import) comes back to them. */
function findUnitCycles(
  rows: readonly ParsedRow<"unit">[],
  existing: Existing,
): { row: ParsedRow<"unit">; path: string[] }[] {
  const parentOf = parentCodesAfterImport(rows, existing);
  const cycles: { row: ParsedRow<"unit">; path: string[] }[] = [];
  for (const row of rows) {
    const start = row.record.code;
    const path = [start];
    const seen = new Set(path);
    let current = parentOf.get(start) ?? null;
    while (current !== null && current !== start && !seen.has(current)) {
      path.push(current);
      seen.add(current);
      current = parentOf.get(current) ?? null;
    }
    // A unit that is its own parent is reported on its own; a loop further up is reported by its members.
    if (current === start && path.length > 1) cycles.push({ row, path: [...path, start] });
  }
  return cycles;
}

/** After the import, one Slack user id must belong to one person. */
function checkSlackUserIds(rows: readonly ParsedRow<"pegawai">[], existing: Existing, fail: Fail): void {
  const importedNips = new Set(
    rows.filter((r) => r.record.slackUserId !== undefined).map((r) => r.record.nip),
  );
  const owner = new Map<string, { nip: string; row?: ParsedRow<"pegawai"> }>();
  for (const [slackUserId, nip] of existing.nipBySlackUserId) {
    if (!importedNips.has(nip)) owner.set(slackUserId, { nip });
  }
  for (const row of rows) {
    const { nip, slackUserId } = row.record;
    if (!slackUserId) continue;
    const holder = owner.get(slackUserId);
    if (holder === undefined) {
      owner.set(slackUserId, { nip, row });
    } else if (holder.nip !== nip) {
      const where = holder.row
        ? rowReference(row.source, holder.row.source, holder.row.line)
        : `database (NIP ${holder.nip})`;
      fail(row, "slack_user_id", `ID Slack ini sudah dipakai pegawai lain di ${where}`);
    }
  }
}
