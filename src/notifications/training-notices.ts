import { renderTrainingCompletion, renderTrainingRequest } from "../conversation/training-message.ts";
import { localDate } from "../domain/time-zone.ts";
import { formatNumber } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import type { Tx } from "../services/db-types.ts";
import { recipientFor, reviewersOf } from "../services/recipients.ts";
import type { Notice, NoticeDeps } from "./notices.ts";

/** The employee's supervisors of the day (and delegates), on Slack when they have it. */
async function supervisorNotices(
  tx: Tx,
  employee: { id: string; timeZone: string },
  deps: NoticeDeps,
  render: (
    locale: Notice["recipient"]["locale"],
  ) => Promise<{ text: string; choices: Notice["message"]["choices"] } | null>,
): Promise<Notice[]> {
  const notices: Notice[] = [];
  for (const reviewerId of await reviewersOf(tx, employee.id, localDate(employee.timeZone, deps.now))) {
    const recipient = await recipientFor(tx, reviewerId, "SLACK", deps.defaultLocale);
    if (!recipient) continue;
    const view = await render(recipient.locale);
    if (view)
      notices.push({
        recipient,
        message: { text: view.text, ...(view.choices ? { choices: view.choices } : {}) },
      });
  }
  return notices;
}

/** A training request (**Ajukan**), for the supervisor of the day, while it still waits. */
export async function trainingRequestNotices(tx: Tx, requestId: string, deps: NoticeDeps): Promise<Notice[]> {
  const request = await tx.trainingRequest.findUnique({
    where: { id: requestId },
    select: { status: true, personId: true, person: { select: { unit: { select: { timeZone: true } } } } },
  });
  if (request?.status !== "DIAJUKAN") return [];
  return supervisorNotices(
    tx,
    { id: request.personId, timeZone: request.person.unit.timeZone },
    deps,
    (locale) => renderTrainingRequest(tx, requestId, locale),
  );
}

/** The decision on a request, for the employee (Telegram first); an approval offers **Laporkan selesai**. */
export async function trainingRequestDecisionNotices(
  tx: Tx,
  requestId: string,
  deps: NoticeDeps,
): Promise<Notice[]> {
  const request = await tx.trainingRequest.findUnique({
    where: { id: requestId },
    select: {
      status: true,
      personId: true,
      training: { select: { id: true, code: true, name: true } },
      decider: { select: { name: true } },
    },
  });
  if (!request || request.status === "DIAJUKAN") return [];
  const recipient = await recipientFor(tx, request.personId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).training;
  const training = `${request.training.code} ${request.training.name}`;
  const by = request.decider?.name ?? "-";
  if (request.status === "DITOLAK")
    return [{ recipient, message: { text: t.requestDeclined(training, by) } }];
  return [
    {
      recipient,
      message: {
        text: t.requestApproved(training, by),
        choices: [[{ label: t.doneButton, data: `p:done:${request.training.id}` }]],
      },
    },
  ];
}

/** A reported completion (or a corrected certificate), for the supervisor of the day, while that version waits. */
export async function trainingCompletionNotices(
  tx: Tx,
  completionId: string,
  version: number,
  deps: NoticeDeps,
): Promise<Notice[]> {
  const completion = await tx.trainingCompletion.findUnique({
    where: { id: completionId },
    select: {
      status: true,
      version: true,
      personId: true,
      person: { select: { unit: { select: { timeZone: true } } } },
    },
  });
  if (completion?.status !== "DIAJUKAN" || completion.version !== version) return [];
  return supervisorNotices(
    tx,
    { id: completion.personId, timeZone: completion.person.unit.timeZone },
    deps,
    (locale) => renderTrainingCompletion(tx, completionId, locale, deps.links),
  );
}

/**
 * The decision on a completion, for the employee: the JP counted, the reason with **Kirim sertifikat baru**, or
 * the reason of a rejection.
 */
export async function trainingCompletionDecisionNotices(
  tx: Tx,
  completionId: string,
  version: number,
  deps: NoticeDeps,
): Promise<Notice[]> {
  const completion = await tx.trainingCompletion.findUnique({
    where: { id: completionId },
    select: {
      status: true,
      version: true,
      personId: true,
      hours: true,
      completedOn: true,
      revisionNote: true,
      training: { select: { id: true, code: true, name: true } },
    },
  });
  if (!completion || completion.version !== version || completion.status === "DIAJUKAN") return [];
  const recipient = await recipientFor(tx, completion.personId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).training;
  const training = `${completion.training.code} ${completion.training.name}`;
  if (completion.status === "DISETUJUI") {
    const jp = formatNumber(completion.hours.toNumber(), recipient.locale);
    const year = completion.completedOn.getUTCFullYear();
    return [{ recipient, message: { text: t.completionApprovedTold(training, jp, year) } }];
  }
  if (completion.status === "DITOLAK") {
    return [
      { recipient, message: { text: t.completionRejectedTold(training, completion.revisionNote ?? "-") } },
    ];
  }
  return [
    {
      recipient,
      message: {
        text: t.completionRevisionTold(training, completion.revisionNote ?? "-"),
        choices: [[{ label: t.resendButton, data: `p:done:${completion.training.id}` }]],
      },
    },
  ];
}
