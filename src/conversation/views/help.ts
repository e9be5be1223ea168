import { teamOf } from "../../services/team.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";

/** `/bantuan`: what the bot does, the commands (supervisors also see theirs), and who to ask about one's data. */
export async function showHelp(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const supervises = (await teamOf(ctx.tx, person.id, ctx.now)).length > 0;
  const text = ctx.t.help.text(ctx.adminContact ?? ctx.t.help.defaultAdmin);
  return reply({
    kind: "message",
    text: supervises ? `${text}\n\n${ctx.t.help.supervisor}` : text,
  }).keep();
}
