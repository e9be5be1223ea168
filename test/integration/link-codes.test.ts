import { mkdtemp, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLinkCodes } from "../../src/admin/link-codes-command.ts";
import { parseConfig } from "../../src/config.ts";
import { hashLinkCode, LINK_CODE_ALPHABET } from "../../src/domain/link-code.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let botApi: Server;
let apiRoot: string;
let dir: string;
const now = new Date("2026-11-24T03:00:00Z");

const NIP_ANI = "199002142015032001";
const NIP_BUDI = "199207252019031004";
const NIP_CICI = "199511302022212005";

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "link-codes-"));
  botApi = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url?.endsWith("/getMe")) {
      res.end(
        JSON.stringify({
          ok: true,
          result: { id: 42, is_bot: true, first_name: "Kinerja", username: "kinerja_demo_bot" },
        }),
      );
    } else res.end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
  });
  await new Promise<void>((r) => botApi.listen(0, "127.0.0.1", r));
  apiRoot = `http://127.0.0.1:${(botApi.address() as AddressInfo).port}`;

  const { db } = database;
  const wita = await db.unit.create({
    data: { code: "KEC-CAKRA", name: "Kecamatan Cakranegara", timeZone: "Asia/Makassar" },
  });
  const wib = await db.unit.create({
    data: { code: "KEC-PLAJU", name: "Kecamatan Plaju", timeZone: "Asia/Jakarta" },
  });
  await db.person.create({
    data: { nip: NIP_ANI, nipKind: "PNS", name: "Ani", position: "Staf", unitId: wita.id },
  });
  await db.person.create({
    data: { nip: NIP_BUDI, nipKind: "PNS", name: "Budi", position: "Staf", unitId: wib.id },
  });
  const cici = await db.person.create({
    data: { nip: NIP_CICI, nipKind: "PPPK", name: "Cici", position: "Staf", unitId: wib.id },
  });
  await db.platformAccount.create({
    data: { personId: cici.id, platform: "TELEGRAM", externalId: "777", address: "777" },
  });
});

afterAll(async () => {
  await database.drop();
  await new Promise((r) => botApi.close(r));
});

async function run(args: string[], token?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const config = parseConfig({ TELEGRAM_API_ROOT: apiRoot, ...(token ? { TELEGRAM_BOT_TOKEN: token } : {}) });
  const code = await runLinkCodes(
    {
      db: database.db,
      config,
      now,
      io: { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } },
    },
    args,
  );
  return { code, out: out.join(""), err: err.join("") };
}

type Row = { nip: string; nama: string; kode: string; tautan_telegram: string; berlaku_sampai: string };
const readRows = async (file: string): Promise<Row[]> =>
  parse(await readFile(file, "utf8"), { columns: true });

describe("admin link-codes", () => {
  it("issues codes for people without Telegram, with deep links and expiry in their own zone", async () => {
    const file = join(dir, "codes.csv");
    const result = await run(["--out", file], "123456:ABCDEFGHIJKLMNOPQRSTUVWX");
    expect(result.code).toBe(0);
    const rows = await readRows(file);
    expect(rows.map((r) => r.nip)).toEqual([NIP_ANI, NIP_BUDI]);
    for (const row of rows) {
      expect(row.kode).toMatch(new RegExp(`^[${LINK_CODE_ALPHABET}]{8}$`));
      expect(row.tautan_telegram).toBe(`https://t.me/kinerja_demo_bot?start=${row.kode}`);
    }
    expect(rows[0]?.berlaku_sampai).toBe("2026-12-01T11:00:00+08:00");
    expect(rows[1]?.berlaku_sampai).toBe("2026-12-01T10:00:00+07:00");

    const stored = await database.db.linkCode.findMany();
    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.codeHash).sort()).toEqual(rows.map((r) => hashLinkCode(r.kode)).sort());
    expect(JSON.stringify(stored)).not.toContain(rows[0]!.kode);
  });

  it("leaves the link empty without a bot token", async () => {
    const file = join(dir, "no-token.csv");
    expect((await run(["--nip", NIP_BUDI, "--out", file])).code).toBe(0);
    const rows = await readRows(file);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tautan_telegram).toBe("");
  });

  it("revokes a person's earlier unused code when a new one is issued", async () => {
    const first = join(dir, "first.csv");
    const second = join(dir, "second.csv");
    await run(["--nip", NIP_ANI, "--out", first]);
    await run(["--nip", `'${NIP_ANI.slice(0, 8)} ${NIP_ANI.slice(8)}`, "--out", second]);
    const [old] = await readRows(first);
    const [fresh] = await readRows(second);
    const oldRow = await database.db.linkCode.findUnique({ where: { codeHash: hashLinkCode(old!.kode) } });
    const freshRow = await database.db.linkCode.findUnique({
      where: { codeHash: hashLinkCode(fresh!.kode) },
    });
    expect(oldRow!.expiresAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(freshRow!.expiresAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("selects a unit, and everyone with --all", async () => {
    const unitFile = join(dir, "unit.csv");
    expect((await run(["--unit", "KEC-PLAJU", "--out", unitFile])).code).toBe(0);
    expect((await readRows(unitFile)).map((r) => r.nip)).toEqual([NIP_BUDI]);
    const allFile = join(dir, "all.csv");
    expect((await run(["--unit", "KEC-PLAJU", "--all", "--out", allFile])).code).toBe(0);
    expect((await readRows(allFile)).map((r) => r.nip)).toEqual([NIP_BUDI, NIP_CICI]);
  });

  it("refuses an unknown NIP or unit and writes nothing", async () => {
    const before = await database.db.linkCode.count();
    const nip = await run(["--nip", "198001012005011001", "--out", join(dir, "x.csv")]);
    expect(nip.code).toBe(1);
    expect(nip.err).toContain("198001012005011001: no active person");
    const unit = await run(["--unit", "NOPE", "--out", join(dir, "y.csv")]);
    expect(unit.code).toBe(1);
    expect(await database.db.linkCode.count()).toBe(before);
  });

  it("requires --out", async () => {
    expect((await run([])).code).toBe(2);
  });
});
