import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import {
  eventually,
  type FaultScenario,
  type FaultWorld,
  startFaultWorld,
  startScenario,
} from "../support/fault-harness.ts";
import { ownServicesUnavailable } from "../support/own-services.ts";
import { DEMO } from "../support/telegram-app.ts";

// A reminder run (scheduler and worker roles of a real process) with the test's own Redis, then its
// own PostgreSQL, SIGKILLed and started again in the middle. Tuesday 24 November 2026, 15.31 WIB: the
// 15:30 report reminder of Kecamatan Andir is due for everyone who has not reported.
const NOW = "2026-11-24T08:31:00Z";
const STAFF = 60;
const unavailable = ownServicesUnavailable();
if (unavailable) console.warn(`fault tests skipped: ${unavailable}`);

let world: FaultWorld;

beforeAll(async () => {
  if (unavailable) return;
  world = await startFaultWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

/** STAFF employees of Seksi Pelayanan with a linked Telegram account each; returns their chat ids. */
async function hireStaff(db: Db): Promise<string[]> {
  const supervisor = await db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } });
  const chats: string[] = [];
  for (let n = 1; n <= STAFF; n++) {
    const birth = DateTime.fromISO("1985-01-01").plus({ days: n }).toFormat("yyyyMMdd");
    const chatId = String(900_000 + n);
    await db.person.create({
      data: {
        nip: `${birth}2010011001`,
        nipKind: "PNS",
        name: `Pegawai ${String(n).padStart(3, "0")}`,
        position: "Staf",
        unitId: supervisor.unitId,
        accounts: { create: { platform: "TELEGRAM", externalId: chatId, address: chatId } },
        supervisors: { create: { supervisorId: supervisor.id, validFrom: new Date("2026-01-01") } },
      },
    });
    chats.push(chatId);
  }
  return chats;
}

function remindersIn(s: FaultScenario, chatId: string): number {
  return s.botApi
    .chat(chatId)
    .texts()
    .filter((text) => text.includes("belum melaporkan")).length;
}

async function runWithOutage(outage: { kill(): Promise<void>; restart(): Promise<void> }): Promise<void> {
  // A slow send rate, so the run is still going when the service dies.
  const s = await startScenario(world, {
    roles: "web,worker,scheduler",
    now: NOW,
    env: { TELEGRAM_SEND_RATE: "10" },
    beforeStart: hireStaff,
  });
  try {
    const chats = s.prepared as string[];
    const reminded = () => chats.filter((chat) => remindersIn(s, chat) > 0).length;
    await eventually("a quarter of the reminders", () => reminded() >= STAFF / 4);
    await outage.kill();
    await eventually("/readyz 503 during the outage", async () => (await s.readyz()) === 503);
    expect(reminded()).toBeLessThan(STAFF);
    await outage.restart();
    await eventually("/readyz 200 after the outage", async () => (await s.readyz()) === 200);

    await eventually("a reminder for every employee", () => reminded() === STAFF, 60_000);
    await eventually(
      "every reminder row settled",
      async () =>
        (await s.db.reminderDelivery.count({ where: { status: { in: ["PLANNED", "SENDING"] } } })) === 0,
    );
    const counts = chats.map((chat) => remindersIn(s, chat));
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(s.alive()).toBe(true);
  } finally {
    await outage.restart().catch(() => undefined);
    await s.close();
  }
}

describe.skipIf(unavailable !== null)("a reminder run through a service outage", () => {
  it("Redis SIGKILLed and restarted mid-run: every employee gets exactly one reminder", async () => {
    await runWithOutage(world.redis);
  }, 120_000);

  it("PostgreSQL SIGKILLed and restarted mid-run: every employee gets exactly one reminder", async () => {
    await runWithOutage(world.postgres);
  }, 120_000);
});
