import { openPeriods } from "../../domain/periods.ts";
import { localDate } from "../../domain/time-zone.ts";
import { formatNumber } from "../../i18n/format.ts";
import { messagesFor } from "../../i18n/index.ts";
import { colleagueAggregate } from "../../services/colleague-input.ts";
import type { Tx } from "../../services/db-types.ts";
import { periodsForUnit, yearsAround } from "../../services/periods.ts";
import { MIN_SERVED_SHOWN, servedAverages, unitIkm } from "../../services/survey-results.ts";
import type { TeamMember } from "../../services/team.ts";
import type { LocaleCode } from "../types.ts";

/**
 * Voices beyond the rater on the team board (SPEC section 13), for the latest period that has ended (a
 * running period is never shown: watching it change would tell who just gave input): the IKM of the team's
 * units, the averages of the citizens each member served, and who of the team has enough colleagues' input. Empty when there is nothing to show.
 */
export async function teamVoiceLines(
  tx: Tx,
  input: {
    supervisorId: string;
    supervisorUnitId: string;
    timeZone: string;
    team: readonly TeamMember[];
    locale: LocaleCode;
    now: Date;
  },
): Promise<string[]> {
  const t = messagesFor(input.locale).colleague;
  const today = localDate(input.timeZone, input.now);
  const period = openPeriods(await periodsForUnit(tx, input.supervisorUnitId, yearsAround(today)), today)[0];
  if (!period || input.team.length === 0) return [];
  const enough: string[] = [];
  for (const member of input.team) {
    const aggregate = await colleagueAggregate(tx, member.id, period, input.supervisorId);
    if (aggregate) enough.push(t.colleagueCount(member.name, aggregate.givers));
  }
  const lines: string[] = [];
  const n = (value: number) => formatNumber(value, input.locale);
  const unitIds = [...new Set(input.team.map((m) => m.unitId))];
  const units = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } });
  for (const unit of units.sort((a, b) => a.name.localeCompare(b.name, "id"))) {
    const ikm = await unitIkm(tx, unit.id, period);
    if (ikm) lines.push(t.unitIkm(unit.name, n(ikm.ikm), ikm.mutu, ikm.responses));
  }
  const served = await servedAverages(
    tx,
    input.team.map((m) => m.id),
    period,
  );
  const servedEntries = input.team.flatMap((m) => {
    const average = served.get(m.id);
    return average && average.responses >= MIN_SERVED_SHOWN
      ? [t.servedOne(m.name, n(average.mean), average.responses)]
      : [];
  });
  if (servedEntries.length > 0) lines.push(t.served(servedEntries));
  if (enough.length > 0) lines.push(t.colleagueCounts(enough));
  // Nothing to show, nothing said: the board stays short.
  if (lines.length === 0) return [];
  return ["", t.voicesHeader(period.name), ...lines];
}
