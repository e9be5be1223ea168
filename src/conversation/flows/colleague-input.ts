import { z } from "zod";
import { RATINGS } from "../../domain/predikat.ts";
import {
  colleaguesOf,
  currentPeriods,
  NOTE_MAX,
  saveColleagueInput,
} from "../../services/colleague-input.ts";
import { BERAKHLAK } from "../../services/evaluations.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice } from "../types.ts";
import { PERIOD_CODE } from "../views/evaluation-board.ts";

const FLOW = "c";
const UUID = z.uuid();
const rating = z.enum(RATINGS);
const coreValue = z.enum(BERAKHLAK);
/** Colleagues per page of buttons (a Slack message holds 50 blocks, a Telegram keyboard about 100 buttons) */
const SHOWN = 20;
const stateSchema = z.object({
  receiverId: z.uuid(),
  name: z.string(),
  coreValue,
  rating: rating.optional(),
});

const stale = (ctx: TurnContext) => reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();

/** `/masukan`, or Beri masukan on the invitation: the colleagues of one's unit as buttons. */
export async function startColleagueInput(ctx: TurnContext, page = 0): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.colleague;
  const periods = await currentPeriods(ctx.tx, person.id, ctx.now);
  const period = periods[0];
  if (!period) return reply(message(t.noPeriod)).keep();
  const colleagues = await colleaguesOf(ctx.tx, person.id);
  if (colleagues.length === 0) return reply(message(t.noColleagues)).keep();
  const pages = Math.ceil(colleagues.length / SHOWN);
  const shown = Math.min(Math.max(page, 0), pages - 1);
  const choices: Choice[][] = [];
  const buttons = colleagues
    .slice(shown * SHOWN, (shown + 1) * SHOWN)
    .map((c) => ({ label: c.name, data: `c:to:${c.id}` }));
  for (let i = 0; i < buttons.length; i += 2) choices.push(buttons.slice(i, i + 2));
  const nav: Choice[] = [];
  const e = ctx.t.evaluation;
  if (shown > 0) nav.push({ label: e.previousPage, data: `c:page:${shown - 1}` });
  if (shown < pages - 1) nav.push({ label: e.nextPage, data: `c:page:${shown + 1}` });
  if (nav.length > 0) choices.push(nav);
  const text = t.pick(periods.map((p) => p.name).join(", "));
  return reply(message(pages > 1 ? `${text}\n${e.page(shown + 1, pages)}` : text, choices)).keep();
}

async function colleagueNamed(
  ctx: TurnContext,
  receiverId: string,
): Promise<{ id: string; name: string } | null> {
  const colleagues = await colleaguesOf(ctx.tx, requirePerson(ctx).id);
  return colleagues.find((c) => c.id === receiverId) ?? null;
}

async function save(
  ctx: TurnContext,
  state: z.infer<typeof stateSchema>,
  note: string | null,
): Promise<TurnResult> {
  const t = ctx.t.colleague;
  if (!state.rating) return reply(message(ctx.t.common.expired)).end();
  if (note && note.trim().length > NOTE_MAX) return reply(message(t.noteTooLong)).keep();
  const saved = await saveColleagueInput(ctx.tx, {
    giverId: requirePerson(ctx).id,
    receiverId: state.receiverId,
    coreValue: state.coreValue,
    rating: state.rating,
    note,
    now: ctx.now,
  });
  if (!saved.ok) return reply(message(saved.reason === "NO_PERIOD" ? t.noPeriod : t.notColleague)).end();
  const value = ctx.t.evaluation.values[state.coreValue];
  return reply(
    message(t.saved(state.name, value), [
      [
        { label: t.anotherValue(state.name), data: `c:to:${state.receiverId}` },
        { label: t.anotherColleague, data: "c:start:-" },
      ],
    ]),
  ).end();
}

/**
 * Colleagues' input (SPEC section 13): `c:start:<code>` and `c:no:<code>` (the invitation's buttons),
 * `c:to:<colleague>` (then a value), `c:v:<value>:<colleague>`, `c:r:<rating>:<colleague>` and
 * `c:skip:<colleague>` (the note left out). On Slack the note is a one-field form.
 */
export const colleagueInputFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action, a = "", b = ""] = parts;
    const t = ctx.t.colleague;
    const person = requirePerson(ctx);
    if (action === "start") return startColleagueInput(ctx);
    if (action === "page") {
      const page = Number(a);
      return Number.isInteger(page) && page >= 0 ? startColleagueInput(ctx, page) : stale(ctx);
    }
    if (action === "no") {
      if (!PERIOD_CODE.test(a)) return stale(ctx);
      await ctx.tx.colleagueInputDecline.upsert({
        where: { personId_periodCode: { personId: person.id, periodCode: a } },
        create: { personId: person.id, periodCode: a, at: ctx.now },
        update: {},
      });
      return reply(message(t.declined)).end();
    }
    if (action === "to") {
      if (!UUID.safeParse(a).success) return stale(ctx);
      const colleague = await colleagueNamed(ctx, a);
      if (!colleague) return reply(message(t.notColleague)).end();
      const buttons = BERAKHLAK.map((v) => ({
        label: ctx.t.evaluation.values[v],
        data: `c:v:${v}:${colleague.id}`,
      }));
      const rows: Choice[][] = [];
      for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
      return reply(message(t.pickValue(colleague.name), rows)).keep();
    }
    if (action === "v") {
      const value = coreValue.safeParse(a);
      if (!value.success || !UUID.safeParse(b).success) return stale(ctx);
      const colleague = await colleagueNamed(ctx, b);
      if (!colleague) return reply(message(t.notColleague)).end();
      const row = RATINGS.map((r) => ({
        label: ctx.t.evaluation.ratingShort[r],
        data: `c:r:${r}:${colleague.id}`,
      }));
      return reply(message(t.askRating(colleague.name, ctx.t.evaluation.values[value.data]), [row])).next({
        flow: FLOW,
        step: "rating",
        data: { receiverId: colleague.id, name: colleague.name, coreValue: value.data },
      });
    }
    const state = stateSchema.safeParse(ctx.state?.flow === FLOW ? ctx.state.data : undefined);
    if (action === "r") {
      const given = rating.safeParse(a);
      if (!given.success || !state.success || state.data.receiverId !== b || ctx.state?.step !== "rating") {
        return stale(ctx);
      }
      const next = { ...state.data, rating: given.data };
      if (options.asksInForm) {
        return reply({
          kind: "form",
          title: t.formTitle,
          submit: t.send,
          data: `c:note:${next.receiverId}:${next.coreValue}:${next.rating}`,
          fields: [
            {
              kind: "text",
              id: "note",
              label: t.formNote,
              maxLength: NOTE_MAX,
              optional: true,
              multiline: true,
            },
          ],
        }).next({ flow: FLOW, step: "note", data: next });
      }
      return reply(
        message(t.askNote, [[{ label: ctx.t.common.skip, data: `c:skip:${next.receiverId}` }]]),
      ).next({
        flow: FLOW,
        step: "note",
        data: next,
      });
    }
    if (action === "skip") {
      if (!state.success || state.data.receiverId !== a || ctx.state?.step !== "note") return stale(ctx);
      return save(ctx, state.data, null);
    }
    return stale(ctx);
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const state = stateSchema.safeParse(ctx.state?.data);
    if (!state.success || ctx.state?.step !== "note") return reply(message(ctx.t.common.expired)).end();
    return save(ctx, state.data, text);
  },

  /** The note form (Slack) submitted: `c:note:<colleague>:<value>:<rating>`; everything needed is in its data. */
  async onForm(ctx: TurnContext, parts: string[], values: Record<string, string>): Promise<TurnResult> {
    const [action, receiverId = "", valueText = "", ratingText = ""] = parts;
    const value = coreValue.safeParse(valueText);
    const given = rating.safeParse(ratingText);
    if (action !== "note" || !UUID.safeParse(receiverId).success || !value.success || !given.success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const colleague = await colleagueNamed(ctx, receiverId);
    if (!colleague) return reply(message(ctx.t.colleague.notColleague)).end();
    const result = await save(
      ctx,
      { receiverId, name: colleague.name, coreValue: value.data, rating: given.data },
      values.note ?? null,
    );
    return result.next === "keep" ? { ...result, next: null } : result;
  },

  /** The note form closed: nothing is saved. */
  onFormClosed(ctx: TurnContext): TurnResult {
    return ctx.state?.flow === FLOW ? reply().end() : reply().keep();
  },
};
