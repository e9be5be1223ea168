import type { LocaleCode } from "../conversation/types.ts";
import { commandSyntax } from "../conversation/views/help.ts";
import { teamBoardView } from "../conversation/views/team.ts";
import { localDate } from "../domain/time-zone.ts";
import { messagesFor } from "../i18n/index.ts";
import type { Address, OutboundMessage } from "../outbound/port.ts";
import type { Tx } from "../services/db-types.ts";
import { reviewersOf } from "../services/recipients.ts";
import type { UnitCalendarCache } from "../services/unit-calendar-cache.ts";

export interface HomeDeps {
  now: Date;
  defaultLocale: LocaleCode;
  unitCalendars: UnitCalendarCache;
}

/** What a person's home screen (Slack App Home) shows: their team's day, or the help for employees. */
export async function homeBoardFor(
  tx: Tx,
  personId: string,
  deps: HomeDeps,
): Promise<OutboundMessage | null> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { id: true, unitId: true, locale: true, active: true },
  });
  if (!person?.active) return null;
  const locale = person.locale ?? deps.defaultLocale;
  const board = await teamBoardView(tx, {
    supervisor: person,
    locale,
    now: deps.now,
    unitCalendars: deps.unitCalendars,
  });
  if (board) return board;
  const t = messagesFor(locale);
  return { text: t.help.text(t.help.defaultAdmin, commandSyntax("SLACK")) };
}

/**
 * The home screens to refresh after something changed for an employee: those of their reviewers who
 * use Slack (the board shows who reported and what is pending).
 */
export async function homesToRefresh(
  tx: Tx,
  employeeId: string,
  deps: HomeDeps,
): Promise<{ address: Address; message: OutboundMessage }[]> {
  const employee = await tx.person.findUnique({
    where: { id: employeeId },
    select: { unit: { select: { timeZone: true } } },
  });
  if (!employee) return [];
  const refreshes: { address: Address; message: OutboundMessage }[] = [];
  for (const reviewerId of await reviewersOf(tx, employeeId, localDate(employee.unit.timeZone, deps.now))) {
    const account = await tx.platformAccount.findUnique({
      where: { personId_platform: { personId: reviewerId, platform: "SLACK" } },
      select: { address: true, teamId: true, reachable: true },
    });
    if (!account?.reachable) continue;
    const message = await homeBoardFor(tx, reviewerId, deps);
    if (message)
      refreshes.push({
        address: { platform: "SLACK", address: account.address, teamId: account.teamId },
        message,
      });
  }
  return refreshes;
}
