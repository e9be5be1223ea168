import { zoneLabel } from "../domain/time-zone.ts";
import { formatDate, formatInstant, formatNumber } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import { type Tx, toLocalDate } from "../services/db-types.ts";
import type { EvidenceLinks } from "./review-message.ts";
import type { Choice, LocaleCode } from "./types.ts";

/** A certificate's link id: signed like evidence, served by the evidence route (src/http/evidence-route.ts). */
export const certificateLinkId = (completionId: string): string => `c-${completionId}`;

export interface TrainingMessage {
  text: string;
  choices: Choice[][];
}

/** "Disetujui oleh Rina, 24 Nov 2026 14.05 WIB." for a decided row, else "". */
function decidedLine(
  locale: LocaleCode,
  status: "DIAJUKAN" | "DISETUJUI" | "DITOLAK" | "REVISI",
  decision: { by: string | null; at: Date | null; timeZone: string },
): string {
  if (status === "DIAJUKAN" || !decision.at) return "";
  const t = messagesFor(locale).training;
  const at = formatInstant(decision.at, decision.timeZone, zoneLabel(decision.timeZone), locale);
  return `\n\n${t.decided(t.decisionStatus[status], decision.by ?? "-", at)}`;
}

/** The supervisor's view of a training request, with **Setujui / Tolak** while it waits (buttons carry the version). */
export async function renderTrainingRequest(
  tx: Tx,
  requestId: string,
  locale: LocaleCode,
): Promise<TrainingMessage | null> {
  const request = await tx.trainingRequest.findUnique({
    where: { id: requestId },
    include: {
      person: { select: { name: true, unit: { select: { timeZone: true } } } },
      training: true,
      decider: { select: { name: true } },
    },
  });
  if (!request) return null;
  const t = messagesFor(locale).training;
  const { training } = request;
  const text =
    t.requestMessage({
      employee: request.person.name,
      training: `${training.code} ${training.name}`,
      jp: formatNumber(training.hours.toNumber(), locale),
      organizer: training.organizer ?? t.none,
      url: training.url ?? "",
    }) +
    decidedLine(locale, request.status, {
      by: request.decider?.name ?? null,
      at: request.decidedAt,
      timeZone: request.person.unit.timeZone,
    });
  const choices: Choice[][] =
    request.status === "DIAJUKAN"
      ? [
          [
            { label: t.approve, data: `p:ra:${request.id}:${request.version}` },
            { label: t.decline, data: `p:rd:${request.id}:${request.version}` },
          ],
        ]
      : [];
  return { text, choices };
}

/**
 * The supervisor's view of a reported completion with its certificate (a signed link through the product,
 * never a platform URL) and **Setujui / Minta perbaikan / Tolak** while it waits.
 */
export async function renderTrainingCompletion(
  tx: Tx,
  completionId: string,
  locale: LocaleCode,
  links: EvidenceLinks,
): Promise<TrainingMessage | null> {
  const completion = await tx.trainingCompletion.findUnique({
    where: { id: completionId },
    include: {
      person: { select: { name: true, unit: { select: { timeZone: true } } } },
      training: { select: { code: true, name: true } },
      decider: { select: { name: true } },
    },
  });
  if (!completion) return null;
  const t = messagesFor(locale).training;
  const label = completion.mimeType?.startsWith("image/")
    ? t.certificatePhoto
    : t.certificateDocument(completion.fileName ?? "");
  const url = links.evidenceUrl(certificateLinkId(completion.id));
  let text =
    t.completionMessage({
      employee: completion.person.name,
      training: `${completion.training.code} ${completion.training.name}`,
      jp: formatNumber(completion.hours.toNumber(), locale),
      date: formatDate(toLocalDate(completion.completedOn), locale),
      certificate: url ? `${label}: ${url}` : label,
      // Each decision and each resubmission adds one to the version: above the first round means corrected.
      resubmitted: completion.version > (completion.status === "DIAJUKAN" ? 1 : 2),
    }) +
    decidedLine(locale, completion.status, {
      by: completion.decider?.name ?? null,
      at: completion.decidedAt,
      timeZone: completion.person.unit.timeZone,
    });
  if ((completion.status === "REVISI" || completion.status === "DITOLAK") && completion.revisionNote) {
    text += `\n${t.reasonLine(completion.revisionNote)}`;
  }
  const choices: Choice[][] =
    completion.status === "DIAJUKAN"
      ? [
          [
            { label: t.approve, data: `p:ca:${completion.id}:${completion.version}` },
            { label: t.revise, data: `p:cr:${completion.id}:${completion.version}` },
            { label: t.reject, data: `p:cx:${completion.id}:${completion.version}` },
          ],
        ]
      : [];
  return { text, choices };
}

/** A training request or a reported completion, as a supervisor's message refers to it. */
export interface TrainingItem {
  kind: "request" | "completion";
  id: string;
}

/** The supervisor's view of either kind: {@link renderTrainingRequest} or {@link renderTrainingCompletion}. */
export function renderTrainingItem(
  tx: Tx,
  item: TrainingItem,
  locale: LocaleCode,
  links: EvidenceLinks,
): Promise<TrainingMessage | null> {
  return item.kind === "request"
    ? renderTrainingRequest(tx, item.id, locale)
    : renderTrainingCompletion(tx, item.id, locale, links);
}
