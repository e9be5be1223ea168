import { isLocale, messagesFor } from "../../i18n/index.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";

async function setLanguage(ctx: TurnContext, locale: "id" | "en"): Promise<TurnResult> {
  const person = requirePerson(ctx);
  await ctx.tx.person.update({ where: { id: person.id }, data: { locale } });
  return reply({ kind: "message", text: messagesFor(locale).language.changed }).keep();
}

/** `/bahasa` (buttons) or `/bahasa en`. */
export async function chooseLanguage(ctx: TurnContext, args: string): Promise<TurnResult> {
  const wanted = args.trim().toLowerCase();
  if (isLocale(wanted)) return setLanguage(ctx, wanted);
  return reply({
    kind: "message",
    text: ctx.t.language.ask,
    choices: [
      [
        { label: messagesFor("id").localeName, data: "l:id" },
        { label: messagesFor("en").localeName, data: "l:en" },
      ],
    ],
  }).keep();
}

export async function languageChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
  const wanted = parts[0] ?? "";
  if (!isLocale(wanted)) return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
  return setLanguage(ctx, wanted);
}
