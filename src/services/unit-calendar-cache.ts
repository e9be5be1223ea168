import type { CalendarHoliday } from "../domain/working-calendar.ts";
import { type Tx, toLocalDate } from "./db-types.ts";
import { loadUnitRules, type UnitRules } from "./unit-rules.ts";

/** What every person of a unit shares: the unit's rules and the holidays that hold for it. */
export interface UnitCalendarData {
  rules: UnitRules;
  holidays: CalendarHoliday[];
}

export interface UnitCalendarCache {
  get(tx: Tx, unitId: string): Promise<UnitCalendarData>;
}

/**
 * Unit rules and holidays change only through admin imports, yet every step of /lapor needs them.
 * Each process keeps them for `ttlMs` (0 = always read): an import reaches every process within that.
 */
export function createUnitCalendarCache(ttlMs: number): UnitCalendarCache {
  const entries = new Map<string, { loadedAt: number; data: Promise<UnitCalendarData> }>();
  return {
    get(tx, unitId) {
      const hit = entries.get(unitId);
      if (ttlMs > 0 && hit && Date.now() - hit.loadedAt < ttlMs) return hit.data;
      const data = readUnitCalendar(tx, unitId);
      if (ttlMs > 0) {
        entries.set(unitId, { loadedAt: Date.now(), data });
        data.catch(() => entries.delete(unitId));
      }
      return data;
    },
  };
}

async function readUnitCalendar(tx: Tx, unitId: string): Promise<UnitCalendarData> {
  const rules = await loadUnitRules(tx, unitId);
  const holidays = await tx.holiday.findMany({ where: { scope: { in: ["*", ...rules.ancestry] } } });
  return {
    rules,
    holidays: holidays.map((h) => ({ date: toLocalDate(h.date), name: h.name, kind: h.kind })),
  };
}
