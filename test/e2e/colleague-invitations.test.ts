import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

/**
 * The invitation to give colleagues' input (SPEC section 13) through the real roles: two processes each
 * running web, worker and scheduler, against the Telegram Bot API stand-in. The demo organisation is
 * imported on 15 June 2026; the default period 2026-TW2 ends on Tuesday 30 June, so its last 5 working
 * days start on Wednesday 24 June, when the invitation is due at 10:00 WIB.
 */
const TW2 = "2026-TW2";
let t: TelegramTestApp;
let rina: TelegramTestUser;
let budi: TelegramTestUser;
let siti: TelegramTestUser;
let dedi: TelegramTestUser;
let camat: TelegramTestUser;

const invitationsTo = (user: TelegramTestUser) =>
  t.botApi
    .callsTo("sendMessage")
    .filter((call) => String(call.payload.chat_id) === String(user.userId))
    .filter((call) => JSON.stringify(call.payload.reply_markup ?? {}).includes(`c:start:${TW2}`));

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-06-15T03:00:00Z" });
  rina = t.user(7501);
  budi = t.user(7502);
  siti = t.user(7503);
  dedi = t.user(7504);
  camat = t.user(7505);
  await rina.linkTo(DEMO.kasiPelayanan);
  await budi.linkTo(DEMO.budi);
  await siti.linkTo(DEMO.siti);
  await dedi.linkTo(DEMO.kasiPemerintahan);
  await camat.linkTo(DEMO.camat);
  await t.db.person.update({ where: { nip: DEMO.kasiPemerintahan }, data: { locale: "en" } });
  // Siti already said "Tidak, terima kasih" for this period.
  const sitiId = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.siti } })).id;
  await t.db.colleagueInputDecline.create({ data: { personId: sitiId, periodCode: TW2 } });
  // Wednesday 24 June 2026, 10.05 WIB: two processes with every role, so two schedulers at once.
  t.clock.set("2026-06-24T03:05:00Z");
  await t.restartWithRoles("web,worker,scheduler");
  await t.startExtraProcess("web,worker,scheduler");
});
afterAll(async () => {
  await t.close();
});

describe("the colleagues' invitation through the scheduler and worker roles", () => {
  it("invites each employee with a colleague once, with Beri masukan and Tidak, terima kasih", async () => {
    await t.eventually(async () => rina.findButton("Beri masukan"), "Rina's invitation");
    await t.eventually(async () => budi.findButton("Beri masukan"), "Budi's invitation");
    await t.eventually(async () => dedi.findButton("Give input"), "Dedi's invitation");
    for (const user of [rina, budi]) {
      expect(user.findButton("Beri masukan")?.data).toBe(`c:start:${TW2}`);
      expect(user.findButton("Tidak, terima kasih")?.data).toBe(`c:no:${TW2}`);
      const sent = invitationsTo(user);
      expect(sent).toHaveLength(1);
      expect(String(sent[0]!.payload.text)).toBe(
        "Periode Triwulan II 2026 segera berakhir (Selasa, 30 Jun 2026). Anda dapat memberi masukan untuk hingga 3 rekan kerja di unit Anda — tanpa nama, sebagai bahan pertimbangan atasan. Sukarela.",
      );
    }
    expect(dedi.findButton("Give input")?.data).toBe(`c:start:${TW2}`);
    expect(dedi.findButton("No, thank you")?.data).toBe(`c:no:${TW2}`);
    expect(String(invitationsTo(dedi)[0]!.payload.text)).toContain("The period Triwulan II 2026 ends soon");
    // Siti declined; the camat is alone in his unit.
    expect(invitationsTo(siti)).toEqual([]);
    expect(invitationsTo(camat)).toEqual([]);
  });

  it("sends nothing twice: two schedulers, a restart within the day, the next days of the window", async () => {
    await t.restart();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Thursday 25 and Friday 26 June, 10.05 WIB: still in the window, already invited.
    for (const now of ["2026-06-25T03:05:00Z", "2026-06-26T03:05:00Z"]) {
      t.clock.set(now);
      await t.restart();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    for (const user of [rina, budi, dedi]) expect(invitationsTo(user)).toHaveLength(1);
    for (const user of [siti, camat]) expect(invitationsTo(user)).toEqual([]);
    const rows = await t.db.reminderDelivery.findMany({ where: { slot: `masukan-undangan:${TW2}` } });
    expect(rows.map((r) => [r.status, r.date.toISOString().slice(0, 10)])).toEqual([
      ["SENT", "2026-06-24"],
      ["SENT", "2026-06-24"],
      ["SENT", "2026-06-24"],
    ]);
  });

  it("its buttons reach the colleague-input flow: decline for the period, or choose a colleague", async () => {
    await budi.press("Tidak, terima kasih");
    await t.eventually(async () => budi.lastText().startsWith("Baik, terima kasih"), "Budi's decline");
    const budiId = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } })).id;
    expect(
      await t.db.colleagueInputDecline.findMany({
        where: { personId: budiId },
        select: { periodCode: true },
      }),
    ).toEqual([{ periodCode: TW2 }]);
    await rina.press("Beri masukan");
    await t.eventually(
      async () => rina.lastText().startsWith("Masukan rekan kerja untuk"),
      "Rina's colleagues",
    );
    expect(rina.findButton("Budi Santoso")).toBeTruthy();
  });
});
