import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type {
  SimulatorAnswer,
  SimulatorPerson,
  SimulatorState,
} from "../../adapters/simulator/web/contract.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { TestClock } from "./telegram-app.ts";

/**
 * The product started the way `npm start` starts it with no platform credentials: simulator mode,
 * on an empty database (which it seeds), with only the clock injected.
 */
export class SimulatorTestApp {
  private constructor(
    readonly database: TestDatabase,
    readonly app: RunningApp,
    readonly clock: TestClock,
    private readonly redisPrefix: string,
  ) {}

  static async start(options: { now?: string } = {}): Promise<SimulatorTestApp> {
    const database = await createTestDatabase();
    const clock = new TestClock(new Date(options.now ?? "2026-11-24T03:00:00Z"));
    const prefix = `s${randomBytes(4).toString("hex")}`;
    const config = parseConfig({
      DATABASE_URL: database.url,
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: prefix,
      PORT: "0",
      ROLES: "web,worker",
      LOG_LEVEL: "silent",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    const app = await startApp(config, createLogger("silent"), { clock: clock.read, unitCacheTtlMs: 0 });
    return new SimulatorTestApp(database, app, clock, prefix);
  }

  get url(): string {
    if (!this.app.url) throw new Error("web role not running");
    return this.app.url;
  }

  get simulatorUrl(): string {
    if (!this.app.simulatorUrl) throw new Error("simulator not running");
    return this.app.simulatorUrl.replace("localhost", "127.0.0.1");
  }

  async people(): Promise<SimulatorPerson[]> {
    const response = await fetch(`${this.url}/simulator/api/people`);
    return ((await response.json()) as { people: SimulatorPerson[] }).people;
  }

  async state(nip: string): Promise<SimulatorState> {
    const response = await fetch(`${this.url}/simulator/api/state?nip=${nip}`);
    if (!response.ok) throw new Error(`state ${response.status}: ${await response.text()}`);
    return (await response.json()) as SimulatorState;
  }

  /** POSTs to a simulator endpoint; returns the status and the answer. */
  async post(path: string, body: unknown): Promise<{ status: number; answer: SimulatorAnswer }> {
    const response = await fetch(`${this.url}/simulator/api/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, answer: (await response.json()) as SimulatorAnswer };
  }

  /** Waits until `check` holds on the person's state. */
  async until<T>(nip: string, check: (state: SimulatorState) => T | undefined | false, what: string) {
    const started = Date.now();
    for (;;) {
      const found = check(await this.state(nip));
      if (found) return found;
      if (Date.now() - started > 10_000) {
        const state = await this.state(nip);
        throw new Error(
          `timed out waiting for ${what}; state:\n${JSON.stringify(state, null, 1).slice(-3000)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
    const redis = new Redis("redis://127.0.0.1:6379");
    const keys = await redis.keys(`${this.redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

/** The latest bot message text in a Telegram state. */
export function lastBotText(state: SimulatorState): string {
  const bot = state.telegram.items.filter((item) => item.from === "bot");
  return bot.at(-1)?.text ?? "";
}
