import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatorRefused } from "../../src/admin/demo-only-database.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { ConfigError, parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";

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
