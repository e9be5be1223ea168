import { z } from "zod";
import { SCORES, type Score, UNSUR } from "../../domain/ikm.ts";
import { localDate } from "../../domain/time-zone.ts";
import { messagesFor } from "../../i18n/index.ts";
import { answeredMark, loadSurveySecret, servedByCode, surveyUnitOf } from "../../services/survey-access.ts";
import { alreadyAnswered, recordSurveyAnswer, SURVEY_COMMENT_MAX } from "../../services/survey-responses.ts";
import { reply, type TurnContext, type TurnResult } from "../context.ts";
import type { DialogState } from "../state-store.ts";
import type { Choice, InboundEvent, LocaleCode, Reply } from "../types.ts";

/**
 * The citizens' survey in chat (SPEC section 13): the deep link `t.me/<bot>?start=survei_<token>[_<KODE>]` opens
 * it for any account, linked or not; the nine unsur one at a time as buttons 1–4, then an optional comment (typed,
 * or Lewati), then thanks. One answer per chat account, unit and day (a keyed hash of the account id, never the id).
 * Buttons: `s:n:<unsur 1-9>:<score>` and `s:skip`; an older question's button is stale.
 */
const FLOW = "s";
const START = /^survei_/i;
/** `survei_<token>` or `survei_<token>_<KODE>`: 7 + 12 + 1 + up to 12 characters, within Telegram's 64. */
const START_PARAMETER = /^survei_([a-z0-9]{12})(?:_([A-Za-z0-9]{4,12}))?$/;

const surveyState = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  timeZone: z.string(),
  servedById: z.uuid().nullable(),
  scores: z.array(z.number().int().min(1).max(4)).max(UNSUR.length),
  locale: z.enum(["id", "en"]),
});
type SurveyState = z.infer<typeof surveyState>;

const state = (step: "score" | "comment", data: SurveyState): DialogState => ({ flow: FLOW, step, data });

/** A linked person's language; for anyone else the one their Telegram app speaks, if English, else the default. */
function localeFor(ctx: TurnContext): LocaleCode {
  if (ctx.person) return ctx.person.locale;
  return ctx.account.languageCode?.toLowerCase().startsWith("en") ? "en" : ctx.locale;
}

function question(data: SurveyState): Reply {
  const t = messagesFor(data.locale).survey;
  const n = data.scores.length + 1;
  const unsur = t.unsur[n - 1]!;
  const buttons: Choice[] = SCORES.map((score) => ({
    label: `${score} ${t.scale[score - 1]}`,
    data: `s:n:${n}:${score}`,
  }));
  return {
    kind: "message",
    text: t.chatQuestion(n, unsur.name, unsur.question),
    choices: [buttons.slice(0, 2), buttons.slice(2)],
  };
}

function askComment(data: SurveyState, before?: string): TurnResult {
  const t = messagesFor(data.locale);
  return reply(...(before ? [{ kind: "message" as const, text: before }] : []), {
    kind: "message",
    text: t.survey.askComment,
    choices: [[{ label: t.common.skip, data: "s:skip" }]],
  }).next(state("comment", data));
}

async function markOf(ctx: TurnContext, data: Pick<SurveyState, "unitId" | "timeZone">) {
  const day = localDate(data.timeZone, ctx.now);
  const secret = await loadSurveySecret(ctx.tx);
  return {
    day,
    mark: answeredMark(secret, { kind: "telegram", id: ctx.account.externalId }, data.unitId, day),
  };
}

async function start(ctx: TurnContext, args: string): Promise<TurnResult> {
  const locale = localeFor(ctx);
  const t = messagesFor(locale).survey;
  const parsed = START_PARAMETER.exec(args.trim());
  const unit = parsed ? await surveyUnitOf(ctx.tx, parsed[1]!) : null;
  if (!unit) return reply({ kind: "message", text: t.chatUnknown }).keep();
  const named = await servedByCode(ctx.tx, unit.id, parsed?.[2]);
  // Nobody raises their own served-citizen average: a staff member answering with their own code is counted
  // for the unit only.
  const served = named && named.id !== ctx.person?.id ? named : null;
  const data: SurveyState = {
    unitId: unit.id,
    unitName: unit.name,
    timeZone: unit.timeZone,
    servedById: served?.id ?? null,
    scores: [],
    locale,
  };
  const { day, mark } = await markOf(ctx, data);
  if (await alreadyAnswered(ctx.tx, unit.id, day, mark)) {
    return reply({ kind: "message", text: t.chatAlready(unit.name) }).keep();
  }
  return reply({ kind: "message", text: t.chatIntro(unit.name, served?.name ?? null) }, question(data)).next(
    state("score", data),
  );
}

async function finish(ctx: TurnContext, data: SurveyState, comment: string | null): Promise<TurnResult> {
  const t = messagesFor(data.locale).survey;
  const { day, mark } = await markOf(ctx, data);
  const outcome = await recordSurveyAnswer(ctx.tx, {
    unitId: data.unitId,
    localDate: day,
    scores: data.scores as Score[],
    comment,
    channel: "TELEGRAM",
    servedById: data.servedById,
    mark,
  });
  const text = outcome === "recorded" ? t.chatThanks(data.unitName) : t.chatAlready(data.unitName);
  return reply({ kind: "message", text }).end();
}

const stale = (locale: LocaleCode): TurnResult =>
  reply({ kind: "notice", text: messagesFor(locale).common.staleButton }).keep();

function current(ctx: TurnContext): { step: string; data: SurveyState } | null {
  if (ctx.state?.flow !== FLOW) return null;
  const data = surveyState.safeParse(ctx.state.data);
  return data.success ? { step: ctx.state.step, data: data.data } : null;
}

async function onChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
  const open = current(ctx);
  if (!open) return stale(localeFor(ctx));
  const { step, data } = open;
  const t = messagesFor(data.locale).survey;
  const [action, nText, scoreText] = parts;
  if (action === "skip" && step === "comment") return finish(ctx, data, null);
  const n = Number(nText);
  const score = Number(scoreText);
  if (
    action !== "n" ||
    step !== "score" ||
    n !== data.scores.length + 1 ||
    !SCORES.includes(score as Score)
  ) {
    return stale(data.locale);
  }
  const next = { ...data, scores: [...data.scores, score] };
  // The question answered keeps its text and shows the choice, without buttons to press again.
  const unsur = t.unsur[n - 1]!;
  const answered: Reply[] = ctx.pressed
    ? [
        {
          kind: "edit",
          message: ctx.pressed,
          text: `${t.chatQuestion(n, unsur.name, unsur.question)}\n→ ${score} ${t.scale[score - 1]}`,
        },
      ]
    : [];
  if (next.scores.length < UNSUR.length) return reply(...answered, question(next)).next(state("score", next));
  const asked = askComment(next);
  return { ...asked, replies: [...answered, ...asked.replies] };
}

async function onText(ctx: TurnContext, text: string): Promise<TurnResult> {
  const open = current(ctx);
  if (!open) return reply({ kind: "message", text: ctx.t.common.staleButton }).end();
  const { step, data } = open;
  const t = messagesFor(data.locale).survey;
  if (step !== "comment") return reply({ kind: "message", text: t.useButtons }, question(data)).keep();
  const comment = text.replace(/\r\n?/g, "\n").trim();
  if (comment.length > SURVEY_COMMENT_MAX) return askComment(data, t.commentTooLong(SURVEY_COMMENT_MAX));
  return finish(ctx, data, comment || null);
}

/**
 * The survey's part of routing, before anything that needs a linked person: `/start survei_…`, the survey's
 * buttons, and text or `/batal` while a survey is open. Null for every other event (routing goes on as before).
 */
export function surveyTurn(ctx: TurnContext, event: InboundEvent): Promise<TurnResult> | null {
  if (ctx.account.platform !== "TELEGRAM") return null;
  if (event.kind === "command" && event.name === "start" && START.test(event.args.trim())) {
    return start(ctx, event.args);
  }
  if (event.kind === "choice" && event.data.startsWith(`${FLOW}:`)) {
    return onChoice(ctx, event.data.split(":").slice(1));
  }
  if (ctx.state?.flow !== FLOW) return null;
  if (event.kind === "text") return onText(ctx, event.text);
  if (event.kind === "command" && event.name === "batal") {
    const open = current(ctx);
    const text = messagesFor(open?.data.locale ?? localeFor(ctx)).survey.chatCancelled;
    return Promise.resolve(reply({ kind: "message", text }).end());
  }
  return null;
}
