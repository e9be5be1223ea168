import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type Logger, LogLevel, type types, webApi } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  appHomeOpened,
  blockActions,
  eventCallback,
  eventRequest,
  interactionRequest,
  signSlackRequest,
  slashCommand,
  slashCommandRequest,
  urlVerification,
  viewSubmission,
} from "../../adapters/simulator/slack-requests.ts";
import {
  type RecordedSlackCall,
  type SlackWebApiStandIn,
  startSlackWebApi,
} from "../../adapters/simulator/slack-web-api.ts";

const { WebClient, ErrorCode } = webApi;
type WebClient = webApi.WebClient;

const BOT_TOKEN = "xoxb-stand-in-token";
const SIGNING_SECRET = "stand-in-signing-secret";
const BUDI = "U0BUDI0001";
const SARI = "U0SARI0002";

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const approvalBlocks: types.KnownBlock[] = [
  {
    type: "section",
    block_id: "summary",
    text: { type: "mrkdwn", text: "*Laporan harian* Budi: rapat koordinasi" },
  },
  {
    type: "actions",
    block_id: "decision",
    elements: [
      {
        type: "button",
        action_id: "approve",
        text: { type: "plain_text", text: "Setujui" },
        value: "report-1",
        style: "primary",
      },
      {
        type: "button",
        action_id: "reject",
        text: { type: "plain_text", text: "Tolak" },
        value: "report-1",
        style: "danger",
      },
    ],
  },
];

const reportModal: types.ModalView = {
  type: "modal",
  callback_id: "daily_report",
  private_metadata: JSON.stringify({ date: "2026-11-24" }),
  title: { type: "plain_text", text: "Laporan harian" },
  submit: { type: "plain_text", text: "Kirim" },
  blocks: [
    {
      type: "input",
      block_id: "activity",
      label: { type: "plain_text", text: "Kegiatan" },
      element: { type: "plain_text_input", action_id: "text", multiline: true },
    },
  ],
};

let standIn: SlackWebApiStandIn;
let client: WebClient;
let app: App;
let appUrl: string;
let startupCalls: RecordedSlackCall[];
const appErrors: unknown[] = [];
/** What the listeners received, per test */
const seen = { commands: [] as unknown[], actions: [] as unknown[], views: [] as unknown[] };

beforeAll(async () => {
  standIn = await startSlackWebApi({
    botToken: BOT_TOKEN,
    users: [
      { id: BUDI, name: "budi.santoso", realName: "Budi Santoso", email: "budi@kinerja.go.id" },
      { id: SARI, name: "sari", realName: "Sari Dewi", email: "Sari@Kinerja.go.id", tz: "Asia/Makassar" },
    ],
  });
  client = new WebClient(BOT_TOKEN, {
    slackApiUrl: standIn.url,
    retryConfig: { retries: 0 },
    logger: silent,
  });

  app = new App({
    token: BOT_TOKEN,
    logger: silent,
    receiver: new HTTPReceiver({
      signingSecret: SIGNING_SECRET,
      endpoints: "/slack/events",
      processBeforeResponse: true,
      logger: silent,
    }),
    clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
  });
  app.error(async (error) => {
    appErrors.push(error);
  });
  app.command("/kinerja", async ({ command, ack, respond, say }) => {
    seen.commands.push(command);
    await ack({ response_type: "ephemeral", text: "Sebentar…" });
    await respond({ text: `Laporan diterima: ${command.text}` });
    await say("Terima kasih, laporan tercatat.");
  });
  app.action("approve", async ({ ack, action, respond }) => {
    seen.actions.push(action);
    await ack();
    await respond({ replace_original: true, text: "Disetujui ✅" });
  });
  app.view("daily_report", async ({ ack, view }) => {
    seen.views.push(view);
    const text = view.state.values.activity?.text?.value ?? "";
    if (text.length < 10) await ack({ response_action: "errors", errors: { activity: "Terlalu singkat" } });
    else await ack();
  });
  app.event("app_home_opened", async ({ event, client: botClient }) => {
    await botClient.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Selamat datang" } }] },
    });
  });

  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  // Bolt sends auth.test from its constructor; keep what arrived before the per-test resets.
  await vi.waitFor(() => expect(standIn.callsTo("auth.test")).toHaveLength(1));
  startupCalls = [...standIn.calls];
});
afterEach(() => {
  standIn.reset();
  for (const list of Object.values(seen)) list.length = 0;
  expect(appErrors).toEqual([]);
});
afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

async function slackError(promise: Promise<unknown>): Promise<{ code: string; data?: { error: string } }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (typeof error !== "object" || error === null || !("code" in error)) {
    throw new Error(`expected a Slack API error, got ${String(error)}`);
  }
  return error as { code: string; data?: { error: string } };
}

describe("the Slack Web API stand-in with the real WebClient", () => {
  it("answered the auth.test Bolt sends when it starts", () => {
    expect(startupCalls.map((call) => call.method)).toEqual(["auth.test"]);
    const [call] = startupCalls;
    expect(call?.token).toBe(BOT_TOKEN);
    expect(call?.response).toMatchObject({
      ok: true,
      team_id: standIn.teamId,
      user_id: standIn.botUserId,
      bot_id: standIn.botId,
    });
  });

  it("keeps a conversation as Slack shows it: blocks, then chat.update", async () => {
    const dm = standIn.dmChannelOf(BUDI);
    const posted = await client.chat.postMessage({
      channel: BUDI,
      text: "Laporan Budi",
      blocks: approvalBlocks,
    });
    expect(posted.channel).toBe(dm); // a user id posts to the app's DM with them
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(posted.message?.blocks?.[1]?.block_id).toBe("decision");

    const [call] = standIn.callsTo("chat.postMessage");
    expect(call?.encoding).toBe("form"); // WebClient v8: form-urlencoded, blocks as a JSON string
    expect(call?.payload.blocks).toEqual(approvalBlocks);

    const second = await client.chat.postMessage({ channel: dm, text: "Pengingat" });
    expect(Number(second.ts)).toBeGreaterThan(Number(posted.ts));

    const updated = await client.chat.update({
      channel: dm,
      ts: posted.ts ?? "",
      text: "Laporan Budi (disetujui)",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Disetujui oleh Sari" } }],
    });
    expect(updated).toMatchObject({ ok: true, channel: dm, ts: posted.ts, text: "Laporan Budi (disetujui)" });

    const conversation = standIn.channel(dm);
    expect(conversation.kind).toBe("im");
    expect(conversation.texts()).toEqual(["Laporan Budi (disetujui)", "Pengingat"]);
    const first = conversation.message(posted.ts ?? "");
    expect(first?.blocks).toHaveLength(1);
    expect(first?.blocks[0]).toMatchObject({ type: "section", text: { text: "Disetujui oleh Sari" } });
    expect(first?.blocks[0]?.block_id).toMatch(/^\w{5}$/); // Slack generates missing block ids
    expect(first?.history.map((version) => version.text)).toEqual(["Laporan Budi"]);
    expect(first?.message.edited?.user).toBe(standIn.botUserId);
    expect(standIn.channel(BUDI).messages).toHaveLength(2); // a user id shows their DM

    // chat.update without blocks keeps them; blocks: [] removes them
    await client.chat.update({ channel: dm, ts: posted.ts ?? "", text: "Teks saja" });
    expect(conversation.message(posted.ts ?? "")?.blocks).toHaveLength(1);
    await client.chat.update({ channel: dm, ts: posted.ts ?? "", text: "Teks saja", blocks: [] });
    expect(conversation.message(posted.ts ?? "")?.blocks).toEqual([]);
  });

  it("refuses what Slack refuses, with Slack's error codes", async () => {
    const errorOf = async (promise: Promise<unknown>) => (await slackError(promise)).data?.error;
    expect(await errorOf(client.chat.postMessage({ channel: BUDI, text: "" }))).toBe("no_text");
    expect(await errorOf(client.chat.postMessage({ channel: "U0NOBODY99", text: "Halo" }))).toBe(
      "channel_not_found",
    );
    expect(await errorOf(client.chat.postMessage({ channel: "#umum", text: "Halo" }))).toBe(
      "channel_not_found",
    );
    expect(
      await errorOf(
        client.apiCall("chat.postMessage", { channel: BUDI, text: "x", blocks: '{"type":"section"}' }),
      ),
    ).toBe("invalid_blocks_format");
    expect(
      await errorOf(
        client.chat.update({ channel: standIn.dmChannelOf(BUDI), ts: "1700000000.000100", text: "x" }),
      ),
    ).toBe("message_not_found");

    const tooLong = await slackError(
      client.chat.postMessage({
        channel: BUDI,
        text: "Pilih",
        blocks: [
          {
            type: "actions",
            elements: [
              { type: "button", action_id: "a", text: { type: "plain_text", text: "x".repeat(76) } },
            ],
          },
        ],
      }),
    );
    expect(tooLong.data).toMatchObject({
      error: "invalid_blocks",
      response_metadata: {
        messages: ["[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]"],
      },
    });

    const wrongToken = new WebClient("xoxb-wrong", {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logger: silent,
    });
    expect(await errorOf(wrongToken.auth.test())).toBe("invalid_auth");
    const noToken = new WebClient(undefined, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logger: silent,
    });
    expect(await errorOf(noToken.auth.test())).toBe("not_authed");
    expect(standIn.channel(BUDI).messages).toEqual([]);
  });

  it("answers a scripted ratelimited with 429 and Retry-After, which the WebClient rejects", async () => {
    standIn.failNext("chat.postMessage", { error: "ratelimited", retryAfterSeconds: 7 });
    const limited = new WebClient(BOT_TOKEN, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: silent,
    });
    const error = await slackError(limited.chat.postMessage({ channel: BUDI, text: "Pengingat" }));
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error).toMatchObject({ retryAfter: 7 });
    expect(standIn.callsTo("chat.postMessage")[0]).toMatchObject({
      status: 429,
      response: { ok: false, error: "ratelimited" },
    });

    standIn.failNext("chat.postMessage", "account_inactive");
    const inactive = await slackError(limited.chat.postMessage({ channel: BUDI, text: "Pengingat" }));
    expect(inactive).toMatchObject({ code: ErrorCode.PlatformError, data: { error: "account_inactive" } });

    await limited.chat.postMessage({ channel: BUDI, text: "Pengingat" }); // the script is used up
    expect(standIn.channel(BUDI).texts()).toEqual(["Pengingat"]);
  });

  it("opens DMs and looks users up", async () => {
    const opened = await client.conversations.open({ users: SARI });
    expect(opened.channel?.id).toBe(standIn.dmChannelOf(SARI));
    expect(opened.already_open).toBeUndefined();
    expect((await client.conversations.open({ users: SARI })).already_open).toBe(true);

    const info = await client.users.info({ user: SARI });
    expect(info.user).toMatchObject({
      id: SARI,
      name: "sari",
      real_name: "Sari Dewi",
      tz: "Asia/Makassar",
      tz_offset: 8 * 3600,
      profile: { email: "Sari@Kinerja.go.id", real_name: "Sari Dewi" },
    });
    expect((await client.users.lookupByEmail({ email: "sari@kinerja.go.id" })).user?.id).toBe(SARI);
    expect((await client.users.profile.get({ user: BUDI })).profile?.email).toBe("budi@kinerja.go.id");
    expect((await slackError(client.users.lookupByEmail({ email: "x@kinerja.go.id" }))).data?.error).toBe(
      "users_not_found",
    );
    expect((await slackError(client.users.info({ user: "U0NOBODY99" }))).data?.error).toBe("user_not_found");

    standIn.addUser({ id: "U0BARU0003", name: "baru", email: "baru@kinerja.go.id" });
    expect((await client.users.lookupByEmail({ email: "baru@kinerja.go.id" })).user?.tz).toBe("Asia/Jakarta");
    expect((await client.apiCall("team.info")).ok).toBe(true); // anything else: { ok: true }, recorded
    expect(standIn.callsTo("team.info")).toHaveLength(1);
  });

  it("opens, updates and publishes views", async () => {
    const opened = await client.views.open({ trigger_id: "123.456.abc", view: reportModal });
    const viewId = opened.view?.id ?? "";
    expect(viewId).toMatch(/^V[0-9A-Z]{10}$/);
    expect(opened.view).toMatchObject({ callback_id: "daily_report", root_view_id: viewId, type: "modal" });
    expect(
      (await slackError(client.views.open({ trigger_id: "123.456.abc", view: reportModal }))).data?.error,
    ).toBe("exchanged_trigger_id");
    const noTrigger = await slackError(client.apiCall("views.open", { view: reportModal }));
    expect(noTrigger.data?.error).toBe("invalid_arguments");
    const longTitle = await slackError(
      client.views.open({
        trigger_id: "123.456.def",
        view: { ...reportModal, title: { type: "plain_text", text: "Laporan kinerja harian pegawai" } },
      }),
    );
    expect(longTitle.data).toMatchObject({
      error: "invalid_arguments",
      response_metadata: {
        messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
      },
    });

    await client.views.update({ view_id: viewId, view: { ...reportModal, private_metadata: "v2" } });
    const [record] = standIn.views.opened;
    expect(record).toMatchObject({ id: viewId, source: "views.open", triggerId: "123.456.abc" });
    expect(record?.view.private_metadata).toBe("v2");
    expect(record?.history).toHaveLength(1);
    expect(
      (await slackError(client.views.update({ view_id: "V0NOPE", view: reportModal }))).data?.error,
    ).toBe("not_found");

    const home = {
      type: "home" as const,
      blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "Beranda" } }],
    };
    const published = await client.views.publish({ user_id: BUDI, view: home });
    expect(standIn.views.published.get(BUDI)?.view.blocks[0]).toMatchObject({ text: { text: "Beranda" } });
    const again = await client.views.publish({ user_id: BUDI, view: home });
    expect(again.view?.id).toBe(published.view?.id); // one Home view per user
    expect((await slackError(client.views.publish({ user_id: BUDI, view: reportModal }))).data?.error).toBe(
      "invalid_arguments",
    );
  });
});

describe("a real Bolt app driven by signed Slack requests", () => {
  it("runs a slash command: ack in the HTTP answer, respond() to the response_url, say() in the DM", async () => {
    const responseUrl = standIn.responseUrl({ channel: standIn.dmChannelOf(BUDI), userId: BUDI });
    const request = slashCommandRequest(
      SIGNING_SECRET,
      slashCommand({ command: "/kinerja", text: "rapat koordinasi", userId: BUDI, responseUrl }),
    );
    const answer = await fetch(appUrl, request);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ response_type: "ephemeral", text: "Sebentar…" });

    expect(seen.commands[0]).toMatchObject({
      command: "/kinerja",
      text: "rapat koordinasi",
      user_id: BUDI,
    });
    expect(standIn.responses(responseUrl)).toMatchObject([
      { body: { text: "Laporan diterima: rapat koordinasi" }, effect: "ephemeral" },
    ]);
    const dm = standIn.channel(BUDI);
    expect(dm.ephemeralsFor(BUDI).map((message) => message.text)).toEqual([
      "Laporan diterima: rapat koordinasi",
    ]);
    expect(dm.texts()).toEqual(["Terima kasih, laporan tercatat."]);
    expect(standIn.callsTo("chat.postMessage")[0]?.token).toBe(BOT_TOKEN);
  });

  it("runs a button click: respond({ replace_original }) changes the message clicked", async () => {
    const posted = await client.chat.postMessage({
      channel: SARI,
      text: "Laporan Budi",
      blocks: approvalBlocks,
    });
    const message = standIn.channel(SARI).message(posted.ts ?? "");
    if (message === undefined) throw new Error("message not kept");
    const responseUrl = standIn.responseUrl({
      channel: message.channel,
      userId: SARI,
      messageTs: message.ts,
    });
    const payload = blockActions({ userId: SARI, message, action: { actionId: "approve" }, responseUrl });
    const answer = await fetch(appUrl, interactionRequest(SIGNING_SECRET, payload));
    expect(answer.status).toBe(200);
    expect(seen.actions).toMatchObject([
      {
        type: "button",
        action_id: "approve",
        block_id: "decision",
        value: "report-1",
        text: { text: "Setujui" },
      },
    ]);
    expect(standIn.channel(SARI).message(message.ts)).toMatchObject({ text: "Disetujui ✅", blocks: [] });
    expect(standIn.responses()).toMatchObject([{ effect: "replaced" }]);
  });

  it("runs a view submission: the ack's response_action is the HTTP answer", async () => {
    await client.views.open({ trigger_id: "1.2.3", view: reportModal });
    const view = standIn.views.opened[0]?.view;
    if (view === undefined) throw new Error("view not kept");

    const short = viewSubmission({ userId: BUDI, view, values: { activity: { text: "rapat" } } });
    const refused = await fetch(appUrl, interactionRequest(SIGNING_SECRET, short));
    expect(await refused.json()).toEqual({
      response_action: "errors",
      errors: { activity: "Terlalu singkat" },
    });

    const full = viewSubmission({
      userId: BUDI,
      view,
      values: { activity: { text: "Rapat koordinasi SKP" } },
    });
    const accepted = await fetch(appUrl, interactionRequest(SIGNING_SECRET, full));
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe("");
    expect(seen.views[1]).toMatchObject({ id: view.id, private_metadata: view.private_metadata });
  });

  it("delivers Events API callbacks and answers url_verification", async () => {
    const opened = await fetch(
      appUrl,
      eventRequest(SIGNING_SECRET, eventCallback(appHomeOpened({ userId: BUDI }))),
    );
    expect(opened.status).toBe(200);
    expect(standIn.views.published.get(BUDI)?.view.blocks[0]).toMatchObject({
      text: { text: "Selamat datang" },
    });

    const verification = await fetch(appUrl, eventRequest(SIGNING_SECRET, urlVerification("tantangan")));
    expect(await verification.json()).toEqual({ challenge: "tantangan" });
  });

  it("refuses a bad signature and a timestamp older than five minutes with 401", async () => {
    const command = slashCommand({ command: "/kinerja", userId: BUDI, responseUrl: standIn.responseUrl() });
    const good = slashCommandRequest(SIGNING_SECRET, command);

    const forged = {
      ...good,
      headers: { ...good.headers, ...signSlackRequest("another-secret", good.body) },
    };
    expect((await fetch(appUrl, forged)).status).toBe(401);

    const stale = slashCommandRequest(SIGNING_SECRET, command, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect((await fetch(appUrl, stale)).status).toBe(401);

    const tampered = { ...good, body: good.body.replace("kinerja", "kinerjaX") };
    expect((await fetch(appUrl, tampered)).status).toBe(401);
    expect(seen.commands).toEqual([]);
    expect(standIn.responses()).toEqual([]);

    expect((await fetch(appUrl, good)).status).toBe(200); // the same request, untouched, is accepted
    expect(seen.commands).toHaveLength(1);
  });
});
