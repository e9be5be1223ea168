import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import { fetchBotUsername } from "../../adapters/telegram/bot-username.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { normalizeNip } from "../domain/nip.ts";
import { issueLinkCodes } from "../services/link-codes.ts";
import type { AdminIo } from "./io.ts";
import { unitWithDescendants } from "./unit-tree.ts";

export interface LinkCodesDeps {
  db: Db;
  config: Pick<Config, "telegram">;
  io: AdminIo;
  now: Date;
  /** Looks up the bot's username for the deep link; defaults to the Bot API's getMe. */
  botUsername?: () => Promise<string | undefined>;
}

const DEFAULT_VALID_DAYS = 7;

/**
 * `link-codes [--nip NIP]... [--unit KODE] [--all] [--days N] --out codes.csv`
 * Issues one-time codes for active people without a linked Telegram account (`--all`: everyone
 * selected). A new code replaces the person's earlier unused codes, so a lost list stops working.
 */
export async function runLinkCodes(deps: LinkCodesDeps, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      nip: { type: "string", multiple: true },
      unit: { type: "string" },
      all: { type: "boolean" },
      days: { type: "string" },
      out: { type: "string" },
    },
  });
  const { db, io, now } = deps;
  if (!values.out) {
    io.err.write("link-codes: --out FILE is required\n");
    return 2;
  }
  const days = values.days === undefined ? DEFAULT_VALID_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    io.err.write("link-codes: --days must be a whole number from 1 to 90\n");
    return 2;
  }

  const nips = (values.nip ?? []).map(normalizeNip);
  if (nips.length > 0) {
    const known = await db.person.findMany({
      where: { nip: { in: nips }, active: true },
      select: { nip: true },
    });
    const unknown = nips.filter((nip) => !known.some((p) => p.nip === nip));
    if (unknown.length > 0) {
      for (const nip of unknown) io.err.write(`link-codes: --nip ${nip}: no active person with this NIP\n`);
      return 1;
    }
  }
  let unitIds: string[] | undefined;
  if (values.unit) {
    const unit = await db.unit.findUnique({ where: { code: values.unit } });
    if (!unit) {
      io.err.write(`link-codes: --unit ${values.unit}: no such unit\n`);
      return 1;
    }
    unitIds = await unitWithDescendants(db, unit.id);
  }
  const people = await db.person.findMany({
    where: {
      active: true,
      ...(nips.length > 0 ? { nip: { in: nips } } : {}),
      ...(unitIds ? { unitId: { in: unitIds } } : {}),
      ...(values.all ? {} : { accounts: { none: { platform: "TELEGRAM" } } }),
    },
    include: { unit: { select: { timeZone: true } } },
    orderBy: { nip: "asc" },
  });
  for (const nip of nips.filter((n) => !people.some((p) => p.nip === n))) {
    io.err.write(`link-codes: ${nip} already has Telegram linked; skipped (use --all to issue anyway)\n`);
  }

  const username = await (
    deps.botUsername ?? (() => fetchBotUsername(deps.config.telegram.botToken, deps.config.telegram.apiRoot))
  )();
  const expiresAt = DateTime.fromJSDate(now).plus({ days }).startOf("second");
  const issued = await issueLinkCodes(
    db,
    people.map((person) => person.id),
    { now, expiresAt: expiresAt.toJSDate(), via: "ADMIN_CLI" },
  );
  const rows = people.map((person, index) => ({ person, code: issued[index]!.code }));

  const csv = stringify(
    rows.map(({ person, code }) => ({
      nip: person.nip,
      nama: person.name,
      kode: code,
      tautan_telegram: username ? `https://t.me/${username}?start=${code}` : "",
      berlaku_sampai: expiresAt.setZone(person.unit.timeZone).toISO({ suppressMilliseconds: true }),
    })),
    { header: true, columns: ["nip", "nama", "kode", "tautan_telegram", "berlaku_sampai"] },
  );
  await writeFile(values.out, csv);
  io.out.write(`${rows.length} link code(s) written to ${values.out}, valid for ${days} day(s)\n`);
  return 0;
}
