import type { Tx } from "./db-types.ts";

/** The working rules of a unit: its own settings, else its nearest ancestor's, else these defaults. */
export interface UnitRules {
  unitId: string;
  /** The unit, then every unit above it */
  ancestry: string[];
  timeZone: string;
  workingDays: number[];
  minutesPerDay: number;
  reminderTimes: string[];
  backdateWorkingDays: number;
}

export const DEFAULT_UNIT_RULES = {
  workingDays: [1, 2, 3, 4, 5],
  minutesPerDay: 450,
  reminderTimes: ["15:30", "19:30"],
  backdateWorkingDays: 2,
} as const;

/** The unit first, then its parent, up to the root. */
export async function unitAncestry(tx: Tx, unitId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM unit WHERE id = ${unitId}::uuid
      UNION ALL
      SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id::text AS id FROM up ORDER BY depth`;
  return rows.map((r) => r.id);
}

export async function loadUnitRules(tx: Tx, unitId: string): Promise<UnitRules> {
  const ancestry = await unitAncestry(tx, unitId);
  // Sequential on purpose: a transaction is one connection, and pg does not pipeline queries.
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { timeZone: true } });
  const settings = await tx.unitSetting.findMany({ where: { unitId: { in: ancestry } } });
  const nearest = ancestry.map((id) => settings.find((s) => s.unitId === id)).find((s) => s !== undefined);
  return {
    unitId,
    ancestry,
    timeZone: unit.timeZone,
    workingDays: nearest?.workingDays ?? [...DEFAULT_UNIT_RULES.workingDays],
    minutesPerDay: nearest?.minutesPerDay ?? DEFAULT_UNIT_RULES.minutesPerDay,
    reminderTimes: nearest?.reminderTimes ?? [...DEFAULT_UNIT_RULES.reminderTimes],
    backdateWorkingDays: nearest?.backdateWorkingDays ?? DEFAULT_UNIT_RULES.backdateWorkingDays,
  };
}
