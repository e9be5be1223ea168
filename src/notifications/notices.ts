import type { EvidenceLinks } from "../conversation/review-message.ts";
import { renderReviewMessage } from "../conversation/review-message.ts";
import type { LocaleCode } from "../conversation/types.ts";
import { localDate } from "../domain/time-zone.ts";
import { formatDate } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import type { OutboundMessage } from "../outbound/port.ts";
import { type Tx, toLocalDate } from "../services/db-types.ts";
import { type Recipient, recipientFor, reviewersOf } from "../services/recipients.ts";

/** A message for one person, ready for the outbound port. */
export interface Notice {
  recipient: Recipient;
  message: OutboundMessage;
}

export interface NoticeDeps {
  defaultLocale: LocaleCode;
  links: EvidenceLinks;
  now: Date;
}

/** A submitted (or resubmitted) activity, for each of the employee's reviewers. */
export async function reviewRequestNotices(tx: Tx, activityId: string, deps: NoticeDeps): Promise<Notice[]> {
  const activity = await tx.activity.findUnique({
    where: { id: activityId },
    select: { personId: true, status: true, person: { select: { unit: { select: { timeZone: true } } } } },
  });
  if (activity?.status !== "DIAJUKAN") return [];
  const today = localDate(activity.person.unit.timeZone, deps.now);
  const notices: Notice[] = [];
  for (const reviewerId of await reviewersOf(tx, activity.personId, today)) {
    const recipient = await recipientFor(tx, reviewerId, "SLACK", deps.defaultLocale);
    if (!recipient) continue;
    const view = await renderReviewMessage(tx, activityId, recipient.locale, deps.links);
    if (view) notices.push({ recipient, message: { text: view.text, choices: view.choices } });
  }
  return notices;
}

/** A supervisor's decision, for the employee, with a button to fix a revision. */
export async function decisionNotices(tx: Tx, activityId: string, deps: NoticeDeps): Promise<Notice[]> {
  const activity = await tx.activity.findUnique({
    where: { id: activityId },
    include: { history: { orderBy: { at: "desc" } } },
  });
  if (!activity || activity.status === "DIAJUKAN") return [];
  const recipient = await recipientFor(tx, activity.personId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).review;
  const date = formatDate(toLocalDate(activity.date), recipient.locale);
  const reason = activity.history.find((h) => h.toStatus === activity.status)?.reason ?? "-";
  if (activity.status === "DISETUJUI") {
    return [{ recipient, message: { text: t.employeeApproved(date, activity.description) } }];
  }
  if (activity.status === "DITOLAK") {
    return [{ recipient, message: { text: t.employeeRejected(date, activity.description, reason) } }];
  }
  return [
    {
      recipient,
      message: {
        text: t.employeeRevision(date, activity.description, reason),
        choices: [[{ label: t.fix, data: `h:fix:${activity.id}` }]],
      },
    },
  ];
}

/** A declared absence, for the employee's supervisors. */
export async function absenceNotices(tx: Tx, absenceId: string, deps: NoticeDeps): Promise<Notice[]> {
  const absence = await tx.absence.findUnique({
    where: { id: absenceId },
    include: { person: { select: { name: true, unit: { select: { timeZone: true } } } } },
  });
  if (!absence) return [];
  const today = localDate(absence.person.unit.timeZone, deps.now);
  const notices: Notice[] = [];
  for (const reviewerId of await reviewersOf(tx, absence.personId, today)) {
    const recipient = await recipientFor(tx, reviewerId, "SLACK", deps.defaultLocale);
    if (!recipient) continue;
    const t = messagesFor(recipient.locale).absence;
    const text = t.supervisorTold(
      absence.person.name,
      t.kinds[absence.kind],
      formatDate(toLocalDate(absence.startDate), recipient.locale),
      formatDate(toLocalDate(absence.endDate), recipient.locale),
    );
    notices.push({ recipient, message: { text } });
  }
  return notices;
}

/** Kudos, for the receiver on their own platform (Telegram first), with the sender's name. */
export async function kudosNotices(tx: Tx, kudosId: string, deps: NoticeDeps): Promise<Notice[]> {
  const kudos = await tx.kudos.findUnique({
    where: { id: kudosId },
    select: { toId: true, text: true, from: { select: { name: true } } },
  });
  if (!kudos) return [];
  const recipient = await recipientFor(tx, kudos.toId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).kudos;
  return [{ recipient, message: { text: t.received(kudos.from.name, kudos.text) } }];
}

/** A supervisor's written feedback, for the employee on their own platform (Telegram first). */
export async function feedbackNotices(tx: Tx, feedbackId: string, deps: NoticeDeps): Promise<Notice[]> {
  const feedback = await tx.feedback.findUnique({
    where: { id: feedbackId },
    select: { toId: true, text: true, from: { select: { name: true } } },
  });
  if (!feedback) return [];
  const recipient = await recipientFor(tx, feedback.toId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).feedback;
  return [
    {
      recipient,
      message: {
        text: t.received(feedback.from.name, feedback.text),
        choices: [[{ label: t.open, data: "m:umpan_balik" }]],
      },
    },
  ];
}
