import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import {
  BOT_TOKEN,
  DEMO,
  SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET,
  SLACK_USERS,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
  WEBHOOK_SECRET,
} from "../support/telegram-app.ts";

// SPEC section 16: no message text, name, NIP, e-mail, evidence link or token in the log, at any level,
// platform errors included. The whole run logs at trace into memory; the end looks for every one of them.
const lines: string[] = [];
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: SlackTestUser;
let linkCode = "";

const DESCRIPTION = "Memverifikasi berkas KTP-el warga Kelurahan Ciroyom";
const REASON = "Mohon lampirkan foto berkas yang lebih jelas";

beforeAll(async () => {
  const logger = createLogger("trace", { write: (line: string) => void lines.push(line) });
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true, logger });
  siti = t.user(5001);
  rina = t.slackUser("UDEMOKASIPEL");
});
afterAll(async () => {
  await t.close();
});

describe("an end-to-end run logs no personal data and no secret", () => {
  it("links, reports with a photo, is reviewed on Slack, and meets platform errors on the way", async () => {
    await rina.command("bantuan");
    await rina.waitForDm((x) => x.includes("kinerja-bot membantu"), "help on Slack");
    linkCode = await t.linkCode(DEMO.siti);
    await siti.say(`/start ${linkCode}`);
    expect(siti.lastText()).toContain("sudah tertaut");

    await siti.say("/lapor");
    await siti.press(/^Hari ini/);
    await siti.press(/^IKI-1\.1/);
    await siti.say(DESCRIPTION);
    await siti.say("12");
    await siti.say("08.00-09.30");
    t.botApi.registerFile("photo-ktp-1", Buffer.from("jpeg-bytes"), "image/jpeg");
    await siti.sendPhoto("photo-ktp-1");
    // The review request's first send fails on Slack's side; the queue sends it again.
    t.slack.failNext("chat.postMessage", "internal_error");
    await siti.press("Kirim");
    expect(siti.lastText()).toContain("laporan terkirim");

    const request = await t.eventually(
      async () => rina.findButton("Minta revisi") && rina.dm().texts().at(-1),
      "review request on Slack after a retry",
      20_000,
    );
    const link = /http:\/\/kinerja\.test(\/evidence\/[^\s|>]+)/.exec(request)?.[1];
    expect(link).toBeDefined();

    // Telegram refuses the file once: the evidence route fails, with the GrammyError in the log.
    t.botApi.failNext("getFile", { error_code: 400, description: "Bad Request: wrong file_id" });
    expect((await fetch(`${t.url}${link}`)).status).toBe(500);

    await rina.click("Minta revisi");
    await t.eventually(async () => t.slack.views.opened.at(-1), "reason modal");
    await rina.submitReason(REASON);
    await t.eventually(async () => siti.texts().some((x) => x.includes(REASON)), "revision notice");

    // A reply whose text holds the description fails: grammY's error carries it in `payload`.
    t.botApi.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: can't parse entities: unsupported start tag",
    });
    await siti.say("/hari_ini");

    const log = lines.join("");
    expect(log).toContain("telegram update failed");
    expect(log).toContain("notification failed");
    expect(log).toContain("request failed");
  });

  it("holds none of the names, NIPs, texts, e-mails, links, signatures or tokens", () => {
    const log = lines.join("");
    const forbidden = [
      "Siti Nurhaliza",
      "Rina Marlina",
      ...Object.values(DEMO),
      DESCRIPTION,
      "KTP-el",
      REASON,
      linkCode,
      ...SLACK_USERS.map((u) => u.email),
      ...SLACK_USERS.map((u) => u.email.toLowerCase()),
      "kinerja.test/evidence",
      "sig=",
      BOT_TOKEN,
      BOT_TOKEN.split(":")[1] ?? BOT_TOKEN,
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      WEBHOOK_SECRET,
    ];
    const found = forbidden.filter((secret) => log.includes(secret));
    const evidencePaths = log.match(/\/evidence\/[0-9a-f-]{36}/g) ?? [];
    expect({ found, evidencePaths }).toEqual({ found: [], evidencePaths: [] });
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
