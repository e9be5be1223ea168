import { zoneLabel } from "../domain/time-zone.ts";
import { formatDate, formatInstant } from "../i18n/format.ts";
import type { Messages } from "../i18n/id.ts";
import { messagesFor } from "../i18n/index.ts";
import { type Tx, toLocalDate } from "../services/db-types.ts";
import { describeTime } from "./flows/report-prompts.ts";
import type { Choice, LocaleCode } from "./types.ts";

/** Builds links to evidence files through the product's own signed endpoint (never a platform URL). */
export interface EvidenceLinks {
  evidenceUrl(evidenceId: string): string | null;
}

export interface ReviewMessage {
  text: string;
  choices: Choice[][];
  employeeId: string;
  version: number;
}

/** Buttons carry the version the supervisor saw, so a click on an outdated message changes nothing. */
export const reviewChoices = (t: Messages, activityId: string, version: number): Choice[][] => [
  [
    { label: t.review.approve, data: `v:ok:${activityId}:${version}` },
    { label: t.review.revise, data: `v:rev:${activityId}:${version}` },
    { label: t.review.reject, data: `v:no:${activityId}:${version}` },
  ],
];

/** The supervisor's view of a submitted activity (SPEC section 6), with or without its decision line. */
export async function renderReviewMessage(
  tx: Tx,
  activityId: string,
  locale: LocaleCode,
  links: EvidenceLinks,
): Promise<ReviewMessage | null> {
  const activity = await tx.activity.findUnique({
    where: { id: activityId },
    include: {
      person: { select: { name: true, unit: { select: { timeZone: true } } } },
      iki: { select: { code: true, indicator: true } },
      evidence: true,
      history: { orderBy: { at: "desc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!activity) return null;
  const t = messagesFor(locale);
  const evidence =
    activity.evidence
      .map((e) => {
        if (e.kind === "LINK") return e.url ?? "";
        const label =
          e.kind === "PHOTO" ? t.report.evidencePhoto : t.report.evidenceDocument(e.fileName ?? "");
        const url = links.evidenceUrl(e.id);
        return url ? `${label}: ${url}` : label;
      })
      .join(", ") || t.report.evidenceNone;
  const resubmitted =
    (await tx.activityStatusChange.count({ where: { activityId, fromStatus: "REVISI" } })) > 0;
  let text = t.review.request({
    employee: activity.person.name,
    date: formatDate(toLocalDate(activity.date), locale),
    indicator: activity.iki ? `${activity.iki.code} ${activity.iki.indicator}` : t.common.otherTask,
    description: activity.description,
    quantity: `${activity.quantity} ${activity.unitLabel}`,
    minutes: activity.minutes,
    time:
      activity.startMinute !== null && activity.endMinute !== null
        ? describeTime(activity.startMinute, activity.endMinute)
        : "",
    evidence,
    resubmitted,
  });
  // The change that led to the current status (several changes may share a timestamp).
  const last = activity.history.find((h) => h.toStatus === activity.status);
  if (activity.status !== "DIAJUKAN" && last) {
    const zone = activity.person.unit.timeZone;
    const at = formatInstant(last.at, zone, zoneLabel(zone), locale);
    text += `\n\n${t.review.decided(t.common.status[activity.status], last.actor?.name ?? "-", at)}`;
    if (last.reason) text += `\n${t.review.reasonLine(last.reason)}`;
  }
  return {
    text,
    choices: activity.status === "DIAJUKAN" ? reviewChoices(t, activity.id, activity.version) : [],
    employeeId: activity.personId,
    version: activity.version,
  };
}
