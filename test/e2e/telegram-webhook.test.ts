import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackUpdate, textUpdate } from "../../adapters/simulator/telegram-updates.ts";
import { id as messages } from "../../src/i18n/id.ts";
import { DEMO, TelegramTestApp, type TelegramTestUser, WEBHOOK_SECRET } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB: a working day in Kecamatan Andir.
let t: TelegramTestApp;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
});
afterAll(async () => {
  await t.close();
});

/** Updates of a user built by hand, so a test knows (and can reuse) their update_id. */
function updatesOf(user: TelegramTestUser) {
  const origin = () => ({
    updateId: t.updateId(),
    userId: user.userId,
    languageCode: "id",
    firstName: "Uji",
  });
  return {
    text: (text: string) => textUpdate({ ...origin(), text }),
    press(label: string | RegExp) {
      const button = user.findButton(label);
      if (!button) throw new Error(`no button ${label} in:\n${user.texts().slice(-2).join("\n---\n")}`);
      return callbackUpdate({ ...origin(), data: button.data, messageId: button.messageId });
    },
  };
}

/** What the bot sent to a chat with sendMessage (successful or not), in order. */
function sendMessagesTo(chatId: number): string[] {
  return t.botApi
    .callsTo("sendMessage")
    .filter((call) => String(call.payload.chat_id) === String(chatId))
    .map((call) => String(call.payload.text));
}

function stateOf(userId: number) {
  return t.db.conversationState.findUnique({
    where: { platform_externalId: { platform: "TELEGRAM", externalId: String(userId) } },
  });
}

/** POSTs a raw body to the webhook; `secret: null` sends no secret header. Returns the answer, read. */
async function postRaw(
  body: string,
  secret: string | null,
): Promise<{ status: number; contentType: string | null; body: string }> {
  const response = await fetch(`${t.url}/telegram/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: await response.text(),
  };
}

const eventKey = (update: Update) => `telegram:${t.botApi.botInfo.id}:${update.update_id}`;

function activitiesOf(nip: string) {
  return t.db.activity.findMany({ where: { person: { nip } }, include: { iki: true, history: true } });
}

/** Runs `during` while a table of the test database is renamed away, then puts it back. */
async function withoutTable<T>(table: string, during: () => Promise<T>): Promise<T> {
  await t.db.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_gone"`);
  try {
    return await during();
  } finally {
    await t.db.$executeRawUnsafe(`ALTER TABLE "${table}_gone" RENAME TO "${table}"`);
  }
}

describe("the Telegram webhook", () => {
  it("answers 401 to a wrong or missing secret and does nothing at all", async () => {
    const user = t.user(7107);
    await user.linkTo(DEMO.kasiPemerintahan);
    const update = updatesOf(user).text("/lapor");
    const callsBefore = t.botApi.calls.length;
    const eventsBefore = await t.db.processedEvent.count();

    expect(await t.deliver(update, "wrong-secret")).toBe(401);
    expect(await t.deliver(update, `${WEBHOOK_SECRET}x`)).toBe(401);
    expect(await t.deliver(update, "")).toBe(401);
    expect(await t.deliver(update, null)).toBe(401);
    // Without the secret, even a body that is not JSON gets 401 (it is not even read).
    for (const secret of ["wrong-secret", null]) {
      const response = await postRaw("{not json", secret);
      expect(response.status).toBe(401);
    }

    expect(await t.db.processedEvent.count()).toBe(eventsBefore);
    expect(await t.db.processedEvent.findUnique({ where: { key: eventKey(update) } })).toBeNull();
    expect(await stateOf(7107)).toBeNull();
    expect(t.botApi.calls.slice(callsBefore)).toEqual([]);
    expect(user.texts()).toEqual([]);

    // The refused deliveries left no trace: the same update with the secret is handled normally.
    expect(await t.deliver(update)).toBe(200);
    expect(user.lastText()).toContain("Untuk tanggal berapa");
    expect(await stateOf(7107)).toMatchObject({ flow: "r", step: "date", version: 1 });
  });

  it("handles a redelivered update once: one activity, one reply per update", async () => {
    const siti = t.user(7101);
    await siti.linkTo(DEMO.siti);
    const make = updatesOf(siti);
    const delivered: Update[] = [];
    const twice = async (update: Update) => {
      delivered.push(update);
      expect(await t.deliver(update)).toBe(200);
      expect(await t.deliver(update)).toBe(200);
    };

    await twice(make.text("/lapor"));
    expect(sendMessagesTo(7101)).toHaveLength(1);
    await twice(make.press(/^Hari ini/));
    await twice(make.press(/^IKI-1\.1/));
    await twice(make.text("Mengarsipkan surat masuk dan surat keluar"));
    await twice(make.text("15"));
    await twice(make.text("60"));
    await twice(make.press("Lewati"));
    expect(siti.lastText()).toContain("Ringkasan laporan");
    expect(sendMessagesTo(7101)).toHaveLength(7);

    // "Kirim" arrives twice at the same moment, then once more later.
    const send = make.press("Kirim");
    delivered.push(send);
    expect(await Promise.all([t.deliver(send), t.deliver(send)])).toEqual([200, 200]);
    expect(await t.deliver(send)).toBe(200);

    const activities = await activitiesOf(DEMO.siti);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      status: "DIAJUKAN",
      description: "Mengarsipkan surat masuk dan surat keluar",
      quantity: 15,
      minutes: 60,
    });
    expect(activities[0]!.history).toHaveLength(1);

    const sent = sendMessagesTo(7101);
    expect(sent).toHaveLength(8);
    expect(sent.filter((text) => text.includes("laporan terkirim"))).toHaveLength(1);
    expect(sent.at(-1)).toContain("laporan terkirim");
    expect(await t.db.processedEvent.count({ where: { key: { in: delivered.map(eventKey) } } })).toBe(
      delivered.length,
    );
    // One state write per distinct update: created by /lapor, then 7 turns (the last one ends it).
    expect(await stateOf(7101)).toMatchObject({ flow: "", version: delivered.length });
  });

  it("continues an unfinished /lapor after a restart", async () => {
    const budi = t.user(7102);
    await budi.linkTo(DEMO.budi);
    await budi.say("/lapor");
    await budi.press(/^Hari ini/);
    await budi.press(/^IKI-1\.1 Data penduduk/);
    await budi.say("Memutakhirkan data kependudukan RW 05 Kelurahan Garuda");
    expect(budi.lastText()).toContain("dalam data");
    const before = await stateOf(7102);
    expect(before).toMatchObject({ flow: "r", step: "qty" });

    await t.restart();

    expect(await budi.say("40")).toBe(200);
    expect(budi.lastText()).toContain("Berapa lama");
    await budi.say("1.5 jam");
    expect(budi.lastText()).toContain("bukti dukung");
    await budi.press("Lewati");
    const summary = budi.lastText();
    expect(summary).toContain("Ringkasan laporan");
    expect(summary).toContain("IKI-1.1 Data penduduk yang dimutakhirkan");
    expect(summary).toContain("Memutakhirkan data kependudukan RW 05 Kelurahan Garuda");
    expect(summary).toContain("40 data");
    expect(summary).toContain("90 menit");
    await budi.press("Kirim");
    expect(budi.lastText()).toContain("laporan terkirim");

    const activities = await activitiesOf(DEMO.budi);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      status: "DIAJUKAN",
      description: "Memutakhirkan data kependudukan RW 05 Kelurahan Garuda",
      quantity: 40,
      unitLabel: "data",
      minutes: 90,
      source: "TELEGRAM",
    });
    expect(activities[0]!.iki?.code).toBe("IKI-1.1");
  });

  it("two web processes answering the same dialog at once: each answer is one turn, in order", async () => {
    const secondUrl = await t.startExtraProcess("web");
    expect(secondUrl).not.toBe(t.url);
    const dewi = t.user(7103);
    await dewi.linkTo(DEMO.dewi);
    const make = updatesOf(dewi);
    await dewi.say("/lapor");
    await dewi.press(/^Hari ini/);
    await dewi.press(/^IKI-1\.1 Warga yang dilayani/);
    expect(dewi.lastText()).toContain("Apa yang Anda kerjakan");
    const before = await stateOf(7103);
    expect(before).toMatchObject({ flow: "r", step: "desc" });
    const sentBefore = sendMessagesTo(7103).length;

    // "123" and "456" are each a valid description (3 characters) and a valid quantity. To make
    // sure the two turns really overlap, the test holds the dialog's row until both have read the
    // same version and wait to write it; then one commits first and the other must be replayed.
    const first = make.text("123");
    const second = make.text("456");
    const { deliveries } = await t.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT version FROM conversation_state
          WHERE platform = 'TELEGRAM' AND external_id = '7103' FOR UPDATE`;
        const deliveries = Promise.all([t.deliver(first), t.deliver(second, WEBHOOK_SECRET, secondUrl)]);
        await t.eventually(async () => (await t.sessionsWaitingForLocks()) >= 2, "both turns waiting");
        return { deliveries };
      },
      { timeout: 15_000 },
    );
    expect(await deliveries).toEqual([200, 200]);

    // Whichever turn committed first took the description; the other was replayed on the new
    // state and so answered the next question (the quantity). Neither was lost or taken twice.
    const after = await stateOf(7103);
    expect(after).toMatchObject({ flow: "r", step: "time", version: before!.version + 2 });
    const data = after!.data as { description?: string; quantity?: number };
    expect([
      ["123", 456],
      ["456", 123],
    ]).toContainEqual([data.description, data.quantity]);
    expect(
      await t.db.processedEvent.count({ where: { key: { in: [eventKey(first), eventKey(second)] } } }),
    ).toBe(2);
    const replies = sendMessagesTo(7103).slice(sentBefore);
    expect(replies).toHaveLength(2);
    expect(replies.some((text) => text.startsWith("Berapa hasilnya (dalam orang)?"))).toBe(true);
    expect(replies.some((text) => text.startsWith("Berapa lama Anda mengerjakannya?"))).toBe(true);

    // The dialog goes on from there (on either process) and saves exactly what the state holds.
    expect(await t.deliver(make.text("30"), WEBHOOK_SECRET, secondUrl)).toBe(200);
    await dewi.press("Lewati");
    expect(dewi.lastText()).toContain(`Uraian: ${data.description}`);
    await dewi.press("Kirim");
    expect(dewi.lastText()).toContain("laporan terkirim");
    const activities = await activitiesOf(DEMO.dewi);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      description: data.description,
      quantity: data.quantity,
      minutes: 30,
    });
  });

  it("a failing turn is answered 200 with an apology, saves nothing, and the next update works", async () => {
    const agus = t.user(7104);
    await agus.linkTo(DEMO.agus);
    const make = updatesOf(agus);
    await agus.say("/lapor");
    expect(agus.lastText()).toContain("Untuk tanggal berapa");
    const before = await stateOf(7104);
    const eventsBefore = await t.db.processedEvent.count();

    // Choosing the date asks for the indicators, which are read from the table that is now gone.
    const today = make.press(/^Hari ini/);
    const status = await withoutTable("iki", () => t.deliver(today));
    expect(status).toBe(200);
    expect(agus.lastText()).toBe(messages.common.error);
    expect(agus.lastText()).toMatch(/^Maaf, terjadi kendala di sistem kami/);
    const after = await stateOf(7104);
    expect(after).toMatchObject({ flow: "r", step: "date", version: before!.version });
    expect(after!.data).toEqual(before!.data);
    expect(await t.db.processedEvent.findUnique({ where: { key: eventKey(today) } })).toBeNull();
    expect(await t.db.processedEvent.count()).toBe(eventsBefore);

    // The process is still running; the same update, delivered again, is now handled.
    expect(await t.deliver(today)).toBe(200);
    expect(agus.lastText()).toContain("indikator (IKI)");
    expect(await stateOf(7104)).toMatchObject({ step: "iki", version: before!.version + 1 });
  });

  it("a failure in the middle of saving leaves no half-saved activity", async () => {
    const rizky = t.user(7106);
    await rizky.linkTo(DEMO.rizky);
    const make = updatesOf(rizky);
    await rizky.say("/lapor");
    await rizky.press(/^Hari ini/);
    await rizky.press(/^IKI-1\.1/);
    await rizky.say("Memperbaiki jaringan wifi kantor kecamatan");
    await rizky.say("1");
    await rizky.say("45");
    await rizky.press("Lewati");
    expect(rizky.lastText()).toContain("Ringkasan laporan");
    const before = await stateOf(7106);

    // The activity row is inserted, then its status history cannot be: the whole turn rolls back.
    const send = make.press("Kirim");
    expect(await withoutTable("activity_status_change", () => t.deliver(send))).toBe(200);
    expect(rizky.lastText()).toBe(messages.common.error);
    expect(await activitiesOf(DEMO.rizky)).toEqual([]);
    expect(await stateOf(7106)).toMatchObject({ step: "summary", version: before!.version });
    expect(await t.db.processedEvent.findUnique({ where: { key: eventKey(send) } })).toBeNull();

    await rizky.press("Kirim");
    expect(rizky.lastText()).toContain("laporan terkirim");
    const activities = await activitiesOf(DEMO.rizky);
    expect(activities).toHaveLength(1);
    expect(activities[0]!.history).toHaveLength(1);
  });

  it("answers 200 and does nothing for an empty body or updates the bot does not handle", async () => {
    const user = t.user(7108);
    await user.linkTo(DEMO.camat);
    const make = updatesOf(user);
    const plain = make.text("/lapor");
    const ignored: unknown[] = [
      {},
      null,
      [],
      "update",
      42,
      { update_id: t.updateId() },
      { update_id: t.updateId(), message: {} },
      // An edited message
      { update_id: t.updateId(), edited_message: { ...plain.message, edit_date: plain.message.date + 5 } },
      // A message in a group the bot was added to
      textUpdate({ updateId: t.updateId(), userId: 7108, chatId: -1001234567890, text: "/lapor" }),
      textUpdate({ updateId: t.updateId(), userId: 7108, chatId: -4321, text: "halo" }),
      // A button pressed in a group
      callbackUpdate({ updateId: t.updateId(), userId: 7108, chatId: -4321, data: "m:lapor", messageId: 5 }),
      // A channel post
      {
        update_id: t.updateId(),
        channel_post: {
          message_id: 9,
          date: plain.message.date,
          chat: { id: -1009, type: "channel" },
          text: "x",
        },
      },
    ];
    const callsBefore = t.botApi.calls.length;
    const eventsBefore = await t.db.processedEvent.count();
    for (const body of ignored) expect(await t.deliver(body as Update)).toBe(200);

    // (The notification worker may be writing to other chats meanwhile.)
    const chats = ["7108", "-1001234567890", "-4321", "-1009"];
    const made = t.botApi.calls
      .slice(callsBefore)
      .filter((c) => chats.includes(String(c.payload.chat_id)) || c.method === "answerCallbackQuery");
    expect(made).toEqual([]);
    expect(await t.db.processedEvent.count()).toBe(eventsBefore);
    expect(await stateOf(7108)).toBeNull();

    // A body that is not JSON at all is refused as such, and the process goes on.
    expect((await postRaw("{not json", WEBHOOK_SECRET)).status).toBe(400);
    expect(await t.db.processedEvent.count()).toBe(eventsBefore);

    expect(await t.deliver(plain)).toBe(200);
    expect(user.lastText()).toContain("Untuk tanggal berapa");
  });

  it("a user who blocked the bot: the webhook still answers 200 and the process goes on", async () => {
    const nur = t.user(7105);
    await nur.linkTo(DEMO.nurAini);
    await nur.say("/lapor");
    expect(nur.lastText()).toContain("Untuk tanggal berapa");
    t.botApi.blockChat(7105);
    const callsBefore = t.botApi.calls.length;

    expect(await nur.press(/^Hari ini/)).toBe(200);
    expect(await nur.say("/hari_ini")).toBe(200);
    const replies = t.botApi.calls
      .slice(callsBefore)
      .filter((call) => call.method === "sendMessage" && String(call.payload.chat_id) === "7105");
    expect(replies.map((call) => call.response)).toEqual([
      { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    ]);
    // The turns themselves were committed: the dialog moved on to the indicator.
    expect(await stateOf(7105)).toMatchObject({ flow: "r", step: "iki" });

    // Unblocked, the user carries on where the dialog is (the indicator question never arrived).
    t.botApi.unblockChat(7105);
    expect(await nur.say("yang mana?")).toBe(200);
    expect(nur.texts().slice(-2)).toEqual([messages.report.useButtons, messages.report.askIndicator]);
    expect(await nur.press(/^IKI-1\.1/)).toBe(200);
    expect(nur.lastText()).toContain("Apa yang Anda kerjakan");
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it("answers a pressed button in the webhook's answer, after the replies went to the Bot API", async () => {
    const ani = t.user(7106);
    const linked = await t.db.platformAccount.count({ where: { platform: "TELEGRAM", externalId: "7106" } });
    if (linked === 0) await ani.linkTo(DEMO.rizky);
    const own = updatesOf(ani);

    // A typed command: its reply goes over HTTP (a failure there is seen and retried); the answer is empty.
    const post = (update: Update) => postRaw(JSON.stringify(update), WEBHOOK_SECRET);
    const typed = await post(own.text("/lapor"));
    expect(typed.status).toBe(200);
    expect(typed.body).toBe("");
    expect(ani.lastText()).toContain("Untuk tanggal berapa");

    // A pressed button: the next question over HTTP first, then the callback answer as the webhook's answer.
    const pressedAt = t.botApi.calls.length;
    const pressed = await post(own.press(/^Hari ini/));
    expect(pressed.status).toBe(200);
    expect(pressed.contentType).toMatch(/^application\/json/);
    const answer = JSON.parse(pressed.body) as Record<string, unknown>;
    expect(answer).toMatchObject({ method: "answerCallbackQuery", callback_query_id: expect.any(String) });
    const calls = t.botApi.calls.slice(pressedAt);
    expect(calls.map((call) => call.method)).not.toContain("answerCallbackQuery");
    expect(calls.at(-1)?.method).toMatch(/^(sendMessage|editMessageText)$/);
    expect(ani.lastText()).toContain(messages.report.askIndicator);
    await t.botApi.runWebhookAnswer("application/json", JSON.stringify(answer));
    expect(t.botApi.calls.at(-1)).toMatchObject({ method: "answerCallbackQuery", viaWebhookAnswer: true });
    expect(t.botApi.calls.at(-1)?.response.ok).toBe(true);
  });
});
