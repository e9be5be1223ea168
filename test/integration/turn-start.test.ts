import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTurn } from "../../src/conversation/turn-start.ts";
import { createDb, type Db } from "../../src/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** The turn's first statement (src/conversation/turn-start.ts): event key, account with person, dialog state. */
let database: TestDatabase;
let second: Db;
const now = new Date("2026-11-24T03:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { poolSize: 2 });
  const unit = await database.db.unit.create({ data: { code: "U", name: "Unit", timeZone: "Asia/Jakarta" } });
  const person = await database.db.person.create({
    data: { nip: "199207252019031004", nipKind: "PNS", name: "Budi", position: "Staf", unitId: unit.id },
  });
  await database.db.platformAccount.create({
    data: { platform: "TELEGRAM", externalId: "501", address: "501", personId: person.id },
  });
  await database.db.conversationState.create({
    data: {
      platform: "TELEGRAM",
      externalId: "501",
      flow: "r",
      step: "description",
      data: { date: "2026-11-24" },
      version: 3,
      expiresAt: new Date("2026-11-25T03:00:00Z"),
    },
  });
}, 60_000);
afterAll(async () => {
  await second.$disconnect();
  await database.drop();
});

const start = (db: Db, eventKey: string | undefined, externalId = "501") =>
  db.$transaction((tx) => startTurn(tx, { platform: "TELEGRAM", externalId, eventKey, now }));

describe("a turn's first statement", () => {
  it("reads the account with its person and the open dialog, and claims the event once", async () => {
    const first = await start(database.db, "tg:update:1");
    expect(first.fresh).toBe(true);
    expect(first.account).toMatchObject({ address: "501", reachable: true, name: "Budi", active: true });
    expect(first.stored).toEqual({
      state: { flow: "r", step: "description", data: { date: "2026-11-24" } },
      expired: false,
      version: 3,
    });
    expect((await start(database.db, "tg:update:1")).fresh).toBe(false);
    expect(await database.db.processedEvent.count({ where: { key: "tg:update:1" } })).toBe(1);
  });

  it("is always fresh without an event key, and knows no account or dialog of a stranger", async () => {
    expect((await start(database.db, undefined)).fresh).toBe(true);
    expect((await start(database.db, undefined)).fresh).toBe(true);
    const stranger = await start(database.db, "tg:update:2", "999");
    expect(stranger).toEqual({
      fresh: true,
      account: undefined,
      stored: { state: null, expired: false, version: 0 },
    });
  });

  it("two processes with the same redelivered update: exactly one turn is fresh", async () => {
    const both = await Promise.all([start(database.db, "tg:update:3"), start(second, "tg:update:3")]);
    expect(both.map((b) => b.fresh).sort()).toEqual([false, true]);
  });

  it("a key claimed by a turn that rolled back is free again", async () => {
    await expect(
      database.db.$transaction(async (tx) => {
        await startTurn(tx, { platform: "TELEGRAM", externalId: "501", eventKey: "tg:update:4", now });
        throw new Error("the turn failed");
      }),
    ).rejects.toThrow("the turn failed");
    expect((await start(database.db, "tg:update:4")).fresh).toBe(true);
  });
});
