import { randomBytes } from "node:crypto";
import type { ViewStateValue } from "@slack/bolt";
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import type { ChatMessage } from "../../adapters/simulator/chat-log.ts";
import type { SlackChannelView, SlackMessage } from "../../adapters/simulator/slack-conversations.ts";
import type { SlackFileSeed } from "../../adapters/simulator/slack-files.ts";
import {
  appHomeOpened,
  blockActions,
  directMessage,
  eventCallback,
  eventRequest,
  fileShareMessage,
  interactionRequest,
  type SlackAppRequest,
  slashCommand,
  slashCommandRequest,
  viewClosed,
  viewSubmission,
} from "../../adapters/simulator/slack-requests.ts";
import { type SlackWebApiStandIn, startSlackWebApi } from "../../adapters/simulator/slack-web-api.ts";
import {
  startTelegramBotApi,
  type TelegramBotApiStandIn,
} from "../../adapters/simulator/telegram-bot-api.ts";
import {
  callbackUpdate,
  documentUpdate,
  photoUpdate,
  textUpdate,
} from "../../adapters/simulator/telegram-updates.ts";
import { deliverUpdate } from "../../adapters/simulator/webhook-delivery.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { type Config, parseConfig } from "../../src/config.ts";
import { generateLinkCode, hashLinkCode } from "../../src/domain/link-code.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { eventually } from "./eventually.ts";

export const BOT_TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
export const WEBHOOK_SECRET = "test-webhook-secret-0123";

/** Demo people (prisma/seed/demo/pegawai.csv). */
export const DEMO = {
  camat: "197503122000031002",
  kasiPelayanan: "198008172005012003",
  kasiPemerintahan: "197911042006041001",
  siti: "199002142015032001",
  budi: "199207252019031004",
  dewi: "199511302022212005",
  agus: "198806092012121002",
  nurAini: "199304182020122001",
  rizky: "199701012023211007",
} as const;

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}
  set(iso: string): void {
    this.now = new Date(iso);
  }
  readonly read = (): Date => this.now;
}

/**
 * The product as it runs in production (Fastify + grammY webhook + BullMQ worker + PostgreSQL +
 * Redis), with only the Telegram Bot API replaced by the loopback stand-in.
 */
export class TelegramTestApp {
  private nextUpdateId = 1000;
  /** The roles of the main process (the scheduler only when a test asks for it) */
  private roles = "web,worker";
  /** The tests' shared Redis unless a test brings its own (to kill it) */
  redisUrl = "redis://127.0.0.1:6379";
  /** TELEGRAM_SEND_RATE of the processes (the product's default unless a test sets it before a restart) */
  sendRate: number | undefined;
  /** Set by a test that makes Redis lose jobs, so the outbox hands them again soon */
  outboxResendAfterMs: number | undefined;
  private readonly extraApps: RunningApp[] = [];
  /** Where the product logs (silent unless a test reads the log) */
  private logger: Logger = createLogger("silent");
  app!: RunningApp;
  config!: Config;

  private constructor(
    readonly database: TestDatabase,
    readonly botApi: TelegramBotApiStandIn,
    readonly clock: TestClock,
    readonly redisPrefix: string,
    private readonly slackApi: SlackWebApiStandIn | undefined,
  ) {}

  /** With `slack: true` the Slack adapter runs too, against a Slack Web API stand-in. */
  static async start(
    options: { now?: string; slack?: boolean; scheduler?: boolean; redisUrl?: string; logger?: Logger } = {},
  ): Promise<TelegramTestApp> {
    const database = await createTestDatabase();
    const botApi = await startTelegramBotApi({ token: BOT_TOKEN });
    const slackApi = options.slack
      ? await startSlackWebApi({ botToken: SLACK_BOT_TOKEN, users: SLACK_USERS })
      : undefined;
    const clock = new TestClock(new Date(options.now ?? "2026-11-24T03:00:00Z"));
    const prefix = `t${randomBytes(4).toString("hex")}`;
    const harness = new TelegramTestApp(database, botApi, clock, prefix, slackApi);
    if (options.redisUrl) harness.redisUrl = options.redisUrl;
    harness.roles = options.scheduler ? "web,worker,scheduler" : "web,worker";
    if (options.logger) harness.logger = options.logger;
    const seeded = await importFiles(database.db, DEMO_FILES, { now: clock.now });
    if (!seeded.ok) throw new Error(`demo seed failed: ${seeded.errors.join("\n")}`);
    await harness.boot();
    return harness;
  }

  private configFor(roles: string): Config {
    return parseConfig({
      DATABASE_URL: this.database.url,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.redisPrefix,
      PORT: "0",
      PUBLIC_URL: "http://kinerja.test",
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: this.botApi.url,
      ROLES: roles,
      LOG_LEVEL: "silent",
      ...(this.slackApi ? { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL: this.slackApi.url } : {}),
      SHUTDOWN_TIMEOUT_MS: "5000",
      ...(this.sendRate !== undefined ? { TELEGRAM_SEND_RATE: String(this.sendRate) } : {}),
    });
  }

  private startProcess(config: Config): Promise<RunningApp> {
    return startApp(config, this.logger, {
      clock: this.clock.read,
      botInfo: this.botApi.botInfo,
      // Tests change holidays and settings between steps; production keeps them for 30 s.
      unitCacheTtlMs: 0,
      ...(this.outboxResendAfterMs !== undefined ? { outboxResendAfterMs: this.outboxResendAfterMs } : {}),
    });
  }

  /** Starts (or restarts) the product process on the same database and Redis prefix. */
  async boot(): Promise<void> {
    this.config = this.configFor(this.roles);
    this.app = await this.startProcess(this.config);
  }

  /** Restarts the main process with other roles (e.g. "web,worker,scheduler" once the data is seeded). */
  async restartWithRoles(roles: string): Promise<void> {
    this.roles = roles;
    await this.restart();
  }

  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  /**
   * Starts one more process of the product (by default a second `web` behind the same load
   * balancer) on the same database and Redis prefix; `close()` stops it with the main one.
   * Returns its base URL, for `deliver(update, secret, url)`.
   */
  async startExtraProcess(roles = "web"): Promise<string> {
    const app = await this.startProcess(this.configFor(roles));
    this.extraApps.push(app);
    if (!app.url) throw new Error("the extra process runs no web role");
    return app.url;
  }

  get db() {
    return this.database.db;
  }

  get url(): string {
    if (!this.app.url) throw new Error("web role not running");
    return this.app.url;
  }

  updateId(): number {
    this.nextUpdateId += 1;
    return this.nextUpdateId;
  }

  /**
   * POSTs an update to the webhook as Telegram does (and runs the call it answered with); returns the HTTP
   * status. `secret: null` sends no secret header at all.
   */
  async deliver(
    update: Update,
    secret: string | null = WEBHOOK_SECRET,
    baseUrl: string = this.url,
  ): Promise<number> {
    return deliverUpdate(this.botApi, `${baseUrl}/telegram/webhook`, update, secret);
  }

  /** A one-time link code for a demo person, as `link-codes` issues it. */
  async linkCode(nip: string, options: { expiresAt?: Date } = {}): Promise<string> {
    const person = await this.db.person.findUniqueOrThrow({ where: { nip } });
    const code = generateLinkCode();
    await this.db.linkCode.create({
      data: {
        personId: person.id,
        codeHash: hashLinkCode(code),
        expiresAt: options.expiresAt ?? new Date(this.clock.now.getTime() + 7 * 24 * 3600 * 1000),
      },
    });
    return code;
  }

  /** The Slack Web API stand-in (only with `start({ slack: true })`). */
  get slack(): SlackWebApiStandIn {
    if (!this.slackApi) throw new Error("started without slack: true");
    return this.slackApi;
  }

  /** A Slack user of the stand-in workspace. */
  slackUser(userId: string): SlackTestUser {
    return new SlackTestUser(this, userId);
  }

  /** A Telegram user in a private chat with the bot. */
  user(userId: number, languageCode = "id"): TelegramTestUser {
    return new TelegramTestUser(this, userId, languageCode);
  }

  /** Waits until `check` holds (for work the queue worker does after the webhook answered). */
  async eventually<T>(
    check: () => Promise<T | undefined | null | false>,
    what = "condition",
    timeoutMs = 10_000,
  ): Promise<T> {
    return eventually(what, check, timeoutMs, 25);
  }

  /** Sessions of the test database blocked on a lock right now (to make two turns overlap on purpose). */
  async sessionsWaitingForLocks(): Promise<number> {
    const [row] = await this.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    return row?.n ?? 0;
  }

  async close(): Promise<void> {
    for (const extra of this.extraApps.splice(0)) await extra.close();
    await this.app.close();
    await this.botApi.close();
    await this.slackApi?.close();
    await this.database.drop();
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${this.redisPrefix}:*`).catch(() => []);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

export class TelegramTestUser {
  constructor(
    readonly harness: TelegramTestApp,
    readonly userId: number,
    readonly languageCode: string,
  ) {}

  private origin() {
    return {
      updateId: this.harness.updateId(),
      userId: this.userId,
      languageCode: this.languageCode,
      firstName: "Uji",
    };
  }

  say(text: string): Promise<number> {
    return this.harness.deliver(textUpdate({ ...this.origin(), text }));
  }

  sendPhoto(fileId: string, fileUniqueId = `u-${fileId}`): Promise<number> {
    return this.harness.deliver(photoUpdate({ ...this.origin(), fileId, fileUniqueId }));
  }

  sendDocument(fileId: string, fileName: string, mimeType = "application/pdf"): Promise<number> {
    return this.harness.deliver(
      documentUpdate({
        ...this.origin(),
        fileId,
        fileUniqueId: `u-${fileId}`,
        fileName,
        mimeType,
        fileSize: 2048,
      }),
    );
  }

  /** Presses the button with this label on the latest bot message that shows it. */
  async press(label: string | RegExp): Promise<number> {
    const found = this.findButton(label);
    if (!found) throw new Error(`no button ${label} in:\n${this.texts().slice(-3).join("\n---\n")}`);
    return this.pressData(found.data, found.messageId);
  }

  pressData(data: string, messageId: number): Promise<number> {
    return this.harness.deliver(callbackUpdate({ ...this.origin(), data, messageId }));
  }

  findButton(label: string | RegExp): { data: string; messageId: number } | undefined {
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
    for (const message of [...this.chat().visible()].reverse()) {
      for (const row of message.inlineKeyboard) {
        for (const button of row) {
          if ("callback_data" in button && button.callback_data && matches(button.text)) {
            return { data: button.callback_data, messageId: message.messageId };
          }
        }
      }
    }
    return undefined;
  }

  chat() {
    return this.harness.botApi.chat(this.userId);
  }

  texts(): string[] {
    return this.chat().texts();
  }

  last(): ChatMessage | undefined {
    return this.chat().last();
  }

  lastText(): string {
    return this.last()?.text ?? "";
  }

  /**
   * Walks a whole /lapor (the first indicator, no evidence) and checks it was sent; returns the saved
   * activity's id. For tests about what happens to a report, not about the dialog itself.
   */
  async report(input: {
    description: string;
    time: string;
    quantity?: number;
    day?: "Hari ini" | "Kemarin";
  }): Promise<string> {
    await this.say("/lapor");
    await this.press(new RegExp(`^${input.day ?? "Hari ini"}`));
    await this.press(/^IKI-1\.1/);
    await this.say(input.description);
    await this.say(String(input.quantity ?? 2));
    await this.say(input.time);
    await this.press("Lewati");
    await this.press("Kirim");
    if (!this.lastText().includes("laporan terkirim")) throw new Error(`report not sent: ${this.lastText()}`);
    const activity = await this.harness.db.activity.findFirstOrThrow({
      where: { description: input.description },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    return activity.id;
  }

  /** Links this account to a demo person directly (for tests about something else than linking). */
  async linkTo(nip: string): Promise<void> {
    const person = await this.harness.db.person.findUniqueOrThrow({ where: { nip } });
    await this.harness.db.platformAccount.create({
      data: {
        personId: person.id,
        platform: "TELEGRAM",
        externalId: String(this.userId),
        address: String(this.userId),
      },
    });
  }
}

export const SLACK_BOT_TOKEN = "xoxb-1000-2000-testtoken";
export const SLACK_SIGNING_SECRET = "test-signing-secret-0123456789";

/** The demo supervisors' Slack users (their ids are in prisma/seed/demo/pegawai.csv), and one stranger. */
export const SLACK_USERS = [
  { id: "UDEMOCAMAT", name: "asep", email: "asep.sunandar@andir.bandung.example" },
  { id: "UDEMOKASIPEL", name: "rina", email: "rina.marlina@andir.bandung.example" },
  { id: "UDEMOKASIPEM", name: "dedi", email: "dedi.kurniawan@andir.bandung.example" },
  { id: "UAGUS00001", name: "agus", email: "AGUS.firmansyah@andir.bandung.example" },
  { id: "USTRANGER01", name: "stranger", email: "someone@elsewhere.example" },
];

interface FormElement {
  type: string;
  action_id: string;
  options?: { text: { type: string; text: string }; value: string }[];
}

/** A Slack user: slash commands, button clicks in their DM with the bot, and modal submissions. */
export class SlackTestUser {
  constructor(
    readonly harness: TelegramTestApp,
    readonly userId: string,
  ) {}

  private get seconds(): number {
    return Math.floor(this.harness.clock.now.getTime() / 1000);
  }

  /** POSTs a signed request to /slack/events; returns the response (the ack). */
  async post(request: SlackAppRequest): Promise<Response> {
    return fetch(`${this.harness.url}/slack/events`, request);
  }

  command(text: string, options: { timestamp?: number } = {}): Promise<Response> {
    const command = slashCommand({
      userId: this.userId,
      command: "/kinerja",
      text,
      responseUrl: this.harness.slack.responseUrl({ userId: this.userId }),
    });
    return this.post(
      slashCommandRequest(SLACK_SIGNING_SECRET, command, { timestamp: options.timestamp ?? this.seconds }),
    );
  }

  dm(): SlackChannelView {
    return this.harness.slack.channel(this.userId);
  }

  /** Waits until a message of the DM matches (work the worker does after the ack); returns the latest match. */
  waitForDm(matches: (text: string) => boolean, what: string): Promise<string> {
    return this.harness.eventually(async () => [...this.dm().texts()].reverse().find(matches), what);
  }

  /** The latest DM message with a button of this label, and the button's action id. */
  findButton(label: string | RegExp): { message: SlackMessage; actionId: string; value: string } | undefined {
    const matches = (text: string) => (typeof label === "string" ? text === label : label.test(text));
    for (const message of [...this.dm().visible()].reverse()) {
      for (const block of message.blocks ?? []) {
        if (block.type !== "actions") continue;
        for (const element of (
          block as { elements?: { text?: { text: string }; action_id: string; value?: string }[] }
        ).elements ?? []) {
          if (element.text && matches(element.text.text) && element.value) {
            return { message, actionId: element.action_id, value: element.value };
          }
        }
      }
    }
    return undefined;
  }

  /** Clicks a button of a DM message; `again` reuses a trigger id (a retried request). */
  async click(
    label: string | RegExp,
    options: { triggerId?: string; retry?: boolean } = {},
  ): Promise<Response> {
    const found = this.findButton(label);
    if (!found)
      throw new Error(`no Slack button ${label} in:\n${this.dm().texts().slice(-3).join("\n---\n")}`);
    const payload = blockActions({
      userId: this.userId,
      action: { actionId: found.actionId },
      message: found.message,
      channelId: this.harness.slack.dmChannelOf(this.userId),
      ...(options.triggerId ? { triggerId: options.triggerId } : {}),
    });
    return this.post(
      interactionRequest(SLACK_SIGNING_SECRET, payload, {
        timestamp: this.seconds,
        ...(options.retry ? { retry: { num: 1, reason: "http_timeout" } } : {}),
      }),
    );
  }

  /** Submits the latest modal opened (the one this user's click opened) with `text` as the reason. */
  async submitReason(text: string): Promise<Response> {
    const opened = this.harness.slack.views.opened.at(-1);
    if (!opened) throw new Error("no modal opened");
    const payload = viewSubmission({
      userId: this.userId,
      view: opened.view,
      values: { reason: { value: text } },
    });
    return this.post(interactionRequest(SLACK_SIGNING_SECRET, payload, { timestamp: this.seconds }));
  }

  /**
   * Submits the latest modal opened as Slack does: every input block in `state.values`, a radio group
   * with its selected option (or null), a text input with its value (null when left empty). `values`
   * maps block ids to the option value or the text entered.
   */
  async submitForm(values: Record<string, string>): Promise<Response> {
    const opened = this.harness.slack.views.opened.at(-1);
    if (!opened) throw new Error("no modal opened");
    const state: Record<string, Record<string, ViewStateValue>> = {};
    for (const block of opened.view.blocks as { type: string; block_id?: string; element?: FormElement }[]) {
      if (block.type !== "input" || !block.block_id || !block.element) continue;
      const given = values[block.block_id];
      const { action_id: actionId, type } = block.element;
      if (type === "radio_buttons") {
        const option = block.element.options?.find((o) => o.value === given);
        if (given !== undefined && !option) throw new Error(`no option ${given} in ${block.block_id}`);
        state[block.block_id] = { [actionId]: { type, selected_option: option ?? null } as ViewStateValue };
      } else {
        state[block.block_id] = { [actionId]: { type, value: given ?? null } as ViewStateValue };
      }
    }
    const unknown = Object.keys(values).filter((id) => !(id in state));
    if (unknown.length > 0) throw new Error(`no input ${unknown.join(", ")} in the modal`);
    const payload = viewSubmission({ userId: this.userId, view: opened.view, values: state });
    return this.post(interactionRequest(SLACK_SIGNING_SECRET, payload, { timestamp: this.seconds }));
  }

  /** Closes the latest modal opened with its close button: Slack sends `view_closed` if it asked to be told. */
  async closeModal(): Promise<Response | undefined> {
    const opened = this.harness.slack.views.opened.at(-1);
    if (!opened) throw new Error("no modal opened");
    if (!opened.view.notify_on_close) return undefined;
    const payload = viewClosed({ userId: this.userId, view: opened.view });
    return this.post(interactionRequest(SLACK_SIGNING_SECRET, payload, { timestamp: this.seconds }));
  }

  /** A direct message typed in the DM with the bot (escaped as Slack sends it); returns the event id. */
  async say(text: string, options: { eventId?: string } = {}): Promise<string> {
    const body = eventCallback(directMessage({ userId: this.userId, text }), options);
    const response = await this.post(eventRequest(SLACK_SIGNING_SECRET, body, { timestamp: this.seconds }));
    if (response.status !== 200) throw new Error(`DM answered ${response.status}`);
    return body.event_id;
  }

  /** Uploads a file into the DM with the bot (a `file_share` message); returns the Slack file id. */
  async shareFile(file: Omit<SlackFileSeed, "userId">, text?: string): Promise<string> {
    const shared = this.harness.slack.uploadFile({ ...file, userId: this.userId });
    const event = fileShareMessage({ userId: this.userId, files: [shared], ...(text ? { text } : {}) });
    const response = await this.post(
      eventRequest(SLACK_SIGNING_SECRET, eventCallback(event), { timestamp: this.seconds }),
    );
    if (response.status !== 200) throw new Error(`file share answered ${response.status}`);
    return shared.id;
  }

  /** Opens the app's Home tab (`app_home_opened`); a given event id makes it a redelivery. */
  async openHome(options: { eventId?: string; retry?: boolean } = {}): Promise<Response> {
    const body = eventCallback(appHomeOpened({ userId: this.userId }), options);
    return this.post(
      eventRequest(SLACK_SIGNING_SECRET, body, {
        timestamp: this.seconds,
        ...(options.retry ? { retry: { num: 1, reason: "http_timeout" } } : {}),
      }),
    );
  }
}
