import { z } from "zod";
import { isLocalDate } from "../../domain/local-date.ts";
import { formatDate, formatShortDate } from "../../i18n/format.ts";
import {
  approveListed,
  type PendingActivity,
  type PendingOfEmployee,
  pendingForTeam,
  pendingOfDay,
} from "../../services/review-queue.ts";
import { auditRefusal, memberFor, type TeamMember, teamOf } from "../../services/team.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { renderReviewMessage } from "../review-message.ts";
import { renderTrainingItem, type TrainingItem } from "../training-message.ts";
import type { Choice, Reply } from "../types.ts";

/** The dialog state of an open "approve the whole day?" question; its buttons are `q:yes` / `q:no`. */
const FLOW = "q";
/** Messages stay well below Telegram's 4,096 characters and 100 buttons. */
const MAX_PEOPLE = 10;
const MAX_DAYS = 7;
const MAX_LINES = 15;
const MAX_DESCRIPTION = 80;
/** Training requests and completions shown, each its own message with its live buttons. */
const MAX_TRAINING = 10;

const confirmState = z.object({
  employeeId: z.string(),
  name: z.string(),
  date: z.string(),
  /** Exactly what the confirmation listed: Ya approves these and nothing else */
  activities: z.array(z.object({ id: z.string(), version: z.number().int() })).min(1),
});

const shorten = (text: string) =>
  text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;

function activityLines(ctx: TurnContext, activities: readonly PendingActivity[]): string[] {
  const lines = activities
    .slice(0, MAX_LINES)
    .map((a) => ctx.t.queue.line(shorten(a.description), `${a.quantity} ${a.unitLabel}`, a.minutes));
  if (activities.length > MAX_LINES) lines.push(ctx.t.queue.moreLines(activities.length - MAX_LINES));
  return lines;
}

/** One employee's pending days, each with "approve all" and "review one by one". */
function employeeMessage(ctx: TurnContext, entry: PendingOfEmployee): Reply {
  const t = ctx.t.queue;
  const lines = [t.employee(entry.member.name, entry.count)];
  const choices: Choice[][] = [];
  for (const day of entry.days.slice(0, MAX_DAYS)) {
    lines.push("", t.day(formatDate(day.date, ctx.locale)), ...activityLines(ctx, day.activities));
    const short = formatShortDate(day.date, ctx.locale);
    choices.push([
      { label: t.approveDay(short, day.activities.length), data: `q:day:${entry.member.id}:${day.date}` },
      { label: t.reviewDay(short), data: `q:one:${entry.member.id}:${day.date}` },
    ]);
  }
  if (entry.days.length > MAX_DAYS) lines.push("", t.moreDays(entry.days.length - MAX_DAYS));
  return message(lines.join("\n"), choices);
}

interface WaitingTraining extends TrainingItem {
  since: Date;
}

/**
 * The team's training requests and reported completions in DIAJUKAN, oldest first (by when each was
 * first sent: a corrected certificate keeps its place).
 */
async function waitingTraining(ctx: TurnContext, team: readonly TeamMember[]): Promise<WaitingTraining[]> {
  const where = { personId: { in: team.map((m) => m.id) }, status: "DIAJUKAN" as const };
  const select = { id: true, createdAt: true };
  const requests = await ctx.tx.trainingRequest.findMany({ where, select });
  const completions = await ctx.tx.trainingCompletion.findMany({ where, select });
  return [
    ...requests.map((r) => ({ kind: "request" as const, id: r.id, since: r.createdAt })),
    ...completions.map((c) => ({ kind: "completion" as const, id: c.id, since: c.createdAt })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime() || a.id.localeCompare(b.id));
}

/** A waiting training item as the supervisor's message of it, with its Setujui / Tolak / … buttons. */
async function trainingMessage(ctx: TurnContext, item: WaitingTraining): Promise<Reply | null> {
  const view = await renderTrainingItem(ctx.tx, item, ctx.locale, ctx.links);
  return view ? message(view.text, view.choices) : null;
}

/**
 * `/antrian` (Slack: `/kinerja antrian`): the activities waiting for this supervisor's decision, by
 * employee (longest waiting first) and day (oldest first), one message per employee; then the team's
 * training requests and completions waiting, oldest first, one message each with its buttons (the same
 * messages the supervisor was sent, so a notification missed or scrolled away is never the only way).
 */
export async function showQueue(ctx: TurnContext): Promise<TurnResult> {
  const supervisor = requirePerson(ctx);
  const t = ctx.t.queue;
  const team = await teamOf(ctx.tx, supervisor.id, ctx.now);
  if (team.length === 0) return reply(message(ctx.t.team.noTeam)).keep();
  const queue = await pendingForTeam(ctx.tx, team);
  const training = await waitingTraining(ctx, team);
  if (queue.length === 0 && training.length === 0) return reply(message(t.empty)).keep();
  const total = queue.reduce((sum, e) => sum + e.count, 0);
  const header = [queue.length > 0 ? t.header(total, queue.length) : t.noReports];
  if (training.length > 0) {
    const requests = training.filter((item) => item.kind === "request").length;
    header.push(t.training(requests, training.length - requests));
  }
  const replies = [message(header.join("\n"))];
  for (const entry of queue.slice(0, MAX_PEOPLE)) replies.push(employeeMessage(ctx, entry));
  if (queue.length > MAX_PEOPLE) replies.push(message(t.morePeople(queue.length - MAX_PEOPLE)));
  for (const item of training.slice(0, MAX_TRAINING)) {
    const shown = await trainingMessage(ctx, item);
    if (shown) replies.push(shown);
  }
  if (training.length > MAX_TRAINING) replies.push(message(t.moreTraining(training.length - MAX_TRAINING)));
  return reply(...replies).keep();
}

const stale = (ctx: TurnContext) => reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();

/** The pressed message replaced by `text` (or a new message where the platform gave no reference). */
const inPlace = (ctx: TurnContext, text: string, choices: Choice[][] = []): Reply =>
  ctx.pressed ? { kind: "edit", message: ctx.pressed, text, choices } : message(text, choices);

/** The employee of a queue button, if the supervisor may act for them; else refused in words and audited. */
async function authorised(
  ctx: TurnContext,
  employeeId: string,
  date: string,
): Promise<{ id: string; name: string } | TurnResult> {
  const supervisor = requirePerson(ctx);
  const member = await memberFor(ctx.tx, supervisor.id, employeeId, ctx.now);
  if (member) return member;
  const exists = await ctx.tx.person.findUnique({ where: { id: employeeId }, select: { id: true } });
  if (!exists) return stale(ctx);
  await auditRefusal(ctx.tx, {
    actorId: supervisor.id,
    via: ctx.account.platform,
    action: "queue.refused",
    employeeId,
    now: ctx.now,
    detail: { date },
  });
  return reply({ kind: "notice", text: ctx.t.queue.notYourTeam }, message(ctx.t.queue.notYourTeam)).keep();
}

/** `q:day:<employeeId>:<date>`: lists that day's pending activities and asks for confirmation. */
async function confirmDay(ctx: TurnContext, employeeId: string, date: string): Promise<TurnResult> {
  const member = await authorised(ctx, employeeId, date);
  if ("replies" in member) return member;
  const activities = await pendingOfDay(ctx.tx, member.id, date);
  const when = formatDate(date, ctx.locale);
  if (activities.length === 0) return reply(message(ctx.t.queue.nothingOnDay(member.name, when))).keep();
  const text = [ctx.t.queue.confirm(activities.length, member.name, when), ...activityLines(ctx, activities)];
  return reply(
    message(text.join("\n"), [
      [
        { label: ctx.t.common.yes, data: `q:yes:${member.id}:${date}` },
        { label: ctx.t.common.cancel, data: "q:no" },
      ],
    ]),
  ).next({
    flow: FLOW,
    step: "confirm",
    data: {
      employeeId: member.id,
      name: member.name,
      date,
      activities: activities.map((a) => ({ id: a.id, version: a.version })),
    },
  });
}

/** `q:yes:<employeeId>:<date>`: approves exactly what the open confirmation listed. */
async function approveDay(ctx: TurnContext, employeeId: string, date: string): Promise<TurnResult> {
  const supervisor = requirePerson(ctx);
  const parsed = ctx.state?.flow === FLOW ? confirmState.safeParse(ctx.state.data) : undefined;
  // The button must belong to the question that is open now (not an older confirmation).
  if (!parsed?.success || parsed.data.employeeId !== employeeId || parsed.data.date !== date)
    return stale(ctx);
  const outcome = await approveListed(ctx.tx, {
    actorId: supervisor.id,
    activities: parsed.data.activities,
    via: ctx.account.platform,
    now: ctx.now,
  });
  for (const approved of outcome.approved) {
    ctx.effects.push({
      kind: "activity-decided",
      activityId: approved.activityId,
      version: approved.version + 1,
    });
  }
  const t = ctx.t.queue;
  const lines = [
    t.result(parsed.data.name, formatDate(date, ctx.locale), outcome.approved.length, outcome.alreadyDecided),
  ];
  if (outcome.refused > 0) lines.push(t.refused(outcome.refused));
  return reply(
    { kind: "notice", text: ctx.t.review.done },
    inPlace(ctx, lines.join("\n"), [[{ label: t.back, data: "m:antrian" }]]),
  ).end();
}

/** `q:one:<employeeId>:<date>`: the day's activities as review messages (Setujui / Minta revisi / Tolak). */
async function reviewOneByOne(ctx: TurnContext, employeeId: string, date: string): Promise<TurnResult> {
  const member = await authorised(ctx, employeeId, date);
  if ("replies" in member) return member;
  const activities = await pendingOfDay(ctx.tx, member.id, date);
  if (activities.length === 0) {
    return reply(message(ctx.t.queue.nothingOnDay(member.name, formatDate(date, ctx.locale)))).keep();
  }
  const replies: Reply[] = [];
  for (const activity of activities.slice(0, MAX_LINES)) {
    const view = await renderReviewMessage(ctx.tx, activity.id, ctx.locale, ctx.links);
    if (view) replies.push(message(view.text, view.choices));
  }
  return reply(...replies).keep();
}

/**
 * Queue buttons. `q:day` and `q:one` work any time (authority is checked on each press); `q:yes` and
 * `q:no` only answer the confirmation that is open now.
 */
export async function queueChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
  const [action, employeeId = "", date = ""] = parts;
  if (action === "no") {
    if (ctx.state?.flow !== FLOW) return stale(ctx);
    return reply(inPlace(ctx, ctx.t.queue.cancelled)).end();
  }
  if (!z.uuid().safeParse(employeeId).success || !isLocalDate(date)) return stale(ctx);
  if (action === "day") return confirmDay(ctx, employeeId, date);
  if (action === "one") return reviewOneByOne(ctx, employeeId, date);
  if (action === "yes") return approveDay(ctx, employeeId, date);
  return stale(ctx);
}

/** While the confirmation is open, typed text gets a pointer to its buttons. */
export const queueFlow = {
  name: FLOW,
  async onText(ctx: TurnContext): Promise<TurnResult> {
    return reply(message(ctx.t.queue.useButtons)).keep();
  },
};
