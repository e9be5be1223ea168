import { daysFromTo } from "../domain/local-date.ts";
import type { Period } from "../domain/periods.ts";
import type { Rating } from "../domain/predikat.ts";
import { localDate } from "../domain/time-zone.ts";
import type { Tx } from "./db-types.ts";
import { BERAKHLAK, type CoreValue } from "./evaluations.ts";
import { periodsForUnit, yearsAround } from "./periods.ts";

/** Colleagues' input is shown only for a person with input from at least this many distinct givers. */
export const MIN_GIVERS = 3;
export const NOTE_MAX = 280;

export interface Colleague {
  id: string;
  name: string;
}

/** The people of one's unit (supervisors included), oneself excluded, by name (SPEC section 13). */
export async function colleaguesOf(tx: Tx, personId: string): Promise<Colleague[]> {
  const me = await tx.person.findUnique({ where: { id: personId }, select: { unitId: true } });
  if (!me) return [];
  const people = await tx.person.findMany({
    where: { unitId: me.unitId, active: true, id: { not: personId } },
    select: { id: true, name: true },
  });
  return people.sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** The periods of the person's unit running today (today within start and end), shortest first. */
export async function currentPeriods(tx: Tx, personId: string, now: Date): Promise<Period[]> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { unitId: true, unit: { select: { timeZone: true } } },
  });
  if (!person) return [];
  const today = localDate(person.unit.timeZone, now);
  const periods = await periodsForUnit(tx, person.unitId, yearsAround(today));
  return periods
    .filter((p) => p.startDate <= today && today <= p.endDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
}

export type SaveInputResult =
  | { ok: true; period: Period }
  | { ok: false; reason: "NOT_COLLEAGUE" | "NO_PERIOD" };

const spanDays = (p: Period) => daysFromTo(p.startDate, p.endDate);

/**
 * Saves a colleague's input on one BerAKHLAK value under the shortest period running today (a longer one,
 * the year, hears it through the periods inside it: see {@link colleagueAggregate}); a second input on the
 * same value replaces the first. Only colleagues of the same unit.
 */
export async function saveColleagueInput(
  tx: Tx,
  input: {
    giverId: string;
    receiverId: string;
    coreValue: CoreValue;
    rating: Rating;
    note: string | null;
    now: Date;
  },
): Promise<SaveInputResult> {
  const colleagues = await colleaguesOf(tx, input.giverId);
  if (!colleagues.some((c) => c.id === input.receiverId)) return { ok: false, reason: "NOT_COLLEAGUE" };
  const running = await currentPeriods(tx, input.giverId, input.now);
  const period = [...running].sort((a, b) => spanDays(a) - spanDays(b))[0];
  if (!period) return { ok: false, reason: "NO_PERIOD" };
  const note = input.note?.trim().slice(0, NOTE_MAX) || null;
  await tx.colleagueInput.upsert({
    where: {
      giverId_receiverId_periodCode_coreValue: {
        giverId: input.giverId,
        receiverId: input.receiverId,
        periodCode: period.code,
        coreValue: input.coreValue,
      },
    },
    create: {
      giverId: input.giverId,
      receiverId: input.receiverId,
      periodCode: period.code,
      coreValue: input.coreValue,
      rating: input.rating,
      note,
      createdAt: input.now,
    },
    update: { rating: input.rating, note },
  });
  return { ok: true, period };
}

/** One value's input, counted; notes sorted by their text (never by who or when). */
export interface ValueAggregate {
  value: CoreValue;
  counts: Record<Rating, number>;
  notes: string[];
}

export interface ColleagueAggregate {
  /** distinct colleagues who gave input */
  givers: number;
  values: ValueAggregate[];
}

/**
 * The input on a person for a period, aggregated per value without names, or null when nothing may be shown.
 * Input is stored under the shortest period running when it was given; a period shows the input of each
 * stored period inside it (itself included) that has input from at least {@link MIN_GIVERS} distinct givers
 * on its own, so a longer period (the year) is only ever the sum of views that could be shown themselves:
 * subtracting one view from another never isolates a giver below the threshold. `viewerId` (the rater, the
 * supervisor looking) is left out, so nobody can subtract their own input from what they see. What it returns
 * depends only on the multiset of (value, rating, note): no giver, order or time.
 */
export async function colleagueAggregate(
  tx: Tx,
  receiverId: string,
  period: Period,
  viewerId?: string,
): Promise<ColleagueAggregate | null> {
  const receiver = await tx.person.findUnique({ where: { id: receiverId }, select: { unitId: true } });
  if (!receiver) return null;
  const periods = await periodsForUnit(tx, receiver.unitId, yearsAround(period.endDate));
  const inside = new Set(
    [period, ...periods]
      .filter((p) => p.startDate >= period.startDate && p.endDate <= period.endDate)
      .map((p) => p.code),
  );
  const rows = await tx.colleagueInput.findMany({
    where: {
      receiverId,
      periodCode: { in: [...inside] },
      ...(viewerId ? { giverId: { not: viewerId } } : {}),
    },
    select: { giverId: true, periodCode: true, coreValue: true, rating: true, note: true },
  });
  const shown = [...inside].flatMap((code) => {
    const ofPeriod = rows.filter((r) => r.periodCode === code);
    return new Set(ofPeriod.map((r) => r.giverId)).size >= MIN_GIVERS ? ofPeriod : [];
  });
  if (shown.length === 0) return null;
  const givers = new Set(shown.map((r) => r.giverId)).size;
  const values: ValueAggregate[] = [];
  for (const value of BERAKHLAK) {
    const ofValue = shown.filter((r) => r.coreValue === value);
    if (ofValue.length === 0) continue;
    const counts: Record<Rating, number> = { DI_ATAS: 0, SESUAI: 0, DI_BAWAH: 0 };
    for (const r of ofValue) counts[r.rating] += 1;
    const notes = ofValue.flatMap((r) => (r.note ? [r.note] : [])).sort((a, b) => a.localeCompare(b, "id"));
    values.push({ value, counts, notes });
  }
  return { givers, values };
}

/** How many distinct colleagues a person gave input on in a period. */
export async function colleaguesGivenTo(tx: Tx, giverId: string, periodCode: string): Promise<number> {
  const rows = await tx.colleagueInput.findMany({
    where: { giverId, periodCode },
    distinct: ["receiverId"],
    select: { receiverId: true },
  });
  return rows.length;
}
