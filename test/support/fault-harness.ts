import { randomBytes } from "node:crypto";
import type { Update } from "grammy/types";
import {
  type RecordedCall,
  startTelegramBotApi,
  type TelegramBotApiStandIn,
} from "../../adapters/simulator/telegram-bot-api.ts";
import { callbackUpdate, textUpdate } from "../../adapters/simulator/telegram-updates.ts";
import { deliverUpdate } from "../../adapters/simulator/webhook-delivery.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { createDb, type Db } from "../../src/db/client.ts";
import { eventually } from "./eventually.ts";
import { type OwnPostgres, type OwnRedis, startOwnPostgres, startOwnRedis } from "./own-services.ts";
import { type RunningProcess, startProcess } from "./process.ts";
import { BOT_TOKEN, WEBHOOK_SECRET } from "./telegram-app.ts";

/**
 * The product as a real child process (test/support/app-process.ts) on a Redis server and a
 * PostgreSQL cluster of the test's own, which the test kills and starts again; the Telegram Bot API is
 * the loopback stand-in, and the test plays Telegram: it POSTs updates to the webhook and delivers an
 * update again while the webhook answers anything but 2xx, as Telegram does.
 */
export interface FaultWorld {
  redis: OwnRedis;
  postgres: OwnPostgres;
  /** A migrated database to copy for each scenario */
  template: string;
  close(): Promise<void>;
}

export async function startFaultWorld(): Promise<FaultWorld> {
  const [redis, postgres] = await Promise.all([startOwnRedis(), startOwnPostgres()]);
  const template = "kinerja_fault_template";
  await postgres.createMigratedDatabase(template);
  return {
    redis,
    postgres,
    template,
    async close() {
      await Promise.all([redis.stop(), postgres.stop()]);
    },
  };
}

export { eventually };

export interface ProductOptions {
  roles: string;
  /** The instant under test (the process's clock runs from there at real speed) */
  now: string;
  env?: Record<string, string>;
  /** Runs on the seeded database before the product starts (its scheduler plans at start); see `prepared` */
  beforeStart?: (db: Db) => Promise<unknown>;
}

export interface FaultScenario {
  db: Db;
  databaseUrl: string;
  botApi: TelegramBotApiStandIn;
  product: RunningProcess;
  /** Base URL of the product's web role */
  url: string;
  /** Every webhook answer that was not 2xx, by status */
  redeliveries: Map<number, number>;
  /** What `beforeStart` returned */
  prepared: unknown;
  /** POSTs the update until the webhook answers 2xx (Telegram redelivers on anything else); returns that status */
  deliver(update: Update): Promise<number>;
  readyz(): Promise<number>;
  alive(): boolean;
  user(userId: number): FaultUser;
  linkTelegram(userId: number, nip: string): Promise<void>;
  close(): Promise<void>;
}

let scenarioCount = 0;

/** A fresh database (copied from the migrated template, with the demo organisation) and the product on it. */
export async function startScenario(world: FaultWorld, options: ProductOptions): Promise<FaultScenario> {
  scenarioCount += 1;
  const name = `kinerja_fault_${scenarioCount}_${randomBytes(3).toString("hex")}`;
  const admin = createDb(world.postgres.url("postgres"), { poolSize: 1 });
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}" TEMPLATE "${world.template}"`);
  await admin.$disconnect();
  const databaseUrl = world.postgres.url(name);
  const db = createDb(databaseUrl, { poolSize: 4 });
  const seeded = await importFiles(db, DEMO_FILES, { now: new Date(options.now) });
  if (!seeded.ok) throw new Error(`demo seed failed: ${seeded.errors.join("\n")}`);
  const prepared = await options.beforeStart?.(db);
  const botApi = await startTelegramBotApi({ token: BOT_TOKEN });
  const product = startProcess("test/support/app-process.ts", {
    DATABASE_URL: databaseUrl,
    REDIS_URL: world.redis.url,
    REDIS_PREFIX: `f${randomBytes(4).toString("hex")}`,
    PORT: "0",
    PUBLIC_URL: "http://kinerja.test",
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: botApi.url,
    EVIDENCE_LINK_SECRET: "fault-test-evidence-secret-0123",
    ROLES: options.roles,
    LOG_LEVEL: "warn",
    SHUTDOWN_TIMEOUT_MS: "5000",
    APP_CLOCK_OFFSET_MS: String(new Date(options.now).getTime() - Date.now()),
    ...options.env,
  });
  let url = "";
  if (options.roles.split(",").includes("web")) {
    const [, address] = await product.waitFor(/listening on (\S+)/, 60_000);
    url = `http://127.0.0.1:${new URL(address ?? "").port}`;
  } else {
    await product.waitFor(/^started$/m, 60_000);
  }
  let nextUpdateId = 5000;
  const redeliveries = new Map<number, number>();

  const post = async (update: Update): Promise<number> => {
    try {
      return await deliverUpdate(botApi, `${url}/telegram/webhook`, update, WEBHOOK_SECRET);
    } catch {
      return 0; // no answer at all: Telegram delivers again too
    }
  };

  const scenario: FaultScenario = {
    db,
    databaseUrl,
    botApi,
    product,
    url,
    redeliveries,
    prepared,
    async deliver(update) {
      for (let attempt = 1; ; attempt++) {
        const status = await post(update);
        if (status >= 200 && status < 300) return status;
        redeliveries.set(status, (redeliveries.get(status) ?? 0) + 1);
        if (attempt >= 300) throw new Error(`update ${update.update_id} answered ${status} ${attempt} times`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async readyz() {
      try {
        const response = await fetch(`${url}/readyz`);
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    },
    alive: () => product.child.exitCode === null && product.child.signalCode === null,
    user: (userId) => new FaultUser(scenario, userId, () => ++nextUpdateId),
    async linkTelegram(userId, nip) {
      const person = await db.person.findUniqueOrThrow({ where: { nip } });
      await db.platformAccount.create({
        data: {
          personId: person.id,
          platform: "TELEGRAM",
          externalId: String(userId),
          address: String(userId),
        },
      });
    },
    async close() {
      if (process.env.FAULT_DEBUG_DIR) {
        const { writeFileSync } = await import("node:fs");
        writeFileSync(
          `${process.env.FAULT_DEBUG_DIR}/${name}.log`,
          `${product.stdout()}\n${product.stderr()}`,
        );
        writeFileSync(
          `${process.env.FAULT_DEBUG_DIR}/${name}.calls.json`,
          JSON.stringify(
            botApi.calls.map((c) => ({ m: c.method, p: c.payload, ok: c.response.ok, at: c.at })),
            null,
            1,
          ),
        );
      }
      if (scenario.alive()) {
        product.child.kill("SIGTERM");
        await product.exited();
      }
      await botApi.close();
      await db.$disconnect();
    },
  };
  return scenario;
}

const isToChat = (call: RecordedCall, chatId: number) => String(call.payload.chat_id) === String(chatId);

/** A Telegram user whose every turn is checked to get its answer (a Bot API call about their chat). */
export class FaultUser {
  /** Turns whose answer arrived */
  answered = 0;

  constructor(
    private readonly scenario: FaultScenario,
    readonly userId: number,
    private readonly updateId: () => number,
  ) {}

  private origin() {
    return { updateId: this.updateId(), userId: this.userId, languageCode: "id", firstName: "Uji" };
  }

  /** Calls the bot made about this chat (messages sent and edited), successful ones */
  answers(): number {
    return this.scenario.botApi.calls.filter((call) => isToChat(call, this.userId) && call.response.ok)
      .length;
  }

  private async turn(update: Update): Promise<void> {
    const before = this.answers();
    await this.scenario.deliver(update);
    await eventually(
      `an answer to update ${update.update_id} of user ${this.userId}`,
      () => this.answers() > before,
    );
    this.answered += 1;
  }

  say(text: string): Promise<void> {
    return this.turn(textUpdate({ ...this.origin(), text }));
  }

  press(label: string | RegExp): Promise<void> {
    const chat = this.scenario.botApi.chat(this.userId);
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
    for (const message of [...chat.visible()].reverse()) {
      for (const row of message.inlineKeyboard) {
        for (const button of row) {
          if ("callback_data" in button && button.callback_data && matches(button.text)) {
            return this.turn(
              callbackUpdate({ ...this.origin(), data: button.callback_data, messageId: message.messageId }),
            );
          }
        }
      }
    }
    throw new Error(`no button ${label} for ${this.userId} in:\n${chat.texts().slice(-3).join("\n---\n")}`);
  }

  /** The messages this user's chat shows */
  texts(): string[] {
    return this.scenario.botApi.chat(this.userId).texts();
  }

  /** A whole /lapor of today, first indicator, no evidence, as TelegramTestUser.report walks it. */
  async report(description: string, time: string): Promise<void> {
    await this.say("/lapor");
    await this.press(/^Hari ini/);
    await this.press(/^IKI-1\.1/);
    await this.say(description);
    await this.say("2");
    await this.say(time);
    await this.press("Lewati");
    await this.press("Kirim");
    const last = this.texts().at(-1) ?? "";
    if (!last.includes("laporan terkirim")) throw new Error(`report not sent: ${last}`);
  }
}
