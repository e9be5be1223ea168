import { recognitionMessage } from "../conversation/recognition-message.ts";
import type { LocaleCode } from "../conversation/types.ts";
import type { LocalDate } from "../domain/local-date.ts";
import { localDate } from "../domain/time-zone.ts";
import { createWorkingCalendar, type WorkingCalendar } from "../domain/working-calendar.ts";
import type { Platform } from "../generated/prisma/client.ts";
import { formatDate, formatShortDate } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import type { OutboundMessage } from "../outbound/port.ts";
import {
  COLLEAGUE_INVITATION_KIND,
  colleagueInvitationState,
  INVITATION_MAX_COLLEAGUES,
  parseColleagueInvitationSlot,
} from "../services/colleague-invitations.ts";
import type { Tx } from "../services/db-types.ts";
import {
  type EvaluationSlotKind,
  evaluationSlotState,
  parseEvaluationSlot,
  type UnratedRatee,
} from "../services/evaluation-reminders.ts";
import { preferredAccount, type Recipient } from "../services/recipients.ts";
import { type RecognitionView, recognitionState } from "../services/recognition.ts";
import { parseRecognitionSlot, RECOGNITION_KIND } from "../services/recognition-plan.ts";
import type { ReminderTarget } from "../services/reminder-deliveries.ts";
import { teamOf } from "../services/team.ts";
import { createUnitCalendarCache, type UnitCalendarCache } from "../services/unit-calendar-cache.ts";

/**
 * Reminders as the person receives them: what a `reminder_delivery` row says at the moment it is sent.
 * Everything is decided again at send time (a report may have come in, leave declared, the day ended);
 * the row only says who, which day and which slot.
 */
export type ReminderKind =
  | "report"
  | "escalation"
  | "pending-review"
  | EvaluationSlotKind
  | typeof COLLEAGUE_INVITATION_KIND
  | typeof RECOGNITION_KIND;

/**
 * "report-15:30" → report; "escalation"; "pending-review"; "penilaian-buka:<CODE>" and the other
 * evaluation slots (services/evaluation-reminders.ts) → their kind; "masukan-undangan:<CODE>"
 * (services/colleague-invitations.ts) → its kind; "penghargaan:<MONTH>" (services/recognition-plan.ts) → its
 * kind; anything else is unknown.
 */
export function reminderKind(slot: string): ReminderKind | null {
  if (/^report-([01]\d|2[0-3]):[0-5]\d$/.test(slot)) return "report";
  if (slot === "escalation" || slot === "pending-review") return slot;
  if (parseColleagueInvitationSlot(slot) !== null) return COLLEAGUE_INVITATION_KIND;
  if (parseRecognitionSlot(slot) !== null) return RECOGNITION_KIND;
  return parseEvaluationSlot(slot)?.kind ?? null;
}

/** What there is to say, computed at send time. */
export type ReminderContent =
  | { kind: "report" }
  /**
   * Direct reports with no report on the previous working day (`day`: the supervisor's unit's; a report
   * whose own unit's previous working day differs carries that day), sorted by name
   */
  | { kind: "escalation"; day: LocalDate; missing: MissingReport[] }
  /** Team reports waiting for a decision for more than one working day */
  | { kind: "pending-review"; count: number }
  /** To a rater: the period's rating is open (`penilaian-buka`) or its deadline near (`penilaian-pengingat`) */
  | {
      kind: "penilaian-buka" | "penilaian-pengingat";
      period: EvaluationPeriodShown;
      /** Ratees with no rating for the period yet */
      count: number;
    }
  /** To the rater's own supervisor, the working day after the deadline: who is still unrated, by rater */
  | { kind: "penilaian-eskalasi"; period: EvaluationPeriodShown; unrated: UnratedRatee[] }
  /** To an employee, in the period's last working days: give input on up to 3 colleagues, or decline */
  | { kind: typeof COLLEAGUE_INVITATION_KIND; period: { code: string; name: string; endDate: LocalDate } }
  /** To a unit head, on the month's first working day: up to 3 suggested staff of the month before */
  | { kind: typeof RECOGNITION_KIND; recognition: RecognitionView };

export interface EvaluationPeriodShown {
  code: string;
  name: string;
  ratingDeadline: LocalDate;
}

export type ReminderCheck = { due: true; content: ReminderContent } | { due: false; reason: string };

export interface ReminderCheckOptions {
  /** Unit rules and holidays (share the worker's cache; default: read each time) */
  unitCalendars?: UnitCalendarCache;
}

/** Employees are reminded where they report (Telegram first); supervisors where they review (Slack first). */
const PREFERRED_PLATFORM: Record<ReminderKind, Platform> = {
  report: "TELEGRAM",
  escalation: "SLACK",
  "pending-review": "SLACK",
  "penilaian-buka": "SLACK",
  "penilaian-pengingat": "SLACK",
  "penilaian-eskalasi": "SLACK",
  "masukan-undangan": "TELEGRAM",
  penghargaan: "SLACK",
};

/** Names listed in an escalation; the rest are counted. */
const MAX_ESCALATION_NAMES = 20;

/** The core's button data that opens the rater's board for a period (the conversation's evaluation flow). */
export const evaluationBoardData = (periodCode: string): string => `e:board:${periodCode}`;
/** The core's button data of the invitation's two answers (the conversation's colleague-input flow). */
export const colleagueInputStartData = (periodCode: string): string => `c:start:${periodCode}`;
export const colleagueInputDeclineData = (periodCode: string): string => `c:no:${periodCode}`;

async function unitCalendar(tx: Tx, unitId: string, cache: UnitCalendarCache): Promise<WorkingCalendar> {
  const { rules, holidays } = await cache.get(tx, unitId);
  return createWorkingCalendar({ workingDays: rules.workingDays, holidays });
}

/**
 * Whether the reminder still has something to say at `now`, and what. Never: for someone inactive,
 * for a slot not known, or once the row's day has ended in the person's unit zone (a slot missed
 * during downtime is still sent while its day lasts). A report reminder not: when a report for the day
 * came in, an absence covers it, or the day is no working day after all (a holiday imported since).
 * An escalation not: when every direct report reported (or was off); a pending review not: when
 * nothing has waited more than one working day. An evaluation slot not: when nobody it is about is
 * unrated any more (by the planner's rules, services/evaluation-reminders.ts), or the period no longer
 * holds for the recipient's ratees. The colleagues' invitation not: once declined, once input on three
 * colleagues was given, with no colleague left, or the period gone or over (services/colleague-invitations.ts).
 * The recognition not: once answered, or with nobody to suggest (services/recognition.ts).
 */
export async function isStillDue(
  tx: Tx,
  target: ReminderTarget,
  now: Date,
  options: ReminderCheckOptions = {},
): Promise<ReminderCheck> {
  const kind = reminderKind(target.slot);
  if (kind === null) return { due: false, reason: `unknown slot ${target.slot}` };
  if (!target.active) return { due: false, reason: "person inactive" };
  if (localDate(target.timeZone, now) > target.date) return { due: false, reason: "day over" };
  if (kind === "penilaian-buka" || kind === "penilaian-pengingat" || kind === "penilaian-eskalasi") {
    return evaluationCheck(tx, target);
  }
  if (kind === COLLEAGUE_INVITATION_KIND) {
    const state = await colleagueInvitationState(tx, target);
    if (!state.due) return state;
    return { due: true, content: { kind, period: state.period } };
  }
  const calendars = options.unitCalendars ?? createUnitCalendarCache(0);
  if (kind === RECOGNITION_KIND) {
    const state = await recognitionState(tx, target, parseRecognitionSlot(target.slot)!, calendars);
    if (!state.due) return state;
    return { due: true, content: { kind, recognition: state.recognition } };
  }
  if (kind === "report") {
    if (target.reportedOnDate) return { due: false, reason: "reported" };
    if (target.absentOnDate) return { due: false, reason: "absent" };
    const calendar = await unitCalendar(tx, target.unitId, calendars);
    if (!calendar.isWorkingDay(target.date)) return { due: false, reason: "not a working day" };
    return { due: true, content: { kind: "report" } };
  }
  if (kind === "escalation") {
    const calendar = await unitCalendar(tx, target.unitId, calendars);
    const day = calendar.previousWorkingDay(target.date);
    const missing = await directReportsWithoutReport(tx, target.personId, target.date, calendars);
    if (missing.length === 0) return { due: false, reason: "nothing missing" };
    return { due: true, content: { kind: "escalation", day, missing } };
  }
  const count = await reportsWaitingLong(tx, target, now, calendars);
  if (count === 0) return { due: false, reason: "nothing waiting" };
  return { due: true, content: { kind: "pending-review", count } };
}

async function evaluationCheck(tx: Tx, target: ReminderTarget): Promise<ReminderCheck> {
  const state = await evaluationSlotState(tx, target);
  if (!state) return { due: false, reason: `unknown slot ${target.slot}` };
  if (!state.period) return { due: false, reason: "period not found" };
  if (state.unrated.length === 0) return { due: false, reason: "everyone rated" };
  const period = {
    code: state.period.code,
    name: state.period.name,
    ratingDeadline: state.period.ratingDeadline,
  };
  if (state.kind === "penilaian-eskalasi") {
    return { due: true, content: { kind: state.kind, period, unrated: state.unrated } };
  }
  return { due: true, content: { kind: state.kind, period, count: state.unrated.length } };
}

/** A direct report with no report on `day`, the previous working day of their own unit. */
export interface MissingReport {
  name: string;
  day: LocalDate;
}

/**
 * Direct reports of `supervisorId` (active, relation in force on the day in question) who have no
 * report that counts and no absence on the previous working day of their own unit before `today`
 * (the planner's rule: a Puskesmas working on Saturdays is asked about Saturday on Monday).
 */
async function directReportsWithoutReport(
  tx: Tx,
  supervisorId: string,
  today: LocalDate,
  calendars: UnitCalendarCache,
): Promise<MissingReport[]> {
  const units = await tx.$queryRaw<{ unitId: string }[]>`
    SELECT DISTINCT p.unit_id::text AS "unitId"
    FROM supervisor_relation sr JOIN person p ON p.id = sr.person_id
    WHERE sr.supervisor_id = ${supervisorId}::uuid AND p.active AND p.id <> ${supervisorId}::uuid
      AND sr.valid_from <= ${today}::date`;
  if (units.length === 0) return [];
  const missedDays: string[] = [];
  // One unit after the other: a transaction is one connection (see unit-rules.ts).
  for (const { unitId } of units) {
    missedDays.push((await unitCalendar(tx, unitId, calendars)).previousWorkingDay(today));
  }
  const rows = await tx.$queryRaw<MissingReport[]>`
    SELECT DISTINCT p.name, to_char(m.missed_day, 'YYYY-MM-DD') AS day
    FROM unnest(${units.map((u) => u.unitId)}::uuid[], ${missedDays}::date[]) AS m(unit_id, missed_day)
    JOIN person p ON p.unit_id = m.unit_id AND p.active AND p.id <> ${supervisorId}::uuid
    JOIN supervisor_relation sr ON sr.person_id = p.id AND sr.supervisor_id = ${supervisorId}::uuid
     AND sr.valid_from <= m.missed_day AND (sr.valid_to IS NULL OR sr.valid_to > m.missed_day)
    WHERE NOT EXISTS (SELECT 1 FROM activity a WHERE a.person_id = p.id AND a.date = m.missed_day
                      AND a.status IN ('DIAJUKAN', 'DISETUJUI', 'REVISI'))
      AND NOT EXISTS (SELECT 1 FROM absence b WHERE b.person_id = p.id
                      AND b.start_date <= m.missed_day AND b.end_date >= m.missed_day)`;
  return rows.sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** The supervisor's team reports submitted more than one working day before the row's day. */
async function reportsWaitingLong(
  tx: Tx,
  target: ReminderTarget,
  now: Date,
  calendars: UnitCalendarCache,
): Promise<number> {
  const team = await teamOf(tx, target.personId, now);
  if (team.length === 0) return 0;
  const pending = await tx.activity.findMany({
    where: { personId: { in: team.map((m) => m.id) }, status: "DIAJUKAN" },
    select: { submittedAt: true },
  });
  const calendar = await unitCalendar(tx, target.unitId, calendars);
  return pending.filter(
    (a) => calendar.workingDaysBetween(localDate(target.timeZone, a.submittedAt), target.date) > 1,
  ).length;
}

/** Where the reminder goes: the person's reachable account on the platform of its kind, else any. */
export function reminderRecipient(target: ReminderTarget, defaultLocale: LocaleCode): Recipient | null {
  const kind = reminderKind(target.slot) ?? "report";
  const account = preferredAccount(target.accounts, PREFERRED_PLATFORM[kind]);
  if (!target.active || !account) return null;
  return {
    personId: target.personId,
    locale: target.locale ?? defaultLocale,
    address: { platform: account.platform, address: account.address, teamId: account.teamId ?? null },
  };
}

/** The neutral message: short, polite, one button that does the next step. */
export function reminderMessage(content: ReminderContent, locale: LocaleCode): OutboundMessage {
  const t = messagesFor(locale).reminder;
  switch (content.kind) {
    case "report":
      return { text: t.report, choices: [[{ label: t.reportButton, data: "m:lapor" }]] };
    case "escalation": {
      const shown = content.missing
        .slice(0, MAX_ESCALATION_NAMES)
        .map((m) => (m.day === content.day ? m.name : `${m.name} (${formatShortDate(m.day, locale)})`));
      return {
        text: t.escalation(shown, formatDate(content.day, locale), content.missing.length - shown.length),
        choices: [[{ label: t.escalationButton, data: "m:tim" }]],
      };
    }
    case "pending-review":
      return {
        text: t.pendingReview(content.count),
        choices: [[{ label: t.pendingReviewButton, data: "m:antrian" }]],
      };
    case "penilaian-buka":
    case "penilaian-pengingat": {
      const e = messagesFor(locale).evaluationReminders;
      const deadline = formatDate(content.period.ratingDeadline, locale);
      const text =
        content.kind === "penilaian-buka"
          ? e.request(content.period.name, content.count, deadline)
          : e.reminder(content.period.name, content.count, deadline);
      return { text, choices: [[{ label: e.boardButton, data: evaluationBoardData(content.period.code) }]] };
    }
    case "penilaian-eskalasi": {
      const e = messagesFor(locale).evaluationReminders;
      // Grouped under their rater (the list comes sorted by rater, then name), at most the cap named.
      const groups: { rater: string; names: string[] }[] = [];
      for (const ratee of content.unrated.slice(0, MAX_ESCALATION_NAMES)) {
        const last = groups.at(-1);
        if (last && last.rater === ratee.raterName) last.names.push(ratee.name);
        else groups.push({ rater: ratee.raterName, names: [ratee.name] });
      }
      const more = Math.max(content.unrated.length - MAX_ESCALATION_NAMES, 0);
      const deadline = formatDate(content.period.ratingDeadline, locale);
      return { text: e.escalation(content.period.name, deadline, groups, more) };
    }
    case RECOGNITION_KIND:
      return recognitionMessage(content.recognition, locale);
    case COLLEAGUE_INVITATION_KIND: {
      const c = messagesFor(locale).colleagueInvitation;
      const code = content.period.code;
      return {
        text: c.invitation(
          content.period.name,
          formatDate(content.period.endDate, locale),
          INVITATION_MAX_COLLEAGUES,
        ),
        choices: [
          [
            { label: c.startButton, data: colleagueInputStartData(code) },
            { label: c.declineButton, data: colleagueInputDeclineData(code) },
          ],
        ],
      };
    }
  }
}
