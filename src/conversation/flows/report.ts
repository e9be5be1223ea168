import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseDateInput } from "../../domain/date-input.ts";
import { isLocalDate } from "../../domain/local-date.ts";
import { parseTimeSpent } from "../../domain/time-spent.ts";
import { formatDate } from "../../i18n/format.ts";
import { messagesFor } from "../../i18n/index.ts";
import {
  type ActivityDraft,
  checkTimeSpent,
  claimedMinutes,
  createSubmittedActivity,
  lockPerson,
  resubmitActivity,
  type TimeProblem,
} from "../../services/activities.ts";
import { type PersonInContext, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay, type PersonDay } from "../person-day.ts";
import type { Choice, InboundEvent, Reply } from "../types.ts";
import { askFor, describeTime, indicatorOf } from "./report-prompts.ts";
import {
  nextStep,
  REPORT_FLOW,
  type ReportData,
  type ReportStep,
  readReportData,
  reportState,
} from "./report-state.ts";

const description = z.string().trim().min(3).max(500);
const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,7}$/)
  .transform(Number);
const httpLink = z.url({ protocol: /^https?$/ });

type Answer = { ok: true; data: ReportData } | { ok: false; text: string };

/** Shows the step's question, prefixed by an optional message (an error or a note). */
async function ask(
  ctx: TurnContext,
  step: ReportStep,
  data: ReportData,
  before: Reply[] = [],
): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const prompt = await askFor(ctx, person, step, data);
  const question = randomBytes(3).toString("base64url");
  const tag = (choices: Choice[][]): Choice[][] =>
    choices.map((row) =>
      row.map((c) =>
        "data" in c && c.data.startsWith("r:") ? { ...c, data: `r:${question}:${c.data.slice(2)}` } : c,
      ),
    );
  const replies = prompt.replies.map((r) =>
    r.kind === "message" && r.choices ? { ...r, choices: tag(r.choices) } : r,
  );
  return reply(...before, ...replies).next(reportState(step, { ...prompt.data, question }));
}

async function advance(ctx: TurnContext, data: ReportData, before: Reply[] = []): Promise<TurnResult> {
  return ask(ctx, nextStep(data), data, before);
}

function timeProblemText(ctx: TurnContext, problem: TimeProblem): string {
  const t = ctx.t.report;
  if (problem.kind === "IN_FUTURE") return t.rangeInFuture;
  if (problem.kind === "OVERLAPS")
    return t.rangeOverlaps(describeTime(problem.startMinute, problem.endMinute));
  return t.overDailyLimit(problem.claimed, problem.limit);
}

function checkDate(ctx: TurnContext, day: PersonDay, date: string, data: ReportData): string | null {
  if (date > day.today) return ctx.t.report.futureDate;
  if (data.originalDate === date) return null;
  if (!day.calendar.isWithinBackdateLimit(day.today, date, day.rules.backdateWorkingDays)) {
    // earliestBackdate is never later than yesterday, which is always allowed.
    const earliest = day.calendar.earliestBackdate(day.today, day.rules.backdateWorkingDays);
    return ctx.t.report.tooOld(formatDate(earliest, ctx.locale));
  }
  return null;
}

async function answerDate(
  ctx: TurnContext,
  person: PersonInContext,
  data: ReportData,
  date: string | null,
): Promise<Answer> {
  if (!date) return { ok: false, text: ctx.t.report.badDate };
  const day = await loadPersonDay(ctx, person);
  const problem = checkDate(ctx, day, date, data);
  if (problem) return { ok: false, text: problem };
  // A new date may change which indicators exist (another SKP year) and the day's minutes.
  const yearChanged = data.date !== undefined && data.date.slice(0, 4) !== date.slice(0, 4);
  return { ok: true, data: { ...data, date, ...(yearChanged ? { ikiId: undefined } : {}) } };
}

async function answerTime(
  ctx: TurnContext,
  person: PersonInContext,
  data: ReportData,
  text: string,
): Promise<Answer> {
  const parsed = parseTimeSpent(text);
  if (!parsed.ok) {
    const t = ctx.t.report;
    const errors = {
      UNREADABLE: t.badTime,
      ZERO: t.zeroTime,
      RANGE_END_NOT_AFTER_START: t.rangeReversed,
      MORE_THAN_A_DAY: t.moreThanADay,
    };
    return { ok: false, text: errors[parsed.error] };
  }
  const day = await loadPersonDay(ctx, person);
  const problem = await checkTimeSpent(ctx.tx, {
    personId: person.id,
    date: data.date ?? day.today,
    time: parsed.value,
    minutesPerDay: day.rules.minutesPerDay,
    today: day.today,
    nowMinuteOfDay: day.nowMinuteOfDay,
    excludeActivityId: data.activityId,
  });
  if (problem) return { ok: false, text: timeProblemText(ctx, problem) };
  const { minutes, startMinute, endMinute } = parsed.value;
  return { ok: true, data: { ...data, minutes, startMinute, endMinute } };
}

async function onAnswer(
  ctx: TurnContext,
  step: ReportStep,
  data: ReportData,
  answer: Answer,
): Promise<TurnResult> {
  if (!answer.ok) return ask(ctx, step, data, [{ kind: "message", text: answer.text }]);
  return advance(ctx, answer.data);
}

async function submit(ctx: TurnContext, person: PersonInContext, data: ReportData): Promise<TurnResult> {
  if (data.date === undefined || data.ikiId === undefined || data.description === undefined)
    return advance(ctx, data);
  if (data.quantity === undefined || data.minutes === undefined || data.evidence === undefined)
    return advance(ctx, data);
  await lockPerson(ctx.tx, person.id);
  const day = await loadPersonDay(ctx, person);
  const dateProblem = checkDate(ctx, day, data.date, data);
  if (dateProblem) return ask(ctx, "date", data, [{ kind: "message", text: dateProblem }]);
  const time = { minutes: data.minutes, startMinute: data.startMinute, endMinute: data.endMinute };
  const timeProblem = await checkTimeSpent(ctx.tx, {
    personId: person.id,
    date: data.date,
    time,
    minutesPerDay: day.rules.minutesPerDay,
    today: day.today,
    nowMinuteOfDay: day.nowMinuteOfDay,
    excludeActivityId: data.activityId,
  });
  if (timeProblem) {
    return ask(ctx, "time", data, [{ kind: "message", text: timeProblemText(ctx, timeProblem) }]);
  }
  const indicator = await indicatorOf(ctx, person, data.ikiId, data.date);
  if (data.ikiId !== null && !indicator) return ask(ctx, "iki", { ...data, ikiId: undefined });
  const draft: ActivityDraft = {
    date: data.date,
    ikiId: data.ikiId,
    description: data.description,
    quantity: data.quantity,
    time: {
      minutes: data.minutes,
      ...(data.startMinute !== undefined && data.endMinute !== undefined
        ? { startMinute: data.startMinute, endMinute: data.endMinute }
        : {}),
    },
    evidence: data.evidence,
  };
  const common = {
    personId: person.id,
    draft,
    // Stored, shown to the supervisor and exported: the unit of "tugas lain" does not follow the
    // employee's chat language (indicator units are Indonesian too).
    unitLabel: indicator?.unitLabel ?? messagesFor("id").report.otherTaskUnit,
    onNonWorkingDay: !day.calendar.isWorkingDay(data.date),
    via: ctx.account.platform,
    now: ctx.now,
  };
  const again: Choice[][] = [[{ label: ctx.t.report.addAnother, data: "m:lapor" }]];
  if (data.activityId !== undefined && data.activityVersion !== undefined) {
    const saved = await resubmitActivity(ctx.tx, {
      ...common,
      activityId: data.activityId,
      expectedVersion: data.activityVersion,
    });
    if (!saved) return reply({ kind: "message", text: ctx.t.report.notEditable }).end();
    ctx.effects.push({
      kind: "activity-submitted",
      activityId: data.activityId,
      version: data.activityVersion + 1,
    });
    return reply({ kind: "message", text: ctx.t.report.resubmitted, choices: again }).end();
  }
  const activityId = await createSubmittedActivity(ctx.tx, common);
  ctx.effects.push({ kind: "activity-submitted", activityId, version: 1 });
  const total = await claimedMinutes(ctx.tx, person.id, data.date);
  return reply({
    kind: "message",
    text: ctx.t.report.submitted(total, day.rules.minutesPerDay),
    choices: again,
  }).end();
}

const CHANGE_TARGETS: Record<string, Partial<ReportData>> = {
  date: { date: undefined },
  iki: { ikiId: undefined },
  desc: { description: undefined },
  qty: { quantity: undefined },
  time: { minutes: undefined, startMinute: undefined, endMinute: undefined },
  ev: { evidence: undefined },
};

/** The /lapor dialog (SPEC section 5): one question at a time, buttons wherever the choice is finite. */
export const reportFlow = {
  name: REPORT_FLOW,

  async start(ctx: TurnContext, prefill: Partial<ReportData> = {}): Promise<TurnResult> {
    return advance(ctx, { offered: [], ...prefill });
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const person = requirePerson(ctx);
    const current = readReportData(ctx.state);
    if (!current) return reply({ kind: "message", text: ctx.t.common.expired }).end();
    const { step, data } = current;
    switch (step) {
      case "date": {
        const day = await loadPersonDay(ctx, person);
        return onAnswer(
          ctx,
          step,
          data,
          await answerDate(ctx, person, data, parseDateInput(text, day.today)),
        );
      }
      case "desc": {
        const parsed = description.safeParse(text);
        const answer: Answer = parsed.success
          ? { ok: true, data: { ...data, description: parsed.data } }
          : { ok: false, text: ctx.t.report.badDescription };
        return onAnswer(ctx, step, data, answer);
      }
      case "qty": {
        const parsed = quantity.safeParse(text);
        const unit =
          (await indicatorOf(ctx, person, data.ikiId ?? null, data.date))?.unitLabel ??
          ctx.t.report.otherTaskUnit;
        const answer: Answer = parsed.success
          ? { ok: true, data: { ...data, quantity: parsed.data } }
          : { ok: false, text: ctx.t.report.badQuantity(unit) };
        return onAnswer(ctx, step, data, answer);
      }
      case "time":
        return onAnswer(ctx, step, data, await answerTime(ctx, person, data, text));
      case "ev": {
        const link = httpLink.safeParse(text.trim());
        const answer: Answer = link.success
          ? { ok: true, data: { ...data, evidence: { kind: "LINK", url: link.data } } }
          : { ok: false, text: ctx.t.report.badEvidence };
        return onAnswer(ctx, step, data, answer);
      }
      default:
        // Buttons expected (indicator, summary, change): ask again.
        return ask(ctx, step, data, [{ kind: "message", text: ctx.t.report.useButtons }]);
    }
  },

  async onFile(ctx: TurnContext, event: Extract<InboundEvent, { kind: "file" }>): Promise<TurnResult> {
    const current = readReportData(ctx.state);
    if (!current) return reply({ kind: "message", text: ctx.t.common.expired }).end();
    const { step, data } = current;
    if (step !== "ev") return ask(ctx, step, data, [{ kind: "message", text: ctx.t.report.fileNotNow }]);
    const { file } = event;
    const evidence = {
      kind: file.kind,
      fileId: file.fileId,
      ...(file.fileUniqueId ? { fileUniqueId: file.fileUniqueId } : {}),
      ...(file.fileName ? { fileName: file.fileName } : {}),
      ...(file.mimeType ? { mimeType: file.mimeType } : {}),
      ...(file.sizeBytes !== undefined ? { sizeBytes: file.sizeBytes } : {}),
    };
    return onAnswer(ctx, step, data, { ok: true, data: { ...data, evidence } });
  },

  async onChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
    const person = requirePerson(ctx);
    const current = readReportData(ctx.state);
    if (!current) return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    const { step, data } = current;
    const [question, action, arg] = parts;
    const stale = () => reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    if (question !== data.question) return stale();
    switch (action) {
      case "date":
        if (step !== "date") return stale();
        // Button data is input too: only a real date goes on to the date rules.
        return onAnswer(
          ctx,
          step,
          data,
          await answerDate(ctx, person, data, arg !== undefined && isLocalDate(arg) ? arg : null),
        );
      case "iki": {
        if (step !== "iki") return stale();
        if (arg === "other") return onAnswer(ctx, step, data, { ok: true, data: { ...data, ikiId: null } });
        const ikiId = data.offered[Number(arg)];
        if (ikiId === undefined) return stale();
        return onAnswer(ctx, step, data, { ok: true, data: { ...data, ikiId } });
      }
      case "skip":
        if (step !== "ev") return stale();
        return onAnswer(ctx, step, data, { ok: true, data: { ...data, evidence: { kind: "NONE" } } });
      case "send":
        if (step !== "summary") return stale();
        return submit(ctx, person, data);
      case "change":
        if (step !== "summary") return stale();
        return ask(ctx, "change", data);
      case "edit": {
        const reset = arg ? CHANGE_TARGETS[arg] : undefined;
        if (step !== "change" || !reset) return stale();
        const cleared = { ...data, ...reset };
        return ask(ctx, nextStep(cleared), cleared);
      }
      case "cancel":
        return reply({ kind: "message", text: ctx.t.common.cancelled }).end();
      default:
        return stale();
    }
  },
};
