import type { EvidenceLinks } from "../conversation/review-message.ts";
import { renderReviewMessage } from "../conversation/review-message.ts";
import type { LocaleCode } from "../conversation/types.ts";
import type { Address, OutboundMessage, SentMessage } from "../outbound/port.ts";
import type { Tx } from "../services/db-types.ts";

/** A review request already sent, and what it should show now. */
export interface ReviewUpdate {
  address: Address;
  sent: SentMessage;
  message: OutboundMessage;
}

/** Remembers a review request message, so a decision taken anywhere can update it (SPEC section 16). */
export async function recordReviewMessage(
  tx: Tx,
  input: { activityId: string; version: number; personId: string; address: Address; sent: SentMessage },
): Promise<void> {
  await tx.reviewMessage.upsert({
    where: {
      platform_chatId_messageId: {
        platform: input.address.platform,
        chatId: input.sent.chatId,
        messageId: input.sent.messageId,
      },
    },
    create: {
      activityId: input.activityId,
      version: input.version,
      personId: input.personId,
      platform: input.address.platform,
      chatId: input.sent.chatId,
      messageId: input.sent.messageId,
      teamId: input.address.teamId ?? null,
    },
    update: {},
  });
}

/**
 * Every review request sent for the decided version of an activity, on every platform and to every
 * reviewer, rendered again in its reader's language (the decision line, no buttons).
 */
export async function reviewUpdatesFor(
  tx: Tx,
  activityId: string,
  decidedVersion: number,
  deps: { defaultLocale: LocaleCode; links: EvidenceLinks },
): Promise<ReviewUpdate[]> {
  const sent = await tx.reviewMessage.findMany({
    where: { activityId, version: decidedVersion },
    orderBy: { sentAt: "asc" },
  });
  return updatesOf(tx, sent, deps.defaultLocale, (locale) =>
    renderReviewMessage(tx, activityId, locale, deps.links),
  );
}

/** A message sent to a reviewer, as `review_message` and `training_review_message` keep it. */
export interface SentReviewMessage {
  personId: string;
  platform: Address["platform"];
  chatId: string;
  messageId: string;
  teamId: string | null;
}

/** The sent messages with what they should show now: `render` once per reader's language. */
export async function updatesOf(
  tx: Tx,
  sent: readonly SentReviewMessage[],
  defaultLocale: LocaleCode,
  render: (locale: LocaleCode) => Promise<OutboundMessage | null>,
): Promise<ReviewUpdate[]> {
  if (sent.length === 0) return [];
  const people = await tx.person.findMany({
    where: { id: { in: [...new Set(sent.map((s) => s.personId))] } },
    select: { id: true, locale: true },
  });
  const localeOf = new Map(people.map((p) => [p.id, p.locale ?? defaultLocale]));
  const views = new Map<LocaleCode, OutboundMessage | null>();
  const updates: ReviewUpdate[] = [];
  for (const row of sent) {
    const locale = localeOf.get(row.personId) ?? defaultLocale;
    if (!views.has(locale)) {
      const view = await render(locale);
      views.set(locale, view ? { text: view.text, choices: view.choices ?? [] } : null);
    }
    const message = views.get(locale);
    if (!message) continue;
    updates.push({
      address: { platform: row.platform, address: row.chatId, teamId: row.teamId },
      sent: { chatId: row.chatId, messageId: row.messageId },
      message,
    });
  }
  return updates;
}
