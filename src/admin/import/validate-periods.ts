/**
 * References of the evaluation-cycle kinds (SPEC section 12): a period's unit, and a capaian row's unit
 * and period. A capaian row names a period that holds for its unit after the import: one configured for
 * the unit, a unit above it or every unit (by rows of the import or stored ones), or, while none is
 * configured at any of those levels, one of the default codes `<tahun>-TW1`…`TW4` and `<tahun>-TAHUNAN`
 * (the same rule as `periodsForUnit`).
 */
import { ALL_UNITS_SCOPE as EVERY_UNIT } from "./apply-holidays.ts";
import type { Existing } from "./load-existing.ts";
import type { ParsedImport } from "./parse-rows.ts";
import { ancestryCodes, parentCodesAfterImport } from "./unit-parents.ts";
import type { Fail } from "./validate.ts";

/** Codes named in a "yang berlaku" list before it is cut short. */
const LISTED_CODES = 8;

const DEFAULT_CODE = /^(\d{4})-(TW[1-4]|TAHUNAN)$/;

/** `2026-TW3`, `2026-TAHUNAN`: a code of the default periods (years 2000–2100, as SKP years). */
export function isDefaultPeriodCode(code: string): boolean {
  const year = Number(DEFAULT_CODE.exec(code)?.[1] ?? Number.NaN);
  return year >= 2000 && year <= 2100;
}

export function checkPeriodReferences(
  parsed: ParsedImport,
  existing: Existing,
  check: { knownUnit(code: string): boolean; unitNotFound(code: string): string; fail: Fail },
): void {
  const { rows, declared } = parsed;
  const { knownUnit, unitNotFound, fail } = check;
  for (const row of rows.periode) {
    const { unitCode } = row.record;
    if (unitCode !== null && !knownUnit(unitCode)) fail(row, "unit_kode", unitNotFound(unitCode));
  }
  if (rows.capaian_organisasi.length === 0) return;

  // Period codes by scope (a unit code, or "*"), after the import.
  const codesByScope = new Map<string, Set<string>>();
  const add = (scope: string, code: string) => {
    const codes = codesByScope.get(scope) ?? new Set<string>();
    codes.add(code);
    codesByScope.set(scope, codes);
  };
  for (const period of existing.periods) {
    const scope = period.unitId === null ? EVERY_UNIT : existing.unitsById.get(period.unitId)?.code;
    if (scope !== undefined) add(scope, period.code);
  }
  for (const { record } of rows.periode) add(record.unitCode ?? EVERY_UNIT, record.code);

  const parentOf = parentCodesAfterImport(rows.unit, existing);
  for (const row of rows.capaian_organisasi) {
    const { unitCode, periodCode } = row.record;
    if (!knownUnit(unitCode)) {
      fail(row, "unit_kode", unitNotFound(unitCode));
      continue;
    }
    // A unit whose own row has errors: its place in the tree is unknown, so its periods are too.
    if (!parentOf.has(unitCode)) continue;
    const configured = new Set<string>();
    for (const scope of [...ancestryCodes(unitCode, parentOf), EVERY_UNIT]) {
      for (const code of codesByScope.get(scope) ?? []) configured.add(code);
    }
    const holds = configured.size > 0 ? configured.has(periodCode) : isDefaultPeriodCode(periodCode);
    if (holds || declared.failedPeriodCodes.has(periodCode)) continue;
    fail(row, "periode_kode", notHolding(periodCode, unitCode, configured));
  }
}

function notHolding(code: string, unitCode: string, configured: ReadonlySet<string>): string {
  const head = `periode ${code} tidak berlaku untuk unit ${unitCode}`;
  if (configured.size === 0) {
    return `${head}; unit ini memakai periode bawaan <tahun>-TW1 s.d. <tahun>-TW4 dan <tahun>-TAHUNAN, mis. 2026-TW1`;
  }
  const codes = [...configured].sort();
  const listed = codes.slice(0, LISTED_CODES).join(", ");
  return `${head}; yang berlaku: ${listed}${codes.length > LISTED_CODES ? ", …" : ""}`;
}
