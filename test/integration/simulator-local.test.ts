import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modalStateValues, SimulatorError } from "../../adapters/simulator/web/simulator-world.ts";
import { SimulatorRefused } from "../../src/admin/demo-only-database.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { ConfigError, parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";
import { TestClock } from "../support/telegram-app.ts";

const logger = createLogger("silent");
const prefix = `l${randomBytes(4).toString("hex")}`;
const BOT_TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
let demoOnly: TestDatabase;
let foreign: TestDatabase;

const simulatorEnv = (database: TestDatabase, extra: Record<string, string> = {}) => ({
  DATABASE_URL: database.url,
  REDIS_URL: "redis://127.0.0.1:6379",
  REDIS_PREFIX: prefix,
  PORT: "0",
  ROLES: "web,worker",
  LOG_LEVEL: "silent",
  SHUTDOWN_TIMEOUT_MS: "5000",
  ...extra,
});

function listenAddress(app: RunningApp): string {
  const address = app.http?.server.address();
  if (!address || typeof address === "string") throw new Error("not listening on TCP");
  return address.address;
}

beforeAll(async () => {
  [demoOnly, foreign] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const now = new Date("2026-11-24T03:00:00Z");
  for (const database of [demoOnly, foreign]) {
    const seeded = await importFiles(database.db, DEMO_FILES, { now });
    if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
  }
  const unit = await foreign.db.unit.findFirstOrThrow();
  await foreign.db.person.create({
    data: {
      nip: "198501012010011001",
      nipKind: "PNS",
      name: "Pegawai Sungguhan",
      position: "Staf",
      unitId: unit.id,
    },
  });
});
afterAll(async () => {
  await Promise.all([demoOnly.drop(), foreign.drop()]);
  const redis = new Redis("redis://127.0.0.1:6379");
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe("the simulator's listen address", () => {
  it("is 127.0.0.1 for the simulator, SIMULATOR_HOST when set, 0.0.0.0 with platform credentials", () => {
    expect(parseConfig({}).listenHost).toBe("127.0.0.1");
    expect(parseConfig({ SIMULATOR_HOST: "0.0.0.0" }).listenHost).toBe("0.0.0.0");
    expect(parseConfig({ SIMULATOR_HOST: "::1" }).listenHost).toBe("::1");
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: BOT_TOKEN }).listenHost).toBe("0.0.0.0");
  });

  it("refuses a SIMULATOR_HOST that is no address", () => {
    expect(() => parseConfig({ SIMULATOR_HOST: "http://0.0.0.0:3000" })).toThrowError(ConfigError);
    const problems = (() => {
      try {
        parseConfig({ SIMULATOR_HOST: "bad host!" });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    expect(problems).toEqual([
      "SIMULATOR_HOST: expected an IP address (127.0.0.1, 0.0.0.0, ::1) or a host name",
    ]);
  });

  it("the simulator's server listens on loopback only, or where SIMULATOR_HOST says", async () => {
    const local = await startApp(parseConfig(simulatorEnv(demoOnly)), logger);
    try {
      expect(listenAddress(local)).toBe("127.0.0.1");
      expect(local.simulatorUrl).toMatch(/^http:\/\/localhost:\d+\/simulator$/);
    } finally {
      await local.close();
    }
    const everywhere = await startApp(
      parseConfig(simulatorEnv(demoOnly, { SIMULATOR_HOST: "0.0.0.0" })),
      logger,
    );
    try {
      expect(listenAddress(everywhere)).toBe("0.0.0.0");
    } finally {
      await everywhere.close();
    }
  });
});

describe("the simulator on a database with real people", () => {
  it("refuses to start in-process", async () => {
    await expect(startApp(parseConfig(simulatorEnv(foreign)), logger)).rejects.toThrowError(SimulatorRefused);
  });

  it("exits 1 saying why and how to proceed, without echoing the database URL", async () => {
    const app = startProcess("src/main.ts", simulatorEnv(foreign));
    expect(await app.exited()).toBe(1);
    const message = app.stderr();
    expect(message).toContain(
      "The simulator refuses to start: the database holds 1 person outside the demo organisation.",
    );
    expect(message).toContain("set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN");
    expect(message).toContain("empty database");
    expect(message).not.toContain(foreign.url);
    expect(app.stdout()).not.toContain("listening on");
  });

  it("starts on a database holding only the demo organisation", async () => {
    const app = startProcess("src/main.ts", simulatorEnv(demoOnly));
    await app.waitFor(/Open http:\/\/localhost:\d+\/simulator/);
    app.child.kill("SIGTERM");
    expect(await app.exited()).toBe(0);
  });
});

describe("the demo period on the simulator", () => {
  it("a start gives the demo organisation the period that ended yesterday; a later day its own", async () => {
    const clock = new TestClock(new Date("2026-11-24T03:00:00Z"));
    const app = await startApp(parseConfig(simulatorEnv(demoOnly)), logger, { clock: clock.read });
    try {
      // (Earlier starts in this file, on the real clock, gave the database that day's period too.)
      const codes = async () => (await demoOnly.db.evaluationPeriod.findMany()).map((p) => p.code);
      expect(await codes()).toContain("DEMO-20261123");
      const before = await codes();
      await app.simulator?.people();
      expect(await codes()).toEqual(before);
      // The simulator still runs at 00.10 WIB the next day: the page's list of people brings that day's period.
      clock.set("2026-11-24T17:10:00Z");
      expect((await app.simulator?.people())?.length).toBe(9);
      const after = await codes();
      expect(after).toHaveLength(before.length + 1);
      expect(after).toEqual(expect.arrayContaining([...before, "DEMO-20261124"]));
      const capaian = await demoOnly.db.organisationAchievement.findMany({
        where: { periodCode: "DEMO-20261124" },
        include: { unit: true },
      });
      expect(capaian.map((c) => [c.unit.code, c.result])).toEqual([["PEMKOT-BDG", "BAIK"]]);
    } finally {
      await app.close();
    }
  });
});

describe("a modal submitted on the simulator page", () => {
  const blocks = [
    { type: "section", text: { type: "mrkdwn", text: "Bukti" } },
    {
      type: "input",
      block_id: "hasil",
      element: {
        type: "radio_buttons",
        action_id: "value",
        options: [
          { text: { type: "plain_text", text: "Di atas" }, value: "DI_ATAS" },
          { text: { type: "plain_text", text: "Sesuai" }, value: "SESUAI" },
        ],
      },
    },
    {
      type: "input",
      block_id: "perilaku",
      element: { type: "radio_buttons", action_id: "value", options: [{ text: {}, value: "SESUAI" }] },
    },
    {
      type: "input",
      block_id: "feedback",
      optional: true,
      element: { type: "plain_text_input", action_id: "value" },
    },
    {
      type: "input",
      block_id: "note-LOYAL",
      optional: true,
      element: { type: "plain_text_input", action_id: "value" },
    },
  ];

  it("carries every input block as Slack does: the chosen option as the view defines it, empty ones null", () => {
    expect(modalStateValues(blocks, { hasil: { value: "DI_ATAS" }, feedback: { value: "Bagus" } })).toEqual({
      hasil: {
        value: {
          type: "radio_buttons",
          selected_option: { text: { type: "plain_text", text: "Di atas" }, value: "DI_ATAS" },
        },
      },
      perilaku: { value: { type: "radio_buttons", selected_option: null } },
      feedback: { value: { type: "plain_text_input", value: "Bagus" } },
      "note-LOYAL": { value: { type: "plain_text_input", value: null } },
    });
    expect(
      modalStateValues(blocks, { "note-LOYAL": { value: "" }, perilaku: { value: null } }),
    ).toMatchObject({
      perilaku: { value: { selected_option: null } },
      "note-LOYAL": { value: { value: null } },
    });
  });

  it("refuses an option the modal does not have", () => {
    expect(() => modalStateValues(blocks, { hasil: { value: "DI_BAWAH" } })).toThrowError(SimulatorError);
  });
});
