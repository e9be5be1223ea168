import { z } from "zod";
import { formatDate } from "../../i18n/format.ts";
import {
  type ObjectableResult,
  objectable,
  REASON_MAX,
  REASON_MIN,
  submitObjection,
} from "../../services/objections.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice } from "../types.ts";

const FLOW = "k";
const UUID = z.uuid();
const reasonState = z.object({ evaluationId: z.uuid(), inForm: z.boolean().optional() });

function refusal(ctx: TurnContext, result: Extract<ObjectableResult, { ok: false }>): string {
  const t = ctx.t.evaluation;
  const contact = ctx.adminContact ?? t.contactFallback;
  const rater = result.raterName ?? "-";
  switch (result.reason) {
    case "ALREADY_OBJECTED":
      return t.alreadyObjected;
    case "LATE":
      return t.lateObjection(
        result.objectionUntil ? formatDate(result.objectionUntil, ctx.locale) : "-",
        rater,
        contact,
      );
    case "FINAL":
      return t.finalObjection(rater, contact);
    case "NO_DECIDER":
      return t.noDecider(rater, contact);
    case "NOT_FOUND":
      return t.noObjectable;
  }
}

async function ask(ctx: TurnContext, evaluationId: string, inForm: boolean): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const check = await objectable(ctx.tx, person.id, evaluationId, ctx.now);
  if (!check.ok) return reply(message(refusal(ctx, check))).end();
  const t = ctx.t.evaluation;
  const { objectable: o } = check;
  return reply({
    kind: "ask",
    text: t.askObjection(o.periodName, formatDate(o.objectionUntil, ctx.locale)),
    title: t.objectionTitle,
    data: `k:reason:${evaluationId}`,
    minLength: REASON_MIN,
    maxLength: REASON_MAX,
  }).next({ flow: FLOW, step: "reason", data: { evaluationId, ...(inForm ? { inForm: true } : {}) } });
}

async function submit(ctx: TurnContext, evaluationId: string, text: string): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const result = await submitObjection(ctx.tx, {
    personId: person.id,
    evaluationId,
    reason: text,
    now: ctx.now,
    via: ctx.account.platform,
  });
  const t = ctx.t.evaluation;
  if (result.ok) {
    ctx.effects.push({ kind: "objection-submitted", objectionId: result.objectionId });
    const objection = await ctx.tx.objection.findUniqueOrThrow({
      where: { id: result.objectionId },
      select: { decider: { select: { name: true } } },
    });
    return reply(message(t.objectionSent(objection.decider.name))).end();
  }
  if (result.reason === "BAD_REASON") return reply(message(t.badObjection)).keep();
  return reply(message(refusal(ctx, result))).end();
}

/**
 * `/keberatan` (PP 30/2019 art. 59): with one result open to objection, its reasons are asked at once;
 * with several, which one. Refusals (late, second, final, nobody above the rater) say whom to ask.
 */
export async function startObjection(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const recent = await ctx.tx.evaluation.findMany({
    where: { personId: person.id },
    orderBy: { ratedAt: "desc" },
    take: 10,
    select: { id: true, periodName: true },
  });
  const open: { id: string; periodName: string }[] = [];
  let firstRefusal: Extract<ObjectableResult, { ok: false }> | null = null;
  for (const e of recent) {
    const check = await objectable(ctx.tx, person.id, e.id, ctx.now);
    if (check.ok) open.push(e);
    else firstRefusal ??= check;
  }
  const only = open[0];
  if (open.length === 1 && only) return ask(ctx, only.id, false);
  if (open.length > 1) {
    const choices: Choice[][] = open.map((e) => [{ label: e.periodName, data: `k:ask:${e.id}` }]);
    return reply(message(ctx.t.evaluation.pickObjection, choices)).keep();
  }
  return reply(message(firstRefusal ? refusal(ctx, firstRefusal) : ctx.t.evaluation.noObjectable)).keep();
}

/** `k:ask:<evaluationId>` (the button on the result) and the reasons that follow. */
export const objectionFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action, evaluationId = ""] = parts;
    if (action !== "ask" || !UUID.safeParse(evaluationId).success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    return ask(ctx, evaluationId, options.asksInForm);
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = reasonState.safeParse(ctx.state?.data);
    if (!parsed.success) return reply(message(ctx.t.common.expired)).end();
    if (parsed.data.inForm) return reply(message(ctx.t.review.reasonInFormOnly)).end();
    return submit(ctx, parsed.data.evaluationId, text);
  },

  /** The reasons given in a form (Slack modal) for `k:reason:<evaluationId>`. */
  async onForm(ctx: TurnContext, parts: string[], text: string): Promise<TurnResult> {
    const [action, evaluationId = ""] = parts;
    if (action !== "reason" || !UUID.safeParse(evaluationId).success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const result = await submit(ctx, evaluationId, text);
    if (result.next !== "keep") return result;
    // Reasons too short or too long in a modal: the modal is gone, so a button opens it again.
    const t = ctx.t.evaluation;
    return reply(message(t.badObjection, [[{ label: t.objectButton, data: `k:ask:${evaluationId}` }]])).end();
  },

  onFormClosed(ctx: TurnContext, parts: string[]): TurnResult {
    const waiting = reasonState.safeParse(ctx.state?.data);
    const same = ctx.state?.flow === FLOW && waiting.success && waiting.data.evaluationId === parts[1];
    return same ? reply().end() : reply().keep();
  },
};
