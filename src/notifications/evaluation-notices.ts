import type { PeriodKind } from "../domain/periods.ts";
import { formatDate, formatNumber } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import { type Tx, toLocalDate } from "../services/db-types.ts";
import { periodEvidence } from "../services/evaluation-evidence.ts";
import { recipientFor } from "../services/recipients.ts";
import { createUnitCalendarCache } from "../services/unit-calendar-cache.ts";
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
      ratedBy: { select: { name: true } },
    },
  });
  // A newer version has its own notification; an objected or final one is told by the decision.
  if (!evaluation || evaluation.version !== version || evaluation.status !== "DINILAI") return [];
  const recipient = await recipientFor(tx, evaluation.personId, "TELEGRAM", deps.defaultLocale);
  if (!recipient) return [];
  const t = messagesFor(recipient.locale).evaluation;
  const text = t.told({
    period: evaluation.periodName,
    rater: evaluation.ratedBy?.name ?? evaluation.rater.name,
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
          periodCode: true,
          periodName: true,
          periodKind: true,
          startDate: true,
          endDate: true,
          ratingDeadline: true,
          ratingHasilKerja: true,
          ratingPerilaku: true,
          predikat: true,
          feedback: true,
          person: { select: { name: true, unitId: true, unit: { select: { timeZone: true } } } },
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
  const evidence = await evidenceSummary(tx, objection.evaluation, recipient.locale);
  return [
    {
      recipient,
      message: {
        text: `${text}\n\n${evidence}`,
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

/** The evidence the rater had, in short: capaian per IKI and approved vs available minutes in the period. */
async function evidenceSummary(
  tx: Tx,
  e: {
    personId: string;
    periodCode: string;
    periodName: string;
    periodKind: PeriodKind;
    startDate: Date;
    endDate: Date;
    ratingDeadline: Date;
    person: { unitId: string; unit: { timeZone: string } };
  },
  locale: "id" | "en",
): Promise<string> {
  const t = messagesFor(locale).evaluation;
  const period = {
    code: e.periodCode,
    name: e.periodName,
    kind: e.periodKind,
    startDate: toLocalDate(e.startDate),
    endDate: toLocalDate(e.endDate),
    ratingDeadline: toLocalDate(e.ratingDeadline),
  };
  const evidence = await periodEvidence(
    tx,
    createUnitCalendarCache(0),
    { id: e.personId, unitId: e.person.unitId },
    period,
    e.person.unit.timeZone,
  );
  const n = (value: number) => formatNumber(value, locale);
  return [
    t.evidenceSummary,
    ...evidence.ikis.map((iki) =>
      t.evidenceIki(
        iki.ikiCode,
        n(iki.realisedInPeriod),
        n(iki.realisedToEnd),
        n(iki.target),
        iki.unitLabel,
        n(iki.percent),
      ),
    ),
    t.minutes(evidence.approvedMinutes, evidence.availableMinutes, evidence.approvedActivities),
  ].join("\n");
}
