import { z } from "zod";
import { zoneLabel } from "../../domain/time-zone.ts";
import { formatInstant } from "../../i18n/format.ts";
import { canSupervise, type Decision, decideActivity } from "../../services/review.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import { renderReviewMessage } from "../review-message.ts";
import type { MessageRef, Reply } from "../types.ts";

const FLOW = "v";
const ACTIONS: Record<string, Decision> = { ok: "DISETUJUI", rev: "REVISI", no: "DITOLAK" };
const reason = z.string().trim().min(3).max(500);
const reasonState = z.object({
  activityId: z.string(),
  version: z.number().int(),
  decision: z.enum(["REVISI", "DITOLAK"]),
  message: z.object({ chatId: z.string(), messageId: z.string() }).optional(),
  /** The question is on screen as a form (Slack modal): a text message is never its answer */
  inForm: z.boolean().optional(),
});

async function refreshed(
  ctx: TurnContext,
  activityId: string,
  message: MessageRef | undefined,
): Promise<Reply[]> {
  if (!message) return [];
  const view = await renderReviewMessage(ctx.tx, activityId, ctx.locale, ctx.links);
  return view ? [{ kind: "edit", message, text: view.text, choices: view.choices }] : [];
}

async function decide(
  ctx: TurnContext,
  target: {
    activityId: string;
    version: number;
    decision: Decision;
    reason: string | null;
    message?: MessageRef | undefined;
  },
): Promise<TurnResult> {
  const supervisor = requirePerson(ctx);
  const result = await decideActivity(ctx.tx, {
    activityId: target.activityId,
    actorId: supervisor.id,
    decision: target.decision,
    reason: target.reason,
    via: ctx.account.platform,
    now: ctx.now,
    expectedVersion: target.version,
  });
  if (result.ok) {
    ctx.effects.push({
      kind: "activity-decided",
      activityId: result.activityId,
      version: target.version + 1,
    });
    return reply(...(await refreshed(ctx, target.activityId, target.message)), {
      kind: "notice",
      text: ctx.t.review.done,
    }).end();
  }
  if (result.reason === "NOT_AUTHORISED") {
    return reply(
      { kind: "notice", text: ctx.t.review.notYourTeam },
      { kind: "message", text: ctx.t.review.notYourTeam },
    ).end();
  }
  if (result.reason === "NOT_FOUND") return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
  const { rules } = await loadPersonDay(ctx, supervisor);
  const at = result.at
    ? formatInstant(result.at, rules.timeZone, zoneLabel(rules.timeZone), ctx.locale)
    : "-";
  const text = ctx.t.review.alreadyDecided(ctx.t.common.status[result.status], result.by ?? "-", at);
  return reply({ kind: "notice", text }, ...(await refreshed(ctx, target.activityId, target.message))).end();
}

/**
 * Supervisors deciding: Setujui at once; Minta revisi and Tolak ask for a reason first, answered by the
 * next message (Telegram) or in a form (Slack modal; closing it withdraws the question).
 */
export const reviewFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const supervisor = requirePerson(ctx);
    const [action, activityId, versionText] = parts;
    const decision = action ? ACTIONS[action] : undefined;
    const version = Number(versionText);
    if (!decision || !activityId || !Number.isInteger(version) || !z.uuid().safeParse(activityId).success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    const target = { activityId, version, decision, reason: null, message: ctx.pressed };
    if (decision === "DISETUJUI") return decide(ctx, target);
    // Before asking for a reason, make sure there is something to decide and the right to decide it;
    // otherwise `decide` answers at once (already decided, or refused and audited).
    const activity = await ctx.tx.activity.findUnique({
      where: { id: activityId },
      select: { personId: true, status: true, version: true },
    });
    const { today } = await loadPersonDay(ctx, supervisor);
    const decidable = activity?.status === "DIAJUKAN" && activity.version === version;
    if (!activity || !decidable || !(await canSupervise(ctx.tx, supervisor.id, activity.personId, today))) {
      return decide(ctx, target);
    }
    const data = {
      activityId,
      version,
      decision,
      ...(ctx.pressed ? { message: ctx.pressed } : {}),
      ...(options.asksInForm ? { inForm: true } : {}),
    };
    const ask = {
      kind: "ask" as const,
      text: ctx.t.review.askReason(decision),
      title: decision === "DITOLAK" ? ctx.t.review.reject : ctx.t.review.revise,
      data: `v:${action}:${activityId}:${version}`,
      ...(ctx.pressed ? { message: ctx.pressed } : {}),
    };
    return reply(ask).next({
      flow: FLOW,
      step: "reason",
      data,
    });
  },

  /** The reason given in a form (Slack modal) for a `v:rev|no:<id>:<version>` ask. */
  async onForm(
    ctx: TurnContext,
    parts: string[],
    text: string,
    message: MessageRef | undefined,
  ): Promise<TurnResult> {
    const [action, activityId, versionText] = parts;
    const decision = action ? ACTIONS[action] : undefined;
    const version = Number(versionText);
    if (!decision || decision === "DISETUJUI" || !activityId || !Number.isInteger(version)) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const given = reason.safeParse(text);
    if (!given.success) return reply({ kind: "message", text: ctx.t.review.badReason }).end();
    return decide(ctx, { activityId, version, decision, reason: given.data, message });
  },

  /** The form of a `v:rev|no:<id>:<version>` ask was closed: that question ends, nothing is decided. */
  async onFormClosed(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
    const [action, activityId] = parts;
    const waiting = reasonState.safeParse(ctx.state?.data);
    const same =
      ctx.state?.flow === FLOW &&
      waiting.success &&
      waiting.data.activityId === activityId &&
      waiting.data.decision === (action ? ACTIONS[action] : undefined);
    return same ? reply().end() : reply().keep();
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = reasonState.safeParse(ctx.state?.data);
    if (!parsed.success) return reply({ kind: "message", text: ctx.t.common.expired }).end();
    // The modal went away without a word back (a lost view_closed): this message is not its reason.
    if (parsed.data.inForm) return reply({ kind: "message", text: ctx.t.review.reasonInFormOnly }).end();
    const given = reason.safeParse(text);
    if (!given.success) return reply({ kind: "message", text: ctx.t.review.badReason }).keep();
    return decide(ctx, { ...parsed.data, reason: given.data });
  },
};
