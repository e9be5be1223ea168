/** The unit tree as it will be after an import, by unit code: stored units overlaid with imported ones. */
import type { Existing } from "./load-existing.ts";
import type { ParsedRow } from "./parse-rows.ts";

/** Unit code → its parent's code (null at a root), for every stored and imported unit. */
export function parentCodesAfterImport(
  rows: readonly ParsedRow<"unit">[],
  existing: Existing,
): Map<string, string | null> {
  const parentOf = new Map<string, string | null>();
  for (const unit of existing.unitsByCode.values()) {
    parentOf.set(
      unit.code,
      unit.parentId === null ? null : (existing.unitsById.get(unit.parentId)?.code ?? null),
    );
  }
  for (const { record } of rows) {
    if (record.parentCode !== undefined) parentOf.set(record.code, record.parentCode);
    else if (!parentOf.has(record.code)) parentOf.set(record.code, null);
  }
  return parentOf;
}

/** The unit's code, then its parent's, up to the root (stops at a cycle, which is reported elsewhere). */
export function ancestryCodes(code: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = code; at != null && !chain.includes(at); at = parentOf.get(at)) {
    chain.push(at);
  }
  return chain;
}
