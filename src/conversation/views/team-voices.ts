import { openPeriods } from "../../domain/periods.ts";
import { localDate } from "../../domain/time-zone.ts";
import { messagesFor } from "../../i18n/index.ts";
import { MIN_GIVERS } from "../../services/colleague-input.ts";
import type { Tx } from "../../services/db-types.ts";
import { periodsForUnit, yearsAround } from "../../services/periods.ts";
import type { TeamMember } from "../../services/team.ts";
import type { LocaleCode } from "../types.ts";

/**
 * Voices beyond the rater on the team board (SPEC section 13), for the latest period that has ended (a
 * running period is never shown: watching it change would tell who just gave input): who of the team has
 * enough colleagues' input to be shown. Empty when there is nothing to show.
 */
export async function teamVoiceLines(
  tx: Tx,
  input: {
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
  const rows = await tx.colleagueInput.groupBy({
    by: ["receiverId", "giverId"],
    where: { periodCode: period.code, receiverId: { in: input.team.map((m) => m.id) } },
  });
  const givers = new Map<string, number>();
  for (const row of rows) givers.set(row.receiverId, (givers.get(row.receiverId) ?? 0) + 1);
  const enough = input.team.flatMap((m) => {
    const n = givers.get(m.id) ?? 0;
    return n >= MIN_GIVERS ? [t.colleagueCount(m.name, n)] : [];
  });
  // Nothing to show, nothing said: the board stays short.
  if (enough.length === 0) return [];
  return ["", t.voicesHeader(period.name), t.colleagueCounts(enough)];
}
