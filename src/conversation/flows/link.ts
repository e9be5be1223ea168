import { messagesFor } from "../../i18n/index.ts";
import { redeemLinkCode } from "../../services/account-linking.ts";
import { reply, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice } from "../types.ts";

const LINK_STATE = { flow: "link", step: "code", data: {} };

function menu(ctx: TurnContext): Choice[][] {
  return [
    [
      { label: ctx.t.commands.lapor, data: "m:lapor" },
      { label: ctx.t.commands.target, data: "m:target" },
    ],
    [{ label: ctx.t.commands.bantuan, data: "m:bantuan" }],
  ];
}

async function tryCode(ctx: TurnContext, offered: string): Promise<TurnResult> {
  const result = await redeemLinkCode(ctx.tx, ctx.account, offered, ctx.now);
  if (result.ok) {
    // Greet in the language the person chose earlier (a re-link keeps it).
    const person = await ctx.tx.person.findUniqueOrThrow({
      where: { id: result.person.id },
      select: { locale: true },
    });
    const t = person.locale ? messagesFor(person.locale) : ctx.t;
    return reply({
      kind: "message",
      text: t.link.linked(result.person.name),
      choices: menu({ ...ctx, t }),
    }).end();
  }
  const text =
    result.reason === "WRONG"
      ? ctx.t.link.wrongCode(result.triesLeft)
      : result.reason === "EXPIRED"
        ? ctx.t.link.expiredCode
        : result.reason === "USED"
          ? ctx.t.link.usedCode
          : ctx.t.link.tooManyTries(result.retryInMinutes);
  return reply({ kind: "message", text }).next(LINK_STATE);
}

/** `/start [KODE]`, the deep link `t.me/<bot>?start=KODE`, or `/start` then the code. */
export const linkFlow = {
  name: "link",
  async start(ctx: TurnContext, args: string): Promise<TurnResult> {
    if (ctx.person) {
      return reply({
        kind: "message",
        text: ctx.t.link.alreadyLinked(ctx.person.name),
        choices: menu(ctx),
      }).end();
    }
    const code = args.trim();
    if (code) return tryCode(ctx, code);
    return reply({ kind: "message", text: ctx.t.link.askCode }).next(LINK_STATE);
  },
  onText: (ctx: TurnContext, text: string) => tryCode(ctx, text),
};
