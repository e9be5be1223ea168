import { type IkmResult, ikmFromSums, type Mutu } from "../domain/ikm.ts";
import type { Period } from "../domain/periods.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

/**
 * What the citizens' survey says (SPEC section 13), read for the team board, the evaluation evidence and the
 * SKM recap. A period is read by its dates: the answers whose day (in the unit's zone) falls within it.
 */
export type PeriodDates = Pick<Period, "startDate" | "endDate">;

export interface UnitIkm {
  responses: number;
  /** 25–100, two decimals */
  ikm: number;
  mutu: Mutu;
  /** Each unsur's mean (1–4, two decimals), in the order of UNSUR */
  unsurMeans: number[];
}

/**
 * A served-citizen average is shown to the staff member and their supervisor only from this many answers: with
 * fewer, a desk card handed to one citizen would tell who answered what. (The HR recap shows every count.)
 */
export const MIN_SERVED_SHOWN = 3;

export interface ServedAverage {
  responses: number;
  /** The mean score over the nine unsur of the answers naming the person (1–4, two decimals) */
  mean: number;
  /** The same on the IKM scale (25–100, two decimals) and its mutu */
  ikm: number;
  mutu: Mutu;
  unsurMeans: number[];
}

interface SumsRow {
  key: string;
  n: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
}

const resultOf = (row: SumsRow): IkmResult | null =>
  ikmFromSums([row.s1, row.s2, row.s3, row.s4, row.s5, row.s6, row.s7, row.s8, row.s9], row.n);

/** The unit's IKM for a period (its own survey's answers), or null when nobody answered in it. */
export async function unitIkm(tx: Tx, unitId: string, period: PeriodDates): Promise<UnitIkm | null> {
  const rows = await tx.$queryRaw<SumsRow[]>`
    SELECT unit_id::text AS key, count(*)::int AS n,
           sum(u1)::int AS s1, sum(u2)::int AS s2, sum(u3)::int AS s3, sum(u4)::int AS s4, sum(u5)::int AS s5,
           sum(u6)::int AS s6, sum(u7)::int AS s7, sum(u8)::int AS s8, sum(u9)::int AS s9
    FROM survey_response
    WHERE unit_id = ${unitId}::uuid
      AND local_date BETWEEN ${fromLocalDate(period.startDate)}::date AND ${fromLocalDate(period.endDate)}::date
    GROUP BY unit_id`;
  const result = rows[0] ? resultOf(rows[0]) : null;
  return result
    ? { responses: result.responses, ikm: result.ikm, mutu: result.mutu, unsurMeans: result.unsurMeans }
    : null;
}

/**
 * For each person named as the staff member who served in answers of the period (at any unit's survey): how many
 * answers and their mean. People nobody named are absent from the map.
 */
export async function servedAverages(
  tx: Tx,
  personIds: readonly string[],
  period: PeriodDates,
): Promise<Map<string, ServedAverage>> {
  const averages = new Map<string, ServedAverage>();
  if (personIds.length === 0) return averages;
  const rows = await tx.$queryRaw<SumsRow[]>`
    SELECT served_by_id::text AS key, count(*)::int AS n,
           sum(u1)::int AS s1, sum(u2)::int AS s2, sum(u3)::int AS s3, sum(u4)::int AS s4, sum(u5)::int AS s5,
           sum(u6)::int AS s6, sum(u7)::int AS s7, sum(u8)::int AS s8, sum(u9)::int AS s9
    FROM survey_response
    WHERE served_by_id = ANY(${[...personIds]}::uuid[])
      AND local_date BETWEEN ${fromLocalDate(period.startDate)}::date AND ${fromLocalDate(period.endDate)}::date
    GROUP BY served_by_id`;
  for (const row of rows) {
    const result = resultOf(row);
    if (!result) continue;
    averages.set(row.key, {
      responses: result.responses,
      mean: result.mean,
      ikm: result.ikm,
      mutu: result.mutu,
      unsurMeans: result.unsurMeans,
    });
  }
  return averages;
}

export interface ServedRecapRow {
  personId: string;
  nip: string;
  name: string;
  result: IkmResult;
}

/** The unit's survey in a period for the SKM recap: the unit's IKM, then each staff member its answers named. */
export async function unitSurveyRecap(
  tx: Tx,
  unitId: string,
  period: PeriodDates,
): Promise<{ unit: IkmResult | null; served: ServedRecapRow[] }> {
  const from = fromLocalDate(period.startDate);
  const to = fromLocalDate(period.endDate);
  const rows = await tx.$queryRaw<(SumsRow & { nip: string | null; name: string | null; total: boolean })[]>`
    SELECT COALESCE(r.served_by_id::text, '') AS key, p.nip, p.name, GROUPING(r.served_by_id) = 1 AS total,
           count(*)::int AS n,
           sum(u1)::int AS s1, sum(u2)::int AS s2, sum(u3)::int AS s3, sum(u4)::int AS s4, sum(u5)::int AS s5,
           sum(u6)::int AS s6, sum(u7)::int AS s7, sum(u8)::int AS s8, sum(u9)::int AS s9
    FROM survey_response r LEFT JOIN person p ON p.id = r.served_by_id
    WHERE r.unit_id = ${unitId}::uuid AND r.local_date BETWEEN ${from}::date AND ${to}::date
    GROUP BY GROUPING SETS ((r.served_by_id, p.nip, p.name), ())`;
  let unit: IkmResult | null = null;
  const served: ServedRecapRow[] = [];
  for (const row of rows) {
    const result = resultOf(row);
    if (!result) continue;
    // The grand total (the empty grouping set) is the unit's; answers naming nobody count only there.
    if (row.total) unit = result;
    else if (row.key !== "")
      served.push({ personId: row.key, nip: row.nip ?? "", name: row.name ?? "", result });
  }
  served.sort((a, b) => a.name.localeCompare(b.name, "id") || a.nip.localeCompare(b.nip));
  return { unit, served };
}
