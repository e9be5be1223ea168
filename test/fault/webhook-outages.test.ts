import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { id as messages } from "../../src/i18n/id.ts";
import {
  eventually,
  type FaultScenario,
  type FaultUser,
  type FaultWorld,
  startFaultWorld,
  startScenario,
} from "../support/fault-harness.ts";
import { ownServicesUnavailable } from "../support/own-services.ts";
import { DEMO } from "../support/telegram-app.ts";

// Webhook traffic while the test's own Redis, then its own PostgreSQL, is SIGKILLed and started again,
// against the product as a real process. Tuesday 24 November 2026, 10.00 WIB: a working day.
const NOW = "2026-11-24T03:00:00Z";
const unavailable = ownServicesUnavailable();
if (unavailable) console.warn(`fault tests skipped: ${unavailable}`);

const EMPLOYEES = [DEMO.siti, DEMO.budi, DEMO.dewi, DEMO.agus, DEMO.nurAini, DEMO.rizky] as const;
const SUPERVISOR_OF: Record<string, number> = {
  [DEMO.siti]: 8001,
  [DEMO.budi]: 8001,
  [DEMO.dewi]: 8001,
  [DEMO.agus]: 8002,
  [DEMO.nurAini]: 8002,
  [DEMO.rizky]: 8002,
};
const REPORTS_EACH = 2;
/** Turns of one /lapor (TelegramTestUser.report): /lapor, day, indicator, text, quantity, time, skip, send */
const TURNS_PER_REPORT = 8;

let world: FaultWorld;

beforeAll(async () => {
  if (unavailable) return;
  world = await startFaultWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

interface Traffic {
  users: FaultUser[];
  descriptions: Map<number, string[]>;
  done: Promise<void>;
  answered(): number;
  sent(): number;
}

async function linkPeople(s: FaultScenario): Promise<FaultUser[]> {
  await s.linkTelegram(8001, DEMO.kasiPelayanan);
  await s.linkTelegram(8002, DEMO.kasiPemerintahan);
  const users: FaultUser[] = [];
  for (const [index, nip] of EMPLOYEES.entries()) {
    const userId = 8101 + index;
    await s.linkTelegram(userId, nip);
    users.push(s.user(userId));
  }
  return users;
}

/** Every employee walks REPORTS_EACH whole reports, all at once; each turn waits for its answer. */
function startTraffic(users: FaultUser[], label: string): Traffic {
  const descriptions = new Map<number, string[]>();
  const failures: unknown[] = [];
  const runs = users.map(async (user) => {
    const mine: string[] = [];
    descriptions.set(user.userId, mine);
    for (let n = 1; n <= REPORTS_EACH; n++) {
      const description = `Laporan ${label} ${user.userId} nomor ${n}`;
      mine.push(description);
      await user.report(description, "30");
    }
  });
  const done = Promise.allSettled(runs).then((results) => {
    for (const result of results) if (result.status === "rejected") failures.push(result.reason);
    if (failures.length > 0) throw failures[0];
  });
  done.catch(() => undefined);
  return {
    users,
    descriptions,
    done,
    answered: () => users.reduce((sum, u) => sum + u.answered, 0),
    sent: () =>
      users.reduce((sum, u) => sum + u.texts().filter((t) => t.includes("laporan terkirim")).length, 0),
  };
}

async function expectEachReportOnce(s: FaultScenario, traffic: Traffic): Promise<void> {
  const all = [...traffic.descriptions.values()].flat();
  expect(all).toHaveLength(EMPLOYEES.length * REPORTS_EACH);
  for (const description of all) {
    expect(await s.db.activity.count({ where: { description } }), description).toBe(1);
  }
  expect(await s.db.activity.count()).toBe(all.length);
  for (const user of traffic.users) {
    // Every turn got its answer (each waited for it), and no turn was answered with the apology.
    expect(user.answered).toBe(REPORTS_EACH * TURNS_PER_REPORT);
    expect(user.texts().filter((t) => t.includes("laporan terkirim"))).toHaveLength(REPORTS_EACH);
    expect(user.texts()).not.toContain(messages.common.error);
  }
}

/** Each report's review request reaches its supervisor's chat, exactly once. */
async function expectEachReviewRequestOnce(s: FaultScenario, traffic: Traffic): Promise<void> {
  const requestsFor = (description: string, supervisorChat: number) =>
    s.botApi
      .chat(supervisorChat)
      .texts()
      .filter((text) => text.includes(`Uraian: ${description}`)).length;
  const expected = [...traffic.descriptions.entries()].flatMap(([userId, list]) =>
    list.map((description) => ({
      description,
      supervisorChat: SUPERVISOR_OF[EMPLOYEES[userId - 8101] ?? ""] ?? 0,
    })),
  );
  await eventually(
    "a review request for every report",
    () => expected.every((e) => requestsFor(e.description, e.supervisorChat) >= 1),
    30_000,
  ).catch(() => undefined);
  const counts = Object.fromEntries(
    expected.map((e) => [e.description, requestsFor(e.description, e.supervisorChat)]),
  );
  expect(counts).toEqual(Object.fromEntries(expected.map((e) => [e.description, 1])));
}

describe.skipIf(unavailable !== null)("webhook traffic through a service outage", () => {
  it("Redis SIGKILLed and restarted: each report saved and answered once, even while Redis is down; /readyz 503 then 200; every review request sent once", async () => {
    const s = await startScenario(world, { roles: "web,worker", now: NOW });
    try {
      const users = await linkPeople(s);
      expect(await s.readyz()).toBe(200);
      const traffic = startTraffic(users, "redis");
      await eventually("some traffic before the kill", () => traffic.answered() >= 12);

      await world.redis.kill();
      await eventually("/readyz 503 while Redis is down", async () => (await s.readyz()) === 503);
      // Reports are sent while Redis is down, and their answers arrive before it is back.
      const sentAtKill = traffic.sent();
      await eventually(
        "two reports answered 'laporan terkirim' while Redis is down",
        () => traffic.sent() >= sentAtKill + 2,
        30_000,
      );
      expect(await s.readyz()).toBe(503);
      await world.redis.restart();

      await eventually("/readyz 200 after Redis is back", async () => (await s.readyz()) === 200);
      await traffic.done;
      expect(s.alive()).toBe(true);
      await expectEachReportOnce(s, traffic);
      await expectEachReviewRequestOnce(s, traffic);
      expect(s.alive()).toBe(true);
    } finally {
      await world.redis.restart().catch(() => undefined);
      await s.close();
    }
  }, 150_000);

  it("PostgreSQL SIGKILLed and restarted: updates of the outage are redelivered, none lost, none doubled; /readyz 503 then 200", async () => {
    const s = await startScenario(world, { roles: "web,worker", now: NOW });
    try {
      const users = await linkPeople(s);
      expect(await s.readyz()).toBe(200);
      const traffic = startTraffic(users, "postgres");
      await eventually("some traffic before the kill", () => traffic.answered() >= 12);

      await world.postgres.kill();
      await eventually("/readyz 503 while PostgreSQL is down", async () => (await s.readyz()) === 503);
      // The webhook refuses updates it cannot take (not 2xx), so Telegram (this test) delivers them again.
      const refused = () => [...s.redeliveries.values()].reduce((a, b) => a + b, 0);
      await eventually("updates refused during the outage", () => refused() >= 3, 30_000);
      expect(s.alive()).toBe(true);
      await world.postgres.restart();

      await eventually("/readyz 200 after PostgreSQL is back", async () => (await s.readyz()) === 200);
      await traffic.done;
      expect(s.alive()).toBe(true);
      await expectEachReportOnce(s, traffic);
      await expectEachReviewRequestOnce(s, traffic);
    } finally {
      await world.postgres.restart().catch(() => undefined);
      await s.close();
    }
  }, 150_000);
});
