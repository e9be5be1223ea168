import { z } from "zod";
import { predikat, RATINGS } from "../../domain/predikat.ts";
import { writeAudit } from "../../services/audit.ts";
import { DECISION_REASON_MIN, decideObjection, REASON_MAX } from "../../services/objections.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice, FormField } from "../types.ts";

const FLOW = "o";
const UUID = z.uuid();
const rating = z.enum(RATINGS);
const stateSchema = z.object({
  objectionId: z.uuid(),
  decision: z.enum(["TETAP", "DIUBAH"]),
  hasil: rating.optional(),
  perilaku: rating.optional(),
  inForm: z.boolean().optional(),
});
type DecisionState = z.infer<typeof stateSchema>;

interface Loaded {
  id: string;
  name: string;
  unitHead: boolean;
  hasil: z.infer<typeof rating>;
  perilaku: z.infer<typeof rating>;
}

/** The objection, if `actorId` is the one to decide it and it is still open; else the refusal to give. */
async function load(ctx: TurnContext, objectionId: string): Promise<Loaded | { refusal: string }> {
  const actor = requirePerson(ctx);
  const objection = await ctx.tx.objection.findUnique({
    where: { id: objectionId },
    select: {
      id: true,
      deciderId: true,
      decision: true,
      evaluation: {
        select: {
          unitHead: true,
          ratingHasilKerja: true,
          ratingPerilaku: true,
          person: { select: { name: true } },
        },
      },
    },
  });
  const t = ctx.t.evaluation;
  if (!objection) return { refusal: ctx.t.common.staleButton };
  if (objection.deciderId !== actor.id) {
    await writeAudit(ctx.tx, {
      actorId: actor.id,
      via: ctx.account.platform,
      action: "objection.decision-refused",
      entity: "objection",
      entityId: objection.id,
      now: ctx.now,
      detail: { reason: "not the rater's supervisor named on the objection" },
    });
    return { refusal: t.notDecider };
  }
  if (objection.decision) return { refusal: t.alreadyDecided };
  return {
    id: objection.id,
    name: objection.evaluation.person.name,
    unitHead: objection.evaluation.unitHead,
    hasil: objection.evaluation.ratingHasilKerja,
    perilaku: objection.evaluation.ratingPerilaku,
  };
}

/** The buttons name the objection: one left on another objection's message is stale. */
const ratingRow = (ctx: TurnContext, action: "h" | "p", objectionId: string): Choice[][] => [
  RATINGS.map((r) => ({ label: ctx.t.evaluation.ratingShort[r], data: `o:${action}:${r}:${objectionId}` })),
];

function askReason(ctx: TurnContext, state: DecisionState, loaded: Loaded): TurnResult {
  const t = ctx.t.evaluation;
  const changing = state.decision === "DIUBAH" && state.hasil && state.perilaku;
  const intro =
    changing && state.hasil && state.perilaku
      ? `${t.decisionSummary(loaded.name, t.rating[state.hasil], t.rating[state.perilaku], t.predikat[predikat(state.hasil, state.perilaku)])}\n`
      : "";
  return reply({
    kind: "ask",
    text: `${intro}${state.decision === "TETAP" ? t.askKeepReason : t.askChangeReason}`,
    title: state.decision === "TETAP" ? t.keepTitle : t.changeTitle,
    data: `o:keep:${state.objectionId}`,
    minLength: DECISION_REASON_MIN,
    maxLength: REASON_MAX,
  }).next({ flow: FLOW, step: "reason", data: state });
}

async function decide(ctx: TurnContext, state: DecisionState, reason: string): Promise<TurnResult> {
  const t = ctx.t.evaluation;
  const result = await decideObjection(ctx.tx, {
    actorId: requirePerson(ctx).id,
    objectionId: state.objectionId,
    decision: state.decision,
    reason,
    ...(state.decision === "DIUBAH" && state.hasil && state.perilaku
      ? { ratings: { hasilKerja: state.hasil, perilaku: state.perilaku } }
      : {}),
    now: ctx.now,
    via: ctx.account.platform,
  });
  if (!result.ok) {
    if (result.reason === "BAD_REASON") return reply(message(t.badDecisionReason)).keep();
    const text =
      result.reason === "NOT_AUTHORISED"
        ? t.notDecider
        : result.reason === "ALREADY_DECIDED"
          ? t.alreadyDecided
          : ctx.t.common.staleButton;
    return reply(message(text)).end();
  }
  ctx.effects.push({ kind: "objection-decided", objectionId: result.objectionId });
  const evaluation = await ctx.tx.evaluation.findUniqueOrThrow({
    where: { id: result.evaluationId },
    select: { predikat: true, person: { select: { name: true } } },
  });
  return reply(
    message(t.decided(evaluation.person.name, result.changed, t.predikat[evaluation.predikat])),
  ).end();
}

/**
 * The rater's own supervisor deciding an objection: `o:keep:<id>` (Tetapkan: the result stands) asks for
 * the reason; `o:chg:<id>` (Ubah) asks for the new ratings — one form on Slack, buttons on Telegram — then
 * the reason. Only the decider named on the objection may; anyone else is refused and audited.
 */
export const objectionDecisionFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action, arg = ""] = parts;
    const stale = reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    const t = ctx.t.evaluation;
    if (action === "keep" || action === "chg") {
      if (!UUID.safeParse(arg).success) return stale;
      const loaded = await load(ctx, arg);
      if ("refusal" in loaded) return reply(message(loaded.refusal)).end();
      if (action === "keep") {
        return askReason(
          ctx,
          { objectionId: loaded.id, decision: "TETAP", ...(options.asksInForm ? { inForm: true } : {}) },
          loaded,
        );
      }
      if (options.asksInForm) {
        const ratingOptions = RATINGS.map((r) => ({ label: t.rating[r], value: r }));
        const fields: FormField[] = [];
        if (loaded.unitHead) fields.push({ kind: "info", text: `${t.formHasil}: ${t.rating[loaded.hasil]}` });
        else {
          fields.push({
            kind: "choice",
            id: "hasil",
            label: t.formHasil,
            options: ratingOptions,
            initial: loaded.hasil,
          });
        }
        fields.push(
          {
            kind: "choice",
            id: "perilaku",
            label: t.formPerilaku,
            options: ratingOptions,
            initial: loaded.perilaku,
          },
          {
            kind: "text",
            id: "reason",
            label: t.formReason,
            minLength: DECISION_REASON_MIN,
            maxLength: REASON_MAX,
            multiline: true,
          },
        );
        return reply({
          kind: "form",
          title: t.changeTitle,
          submit: t.changeResult,
          data: `o:chg:${loaded.id}`,
          fields,
        }).keep();
      }
      const state: DecisionState = { objectionId: loaded.id, decision: "DIUBAH" };
      if (loaded.unitHead) {
        return reply(message(t.askPerilaku, ratingRow(ctx, "p", loaded.id))).next({
          flow: FLOW,
          step: "perilaku",
          data: { ...state, hasil: loaded.hasil },
        });
      }
      return reply(message(t.askHasil, ratingRow(ctx, "h", loaded.id))).next({
        flow: FLOW,
        step: "hasil",
        data: state,
      });
    }
    const parsed = stateSchema.safeParse(ctx.state?.flow === FLOW ? ctx.state.data : undefined);
    const given = rating.safeParse(arg);
    if (!parsed.success || !given.success || parts[2] !== parsed.data.objectionId) return stale;
    if (action === "h" && ctx.state?.step === "hasil") {
      return reply(message(t.askPerilaku, ratingRow(ctx, "p", parsed.data.objectionId))).next({
        flow: FLOW,
        step: "perilaku",
        data: { ...parsed.data, hasil: given.data },
      });
    }
    if (action === "p" && ctx.state?.step === "perilaku") {
      const loaded = await load(ctx, parsed.data.objectionId);
      if ("refusal" in loaded) return reply(message(loaded.refusal)).end();
      return askReason(ctx, { ...parsed.data, perilaku: given.data }, loaded);
    }
    return stale;
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = stateSchema.safeParse(ctx.state?.data);
    if (!parsed.success || ctx.state?.step !== "reason") return reply(message(ctx.t.common.expired)).end();
    if (parsed.data.inForm) return reply(message(ctx.t.review.reasonInFormOnly)).end();
    return decide(ctx, parsed.data, text);
  },

  /** `o:keep:<id>` (an ask's reason) or `o:chg:<id>` (the change form) submitted in a Slack modal. */
  async onForm(
    ctx: TurnContext,
    parts: string[],
    text: string,
    values: Record<string, string>,
  ): Promise<TurnResult> {
    const [action, objectionId = ""] = parts;
    const stale = reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    if (!UUID.safeParse(objectionId).success) return stale;
    const waiting = stateSchema.safeParse(ctx.state?.flow === FLOW ? ctx.state.data : undefined);
    if (action === "keep") {
      // The same ask serves Tetapkan and the reason after Ubah's ratings (kept in the dialog state).
      const state: DecisionState =
        waiting.success && waiting.data.objectionId === objectionId
          ? waiting.data
          : { objectionId, decision: "TETAP" };
      return forceEnd(await decide(ctx, state, text));
    }
    if (action !== "chg") return stale;
    const loaded = await load(ctx, objectionId);
    if ("refusal" in loaded) return reply(message(loaded.refusal)).end();
    const hasil = loaded.unitHead ? loaded.hasil : rating.safeParse(values.hasil).data;
    const perilaku = rating.safeParse(values.perilaku).data;
    if (!hasil || !perilaku) return reply(message(ctx.t.evaluation.askPerilaku)).end();
    return forceEnd(
      await decide(ctx, { objectionId, decision: "DIUBAH", hasil, perilaku }, values.reason ?? ""),
    );
  },

  onFormClosed(ctx: TurnContext, parts: string[]): TurnResult {
    const waiting = stateSchema.safeParse(ctx.state?.data);
    const same = ctx.state?.flow === FLOW && waiting.success && waiting.data.objectionId === parts[1];
    return same ? reply().end() : reply().keep();
  },
};

/** A form's answer ends its question whatever happened: the modal is gone. */
const forceEnd = (result: TurnResult): TurnResult =>
  result.next === "keep" ? { ...result, next: null } : result;
