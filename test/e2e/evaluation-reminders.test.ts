import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

/**
 * The evaluation request and escalation (SPEC section 12) through the real roles: two processes each
 * running web, worker and scheduler, against the Telegram Bot API stand-in. The demo organisation is
 * imported on 15 June 2026; the default period 2026-TW2 ends on Tuesday 30 June, its deadline is
 * Tuesday 14 July.
 */
const TW2 = "2026-TW2";
let t: TelegramTestApp;
let rina: TelegramTestUser;
let dedi: TelegramTestUser;
let camat: TelegramTestUser;

const sendsTo = (user: TelegramTestUser, text: string) =>
  t.botApi
    .callsTo("sendMessage")
    .filter((call) => String(call.payload.chat_id) === String(user.userId))
    .filter((call) => String(call.payload.text).includes(text));

async function personId(nip: string): Promise<string> {
  return (await t.db.person.findUniqueOrThrow({ where: { nip } })).id;
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-06-15T03:00:00Z" });
  rina = t.user(7401);
  dedi = t.user(7402);
  camat = t.user(7403);
  await rina.linkTo(DEMO.kasiPelayanan);
  await dedi.linkTo(DEMO.kasiPemerintahan);
  await t.db.person.update({ where: { nip: DEMO.kasiPemerintahan }, data: { locale: "en" } });
  // Rina has already rated Budi (the rating flow saves such a row).
  await t.db.evaluation.create({
    data: {
      personId: await personId(DEMO.budi),
      raterId: await personId(DEMO.kasiPelayanan),
      periodCode: TW2,
      periodName: "Triwulan II 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-06-30"),
      ratingDeadline: new Date("2026-07-14"),
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "SESUAI",
      predikat: "BAIK",
      ratedAt: new Date("2026-07-01T00:30:00Z"),
      toldOn: new Date("2026-07-01"),
      objectionUntil: new Date("2026-07-15"),
    },
  });
  // Wednesday 1 July 2026, 08.05 WIB: two processes with every role, so two schedulers at once.
  t.clock.set("2026-07-01T01:05:00Z");
  await t.restartWithRoles("web,worker,scheduler");
  await t.startExtraProcess("web,worker,scheduler");
});
afterAll(async () => {
  await t.close();
});

describe("evaluation requests through the scheduler and worker roles", () => {
  it("asks each rater once, the morning after the period ended, with a button to the board", async () => {
    await t.eventually(async () => rina.findButton("Buka penilaian tim"), "Rina's request");
    expect(rina.findButton("Buka penilaian tim")?.data).toBe(`e:board:${TW2}`);
    const request = sendsTo(rina, "Penilaian kinerja");
    expect(request).toHaveLength(1);
    expect(String(request[0]!.payload.text)).toBe(
      "Penilaian kinerja Triwulan II 2026 sudah dibuka. 2 anggota tim Anda menunggu penilaian, dengan batas penilaian Selasa, 14 Jul 2026. Terima kasih atas pendampingan Anda.",
    );
    // Dedi reads English: his three reports are unrated.
    await t.eventually(async () => dedi.findButton("Rate the team"), "Dedi's request");
    expect(dedi.findButton("Rate the team")?.data).toBe(`e:board:${TW2}`);
    expect(dedi.lastText()).toContain("3 members of your team are waiting for your rating");
    // Nothing for the employees, nor for the camat (no linked account).
    expect(t.botApi.chatIds().sort()).toEqual([String(rina.userId), String(dedi.userId)].sort());
  });

  it("sends nothing twice: two schedulers, a restart within the slot, more ticks", async () => {
    await t.restart();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sendsTo(rina, "Penilaian kinerja")).toHaveLength(1);
    expect(sendsTo(dedi, "Performance rating")).toHaveLength(1);
    const rows = await t.db.reminderDelivery.findMany({ where: { slot: `penilaian-buka:${TW2}` } });
    expect(rows.map((r) => [r.status, r.date.toISOString().slice(0, 10)])).toEqual([
      ["SENT", "2026-07-01"],
      ["SENT", "2026-07-01"],
    ]);
  });

  it("opens the rater's board for the period from the request's button", async () => {
    await rina.press("Buka penilaian tim");
    const board = await t.eventually(
      async () => rina.texts().find((x) => x.includes("Budi Santoso —")),
      "Rina's board",
    );
    expect(board).toContain("Triwulan II 2026");
    expect(board).toContain("Siti Nurhaliza, S.AP. — belum dinilai");
  });

  it("tells the raters' own supervisor, the working day after the deadline, who is still unrated", async () => {
    await camat.linkTo(DEMO.camat);
    // Wednesday 15 July, 09.05 WIB; a restart runs the scheduler's start pass at once.
    t.clock.set("2026-07-15T02:05:00Z");
    await t.restart();
    const text = await t.eventually(
      async () => camat.texts().find((x) => x.includes("batas penilaian")),
      "the camat's escalation",
    );
    expect(text).toBe(
      [
        "Sekadar informasi: batas penilaian Triwulan II 2026 (Selasa, 14 Jul 2026) sudah lewat, dan 5 pegawai belum dinilai:",
        "Penilai: Dedi Kurniawan, S.IP.",
        "• Agus Firmansyah",
        "• Nur Aini, S.H.",
        "• Rizky Pratama",
        "Penilai: Rina Marlina, S.Sos.",
        "• Dewi Lestari, A.Md.",
        "• Siti Nurhaliza, S.AP.",
        "Penilaian masih dapat dilakukan (tercatat terlambat). Bila perlu, Anda dapat menyapa pejabat penilainya. Terima kasih.",
      ].join("\n"),
    );
    expect(camat.last()?.inlineKeyboard ?? []).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sendsTo(camat, "batas penilaian")).toHaveLength(1);
  });
});
