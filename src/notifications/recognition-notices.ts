import { formatMonth } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import type { Tx } from "../services/db-types.ts";
import { recipientFor } from "../services/recipients.ts";
import { loadRecognition } from "../services/recognition.ts";
import type { Notice, NoticeDeps } from "./notices.ts";

/** The outbox's key of the unit's channel among a row's recipients (not a person, never a person's id). */
export const channelRecipientKey = (unitId: string): string => `channel:${unitId}`;

/**
 * A recognition answered with people chosen: each of them is congratulated on their own platform
 * (Telegram first) with the head's note, and the unit's Slack channel, when it has one, is told who was
 * chosen. Nobody chosen: nothing to send (the head's own message already shows the answer).
 */
export async function recognitionNotices(tx: Tx, recognitionId: string, deps: NoticeDeps): Promise<Notice[]> {
  const view = await loadRecognition(tx, recognitionId);
  if (view?.status !== "DIPILIH") return [];
  const chosen = view.candidates.filter((c) => c.chosen);
  const notices: Notice[] = [];
  for (const c of chosen) {
    const recipient = await recipientFor(tx, c.personId, "TELEGRAM", deps.defaultLocale);
    if (!recipient) continue;
    const t = messagesFor(recipient.locale).recognition;
    notices.push({
      recipient,
      message: {
        text: t.congratulations(formatMonth(view.month, recipient.locale), view.headName, view.note ?? ""),
      },
    });
  }
  const unit = await tx.unit.findUnique({ where: { id: view.unitId }, select: { slackChannel: true } });
  if (unit?.slackChannel) {
    const t = messagesFor(deps.defaultLocale).recognition;
    notices.push({
      recipient: {
        personId: channelRecipientKey(view.unitId),
        locale: deps.defaultLocale,
        address: { platform: "SLACK", address: unit.slackChannel, teamId: null },
      },
      message: {
        text: t.announcement(
          formatMonth(view.month, deps.defaultLocale),
          view.unitName,
          chosen.map((c) => c.name),
          view.headName,
          view.note ?? "",
        ),
      },
    });
  }
  return notices;
}
