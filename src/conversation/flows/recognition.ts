import { z } from "zod";
import {
  answerRecognition,
  checkAnswer,
  loadRecognition,
  RECOGNITION_NOTE_MAX,
  RECOGNITION_NOTE_MIN,
  type RecognitionRefusal,
  toggleCandidate,
} from "../../services/recognition.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { recognitionMessage } from "../recognition-message.ts";
import type { MessageRef, Reply } from "../types.ts";

const FLOW = "g";
const UUID = z.uuid();
const RANK = z.coerce.number().int().min(1).max(3);
const stateSchema = z.object({
  recognitionId: z.uuid(),
  pick: z.boolean(),
  message: z.object({ chatId: z.string(), messageId: z.string() }).optional(),
  inForm: z.boolean().optional(),
});
type NoteState = z.infer<typeof stateSchema>;

function refusalText(ctx: TurnContext, reason: RecognitionRefusal): string {
  const t = ctx.t.recognition;
  switch (reason) {
    case "NOT_HEAD":
      return t.notHead;
    case "ALREADY_ANSWERED":
      return t.alreadyAnswered;
    case "NOTHING_CHOSEN":
      return t.nothingChosen;
    case "BAD_NOTE":
      return t.badNote;
    case "NOT_FOUND":
      return ctx.t.common.staleButton;
  }
}

/** The head's message as it stands now, in place of the one whose button was pressed. */
async function redraw(ctx: TurnContext, recognitionId: string, at: MessageRef | undefined): Promise<Reply[]> {
  const view = await loadRecognition(ctx.tx, recognitionId);
  if (!view || !at) return [];
  const shown = recognitionMessage(view, ctx.locale);
  return [
    { kind: "edit", message: at, text: shown.text, ...(shown.choices ? { choices: shown.choices } : {}) },
  ];
}

async function finish(ctx: TurnContext, state: NoteState, note: string): Promise<TurnResult> {
  const actor = requirePerson(ctx);
  const result = await answerRecognition(ctx.tx, {
    recognitionId: state.recognitionId,
    pick: state.pick,
    note,
    actorId: actor.id,
    via: ctx.account.platform,
    now: ctx.now,
  });
  if (!result.ok) {
    // A note of the wrong length is asked again; anything else ends the question.
    if (result.reason === "BAD_NOTE" && !state.inForm)
      return reply(message(ctx.t.recognition.badNote)).keep();
    return reply(message(refusalText(ctx, result.reason))).end();
  }
  ctx.effects.push({ kind: "recognition-decided", recognitionId: state.recognitionId });
  const view = await loadRecognition(ctx.tx, state.recognitionId);
  const names = view?.candidates.filter((c) => c.chosen).map((c) => c.name) ?? [];
  const t = ctx.t.recognition;
  return reply(
    ...(await redraw(ctx, state.recognitionId, state.message)),
    message(state.pick ? t.thanksPicked(names) : t.thanksNone),
  ).end();
}

/**
 * The unit head answering the monthly recognition (SPEC section 14) on the message the reminder sent:
 * `g:x:<id>:<rank>` marks or unmarks a suggested person (the message is redrawn in place), `g:ok:<id>`
 * goes on with the marked people and `g:no:<id>` with nobody; both ask for the note (a Slack modal, or
 * the next message on Telegram), which answers the recognition once and for all.
 */
export const recognitionFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action, id = "", arg] = parts;
    const stale = reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    if (!UUID.safeParse(id).success) return stale;
    const actor = requirePerson(ctx);
    const who = { recognitionId: id, actorId: actor.id, via: ctx.account.platform, now: ctx.now };
    if (action === "x") {
      const rank = RANK.safeParse(arg);
      if (!rank.success) return stale;
      const result = await toggleCandidate(ctx.tx, { ...who, rank: rank.data });
      if (!result.ok) return reply(message(refusalText(ctx, result.reason))).keep();
      return reply(...(await redraw(ctx, id, ctx.pressed))).keep();
    }
    if (action !== "ok" && action !== "no") return stale;
    const pick = action === "ok";
    const refusal = await checkAnswer(ctx.tx, { ...who, pick });
    if (refusal) return reply(message(refusalText(ctx, refusal))).keep();
    const view = await loadRecognition(ctx.tx, id);
    const names = view?.candidates.filter((c) => c.chosen).map((c) => c.name) ?? [];
    const t = ctx.t.recognition;
    const state: NoteState = {
      recognitionId: id,
      pick,
      ...(ctx.pressed ? { message: ctx.pressed } : {}),
      ...(options.asksInForm ? { inForm: true } : {}),
    };
    return reply({
      kind: "ask",
      text: pick ? t.askPickNote(names) : t.askNoneNote,
      title: t.noteTitle,
      data: `g:${action}:${id}`,
      ...(ctx.pressed ? { message: ctx.pressed } : {}),
      minLength: RECOGNITION_NOTE_MIN,
      maxLength: RECOGNITION_NOTE_MAX,
    }).next({ flow: FLOW, step: "note", data: state });
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = stateSchema.safeParse(ctx.state?.data);
    if (!parsed.success || ctx.state?.step !== "note") return reply(message(ctx.t.common.expired)).end();
    if (parsed.data.inForm) return reply(message(ctx.t.review.reasonInFormOnly)).end();
    return finish(ctx, parsed.data, text);
  },

  /** The note submitted in a Slack modal: `g:ok:<id>` or `g:no:<id>`, the head's message in `message`. */
  async onForm(
    ctx: TurnContext,
    parts: string[],
    text: string,
    at: MessageRef | undefined,
  ): Promise<TurnResult> {
    const [action, id = ""] = parts;
    if ((action !== "ok" && action !== "no") || !UUID.safeParse(id).success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const result = await finish(
      ctx,
      { recognitionId: id, pick: action === "ok", ...(at ? { message: at } : {}), inForm: true },
      text,
    );
    return result.next === "keep" ? { ...result, next: null } : result;
  },

  onFormClosed(ctx: TurnContext, parts: string[]): TurnResult {
    const waiting = stateSchema.safeParse(ctx.state?.data);
    const same = ctx.state?.flow === FLOW && waiting.success && waiting.data.recognitionId === parts[1];
    return same ? reply().end() : reply().keep();
  },
};
