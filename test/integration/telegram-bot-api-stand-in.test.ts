import { Api, Bot, GrammyError, InlineKeyboard, InputFile } from "grammy";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  startTelegramBotApi,
  type TelegramBotApiStandIn,
} from "../../adapters/simulator/telegram-bot-api.ts";
import { callbackUpdate, photoUpdate, textUpdate } from "../../adapters/simulator/telegram-updates.ts";

const TOKEN = "123456:stand-in-token";
const USER = 5_550_001;
let standIn: TelegramBotApiStandIn;
let api: Api;

beforeAll(async () => {
  standIn = await startTelegramBotApi({ token: TOKEN });
  api = new Api(TOKEN, { apiRoot: standIn.url });
});
afterEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
});

async function rejection(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(error)}`);
  return error;
}

describe("the Telegram Bot API stand-in", () => {
  it("keeps a chat as the user sees it: sent messages, keyboards and edits", async () => {
    const keyboard = new InlineKeyboard().text("Setujui", "approve:1").text("Tolak", "reject:1");
    const sent = await api.sendMessage(USER, "Laporan <b>hari ini</b>", {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    expect(sent).toMatchObject({
      message_id: 1,
      chat: { id: USER, type: "private" },
      text: "Laporan hari ini",
    });
    expect(sent.from?.id).toBe(123456);
    expect(sent.reply_markup?.inline_keyboard[0]?.[0]).toEqual({
      text: "Setujui",
      callback_data: "approve:1",
    });

    const edited = await api.editMessageText(USER, sent.message_id, "Disetujui ✅");
    expect(edited).toMatchObject({ message_id: 1, text: "Disetujui ✅" });

    const chat = standIn.chat(USER);
    expect(chat.texts()).toEqual(["Disetujui ✅"]);
    const [message] = chat.messages;
    expect(message?.inlineKeyboard).toEqual([]); // editing without reply_markup removes it, as in Telegram
    expect(message?.history.map((version) => version.text)).toEqual(["Laporan hari ini"]);
    expect(message?.sourceText).toBe("Disetujui ✅");

    const unchanged = await rejection(api.editMessageText(USER, sent.message_id, "Disetujui ✅"));
    expect(unchanged.error_code).toBe(400);
    expect(unchanged.description).toMatch(/^Bad Request: message is not modified/);
    const missing = await rejection(api.editMessageText(USER, 99, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");
    expect(standIn.callsTo("editMessageText")).toHaveLength(3);
  });

  it("refuses what Telegram refuses: bad HTML, long callback data", async () => {
    const html = await rejection(api.sendMessage(USER, "skor < 80", { parse_mode: "HTML" }));
    expect(html.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 5',
    );
    const data = await rejection(
      api.sendMessage(USER, "Pilih", { reply_markup: new InlineKeyboard().text("A", "x".repeat(65)) }),
    );
    expect(data.description).toBe("Bad Request: BUTTON_DATA_INVALID");
    expect(standIn.chat(USER).messages).toEqual([]);
  });

  it("answers 429 with retry_after above the rate limit", async () => {
    standIn.setRateLimit(2);
    await api.sendMessage(USER, "satu");
    await api.sendMessage(USER + 1, "dua");
    const error = await rejection(api.sendMessage(USER + 2, "tiga"));
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 1");
    expect(error.parameters.retry_after).toBe(1);
    await api.sendChatAction(USER, "typing"); // not a send that counts
    expect(standIn.stats()).toEqual({ calls: 4, sent: 2, tooManyRequests: 1, failed: 1 });
  });

  it("fails scripted calls and calls to chats that blocked the bot with 403", async () => {
    standIn.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const scripted = await rejection(api.sendMessage(USER, "Pengingat"));
    expect(scripted.error_code).toBe(403);
    expect(scripted.description).toBe("Forbidden: bot was blocked by the user");
    await expect(api.sendMessage(USER, "Pengingat")).resolves.toMatchObject({ text: "Pengingat" });

    standIn.blockChat(USER + 1);
    const blocked = await rejection(api.sendMessage(USER + 1, "Pengingat"));
    expect(blocked.error_code).toBe(403);
    expect(standIn.callsTo("sendMessage").map((call) => call.response.ok)).toEqual([false, true, false]);
  });

  it("serves long polling to a real grammY bot and records its reply", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: standIn.url } });
    bot.command("start", (ctx) => ctx.reply(`Halo, ${ctx.from?.first_name}!`));
    bot.on("callback_query:data", (ctx) =>
      ctx.answerCallbackQuery({ text: `Dipilih: ${ctx.callbackQuery.data}` }),
    );
    const running = bot.start({ timeout: 10 });
    await vi.waitFor(() => expect(standIn.polling).toBe(true));

    const startedAt = Date.now();
    standIn.enqueueUpdate(textUpdate({ updateId: 500, userId: USER, text: "/start", firstName: "Sari" }));
    await vi.waitFor(() => expect(standIn.chat(USER).texts()).toEqual(["Halo, Sari!"]));
    expect(Date.now() - startedAt).toBeLessThan(1000); // the waiting getUpdates woke up at once
    expect(standIn.chat(USER).last()?.messageId).toBe(501); // after the user's message 500

    standIn.enqueueUpdate(callbackUpdate({ updateId: 501, userId: USER, data: "ok", messageId: 501 }));
    await vi.waitFor(() => expect(standIn.callsTo("answerCallbackQuery")).toHaveLength(1));
    expect(standIn.callsTo("answerCallbackQuery")[0]?.payload.text).toBe("Dipilih: ok");

    await bot.stop();
    await running;
    const last = standIn.callsTo("getUpdates").at(-1);
    expect(last?.payload.offset).toBe(502); // stop() confirmed both updates
    expect(standIn.stats().failed).toBe(0); // the poll stop() abandoned is not a 409
  });

  it("terminates a waiting getUpdates with 409 when another poller comes, as Telegram does", async () => {
    const poll = (body: object) =>
      fetch(`${standIn.url}/bot${TOKEN}/getUpdates`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((response) => response.json());
    const first = poll({ timeout: 5 });
    await vi.waitFor(() => expect(standIn.polling).toBe(true));
    const second = poll({ timeout: 5 });
    expect(await first).toMatchObject({ ok: false, error_code: 409 });
    standIn.enqueueUpdate(textUpdate({ updateId: 7, userId: USER, text: "halo" }));
    expect(await second).toMatchObject({ ok: true, result: [{ update_id: 7, message: { text: "halo" } }] });
  });

  it("parses a multipart upload and keeps the file for getFile", async () => {
    const pdf = Buffer.from("%PDF-1.4 laporan kinerja");
    const sent = await api.sendDocument(USER, new InputFile(pdf, "laporan juni.pdf"), {
      caption: "Rekap bulan Juni",
      reply_markup: new InlineKeyboard().text("Unduh ulang", "again"),
    });
    expect(sent.document).toMatchObject({ file_name: "laporan juni.pdf", mime_type: "application/pdf" });
    expect(sent.caption).toBe("Rekap bulan Juni");

    const [call] = standIn.callsTo("sendDocument");
    expect(call?.payload.chat_id).toBe(USER);
    expect(call?.payload.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Unduh ulang", callback_data: "again" }]],
    });
    expect(call?.uploads).toHaveLength(1);
    expect(call?.uploads[0]).toMatchObject({ field: "document", fileName: "laporan juni.pdf" });
    expect(call?.uploads[0]?.bytes.equals(pdf)).toBe(true);

    const file = await api.getFile(sent.document?.file_id ?? "");
    const download = await fetch(`${standIn.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("serves a registered file through getFile and the download URL", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    standIn.registerFile("AgACphoto1", jpeg, "image/jpeg");
    const update = photoUpdate({
      updateId: 1,
      userId: USER,
      fileId: "AgACphoto1",
      fileUniqueId: "AQADphoto1",
    });
    const largest = update.message.photo.at(-1);
    expect(largest?.file_id).toBe("AgACphoto1");

    const file = await api.getFile(largest?.file_id ?? "");
    expect(file).toMatchObject({ file_id: "AgACphoto1", file_size: jpeg.length });
    expect(file.file_path).toMatch(/^photos\/file_\d+\.jpg$/);
    const download = await fetch(`${standIn.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await download.arrayBuffer()).equals(jpeg)).toBe(true);

    const unknown = await rejection(api.getFile("nope"));
    expect(unknown.description).toBe("Bad Request: invalid file_id");
    expect((await fetch(`${standIn.url}/file/bot${TOKEN}/photos/none.jpg`)).status).toBe(404);
  });

  it("answers 401 to another token", async () => {
    const stranger = new Api("999:wrong", { apiRoot: standIn.url });
    const error = await rejection(stranger.getMe());
    expect(error.error_code).toBe(401);
    expect(error.description).toBe("Unauthorized");
    expect(standIn.calls[0]?.token).toBe("999:wrong");
  });

  it("reads form-encoded calls and answers unknown methods with true", async () => {
    const body = new URLSearchParams({
      chat_id: String(USER),
      text: "42",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }),
    });
    const response = await fetch(`${standIn.url}/bot${TOKEN}/sendMessage`, { method: "POST", body });
    expect(await response.json()).toMatchObject({ ok: true, result: { text: "42" } });
    expect(standIn.chat(USER).last()?.inlineKeyboard).toEqual([[{ text: "OK", callback_data: "ok" }]]);

    await expect(api.setChatMenuButton({})).resolves.toBe(true);
    await api.setMyCommands([{ command: "lapor", description: "Laporkan kegiatan" }]);
    await expect(api.getMyCommands()).resolves.toEqual([
      { command: "lapor", description: "Laporkan kegiatan" },
    ]);
    expect(standIn.stats().failed).toBe(0);
  });
});
