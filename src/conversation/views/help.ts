import { reply, type TurnContext, type TurnResult } from "../context.ts";

/** `/bantuan`: what the bot does, the commands, and who to ask about one's data. */
export async function showHelp(ctx: TurnContext): Promise<TurnResult> {
  return reply({
    kind: "message",
    text: ctx.t.help.text(ctx.adminContact ?? ctx.t.help.defaultAdmin),
  }).keep();
}
