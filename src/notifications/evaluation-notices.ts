import { formatDate } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import { type Tx, toLocalDate } from "../services/db-types.ts";
import { recipientFor } from "../services/recipients.ts";
import type { Notice, NoticeDeps } from "./notices.ts";

/** A rating set or changed, for the employee on their own platform, with the objection button. */
export async function evaluationNotices(
  tx: Tx,
  evaluationId: string,
  version: number,
  deps: NoticeDeps,
): Promise<Notice[]> {
  const evaluation = await tx.evaluation.findUnique({
    where: { id: evaluationId },
    select: {
      personId: true,
      periodName: true,
      ratingHasilKerja: true,
      ratingPerilaku: true,
      predikat: true,
      feedback: true,
      objectionUntil: true,
      status: true,
      version: true,
      rater: { select: { name: true } },
    },
  });
  // A newer version has its own notification; an objected or final one is told by the decision.
  if (!evaluation || evaluation.version !== version || evaluation.status !== "DINILAI") return [];
  const recipient = await recipientFor(tx, evaluation.personId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).evaluation;
  const text = t.told({
    period: evaluation.periodName,
    rater: evaluation.rater.name,
    hasil: t.rating[evaluation.ratingHasilKerja],
    perilaku: t.rating[evaluation.ratingPerilaku],
    predikat: t.predikat[evaluation.predikat],
    feedback: evaluation.feedback,
    until: formatDate(toLocalDate(evaluation.objectionUntil), recipient.locale),
    changed: version > 1,
  });
  return [
    {
      recipient,
      message: { text, choices: [[{ label: t.objectButton, data: `k:ask:${evaluationId}` }]] },
    },
  ];
}

async function objectionWithEvaluation(tx: Tx, objectionId: string) {
  return tx.objection.findUnique({
    where: { id: objectionId },
    select: {
      id: true,
      reason: true,
      deciderId: true,
      decision: true,
      decisionReason: true,
      decider: { select: { name: true } },
      evaluation: {
        select: {
          personId: true,
          raterId: true,
          periodName: true,
          ratingHasilKerja: true,
          ratingPerilaku: true,
          predikat: true,
          feedback: true,
          person: { select: { name: true } },
          rater: { select: { name: true } },
        },
      },
    },
  });
}

/** An objection, for the rater's own supervisor (Slack first), with everything to judge it and the two buttons. */
export async function objectionNotices(tx: Tx, objectionId: string, deps: NoticeDeps): Promise<Notice[]> {
  const objection = await objectionWithEvaluation(tx, objectionId);
  if (!objection || objection.decision !== null) return [];
  const recipient = await recipientFor(tx, objection.deciderId, "SLACK", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).evaluation;
  const e = objection.evaluation;
  const text = t.objectionReceived({
    name: e.person.name,
    period: e.periodName,
    rater: e.rater.name,
    hasil: t.rating[e.ratingHasilKerja],
    perilaku: t.rating[e.ratingPerilaku],
    predikat: t.predikat[e.predikat],
    feedback: e.feedback,
    reason: objection.reason,
  });
  return [
    {
      recipient,
      message: {
        text,
        choices: [
          [
            { label: t.keep, data: `o:keep:${objection.id}` },
            { label: t.changeResult, data: `o:chg:${objection.id}` },
          ],
        ],
      },
    },
  ];
}

/** The decision on an objection, for the employee and for the rater. */
export async function objectionDecisionNotices(
  tx: Tx,
  objectionId: string,
  deps: NoticeDeps,
): Promise<Notice[]> {
  const objection = await objectionWithEvaluation(tx, objectionId);
  if (!objection?.decision) return [];
  const e = objection.evaluation;
  const notices: Notice[] = [];
  const employee = await recipientFor(tx, e.personId, "TELEGRAM", deps.defaultLocale);
  if (employee) {
    const t = messagesFor(employee.locale).evaluation;
    notices.push({
      recipient: employee,
      message: {
        text: t.decisionTold({
          period: e.periodName,
          decider: objection.decider.name,
          changed: objection.decision === "DIUBAH",
          predikat: t.predikat[e.predikat],
          reason: objection.decisionReason ?? "-",
        }),
      },
    });
  }
  const rater = await recipientFor(tx, e.raterId, "SLACK", deps.defaultLocale);
  if (rater) {
    const t = messagesFor(rater.locale).evaluation;
    notices.push({
      recipient: rater,
      message: {
        text: t.decisionToldRater({
          name: e.person.name,
          period: e.periodName,
          decider: objection.decider.name,
          changed: objection.decision === "DIUBAH",
          predikat: t.predikat[e.predikat],
          reason: objection.decisionReason ?? "-",
        }),
      },
    });
  }
  return notices;
}
