import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. Rina reviews on Slack; the camat, to whom she delegated her team
// for the month, reviews on Telegram: both receive each of Siti's reports.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let camat: TelegramTestUser;
let rina: SlackTestUser;

const editsOf = (chatId: number, messageId: number) =>
  t.botApi
    .callsTo("editMessageText")
    .filter((c) => Number(c.payload.chat_id) === chatId && Number(c.payload.message_id) === messageId);

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  siti = t.user(7201);
  camat = t.user(7202);
  await siti.linkTo(DEMO.siti);
  await camat.linkTo(DEMO.camat);
  rina = t.slackUser("UDEMOKASIPEL");
  await rina.command("bantuan");
  const [from, to] = await Promise.all([
    t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } }),
    t.db.person.findUniqueOrThrow({ where: { nip: DEMO.camat } }),
  ]);
  await t.db.delegation.create({
    data: {
      fromId: from.id,
      toId: to.id,
      validFrom: new Date("2026-11-01T00:00:00Z"),
      validTo: new Date("2026-11-30T00:00:00Z"),
    },
  });
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe("one decision, every platform", () => {
  it("a decision on Slack updates the review request already sent on Telegram", async () => {
    const id = await siti.report({ description: "Memeriksa berkas pindah datang", time: "40" });
    await t.eventually(async () => rina.findButton("Setujui"), "review request on Slack");
    const onTelegram = await t.eventually(
      async () => camat.findButton("Setujui"),
      "review request on Telegram",
    );
    expect(onTelegram.data).toBe(`v:ok:${id}:1`);

    await rina.click("Setujui");
    const edit = await t.eventually(
      async () => editsOf(7202, onTelegram.messageId)[0],
      "the Telegram message updated",
    );
    expect(String(edit.payload.text)).toContain("Disetujui oleh Rina Marlina, S.Sos.");
    expect(JSON.stringify(edit.payload.reply_markup ?? {})).not.toContain("v:ok:");
    const rows = await t.db.reviewMessage.findMany({ where: { activityId: id } });
    expect(rows.map((r) => r.platform).sort()).toEqual(["SLACK", "TELEGRAM"]);
  });

  it("a decision on Telegram updates the review request already sent on Slack", async () => {
    const id = await siti.report({ description: "Mengecek data penduduk rentan", time: "35" });
    const onSlack = await t.eventually(
      async () =>
        rina.findButton("Tolak") && rina.dm().messages.find((m) => m.text.includes("penduduk rentan")),
      "review request on Slack",
    );
    await t.eventually(async () => camat.findButton("Setujui"), "review request on Telegram");
    await camat.press("Setujui");
    await t.eventually(
      async () => (await t.db.activity.findUniqueOrThrow({ where: { id } })).status === "DISETUJUI",
      "approved",
    );
    const update = await t.eventually(
      async () => t.slack.callsTo("chat.update").find((c) => String(c.payload.ts) === onSlack.ts),
      "the Slack message updated",
    );
    expect(String(update.payload.text)).toContain("Disetujui oleh");
  });
});
