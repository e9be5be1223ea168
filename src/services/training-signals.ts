import { paceStatus } from "../domain/achievement.ts";
import { openPeriods } from "../domain/periods.ts";
import type { DevelopmentSignals } from "../domain/training-recommendations.ts";
import { colleagueAggregate } from "./colleague-input.ts";
import type { Tx } from "./db-types.ts";
import { BERAKHLAK, type CoreValue, notesOf } from "./evaluations.ts";
import { periodsForUnit, yearsAround } from "./periods.ts";

/**
 * What `/pelatihan` recommends from (SPEC section 14), for a person on `today` in their zone:
 * - the latest evaluation (by the period's end), if it rated perilaku DI_BAWAH: the values the rater noted;
 * - colleagues' input for the latest ended period of their unit, only as the aggregate that may be shown
 *   (from 3 distinct givers, the same view `/penilaian` shows): values that someone rated Di Bawah;
 * - the IKIs of this year's SKP behind pace, by the rule of `/target` (approved + pending output).
 */
export async function developmentSignals(
  tx: Tx,
  person: { id: string; unitId: string },
  today: string,
): Promise<DevelopmentSignals> {
  const latest = await tx.evaluation.findFirst({
    where: { personId: person.id },
    orderBy: [{ endDate: "desc" }, { startDate: "asc" }],
    select: { periodCode: true, ratingPerilaku: true, behaviourNotes: true },
  });
  const evaluation =
    latest?.ratingPerilaku === "DI_BAWAH"
      ? {
          periodCode: latest.periodCode,
          notedValues: BERAKHLAK.filter((v) => notesOf(latest.behaviourNotes)[v] !== undefined),
        }
      : null;

  let colleagues: DevelopmentSignals["colleagues"] = null;
  const period = openPeriods(await periodsForUnit(tx, person.unitId, yearsAround(today)), today)[0];
  if (period) {
    const aggregate = await colleagueAggregate(tx, person.id, period);
    const values: CoreValue[] = (aggregate?.values ?? [])
      .filter((v) => v.counts.DI_BAWAH > 0)
      .map((v) => v.value);
    if (values.length > 0) colleagues = { periodName: period.name, values };
  }

  const year = Number(today.slice(0, 4));
  const skp = await tx.skp.findUnique({
    where: { personId_year: { personId: person.id, year } },
    select: {
      ikis: { where: { active: true }, select: { id: true, code: true, indicator: true, target: true } },
    },
  });
  const ikis = skp?.ikis ?? [];
  const sums = ikis.length
    ? await tx.activity.groupBy({
        by: ["ikiId"],
        where: {
          personId: person.id,
          ikiId: { in: ikis.map((i) => i.id) },
          status: { in: ["DISETUJUI", "DIAJUKAN"] },
        },
        _sum: { quantity: true },
      })
    : [];
  const behindIkis = ikis
    .filter((iki) => {
      const realised = sums.find((s) => s.ikiId === iki.id)?._sum.quantity ?? 0;
      return paceStatus({ target: iki.target.toNumber(), realised, year, today }) === "BEHIND";
    })
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((iki) => ({ code: iki.code, indicator: iki.indicator }));
  return { evaluation, colleagues, behindIkis };
}
