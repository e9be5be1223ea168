import type { AccountRef } from "../conversation/types.ts";
import type { Tx } from "./db-types.ts";

/**
 * The person behind a chat account: the one it is linked to, else (Slack) the active person the admin
 * import gave this `slack_user_id`, who has not written to the bot yet (as `linkFromDirectory` would link).
 */
export async function personOfAccount(tx: Tx, account: AccountRef): Promise<string | null> {
  const linked = await tx.platformAccount.findUnique({
    where: { platform_externalId: { platform: account.platform, externalId: account.externalId } },
    select: { personId: true },
  });
  if (linked) return linked.personId;
  if (account.platform !== "SLACK") return null;
  const imported = await tx.person.findFirst({
    // Not one who linked another Slack account with a code: that account is theirs now.
    where: { slackUserId: account.externalId, active: true, accounts: { none: { platform: "SLACK" } } },
    select: { id: true },
  });
  return imported?.id ?? null;
}
