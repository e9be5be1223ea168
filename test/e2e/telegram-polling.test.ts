import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTelegramBotApi,
  type TelegramBotApiStandIn,
} from "../../adapters/simulator/telegram-bot-api.ts";
import { textUpdate } from "../../adapters/simulator/telegram-updates.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { BOT_TOKEN } from "../support/telegram-app.ts";

let database: TestDatabase;
let botApi: TelegramBotApiStandIn;
let app: RunningApp;

beforeAll(async () => {
  database = await createTestDatabase();
  botApi = await startTelegramBotApi({ token: BOT_TOKEN });
  const config = parseConfig({
    DATABASE_URL: database.url,
    REDIS_PREFIX: "tpolling",
    PORT: "0",
    ROLES: "web",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: botApi.url,
    LOG_LEVEL: "silent",
  });
  expect(config.telegram.mode).toBe("polling");
  app = await startApp(config, createLogger("silent"));
});
afterAll(async () => {
  await app.close();
  await botApi.close();
  await database.drop();
});

describe("Telegram long polling (no PUBLIC_URL)", () => {
  it("receives updates with getUpdates and answers through the same core", async () => {
    const deadline = Date.now() + 5_000;
    while (!botApi.polling && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(botApi.polling).toBe(true);
    expect(botApi.webhook).toBeUndefined();
    botApi.enqueueUpdate(textUpdate({ updateId: 1, userId: 4242, text: "halo" }));
    while (botApi.chat(4242).texts().length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(botApi.chat(4242).texts()).toEqual([expect.stringContaining("Akun Anda belum tertaut")]);
    expect(botApi.callsTo("setMyCommands")).toHaveLength(2);
  });

  it("has no webhook route in polling mode", async () => {
    const response = await fetch(`${app.url}/telegram/webhook`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});
