import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 14.00 WIB. Siti, Budi and Dewi (Seksi Pelayanan, on Telegram), Rina their head (Slack).
let t: TelegramTestApp;
let siti: TelegramTestUser;
let budi: TelegramTestUser;
let rina: SlackTestUser;
const ids = {} as Record<keyof typeof DEMO, string>;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T07:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  siti = t.user(9301);
  budi = t.user(9302);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  rina = t.slackUser("UDEMOKASIPEL");
});
afterAll(async () => {
  await t.close();
});

describe("kudos (/apresiasi)", () => {
  it("offers one's unit, supervisor and staff, and delivers the thanks once with the sender's name", async () => {
    await siti.say("/apresiasi");
    const names = (siti.last()?.inlineKeyboard ?? []).flat().map((b) => b.text);
    expect(names).toEqual(["Budi Santoso", "Dewi Lestari, A.Md.", "Rina Marlina, S.Sos."]);
    await siti.press("Budi Santoso");
    await siti.say("ok");
    expect(siti.lastText()).toContain("Ucapan harus 3 sampai 500 karakter");
    await siti.say("Terima kasih sudah membantu merapikan arsip kemarin!");
    expect(siti.lastText()).toContain("Apresiasi Anda untuk Budi Santoso sudah terkirim");
    await t.eventually(
      async () => budi.texts().find((x) => x.includes("mengucapkan terima kasih")),
      "delivered",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const received = budi.texts().filter((x) => x.includes("mengucapkan terima kasih"));
    expect(received).toEqual([
      "Siti Nurhaliza, S.AP. mengucapkan terima kasih kepada Anda:\n“Terima kasih sudah membantu merapikan arsip kemarin!”",
    ]);
  });

  it("takes the person and the text typed after the command", async () => {
    await siti.say("/apresiasi Dewi Terima kasih sudah menggantikan saya di loket.");
    expect(siti.lastText()).toContain("Apresiasi Anda untuk Dewi Lestari, A.Md. sudah terkirim");
    expect(await t.db.kudos.count({ where: { toId: ids.dewi, fromId: ids.siti } })).toBe(1);
  });

  it("refuses someone outside one's unit, supervisor and staff", async () => {
    await siti.say(`/apresiasi ${DEMO.agus} Terima kasih banyak atas bantuannya.`);
    expect(siti.lastText()).toContain("apresiasi hanya untuk rekan di unit Anda");
    expect(await t.db.kudos.count({ where: { toId: ids.agus } })).toBe(0);
  });

  it("counts the kudos received and shows them in /umpan_balik", async () => {
    await budi.say("/umpan_balik");
    expect(budi.lastText()).toContain("apresiasi dari Siti Nurhaliza, S.AP.: Terima kasih sudah membantu");
    expect(budi.lastText()).toContain("Apresiasi yang Anda terima tahun 2026: 1.");
  });

  it("works on Slack with a mention: Rina thanks her own supervisor, who gets it in Slack", async () => {
    // Slack escapes what was typed (`&` arrives as `&amp;`); the kudos keeps the words as typed.
    await rina.command("apresiasi <@UDEMOCAMAT|asep> Terima kasih atas arahan & dukungannya minggu ini.");
    await rina.waitForDm(
      (x) => x.includes("Apresiasi Anda untuk Drs. Asep Sunandar, M.Si. sudah terkirim"),
      "sent",
    );
    const camat = t.slackUser("UDEMOCAMAT");
    await camat.waitForDm((x) => x.includes("Rina Marlina, S.Sos. mengucapkan terima kasih"), "camat told");
    const saved = await t.db.kudos.findFirstOrThrow({
      where: { toId: ids.camat, fromId: ids.kasiPelayanan },
    });
    expect(saved.text).toBe("Terima kasih atas arahan & dukungannya minggu ini.");
  });
});
