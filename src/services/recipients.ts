import type { LocaleCode } from "../conversation/types.ts";
import type { Platform } from "../generated/prisma/client.ts";
import type { Address } from "../outbound/port.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

export interface Recipient {
  personId: string;
  locale: LocaleCode;
  address: Address;
}

/**
 * Where to reach a person: their reachable account on the preferred platform, else any reachable
 * one (SPEC section 6: supervisors on Slack by default, Telegram if that is all they linked).
 */
export async function recipientFor(
  tx: Tx,
  personId: string,
  prefer: Platform,
  defaultLocale: LocaleCode,
): Promise<Recipient | null> {
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: {
      locale: true,
      active: true,
      slackUserId: true,
      accounts: { select: { platform: true, address: true, teamId: true, reachable: true } },
    },
  });
  if (!person?.active) return null;
  let account: Pick<Address, "platform" | "address" | "teamId"> | undefined = preferredAccount(
    person.accounts.filter((a) => a.reachable),
    prefer,
  );
  // With no account linked yet, an imported slack_user_id still reaches the person on Slack (SPEC
  // section 4 links it on their first interaction); a linked or unreachable account decides otherwise.
  if (!account && person.slackUserId && person.accounts.length === 0)
    account = { platform: "SLACK", address: person.slackUserId, teamId: null };
  if (!account) return null;
  return {
    personId,
    locale: person.locale ?? defaultLocale,
    address: { platform: account.platform, address: account.address, teamId: account.teamId },
  };
}

/** The account on the preferred platform, else any (the rule of `recipientFor`, for rows already loaded). */
export function preferredAccount<A extends { platform: Platform }>(
  reachable: readonly A[],
  prefer: Platform,
): A | undefined {
  return reachable.find((a) => a.platform === prefer) ?? reachable[0];
}

/** Who reviews an employee's work on a date: the direct supervisor(s) and anyone they delegated to. */
export async function reviewersOf(tx: Tx, employeeId: string, date: string): Promise<string[]> {
  const on = fromLocalDate(date);
  const relations = await tx.supervisorRelation.findMany({
    where: { personId: employeeId, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
    select: { supervisorId: true },
  });
  const supervisors = relations.map((r) => r.supervisorId);
  const delegates = await tx.delegation.findMany({
    where: { fromId: { in: supervisors }, validFrom: { lte: on }, validTo: { gte: on } },
    select: { toId: true },
  });
  // A delegate from within the team does not review their own work (see `canSupervise`).
  return [...new Set([...supervisors, ...delegates.map((d) => d.toId)])].filter((id) => id !== employeeId);
}

/** Marks an account unreachable (blocked bot, chat gone) so no job retries it. */
export async function markUnreachable(tx: Tx, address: Address, reason: string, now: Date): Promise<void> {
  await tx.platformAccount.updateMany({
    where: { platform: address.platform, address: address.address },
    data: { reachable: false, unreachableReason: reason, unreachableAt: now },
  });
}
