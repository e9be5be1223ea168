import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { servedByCode, staffCodeOf, surveyTokenOf } from "../services/survey-access.ts";
import type { AdminIo } from "./io.ts";
import { posterPdf, posterPng } from "./survei-poster.ts";

export interface SurveiQrDeps {
  db: Db;
  config: Pick<Config, "baseUrl" | "publicUrl">;
  io: AdminIo;
  /** Looks up the bot's username for the Telegram deep link (the Bot API's getMe; undefined without a bot) */
  botUsername: () => Promise<string | undefined>;
}

/** The URL of a unit's survey (with a staff member's desk-card code when given). */
export const surveyUrl = (baseUrl: string, token: string, staffCode?: string): string =>
  `${baseUrl}/survei/${token}${staffCode ? `?p=${staffCode}` : ""}`;

/**
 * `survei-qr --unit KODE [--nip NIP] --out FILE.png|.pdf`: the unit's survey poster (with `--nip`, a desk card
 * naming that staff member, whose answers then count for them), and the survey's URL as the one line on stdout.
 * The unit's token is created at the first run and kept: every later run prints the same URL.
 */
export async function runSurveiQr(deps: SurveiQrDeps, argv: string[]): Promise<number> {
  const { db, io, config } = deps;
  const { values } = parseArgs({
    args: argv,
    options: { unit: { type: "string" }, nip: { type: "string" }, out: { type: "string" } },
  });
  const format = values.out ? extname(values.out).toLowerCase() : "";
  const problems: string[] = [];
  if (!values.unit?.trim()) problems.push("--unit KODE is required");
  if (!values.out) problems.push("--out FILE.png or FILE.pdf is required");
  else if (format !== ".png" && format !== ".pdf") problems.push("--out must end in .png or .pdf");
  if (problems.length > 0 || !values.unit || !values.out) {
    for (const p of problems) io.err.write(`survei-qr: ${p}\n`);
    return 2;
  }
  const unit = await db.unit.findUnique({ where: { code: values.unit.trim() } });
  if (!unit) {
    io.err.write(`survei-qr: --unit ${values.unit}: no such unit\n`);
    return 1;
  }
  let staff: { name: string; code: string } | undefined;
  if (values.nip) {
    const nip = values.nip.replace(/[\s']/g, "");
    const person = await db.person.findUnique({ where: { nip }, select: { id: true, name: true } });
    const code = person ? await staffCodeOf(db, person.id) : undefined;
    if (!person || !code || !(await servedByCode(db, unit.id, code))) {
      io.err.write(
        `survei-qr: --nip ${values.nip}: no active person of unit ${unit.code} or a unit below it with that NIP\n`,
      );
      return 1;
    }
    staff = { name: person.name, code };
  }
  const token = await surveyTokenOf(db, unit.id);
  const url = surveyUrl(config.baseUrl, token, staff?.code);
  const telegramLink = await deepLink(deps, token, staff?.code);
  const content = {
    unitName: unit.name,
    url,
    ...(staff ? { staffName: staff.name } : {}),
    ...(telegramLink ? { telegramLink } : {}),
  };
  await writeFile(values.out, format === ".png" ? posterPng(content) : await posterPdf(content));
  if (!config.publicUrl)
    io.err.write(`survei-qr: PUBLIC_URL is not set; the poster points at ${config.baseUrl}\n`);
  io.err.write(`survei-qr: poster of ${unit.code} written to ${values.out}\n`);
  io.out.write(`${url}\n`);
  return 0;
}

/** `t.me/<bot>?start=survei_<token>[_<KODE>]` when a bot is configured and answers; otherwise none. */
async function deepLink(deps: SurveiQrDeps, token: string, staffCode?: string): Promise<string | undefined> {
  try {
    const username = await deps.botUsername();
    return username ? `t.me/${username}?start=survei_${token}${staffCode ? `_${staffCode}` : ""}` : undefined;
  } catch {
    deps.io.err.write("survei-qr: the Telegram bot did not answer; the poster has no Telegram link\n");
    return undefined;
  }
}
