import { z } from "zod";
import { zoneLabel } from "../../domain/time-zone.ts";
import { formatInstant } from "../../i18n/format.ts";
import { canSupervise } from "../../services/review.ts";
import {
  decideCompletion,
  decideTrainingRequest,
  type TrainingDecisionResult,
} from "../../services/training.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import { renderTrainingItem, type TrainingItem } from "../training-message.ts";
import type { MessageRef, Reply } from "../types.ts";
import { TRAINING_FLOW } from "./training.ts";

const UUID = z.uuid();
const reason = z.string().trim().min(3).max(500);
/** The buttons that ask for a reason first: a correction, or the final rejection. */
const ASKS_REASON = { cr: "REVISI", cx: "DITOLAK" } as const;
type AsksReason = keyof typeof ASKS_REASON;
const asksReason = (action: string): action is AsksReason => action === "cr" || action === "cx";

const reasonState = z.object({
  completionId: z.uuid(),
  version: z.number().int(),
  /** which button asked (absent in a state written before rejection existed: a correction) */
  action: z.enum(["cr", "cx"]).default("cr"),
  message: z.object({ chatId: z.string(), messageId: z.string() }).optional(),
  /** asked in a Slack modal: a later direct message is never its answer */
  inForm: z.boolean().optional(),
});

type Target = TrainingItem & { version: number };

/** The message whose button was pressed, shown again as it is now (decided, without buttons). */
async function refreshed(
  ctx: TurnContext,
  target: Target,
  pressed: MessageRef | undefined,
): Promise<Reply[]> {
  if (!pressed) return [];
  const view = await renderTrainingItem(ctx.tx, target, ctx.locale, ctx.links);
  return view ? [{ kind: "edit", message: pressed, text: view.text, choices: view.choices }] : [];
}

/** A decision's outcome in words; the pressed message edited in place either way. */
async function answer(
  ctx: TurnContext,
  target: Target,
  result: TrainingDecisionResult,
  pressed: MessageRef | undefined,
): Promise<TurnResult> {
  const t = ctx.t.training;
  if (result.ok) {
    if (target.kind === "request") {
      ctx.effects.push({ kind: "training-request-decided", requestId: target.id });
    } else {
      ctx.effects.push({
        kind: "training-completion-decided",
        completionId: target.id,
        version: target.version + 1,
      });
    }
    return reply(...(await refreshed(ctx, target, pressed)), { kind: "notice", text: t.done }).end();
  }
  if (result.reason === "NOT_AUTHORISED") {
    return reply({ kind: "notice", text: t.notYourTeam }, message(t.notYourTeam)).end();
  }
  // A version the button did not show while still waiting: a newer message carries the live buttons.
  if (result.reason === "NOT_FOUND" || result.status === "DIAJUKAN") {
    return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
  }
  const { rules } = await loadPersonDay(ctx, requirePerson(ctx));
  const at = result.at
    ? formatInstant(result.at, rules.timeZone, zoneLabel(rules.timeZone), ctx.locale)
    : "-";
  return reply(
    { kind: "notice", text: t.alreadyDecided(t.decisionStatus[result.status], result.by ?? "-", at) },
    ...(await refreshed(ctx, target, pressed)),
  ).end();
}

async function decide(
  ctx: TurnContext,
  target: Target,
  decision: "DISETUJUI" | "DITOLAK" | "REVISI",
  why: string | null,
  pressed: MessageRef | undefined,
): Promise<TurnResult> {
  const common = {
    version: target.version,
    actorId: requirePerson(ctx).id,
    via: ctx.account.platform,
    now: ctx.now,
  };
  const result =
    target.kind === "request"
      ? await decideTrainingRequest(ctx.tx, {
          ...common,
          requestId: target.id,
          decision: decision === "DISETUJUI" ? "DISETUJUI" : "DITOLAK",
        })
      : await decideCompletion(ctx.tx, {
          ...common,
          completionId: target.id,
          decision: decision,
          reason: why,
        });
  return answer(ctx, target, result, pressed);
}

/**
 * The supervisor's buttons: `p:ra|rd:<requestId>:<version>` approve or decline a request at once (declining
 * asks no reason); `p:ca:<completionId>:<version>` approves a completion, `p:cr:…` (a correction) and `p:cx:…`
 * (rejected for good) ask for the reason first (a Slack modal when the press came from Slack). Authority is checked at the press (services/training.ts).
 */
export const trainingDecision = {
  async onChoice(
    ctx: TurnContext,
    action: string,
    id: string | undefined,
    versionText: string | undefined,
    options: { asksInForm: boolean },
  ): Promise<TurnResult> {
    const version = Number(versionText);
    if (!id || !UUID.safeParse(id).success || !Number.isInteger(version)) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    if (action === "ra" || action === "rd") {
      return decide(
        ctx,
        { kind: "request", id, version },
        action === "ra" ? "DISETUJUI" : "DITOLAK",
        null,
        ctx.pressed,
      );
    }
    const target: Target = { kind: "completion", id, version };
    if (action === "ca") return decide(ctx, target, "DISETUJUI", null, ctx.pressed);
    if (!asksReason(action)) return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    // Before asking for a reason: something to decide and the right to decide it, else the answer at once.
    const completion = await ctx.tx.trainingCompletion.findUnique({
      where: { id },
      select: { personId: true, status: true, version: true, person: { select: { unitId: true } } },
    });
    const waiting = completion?.status === "DIAJUKAN" && completion.version === version;
    const day = completion
      ? await loadPersonDay(ctx, { id: completion.personId, unitId: completion.person.unitId })
      : null;
    if (
      !completion ||
      !waiting ||
      !day ||
      !(await canSupervise(ctx.tx, requirePerson(ctx).id, completion.personId, day.today))
    ) {
      return decide(ctx, target, ASKS_REASON[action], null, ctx.pressed);
    }
    const t = ctx.t.training;
    return reply({
      kind: "ask",
      text: action === "cr" ? t.askRevisionReason : t.askRejectionReason,
      title: action === "cr" ? t.revisionTitle : t.rejectionTitle,
      data: `p:${action}:${id}:${version}`,
      ...(ctx.pressed ? { message: ctx.pressed } : {}),
    }).next({
      flow: TRAINING_FLOW,
      step: "reason",
      data: {
        completionId: id,
        version,
        action,
        ...(ctx.pressed ? { message: ctx.pressed } : {}),
        ...(options.asksInForm ? { inForm: true } : {}),
      },
    });
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = reasonState.safeParse(ctx.state?.data);
    if (!parsed.success) return reply(message(ctx.t.common.expired)).end();
    if (parsed.data.inForm) return reply(message(ctx.t.review.reasonInFormOnly)).end();
    const given = reason.safeParse(text);
    if (!given.success) return reply(message(ctx.t.training.badReason)).keep();
    const target: Target = { kind: "completion", id: parsed.data.completionId, version: parsed.data.version };
    return decide(ctx, target, ASKS_REASON[parsed.data.action], given.data, parsed.data.message);
  },

  /** The reason of `p:cr|cx:<id>:<version>` given in a Slack modal. */
  async onForm(
    ctx: TurnContext,
    parts: string[],
    text: string,
    pressed: MessageRef | undefined,
  ): Promise<TurnResult> {
    const [action, id = "", versionText] = parts;
    const version = Number(versionText);
    if (!action || !asksReason(action) || !UUID.safeParse(id).success || !Number.isInteger(version)) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const given = reason.safeParse(text);
    if (!given.success) return reply(message(ctx.t.training.badReason)).end();
    return decide(ctx, { kind: "completion", id, version }, ASKS_REASON[action], given.data, pressed);
  },

  /** The modal of a `p:cr|cx:<id>:<version>` ask was closed: that question ends, nothing is decided. */
  onFormClosed(ctx: TurnContext, parts: string[]): TurnResult {
    const waiting = reasonState.safeParse(ctx.state?.data);
    const same =
      ctx.state?.flow === TRAINING_FLOW &&
      waiting.success &&
      parts[0] === waiting.data.action &&
      waiting.data.completionId === parts[1];
    return same ? reply().end() : reply().keep();
  },
};
