import { z } from "zod";
import { normalizeNip } from "../../domain/nip.ts";
import { saveFeedback } from "../../services/feedback.ts";
import { auditRefusal, memberFor, teamOf } from "../../services/team.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice } from "../types.ts";

const FLOW = "f";
const feedbackText = z.string().trim().min(3).max(1000);
const textState = z.object({ employeeId: z.string() });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A NIP at the start of the arguments: 18 digits, possibly printed with single spaces, dots or dashes. */
const NIP_FIRST = /^'?((?:\d[\s.-]?){17}\d)(?:\s+([\s\S]*))?$/;

/** Who an employee reference names: a person (by id or NIP), several team members, or nobody. */
export interface Named {
  id: string;
  name: string;
}

type Resolved = { kind: "person"; id: string } | { kind: "several"; members: Named[] } | { kind: "unknown" };

const nameKey = (name: string) => name.toLowerCase().replace(/[.,']/g, "").replace(/\s+/g, " ").trim();

/** Team members whose name is `words` or starts with them (whole words). */
function membersNamed<M extends Named>(team: readonly M[], words: string): M[] {
  const wanted = nameKey(words);
  if (!wanted) return [];
  return team.filter((m) => {
    const name = nameKey(m.name);
    return name === wanted || name.startsWith(`${wanted} `);
  });
}

/** `account:<PLATFORM>:<id>`: a person named by a chat account (a Slack mention), linked or imported. */
const ACCOUNT_REF = /^account:(TELEGRAM|SLACK):([A-Za-z0-9_-]{1,40})$/;

async function personByAccount(ctx: TurnContext, ref: string): Promise<string | null> {
  const match = ACCOUNT_REF.exec(ref);
  if (!match) return null;
  const platform = match[1] as "TELEGRAM" | "SLACK";
  const externalId = match[2]!;
  const account = await ctx.tx.platformAccount.findUnique({
    where: { platform_externalId: { platform, externalId } },
    select: { personId: true },
  });
  if (account) return account.personId;
  if (platform !== "SLACK") return null;
  const imported = await ctx.tx.person.findUnique({
    where: { slackUserId: externalId },
    select: { id: true },
  });
  return imported?.id ?? null;
}

/**
 * Who a reference names: a chat account (a Slack mention), a person id, a NIP, or a name (or its first words)
 * of one of `named` (the people the caller may act for).
 */
export async function resolvePerson(
  ctx: TurnContext,
  ref: string,
  named: readonly Named[],
): Promise<Resolved> {
  const trimmed = ref.trim();
  if (ACCOUNT_REF.test(trimmed)) {
    const id = await personByAccount(ctx, trimmed);
    return id ? { kind: "person", id } : { kind: "unknown" };
  }
  if (UUID.test(trimmed)) {
    const person = await ctx.tx.person.findUnique({ where: { id: trimmed }, select: { id: true } });
    return person ? { kind: "person", id: person.id } : { kind: "unknown" };
  }
  const nip = normalizeNip(trimmed);
  if (/^\d{18}$/.test(nip)) {
    const person = await ctx.tx.person.findUnique({ where: { nip }, select: { id: true } });
    return person ? { kind: "person", id: person.id } : { kind: "unknown" };
  }
  const found = membersNamed(named, trimmed);
  if (found.length === 1 && found[0]) return { kind: "person", id: found[0].id };
  return found.length > 1 ? { kind: "several", members: found } : { kind: "unknown" };
}

const pickChoices = (members: readonly Named[]): Choice[][] =>
  members.map((m) => [{ label: m.name, data: `f:to:${m.id}` }]);

/** The employee, if the supervisor may act for them; else null after auditing the refusal. */
async function authorised(
  ctx: TurnContext,
  employeeId: string,
): Promise<{ id: string; name: string } | null> {
  const supervisor = requirePerson(ctx);
  const member = await memberFor(ctx.tx, supervisor.id, employeeId, ctx.now);
  if (member) return member;
  await auditRefusal(ctx.tx, {
    actorId: supervisor.id,
    via: ctx.account.platform,
    action: "feedback.refused",
    employeeId,
    now: ctx.now,
  });
  return null;
}

const refused = (ctx: TurnContext) => reply(message(ctx.t.teamFeedback.notYourTeam)).end();

function askText(ctx: TurnContext, employee: { id: string; name: string }, problem?: string): TurnResult {
  const text = ctx.t.teamFeedback.askText(employee.name);
  return reply(message(problem ? `${problem}\n${text}` : text)).next({
    flow: FLOW,
    step: "text",
    data: { employeeId: employee.id },
  });
}

/**
 * Sends a supervisor's feedback to a team member (SPEC section 6). `employeeRef` is a person id (what
 * the Slack adapter passes for a mention), a NIP (with or without spaces) or a team member's name;
 * `text` must be 3–1000 characters. Someone outside the team is refused in words and audited; the
 * employee is told through the `feedback-given` effect (the notification worker).
 */
export async function giveFeedback(ctx: TurnContext, employeeRef: string, text: string): Promise<TurnResult> {
  const supervisor = requirePerson(ctx);
  const t = ctx.t.teamFeedback;
  const target = await resolvePerson(ctx, employeeRef, await teamOf(ctx.tx, supervisor.id, ctx.now));
  if (target.kind === "unknown") return reply(message(t.notFound(employeeRef.trim()))).end();
  if (target.kind === "several") {
    return reply(message(t.ambiguous(employeeRef.trim()), pickChoices(target.members))).end();
  }
  const employee = await authorised(ctx, target.id);
  if (!employee) return refused(ctx);
  const given = feedbackText.safeParse(text);
  if (!given.success) return askText(ctx, employee, t.badText);
  const feedbackId = await saveFeedback(ctx.tx, {
    fromId: supervisor.id,
    toId: employee.id,
    text: given.data,
    via: ctx.account.platform,
    now: ctx.now,
  });
  ctx.effects.push({ kind: "feedback-given", feedbackId });
  return reply(message(t.sent(employee.name))).end();
}

/** Splits "<NIP, person id or name> <text>"; a name is matched against `named`, longest first. */
export function splitPersonArgs(
  args: string,
  named: readonly Named[],
): { ref: string; text: string } | { several: Named[]; ref: string } | null {
  const first = args.split(/\s+/, 1)[0] ?? "";
  if (UUID.test(first) || ACCOUNT_REF.test(first))
    return { ref: first, text: args.slice(first.length).trim() };
  const nip = NIP_FIRST.exec(args);
  if (nip?.[1]) return { ref: nip[1], text: (nip[2] ?? "").trim() };
  const team = named;
  const words = args.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const ref = words.slice(0, n).join(" ");
    const found = membersNamed(team, ref);
    if (found.length === 1 && found[0]) return { ref: found[0].id, text: words.slice(n).join(" ") };
    if (found.length > 1) return { several: found, ref };
  }
  return null;
}

/**
 * `/umpan_balik_tim [<NIP or name> [<text>]]` on Telegram. Without arguments: the team as buttons, then
 * the text is asked for. With an employee but no text: the text is asked for.
 */
export async function startTeamFeedback(ctx: TurnContext, args: string): Promise<TurnResult> {
  const supervisor = requirePerson(ctx);
  const t = ctx.t.teamFeedback;
  const given = args.trim();
  if (!given) {
    const team = await teamOf(ctx.tx, supervisor.id, ctx.now);
    if (team.length === 0) return reply(message(ctx.t.team.noTeam)).keep();
    return reply(message(t.pick, pickChoices(team))).keep();
  }
  const split = splitPersonArgs(given, await teamOf(ctx.tx, supervisor.id, ctx.now));
  if (!split) return reply(message(t.notFound(given.split(/\s+/, 1)[0] ?? given))).keep();
  if ("several" in split) return reply(message(t.ambiguous(split.ref), pickChoices(split.several))).keep();
  if (split.text) return giveFeedback(ctx, split.ref, split.text);
  const target = await resolvePerson(ctx, split.ref, await teamOf(ctx.tx, supervisor.id, ctx.now));
  if (target.kind !== "person") return reply(message(t.notFound(split.ref))).keep();
  const employee = await authorised(ctx, target.id);
  return employee ? askText(ctx, employee) : refused(ctx);
}

/** `f:to:<employeeId>` (a button of the team list) and the text that follows it. */
export const teamFeedbackFlow = {
  name: FLOW,

  async onChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
    const [action, employeeId = ""] = parts;
    if (action !== "to" || !UUID.test(employeeId)) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    const employee = await authorised(ctx, employeeId);
    return employee ? askText(ctx, employee) : refused(ctx);
  },

  /** The text given in a form (a Slack modal) opened for `f:to:<employeeId>`; no dialog state needed. */
  async onForm(ctx: TurnContext, parts: string[], text: string): Promise<TurnResult> {
    const [action, employeeId = ""] = parts;
    if (action !== "to" || !UUID.test(employeeId)) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    return giveFeedback(ctx, employeeId, text);
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const parsed = textState.safeParse(ctx.state?.data);
    if (!parsed.success) return reply(message(ctx.t.common.expired)).end();
    if (!feedbackText.safeParse(text).success) return reply(message(ctx.t.teamFeedback.badText)).keep();
    return giveFeedback(ctx, parsed.data.employeeId, text);
  },
};
