/**
 * The simulated platforms behind `/simulator`: the Telegram Bot API and Slack Web API stand-ins on
 * loopback, which the real adapters talk to, and the demo people acting in them. Everything a person
 * does on the page becomes what the platform itself would send: a Telegram update (through long
 * polling, as grammY receives it from Telegram) or a signed Slack request to `/slack/events`.
 */
import { createHash, randomBytes } from "node:crypto";
import type { ViewOutput, ViewStateValue } from "@slack/bolt";
import { DEMO_TIME_ZONE, DEMO_TOP_UNIT, importDemoPeriod } from "../../../src/admin/demo-period.ts";
import type { Config } from "../../../src/config.ts";
import type { Db } from "../../../src/db/client.ts";
import { localDate } from "../../../src/domain/time-zone.ts";
import { issueLinkCodes } from "../../../src/services/link-codes.ts";
import type { SlackBlock } from "../slack-block-kit.ts";
import {
  appHomeOpened,
  blockActions,
  type ClickedMessage,
  directMessage,
  eventCallback,
  eventRequest,
  interactionRequest,
  type SlackAppRequest,
  slashCommand,
  slashCommandRequest,
  viewClosed,
  viewSubmission,
} from "../slack-requests.ts";
import { type SlackWebApiStandIn, startSlackWebApi } from "../slack-web-api.ts";
import { startTelegramBotApi, type TelegramBotApiStandIn } from "../telegram-bot-api.ts";
import { callbackUpdate, photoUpdate, textUpdate } from "../telegram-updates.ts";
import type { SimulatorPerson, SimulatorState, SlackItem, SlackModal, TelegramItem } from "./contract.ts";
import { SAMPLE_PHOTO_JPEG } from "./sample-photo.ts";

/** A person's action the page asked for could not be done; the message is for the page's user. */
export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
    this.name = "SimulatorError";
  }
}

interface PersonRow {
  id: string;
  nip: string;
  name: string;
  position: string;
  email: string | null;
  slackUserId: string | null;
  unit: { name: string };
  accounts: { platform: "TELEGRAM" | "SLACK" }[];
  _count: { subordinates: number };
}

export interface SimulatorWorld {
  readonly telegram: TelegramBotApiStandIn;
  readonly slack: SlackWebApiStandIn;
  /** The credentials the real adapters use against the stand-ins */
  readonly credentials: { telegramBotToken: string; slackBotToken: string; slackSigningSecret: string };
  /** Where Slack requests go: the product's own HTTP server, known once it listens */
  attachApp(baseUrl: string): void;
  people(): Promise<SimulatorPerson[]>;
  state(nip: string): Promise<SimulatorState>;
  linkCode(nip: string): Promise<string>;
  telegramMessage(nip: string, text: string): Promise<void>;
  telegramPress(nip: string, messageId: number, data: string): Promise<void>;
  telegramPhoto(nip: string, caption: string | undefined): Promise<void>;
  slackCommand(nip: string, text: string): Promise<void>;
  slackMessage(nip: string, text: string): Promise<void>;
  slackClick(
    nip: string,
    click: { surface: "message" | "home"; channel?: string; ts?: string; actionId: string; blockId?: string },
  ): Promise<void>;
  slackHome(nip: string): Promise<void>;
  /** Submits the open modal with what was entered (a text, or a radio option's value; null = empty) */
  slackSubmit(
    nip: string,
    viewId: string,
    values: Record<string, Record<string, string | null>>,
  ): Promise<void>;
  slackClose(nip: string): Promise<void>;
  /** Called whenever something a page may show changed; returns the unsubscribe function */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/** The Telegram user id the simulator gives a person: stable across restarts, so links keep working. */
export function simulatedTelegramUserId(nip: string): number {
  const digest = createHash("sha256").update(`telegram:${nip}`).digest();
  return 5_000_000_000 + (digest.readUInt32BE(0) % 1_000_000_000);
}

/** The imported Slack user id, or a stable one made up for the person. */
export function simulatedSlackUserId(person: { nip: string; slackUserId: string | null }): string {
  if (person.slackUserId) return person.slackUserId;
  const digest = createHash("sha256").update(`slack:${person.nip}`).digest("hex");
  return `USIM${digest.slice(0, 7).toUpperCase()}`;
}

const LINK_CODE_DAYS = 7;

export async function startSimulatorWorld(deps: { db: Db; clock: () => Date }): Promise<SimulatorWorld> {
  const { db, clock } = deps;
  const credentials = {
    telegramBotToken: `7${String(randomBytes(4).readUInt32BE(0)).padStart(9, "0")}:SIM${randomBytes(16).toString("hex")}`,
    slackBotToken: `xoxb-sim-${randomBytes(12).toString("hex")}`,
    slackSigningSecret: randomBytes(24).toString("hex"),
  };
  const telegram = await startTelegramBotApi({
    token: credentials.telegramBotToken,
    botInfo: { first_name: "Kinerja", username: "kinerja_sim_bot" },
    maxRecordedCalls: 1000,
  });
  const slack = await startSlackWebApi({ botToken: credentials.slackBotToken, maxRecordedCalls: 1000 });

  let appUrl: string | undefined;
  let nextUpdateId = Math.floor(Date.now() / 1000) * 100;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  // What people typed (the stand-ins keep only what the bot sent), by Telegram chat and Slack user.
  const telegramSaid = new Map<number, Extract<TelegramItem, { from: "user" | "notice" }>[]>();
  // Button presses by callback query id, so the bot's answer (a pop-up text) shows in the right chat.
  const pressedBy = new Map<string, number>();
  const slackSaid = new Map<string, Extract<SlackItem, { from: "user" }>[]>();
  // Modals: which user each trigger belongs to, and the modal open for each user.
  const triggerOwners = new Map<string, string>();
  const openModals = new Map<string, { viewId: string; errors: Record<string, string> }>();
  const slackUsersKnown = new Set<string>();

  const unsubscribeTelegram = telegram.onCall((call) => {
    if (call.method.toLowerCase() === "answercallbackquery" && call.response.ok) {
      const userId = pressedBy.get(String(call.payload.callback_query_id ?? ""));
      const text = call.payload.text;
      if (userId !== undefined && typeof text === "string" && text !== "")
        remember(telegramSaid, userId, { from: "notice", at: Date.now(), text });
    }
    changed();
  });
  const unsubscribeSlack = slack.onCall((call) => {
    if ((call.method === "views.open" || call.method === "views.push") && call.response.ok) {
      const owner = triggerOwners.get(String(call.payload.trigger_id ?? ""));
      const view = (call.response as { view?: { id?: string } }).view;
      if (owner !== undefined && view?.id) openModals.set(owner, { viewId: view.id, errors: {} });
    }
    changed();
  });
  const unsubscribeResponses = slack.onResponse(changed);

  // The demo organisation's evaluation period that ended yesterday (WIB), so the story goes on to the
  // rating: imported at start and again on the first list of people of each later day (a simulator that
  // runs past midnight, or a start while the database did not answer yet).
  let demoPeriodDay: string | undefined;
  let demoPeriodRun: Promise<void> | undefined;
  function ensureDemoPeriod(): Promise<void> {
    const today = localDate(DEMO_TIME_ZONE, clock());
    if (demoPeriodDay === today) return Promise.resolve();
    demoPeriodRun ??= (async () => {
      try {
        // No demo organisation yet (its import failed at start): `admin seed-demo` brings both.
        if ((await db.unit.count({ where: { code: DEMO_TOP_UNIT } })) === 0) return;
        const { result } = await importDemoPeriod(db, clock());
        if (!result.ok) throw new Error(`the demo period was refused:\n${result.errors.join("\n")}`);
        demoPeriodDay = today;
      } finally {
        demoPeriodRun = undefined;
      }
    })();
    return demoPeriodRun;
  }
  await ensureDemoPeriod().catch(() => undefined);

  async function personByNip(nip: string): Promise<PersonRow> {
    const person = await db.person.findUnique({ where: { nip }, select: PERSON_SELECT });
    if (!person) throw new SimulatorError("Orang dengan NIP itu tidak ada di data demo.", 404);
    knowSlackUser(person);
    return person;
  }

  function knowSlackUser(person: PersonRow): void {
    const id = simulatedSlackUserId(person);
    if (slackUsersKnown.has(id)) return;
    slackUsersKnown.add(id);
    slack.addUser({
      id,
      name: person.email?.split("@")[0] ?? id.toLowerCase(),
      realName: person.name,
      title: person.position,
      ...(person.email ? { email: person.email } : {}),
    });
  }

  function toPerson(row: PersonRow): SimulatorPerson {
    return {
      nip: row.nip,
      name: row.name,
      position: row.position,
      unit: row.unit.name,
      supervisor: row._count.subordinates > 0,
      telegramUserId: simulatedTelegramUserId(row.nip),
      slackUserId: simulatedSlackUserId(row),
      telegramLinked: row.accounts.some((a) => a.platform === "TELEGRAM"),
      slackLinked: row.accounts.some((a) => a.platform === "SLACK"),
    };
  }

  function telegramOrigin(person: PersonRow) {
    nextUpdateId += 1;
    const [firstName, ...rest] = person.name.replace(/^(Drs?|Ir|H|Hj)\.\s*/i, "").split(/[\s,]+/);
    return {
      updateId: nextUpdateId,
      userId: simulatedTelegramUserId(person.nip),
      firstName: firstName ?? "Pegawai",
      ...(rest[0] ? { lastName: rest[0] } : {}),
      languageCode: "id",
    };
  }

  function remember<K, T>(map: Map<K, T[]>, key: K, item: T): void {
    const list = map.get(key) ?? [];
    list.push(item);
    if (list.length > 500) list.splice(0, list.length - 500);
    map.set(key, list);
    changed();
  }

  function sayOnTelegram(person: PersonRow, text: string, photo: boolean): void {
    remember(telegramSaid, simulatedTelegramUserId(person.nip), {
      from: "user",
      at: Date.now(),
      text,
      photo,
    });
  }

  function sayOnSlack(person: PersonRow, text: string): void {
    remember(slackSaid, simulatedSlackUserId(person), { from: "user", at: Date.now(), text });
  }

  /** POSTs a signed request to the product's Slack endpoint, as Slack does; returns the ack body. */
  async function postToApp(request: SlackAppRequest): Promise<string> {
    if (appUrl === undefined) throw new SimulatorError("Server belum siap; coba lagi sebentar.");
    const response = await fetch(`${appUrl}/slack/events`, request);
    const body = await response.text();
    if (!response.ok) throw new SimulatorError(`Aplikasi menjawab ${response.status}; lihat log server.`);
    return body;
  }

  const now = () => Math.floor(clock().getTime() / 1000);

  function newTrigger(userId: string): string {
    const triggerId = `${Date.now()}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(8).toString("hex")}`;
    triggerOwners.set(triggerId, userId);
    if (triggerOwners.size > 1000) triggerOwners.delete(triggerOwners.keys().next().value as string);
    return triggerId;
  }

  function clickedMessage(
    userId: string,
    channel: string,
    ts: string,
  ): ClickedMessage & { ephemeral: boolean } {
    const view = slack.channel(channel);
    const message = view.message(ts);
    if (message !== undefined && !message.deleted) return Object.assign(message, { ephemeral: false });
    const ephemeral = view.ephemeralsFor(userId).find((e) => e.messageTs === ts);
    if (ephemeral !== undefined)
      return { ts, text: ephemeral.text, blocks: ephemeral.blocks, ephemeral: true };
    throw new SimulatorError("Pesan itu sudah tidak ada.", 404);
  }

  return {
    telegram,
    slack,
    credentials,
    attachApp(baseUrl) {
      appUrl = baseUrl.replace(/\/+$/, "");
    },

    async people() {
      await ensureDemoPeriod();
      const rows = await db.person.findMany({
        where: { active: true },
        select: PERSON_SELECT,
        orderBy: [{ unit: { code: "asc" } }, { nip: "asc" }],
      });
      for (const row of rows) knowSlackUser(row);
      return rows.map(toPerson);
    },

    async state(nip) {
      const person = await personByNip(nip);
      const telegramUserId = simulatedTelegramUserId(person.nip);
      const slackUserId = simulatedSlackUserId(person);
      const chat = telegram.chatIds().includes(String(telegramUserId))
        ? telegram.chat(telegramUserId).visible()
        : [];
      const botItems: TelegramItem[] = chat.map((message) => ({
        from: "bot",
        at: message.sentAt,
        messageId: message.messageId,
        kind: message.kind,
        text: message.sourceText ?? "",
        parseMode: message.parseMode,
        buttons: message.inlineKeyboard.map((row) =>
          row.map((button) => ({
            text: button.text,
            ...("callback_data" in button && button.callback_data ? { data: button.callback_data } : {}),
            ...("url" in button && button.url ? { url: button.url } : {}),
          })),
        ),
        edited: message.editedAt !== undefined,
        ...imageUrlOf(telegram, message.message.photo?.at(-1)?.file_id),
      }));
      const dm = slack.channel(slackUserId);
      const slackItems: SlackItem[] = [
        ...dm.visible().map((message) => ({
          from: "bot" as const,
          at: message.postedAt,
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          blocks: [...message.blocks],
          ephemeral: false,
          edited: message.editedAt !== undefined,
        })),
        ...dm.ephemeralsFor(slackUserId).map((message) => ({
          from: "bot" as const,
          at: message.at,
          channel: message.channel,
          ts: message.messageTs,
          text: message.text,
          blocks: [...message.blocks],
          ephemeral: true,
          edited: message.history.length > 0,
        })),
      ];
      const home = slack.views.published.get(slackUserId);
      return {
        person: toPerson(person),
        telegram: { items: byTime([...(telegramSaid.get(telegramUserId) ?? []), ...botItems]) },
        slack: {
          items: byTime([...(slackSaid.get(slackUserId) ?? []), ...slackItems]),
          home: home ? { viewId: home.id, blocks: [...home.view.blocks] } : null,
          modal: modalOf(slackUserId),
        },
      };
    },

    async linkCode(nip) {
      const person = await personByNip(nip);
      const issuedAt = clock();
      const [issued] = await issueLinkCodes(db, [person.id], {
        now: issuedAt,
        expiresAt: new Date(issuedAt.getTime() + LINK_CODE_DAYS * 24 * 3600 * 1000),
        via: "SIMULATOR",
      });
      if (!issued) throw new SimulatorError("Kode tidak dapat dibuat.");
      return issued.code;
    },

    async telegramMessage(nip, text) {
      const person = await personByNip(nip);
      sayOnTelegram(person, text, false);
      telegram.enqueueUpdate(textUpdate({ ...telegramOrigin(person), text, date: now() }));
    },

    async telegramPress(nip, messageId, data) {
      const person = await personByNip(nip);
      const userId = simulatedTelegramUserId(person.nip);
      const message = telegram.chatIds().includes(String(userId))
        ? telegram
            .chat(userId)
            .visible()
            .find((m) => m.messageId === messageId)
        : undefined;
      const pressable = message?.inlineKeyboard.some((row) =>
        row.some((button) => "callback_data" in button && button.callback_data === data),
      );
      if (!message || !pressable) throw new SimulatorError("Tombol itu sudah tidak ada di pesan.", 404);
      const origin = telegramOrigin(person);
      const queryId = `${origin.userId}${origin.updateId}`;
      pressedBy.set(queryId, origin.userId);
      if (pressedBy.size > 1000) pressedBy.delete(pressedBy.keys().next().value as string);
      telegram.enqueueUpdate(
        callbackUpdate({
          ...origin,
          queryId,
          data,
          messageId,
          bot: telegram.botInfo,
          date: now(),
          ...(message.text === undefined ? {} : { messageText: message.text }),
        }),
      );
    },

    async telegramPhoto(nip, caption) {
      const person = await personByNip(nip);
      const fileId = `SIMPHOTO${randomBytes(12).toString("hex")}`;
      const fileUniqueId = `SIMU${randomBytes(6).toString("hex")}`;
      telegram.registerFile(fileId, SAMPLE_PHOTO_JPEG, "image/jpeg", { fileUniqueId });
      sayOnTelegram(person, caption ?? "", true);
      telegram.enqueueUpdate(
        photoUpdate({
          ...telegramOrigin(person),
          fileId,
          fileUniqueId,
          width: 160,
          height: 110,
          fileSize: SAMPLE_PHOTO_JPEG.byteLength,
          date: now(),
          ...(caption ? { caption } : {}),
        }),
      );
    },

    async slackCommand(nip, text) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      sayOnSlack(person, `/kinerja ${text}`.trim());
      const command = slashCommand({
        userId,
        command: "/kinerja",
        text,
        responseUrl: slack.responseUrl({ channel: slack.dmChannelOf(userId), userId }),
        triggerId: newTrigger(userId),
      });
      await postToApp(slashCommandRequest(credentials.slackSigningSecret, command, { timestamp: now() }));
    },

    async slackMessage(nip, text) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      sayOnSlack(person, text);
      const event = eventCallback(directMessage({ userId, text }), { eventTime: now() });
      await postToApp(eventRequest(credentials.slackSigningSecret, event, { timestamp: now() }));
    },

    async slackClick(nip, click) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      const action = { actionId: click.actionId, ...(click.blockId ? { blockId: click.blockId } : {}) };
      let payload: ReturnType<typeof blockActions>;
      try {
        if (click.surface === "home") {
          const home = slack.views.published.get(userId);
          if (!home) throw new SimulatorError("Beranda belum dibuka.", 404);
          payload = blockActions({ userId, action, view: home.view, triggerId: newTrigger(userId) });
        } else {
          if (!click.channel || !click.ts) throw new SimulatorError("Pesan yang diklik tidak disebut.");
          const message = clickedMessage(userId, click.channel, click.ts);
          payload = blockActions({
            userId,
            action,
            message,
            channelId: click.channel,
            isEphemeral: message.ephemeral,
            responseUrl: slack.responseUrl({ channel: click.channel, userId, messageTs: click.ts }),
            triggerId: newTrigger(userId),
          });
        }
      } catch (error) {
        if (error instanceof SimulatorError) throw error;
        throw new SimulatorError("Tombol itu sudah tidak ada.", 404);
      }
      await postToApp(interactionRequest(credentials.slackSigningSecret, payload, { timestamp: now() }));
    },

    async slackHome(nip) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      const current = slack.views.published.get(userId);
      const event = eventCallback(
        appHomeOpened({ userId, ...(current ? { view: current.view as never } : {}) }),
        { eventTime: now() },
      );
      await postToApp(eventRequest(credentials.slackSigningSecret, event, { timestamp: now() }));
    },

    async slackSubmit(nip, viewId, values) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      const open = openModals.get(userId);
      const record = slack.views.byId(viewId);
      if (!open || open.viewId !== viewId || !record)
        throw new SimulatorError("Jendela itu sudah ditutup.", 404);
      const payload = viewSubmission({
        userId,
        view: record.view,
        values: modalStateValues(record.view.blocks, values),
        triggerId: newTrigger(userId),
      });
      const ack = await postToApp(
        interactionRequest(credentials.slackSigningSecret, payload, { timestamp: now() }),
      );
      const errors = responseErrors(ack);
      if (errors) openModals.set(userId, { viewId, errors });
      else openModals.delete(userId);
      changed();
    },

    async slackClose(nip) {
      const person = await personByNip(nip);
      const userId = simulatedSlackUserId(person);
      const open = openModals.get(userId);
      openModals.delete(userId);
      changed();
      // Slack tells the app only about modals opened with notify_on_close.
      const record = open ? slack.views.byId(open.viewId) : undefined;
      if (record?.view.notify_on_close) {
        const payload = viewClosed({ userId, view: record.view });
        await postToApp(interactionRequest(credentials.slackSigningSecret, payload, { timestamp: now() }));
      }
    },

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    async close() {
      unsubscribeTelegram();
      unsubscribeSlack();
      unsubscribeResponses();
      listeners.clear();
      await Promise.all([telegram.close(), slack.close()]);
    },
  };

  function modalOf(userId: string): SlackModal | null {
    const open = openModals.get(userId);
    const record = open ? slack.views.byId(open.viewId) : undefined;
    if (!open || !record) return null;
    const view: ViewOutput = record.view;
    return {
      viewId: record.id,
      title: view.title.text,
      submit: view.submit?.text,
      close: view.close?.text,
      blocks: [...(view.blocks as SlackBlock[])],
      errors: open.errors,
    };
  }
}

const PERSON_SELECT = {
  id: true,
  nip: true,
  name: true,
  position: true,
  email: true,
  slackUserId: true,
  unit: { select: { name: true } },
  accounts: { select: { platform: true } },
  _count: { select: { subordinates: true } },
} as const;

function byTime<T extends { at: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.at - b.at);
}

interface InputElement {
  type?: string;
  action_id?: string;
  options?: { value?: string }[];
}

/**
 * `view.state.values` as Slack sends it on submission: every input block of the view, a text input with
 * its `value` (null when empty), a radio group with its `selected_option` as the view defines it (null
 * when none is chosen). A value for a radio option the view does not have is refused.
 */
export function modalStateValues(
  blocks: readonly unknown[],
  given: Record<string, Record<string, string | null>>,
): Record<string, Record<string, ViewStateValue>> {
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const block of blocks as readonly { type?: string; block_id?: unknown; element?: InputElement }[]) {
    const { element } = block;
    const blockId = typeof block.block_id === "string" ? block.block_id : undefined;
    if (block.type !== "input" || !blockId || !element?.type || !element.action_id) continue;
    const entered = given[blockId]?.[element.action_id] ?? null;
    let value: ViewStateValue;
    if (element.type === "radio_buttons") {
      const option = entered === null ? undefined : element.options?.find((o) => o.value === entered);
      if (entered !== null && !option) throw new SimulatorError("Pilihan itu tidak ada di jendela ini.");
      value = {
        type: "radio_buttons",
        selected_option: (option ?? null) as ViewStateValue["selected_option"],
      };
    } else if (element.type === "plain_text_input") {
      value = { type: "plain_text_input", value: entered === "" ? null : entered };
    } else {
      continue;
    }
    values[blockId] = { [element.action_id]: value };
  }
  return values;
}

/** The `errors` of a `response_action: "errors"` ack, if that is what the app answered. */
function responseErrors(ack: string): Record<string, string> | undefined {
  if (ack.trim() === "") return undefined;
  try {
    const body = JSON.parse(ack) as { response_action?: unknown; errors?: unknown };
    if (body.response_action !== "errors" || typeof body.errors !== "object" || body.errors === null)
      return undefined;
    return Object.fromEntries(
      Object.entries(body.errors as Record<string, unknown>).map(([block, text]) => [block, String(text)]),
    );
  } catch {
    return undefined;
  }
}

/** The configuration with the real adapters pointed at the simulator's stand-ins. */
export function withSimulatedPlatforms(config: Config, world: SimulatorWorld): Config {
  return {
    ...config,
    telegram: {
      botToken: world.credentials.telegramBotToken,
      webhookSecret: undefined,
      apiRoot: world.telegram.url,
      // Long polling, as a bot without a public address receives updates from Telegram.
      mode: "polling",
    },
    slack: {
      botToken: world.credentials.slackBotToken,
      signingSecret: world.credentials.slackSigningSecret,
      apiUrl: world.slack.url,
      appToken: undefined,
      mode: "http",
    },
  };
}

/** Where the page shows a picture the bot sent: PNGs only (the charts); other photos stay a placeholder. */
function imageUrlOf(telegram: TelegramBotApiStandIn, fileId: string | undefined): { imageUrl?: string } {
  const file = fileId === undefined ? undefined : telegram.file(fileId);
  if (!file || !isPng(file.bytes)) return {};
  return { imageUrl: `/simulator/api/telegram/file/${encodeURIComponent(file.fileId)}` };
}

export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 4)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
}
