import { z } from "zod";
import { KUDOS_MAX, KUDOS_MIN, kudosRecipients } from "../../services/kudos.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice } from "../types.ts";
import { type Named, resolvePerson, splitPersonArgs } from "./team-feedback.ts";

const FLOW = "t";
const UUID = z.uuid();
const kudosText = z.string().trim().min(KUDOS_MIN).max(KUDOS_MAX);
const textState = z.object({ toId: z.uuid(), name: z.string() });
const SHOWN = 20;

const pick = (people: readonly Named[]): Choice[][] => {
  const rows: Choice[][] = [];
  const buttons = people.slice(0, SHOWN).map((p) => ({ label: p.name, data: `t:to:${p.id}` }));
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
};

function askText(ctx: TurnContext, to: Named, problem?: string): TurnResult {
  const text = ctx.t.kudos.askText(to.name);
  return reply(message(problem ? `${problem}\n${text}` : text)).next({
    flow: FLOW,
    step: "text",
    data: { toId: to.id, name: to.name },
  });
}

async function send(ctx: TurnContext, to: Named, text: string): Promise<TurnResult> {
  const given = kudosText.safeParse(text);
  if (!given.success) return askText(ctx, to, ctx.t.kudos.badText);
  const kudos = await ctx.tx.kudos.create({
    data: { fromId: requirePerson(ctx).id, toId: to.id, text: given.data, createdAt: ctx.now },
    select: { id: true },
  });
  ctx.effects.push({ kind: "kudos-given", kudosId: kudos.id });
  return reply(message(ctx.t.kudos.sent(to.name))).end();
}

/**
 * `/apresiasi [<NIP, name or @mention> [<text>]]` (SPEC section 14): thanks to someone of one's unit, one's
 * supervisor or one's staff. Without arguments the people are buttons; without text the text is asked for.
 */
export async function startKudos(ctx: TurnContext, args: string): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.kudos;
  const people = await kudosRecipients(ctx.tx, person.id, ctx.now);
  if (people.length === 0) return reply(message(t.nobody)).keep();
  const given = args.trim();
  if (!given) return reply(message(t.pick, pick(people))).keep();
  const split = splitPersonArgs(given, people);
  if (!split) return reply(message(t.notFound(given.split(/\s+/, 1)[0] ?? given), pick(people))).keep();
  if ("several" in split) return reply(message(t.pick, pick(split.several))).keep();
  const target = await resolvePerson(ctx, split.ref, people);
  if (target.kind === "several") return reply(message(t.pick, pick(target.members))).keep();
  const to = target.kind === "person" ? people.find((p) => p.id === target.id) : undefined;
  if (!to) return reply(message(t.notEligible)).keep();
  return split.text ? send(ctx, to, split.text) : askText(ctx, to);
}

/** `t:to:<personId>` (a button of the list) and the text that follows it. */
export const kudosFlow = {
  name: FLOW,

  async onChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
    const [action, id = ""] = parts;
    if (action !== "to" || !UUID.safeParse(id).success) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    const people = await kudosRecipients(ctx.tx, requirePerson(ctx).id, ctx.now);
    const to = people.find((p) => p.id === id);
    return to ? askText(ctx, to) : reply(message(ctx.t.kudos.notEligible)).end();
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = textState.safeParse(ctx.state?.data);
    if (!parsed.success) return reply(message(ctx.t.common.expired)).end();
    // Checked again: the person may have moved since the question.
    const people = await kudosRecipients(ctx.tx, requirePerson(ctx).id, ctx.now);
    const to = people.find((p) => p.id === parsed.data.toId);
    return to ? send(ctx, to, text) : reply(message(ctx.t.kudos.notEligible)).end();
  },
};
