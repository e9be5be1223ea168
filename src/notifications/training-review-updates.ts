import type { EvidenceLinks } from "../conversation/review-message.ts";
import { renderTrainingItem } from "../conversation/training-message.ts";
import type { LocaleCode } from "../conversation/types.ts";
import type { TrainingSubject } from "../generated/prisma/client.ts";
import type { Address, SentMessage } from "../outbound/port.ts";
import type { Tx } from "../services/db-types.ts";
import { type ReviewUpdate, updatesOf } from "./review-updates.ts";

/**
 * Remembers a training request or completion sent to a reviewer, so a decision taken anywhere (another
 * reviewer, another platform, `/antrian`) updates every copy (SPEC section 16).
 */
export async function recordTrainingMessage(
  tx: Tx,
  input: {
    subject: TrainingSubject;
    subjectId: string;
    version: number;
    personId: string;
    address: Address;
    sent: SentMessage;
  },
): Promise<void> {
  await tx.trainingReviewMessage.upsert({
    where: {
      platform_chatId_messageId: {
        platform: input.address.platform,
        chatId: input.sent.chatId,
        messageId: input.sent.messageId,
      },
    },
    create: {
      subject: input.subject,
      subjectId: input.subjectId,
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

/** The copies sent of the decided request or completion version, with what each shows now (no buttons). */
export async function trainingUpdatesFor(
  tx: Tx,
  target: { subject: TrainingSubject; subjectId: string; decidedVersion: number },
  deps: { defaultLocale: LocaleCode; links: EvidenceLinks },
): Promise<ReviewUpdate[]> {
  const sent = await tx.trainingReviewMessage.findMany({
    where: { subject: target.subject, subjectId: target.subjectId, version: target.decidedVersion },
    orderBy: { sentAt: "asc" },
  });
  const item = {
    kind: target.subject === "REQUEST" ? "request" : "completion",
    id: target.subjectId,
  } as const;
  return updatesOf(tx, sent, deps.defaultLocale, (locale) =>
    renderTrainingItem(tx, item, locale, deps.links),
  );
}
