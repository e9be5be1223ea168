import type { AccountRef } from "../conversation/types.ts";
import { hashLinkCode, normalizeLinkCode } from "../domain/link-code.ts";
import type { Tx } from "./db-types.ts";

export const MAX_WRONG_TRIES = 5;
/** Failed tries older than this no longer count towards the lock (so they can be pruned). */
export const LINK_TRY_WINDOW_MS = 60 * 60 * 1000;
const WINDOW_MS = LINK_TRY_WINDOW_MS;

export type LinkResult =
  | { ok: true; person: { id: string; name: string } }
  | { ok: false; reason: "WRONG"; triesLeft: number }
  | { ok: false; reason: "EXPIRED" }
  | { ok: false; reason: "USED" }
  | { ok: false; reason: "LOCKED"; retryInMinutes: number };

/**
 * Links a chat account to the person a one-time code was issued for (SPEC section 4). Every failed
 * try counts; after 5 within an hour every further try is refused, valid or not, until an hour has
 * passed since the first of them. A code is claimed atomically, so two accounts cannot both use it.
 */
export async function redeemLinkCode(
  tx: Tx,
  account: AccountRef,
  offered: string,
  now: Date,
): Promise<LinkResult> {
  const who = { platform: account.platform, externalId: account.externalId };
  const failures = await tx.linkAttempt.findMany({
    where: { ...who, succeeded: false, at: { gt: new Date(now.getTime() - WINDOW_MS) } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  if (failures.length >= MAX_WRONG_TRIES) {
    const until = failures[0]!.at.getTime() + WINDOW_MS;
    return {
      ok: false,
      reason: "LOCKED",
      retryInMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)),
    };
  }
  const fail = async <R extends LinkResult>(result: R): Promise<R> => {
    await tx.linkAttempt.create({ data: { ...who, succeeded: false, at: now } });
    return result;
  };

  const code = await tx.linkCode.findUnique({
    where: { codeHash: hashLinkCode(normalizeLinkCode(offered)) },
    include: { person: { select: { id: true, name: true, active: true } } },
  });
  if (!code?.person.active) {
    return fail({ ok: false, reason: "WRONG", triesLeft: MAX_WRONG_TRIES - failures.length - 1 });
  }
  if (code.usedAt) return fail({ ok: false, reason: "USED" });
  if (code.expiresAt <= now) return fail({ ok: false, reason: "EXPIRED" });
  const claimed = await tx.linkCode.updateMany({
    where: { id: code.id, usedAt: null },
    data: { usedAt: now, usedByPlatform: account.platform, usedByExternalId: account.externalId },
  });
  if (claimed.count === 0) return fail({ ok: false, reason: "USED" });

  // An account belongs to one person; a new code moves the person's link to this account.
  await tx.platformAccount.deleteMany({ where: who });
  const fields = {
    externalId: account.externalId,
    address: account.address,
    teamId: account.teamId ?? null,
    reachable: true,
    unreachableReason: null,
    unreachableAt: null,
    linkedAt: now,
  };
  await tx.platformAccount.upsert({
    where: { personId_platform: { personId: code.person.id, platform: account.platform } },
    create: { personId: code.person.id, platform: account.platform, ...fields },
    update: fields,
  });
  await tx.linkAttempt.create({ data: { ...who, succeeded: true, at: now } });
  await tx.auditLog.create({
    data: {
      actorId: code.person.id,
      via: account.platform,
      action: "account.linked",
      entity: "person",
      entityId: code.person.id,
      at: now,
    },
  });
  return { ok: true, person: { id: code.person.id, name: code.person.name } };
}

/**
 * Links a Slack account without a code when the admin import says who it is: the person whose
 * `slack_user_id` is this account, else the one active person whose e-mail equals the Slack profile's.
 * A person who already has an account on this platform keeps it (re-linking needs a code).
 */
export async function linkFromDirectory(
  tx: Tx,
  account: AccountRef,
  profileEmail: () => Promise<string | undefined>,
  now: Date,
): Promise<boolean> {
  const who = { platform: account.platform, externalId: account.externalId };
  if (account.platform !== "SLACK") return false;
  if (await tx.platformAccount.findUnique({ where: { platform_externalId: who }, select: { id: true } }))
    return false;
  let person = await tx.person.findFirst({
    where: { slackUserId: account.externalId, active: true },
    select: { id: true },
  });
  let matchedBy = "slack_user_id";
  if (!person) {
    const email = (await profileEmail())?.trim().toLowerCase();
    const byEmail = email
      ? await tx.person.findMany({ where: { email, active: true }, select: { id: true }, take: 2 })
      : [];
    person = byEmail.length === 1 ? byEmail[0]! : null;
    matchedBy = "email";
  }
  if (!person) return false;
  const taken = await tx.platformAccount.findUnique({
    where: { personId_platform: { personId: person.id, platform: account.platform } },
    select: { id: true },
  });
  if (taken) return false;
  const created = await tx.platformAccount.createMany({
    data: [
      {
        personId: person.id,
        ...who,
        address: account.address,
        teamId: account.teamId ?? null,
        linkedAt: now,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;
  await tx.auditLog.create({
    data: {
      actorId: person.id,
      via: account.platform,
      action: "account.linked_from_directory",
      entity: "person",
      entityId: person.id,
      detail: { matchedBy },
      at: now,
    },
  });
  return true;
}
