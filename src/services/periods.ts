import { defaultPeriods, type Period } from "../domain/periods.ts";
import type { OrganisationResult } from "../domain/pola-distribusi.ts";
import { type Tx, toLocalDate } from "./db-types.ts";
import { unitAncestry } from "./unit-rules.ts";

interface PeriodRow {
  code: string;
  name: string;
  kind: Period["kind"];
  startDate: Date;
  endDate: Date;
  ratingDeadline: Date;
  scope: string;
}

const toPeriod = (row: PeriodRow): Period => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  startDate: toLocalDate(row.startDate),
  endDate: toLocalDate(row.endDate),
  ratingDeadline: toLocalDate(row.ratingDeadline),
});

/**
 * The periods that hold for a unit (SPEC section 12): those configured for every unit or for the unit or
 * any unit above it (the nearest wins when one code is set at several levels). A unit with none
 * configured at any level uses the default triwulan I–IV and tahunan periods of `years`.
 * Sorted by start, then end.
 */
export async function periodsForUnit(tx: Tx, unitId: string, years: readonly number[]): Promise<Period[]> {
  const ancestry = await unitAncestry(tx, unitId);
  const rows = await tx.evaluationPeriod.findMany({
    where: { scope: { in: [...ancestry, "*"] } },
    select: {
      code: true,
      name: true,
      kind: true,
      startDate: true,
      endDate: true,
      ratingDeadline: true,
      scope: true,
    },
  });
  if (rows.length === 0) return [...new Set(years)].sort().flatMap(defaultPeriods);
  const depth = (scope: string) => (scope === "*" ? ancestry.length : ancestry.indexOf(scope));
  const nearest = new Map<string, PeriodRow>();
  for (const row of rows) {
    const known = nearest.get(row.code);
    if (!known || depth(row.scope) < depth(known.scope)) nearest.set(row.code, row);
  }
  return [...nearest.values()]
    .map(toPeriod)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate));
}

/** The years whose default periods matter on `today`: this one and the last (its annual rating runs into January). */
export const yearsAround = (today: string): number[] => {
  const year = Number(today.slice(0, 4));
  return [year - 1, year];
};

/** One period of a unit by code, or null when it does not hold for that unit. */
export async function periodOfUnit(tx: Tx, unitId: string, code: string): Promise<Period | null> {
  const year = Number(/^(\d{4})-/.exec(code)?.[1] ?? Number.NaN);
  const years = Number.isInteger(year) ? [year] : [];
  const periods = await periodsForUnit(tx, unitId, years);
  return periods.find((p) => p.code === code) ?? null;
}

/** The unit's capaian kinerja organisasi for a period: its own row, else the nearest unit above that has one. */
export async function organisationResultFor(
  tx: Tx,
  unitId: string,
  periodCode: string,
): Promise<{ result: OrganisationResult; unitId: string } | null> {
  const ancestry = await unitAncestry(tx, unitId);
  const rows = await tx.organisationAchievement.findMany({
    where: { periodCode, unitId: { in: ancestry } },
    select: { unitId: true, result: true },
  });
  for (const id of ancestry) {
    const row = rows.find((r) => r.unitId === id);
    if (row) return { result: row.result, unitId: row.unitId };
  }
  return null;
}
