import { teamOf } from "../../services/team.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { PlatformName } from "../types.ts";

/** How a command is typed on each platform: `/lapor` on Telegram, `/kinerja lapor` on Slack. */
export function commandSyntax(platform: PlatformName): (name: string) => string {
  if (platform === "TELEGRAM") return (name) => `/${name}`;
  const slack: Record<string, string> = {
    umpan_balik_tim: "/kinerja umpan_balik @pegawai <teks>",
    penilaian_tim: "/kinerja penilaian [KODE]",
    penilaian: "/kinerja hasil",
    apresiasi: "/kinerja apresiasi @rekan <teks>",
  };
  return (name) => slack[name] ?? `/kinerja ${name}`;
}

/** `/bantuan`: what the bot does, the commands (supervisors also see theirs), and who to ask about one's data. */
export async function showHelp(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const cmd = commandSyntax(ctx.account.platform);
  const supervises = (await teamOf(ctx.tx, person.id, ctx.now)).length > 0;
  const text = ctx.t.help.text(ctx.adminContact ?? ctx.t.help.defaultAdmin, cmd);
  return reply({
    kind: "message",
    text: supervises ? `${text}\n\n${ctx.t.help.supervisor(cmd)}` : text,
  }).keep();
}
