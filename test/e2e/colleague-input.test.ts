import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPeriods } from "../../src/domain/periods.ts";
import { colleagueAggregate, saveColleagueInput } from "../../src/services/colleague-input.ts";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Friday 25 September 2026, 10.00 WIB: triwulan III (and the year) are running. Seksi Pelayanan: Rina (its
// head, on Slack), Siti, Budi and Dewi (on Telegram) are colleagues of one another.
const TW3 =
  defaultPeriods(2026)[2] ??
  (() => {
    throw new Error("no TW3");
  })();
let t: TelegramTestApp;
let siti: TelegramTestUser;
let budi: TelegramTestUser;
let dewi: TelegramTestUser;
let rinaTelegram: TelegramTestUser;
let rina: SlackTestUser;
const ids = {} as Record<keyof typeof DEMO | "newcomer", string>;

/** Gives input step by step on Telegram: colleague, value, rating, then a note or Lewati. */
async function give(user: TelegramTestUser, name: RegExp, value: string, rating: string, note?: string) {
  await user.say("/masukan");
  await user.press(name);
  await user.press(value);
  await user.press(rating);
  if (note) await user.say(note);
  else await user.press("Lewati");
  expect(user.lastText()).toContain("tersimpan tanpa nama");
}

/** The colleagues' part of a text: from its header to the next blank-free section. */
const colleaguePart = (text: string) => {
  const start = text.indexOf("Masukan rekan kerja");
  const end = text.indexOf("Bot tidak menilai sendiri", start);
  return text.slice(start, end === -1 ? undefined : end);
};

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-09-25T03:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
  await t.db.organisationAchievement.create({
    data: { unitId: unit.id, periodCode: "2026-TW3", result: "BAIK" },
  });
  siti = t.user(9201);
  budi = t.user(9202);
  dewi = t.user(9203);
  rinaTelegram = t.user(9204);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  await dewi.linkTo(DEMO.dewi);
  rina = t.slackUser("UDEMOKASIPEL");
});
afterAll(async () => {
  await t.close();
});

describe("/masukan", () => {
  it("offers the colleagues of one's own unit, oneself excluded, supervisors included", async () => {
    await siti.say("/masukan");
    const buttons = (siti.last()?.inlineKeyboard ?? []).flat().map((b) => b.text);
    expect(buttons).toEqual(["Budi Santoso", "Dewi Lestari, A.Md.", "Rina Marlina, S.Sos."]);
    expect(siti.lastText()).toContain("tanpa nama");
  });

  it("saves a value's rating and note under the shortest running period, and replaces it when given again", async () => {
    await give(siti, /^Budi/, "Akuntabel", "Di atas", "Laporannya selalu rapi dan tepat waktu.");
    await give(siti, /^Budi/, "Kolaboratif", "Sesuai");
    await give(siti, /^Budi/, "Kolaboratif", "Di atas");
    const rows = await t.db.colleagueInput.findMany({ where: { giverId: ids.siti, receiverId: ids.budi } });
    expect(rows.map((r) => `${r.periodCode} ${r.coreValue} ${r.rating}`).sort()).toEqual([
      "2026-TW3 AKUNTABEL DI_ATAS",
      "2026-TW3 KOLABORATIF DI_ATAS",
    ]);
  });

  it("refuses input on someone outside one's unit, saving nothing", async () => {
    await siti.pressData(`c:to:${ids.agus}`, 1);
    expect(siti.lastText()).toContain("hanya dapat diberikan untuk rekan kerja di unit Anda");
    expect(await t.db.colleagueInput.count({ where: { receiverId: ids.agus } })).toBe(0);
  });

  it("works on Slack: the note is a one-field modal", async () => {
    await rina.command("masukan");
    await t.eventually(async () => rina.findButton("Budi Santoso"), "colleagues");
    await rina.click("Budi Santoso");
    await t.eventually(async () => rina.findButton("Akuntabel"), "values");
    await rina.click("Akuntabel");
    await t.eventually(async () => rina.findButton("Sesuai"), "ratings");
    const before = t.slack.views.opened.length;
    await rina.click("Sesuai");
    await t.eventually(async () => t.slack.views.opened.length > before, "note modal");
    await rina.submitForm({ note: "Perlu lebih cepat membalas pesan warga." });
    await rina.waitForDm((x) => x.includes("tersimpan tanpa nama"), "saved");
    expect(
      await t.db.colleagueInput.count({ where: { giverId: ids.kasiPelayanan, receiverId: ids.budi } }),
    ).toBe(1);
  });

  it("declines the period's invitation with one tap", async () => {
    await dewi.pressData("c:no:2026-TW3", 1);
    expect(dewi.lastText()).toContain("Baik, terima kasih");
    expect(
      await t.db.colleagueInputDecline.count({ where: { personId: ids.dewi, periodCode: "2026-TW3" } }),
    ).toBe(1);
  });
});

describe("what the rater and the employee see", () => {
  beforeAll(async () => {
    // Dewi (after all) and a new colleague give on Budi; only two colleagues give on Dewi.
    await give(dewi, /^Budi/, "Akuntabel", "Di atas", "Teliti memeriksa berkas.");
    const unitRow = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
    const newcomer = await t.db.person.create({
      data: {
        nip: "199805052024011001",
        nipKind: "PNS",
        name: "Eka Putra",
        position: "Staf",
        unitId: unitRow.id,
      },
    });
    ids.newcomer = newcomer.id;
    await saveColleagueInput(t.db, {
      giverId: newcomer.id,
      receiverId: ids.budi,
      coreValue: "KOLABORATIF",
      rating: "SESUAI",
      note: null,
      now: t.clock.now,
    });
    await give(siti, /^Dewi/, "Harmonis", "Sesuai");
    await give(budi, /^Dewi/, "Harmonis", "Di atas");
    // Five citizens answered the unit's survey in the period, three naming Budi (all 4), two nobody (3 and 2):
    // each unsur's mean (4 + 4 + 4 + 3 + 2) / 5 = 3.4, IKM 3.4 × 25 = 85 (B). Dewi was named once: too few to show.
    const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
    for (const [score, servedById] of [
      [4, ids.budi],
      [4, ids.budi],
      [4, ids.budi],
      [3, ids.dewi],
      [2, null],
    ] as const) {
      await t.db.surveyResponse.create({
        data: {
          unitId: unit.id,
          localDate: new Date("2026-09-20T00:00:00Z"),
          u1: score,
          u2: score,
          u3: score,
          u4: score,
          u5: score,
          u6: score,
          u7: score,
          u8: score,
          u9: score,
          channel: "WEB",
          servedById,
        },
      });
    }
    t.clock.set("2026-10-02T03:00:00Z");
    await rinaTelegram.linkTo(DEMO.kasiPelayanan);
  });

  it("shows the rater the input per value without names once 3 other colleagues gave (not counting the rater's)", async () => {
    await rinaTelegram.say("/penilaian_tim");
    await rinaTelegram.press("Nilai Budi Santoso");
    const part = colleaguePart(rinaTelegram.texts().slice(-2).join("\n"));
    expect(part).toContain("Masukan rekan kerja (3 rekan, tanpa nama; bahan pertimbangan, bukan nilai):");
    // Rina's own "Sesuai" on Akuntabel is left out of her view: she cannot subtract it to isolate another.
    expect(part).toContain("• Akuntabel: di atas 2 · sesuai 0 · di bawah 0");
    expect(part).not.toContain("Perlu lebih cepat membalas pesan warga.");
    expect(part).toContain("• Kolaboratif: di atas 1 · sesuai 1 · di bawah 0");
    expect(part).toContain("“Laporannya selalu rapi dan tepat waktu.”");
    const evidence = rinaTelegram.texts().slice(-2).join("\n");
    expect(evidence).toContain(
      "Survei warga (SKM): IKM Seksi Pelayanan Kecamatan Andir 85, mutu B (5 responden).",
    );
    expect(evidence).toContain("Warga yang dilayani langsung: rata-rata 4 dari 4 (3 responden).");
    for (const name of ["Siti", "Dewi", "Rina", "Marlina", "Nurhaliza", "Lestari", "Eka"])
      expect(part).not.toContain(name);
    await rinaTelegram.say("/batal");
  });

  it("shows nothing for a person with input from only two colleagues", async () => {
    await rinaTelegram.say("/penilaian_tim");
    await rinaTelegram.press(/^Nilai Dewi/);
    const part = colleaguePart(rinaTelegram.texts().slice(-2).join("\n"));
    expect(part).toContain("belum ditampilkan (perlu masukan dari sedikitnya 3 rekan)");
    expect(part).not.toContain("Harmonis");
    await rinaTelegram.say("/batal");
  });

  it("tells the supervisor's team board who has enough input, for the period that ended only", async () => {
    await rinaTelegram.say("/tim");
    const board = rinaTelegram.lastText();
    expect(board).toContain("Suara rekan dan warga — Triwulan III 2026:");
    expect(board).toContain("Masukan rekan (cukup untuk ditampilkan): Budi Santoso (3 rekan)");
    expect(board).toContain("IKM Seksi Pelayanan Kecamatan Andir: 85 (mutu B, 5 responden)");
    expect(board).toContain("Dilayani warga (rata-rata 1–4): Budi Santoso 4 (3)");
    expect(board).not.toContain("Dewi Lestari, A.Md. (");
    // Dewi was named by one citizen only: no average that would tell who answered.
    expect(board).not.toContain("Dewi Lestari, A.Md. 3");
  });

  it("shows the employee their own aggregate in /penilaian once rated", async () => {
    await rinaTelegram.say("/penilaian_tim");
    await rinaTelegram.press("Nilai Budi Santoso");
    await rinaTelegram.press("Di atas");
    await rinaTelegram.press("Sesuai");
    await rinaTelegram.press("Lanjut");
    await rinaTelegram.press("Lewati");
    await rinaTelegram.press("Tetapkan");
    // The result's notification comes from the worker: wait for it, so the next reply is /penilaian's.
    await t.eventually(
      async () => budi.texts().find((x) => x.includes("Hasil penilaian kinerja Triwulan III")),
      "told",
    );
    await budi.say("/penilaian");
    const results = await t.eventually(
      async () => budi.texts().find((x) => x.startsWith("Hasil penilaian kinerja Anda:")),
      "/penilaian",
    );
    expect(results).toContain("Masukan rekan kerja (4 rekan");
    expect(results).toContain("Akuntabel: di atas 2 · sesuai 1");
    expect(results).toContain("Warga yang dilayani langsung: rata-rata 4 dari 4 (3 responden).");
  });

  it("cannot be narrowed down to one giver: swapping who gave what changes nothing in the view", async () => {
    // The same three inputs on two people, given by the same three colleagues in another assignment.
    const givers = [ids.siti, ids.dewi, ids.kasiPelayanan];
    const inputs = [
      { coreValue: "LOYAL", rating: "DI_ATAS", note: "Selalu hadir apel." },
      { coreValue: "LOYAL", rating: "DI_BAWAH", note: null },
      { coreValue: "ADAPTIF", rating: "SESUAI", note: "Cepat belajar aplikasi baru." },
    ] as const;
    const now = new Date("2026-09-20T03:00:00Z");
    for (const [i, giverId] of givers.entries()) {
      const first = inputs[i];
      const second = inputs[(i + 1) % 3];
      if (!first || !second) throw new Error("inputs");
      await saveColleagueInput(t.db, { giverId, receiverId: ids.budi, ...first, now });
      // Budi gives too, so the receivers differ only in who gave what.
      if (giverId !== ids.siti)
        await saveColleagueInput(t.db, { giverId, receiverId: ids.siti, ...second, now });
    }
    await saveColleagueInput(t.db, { giverId: ids.budi, receiverId: ids.siti, ...inputs[1], now });
    const onBudi = await colleagueAggregate(t.db, ids.budi, TW3);
    const onSiti = await colleagueAggregate(t.db, ids.siti, TW3);
    const loyalAndAdaptive = (a: typeof onBudi) =>
      a?.values.filter((v) => v.value === "LOYAL" || v.value === "ADAPTIF");
    expect(onBudi?.givers).toBe(4);
    expect(onSiti?.givers).toBe(3);
    expect(loyalAndAdaptive(onSiti)).toEqual(loyalAndAdaptive(onBudi));
    expect(JSON.stringify(onBudi)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it("a longer period shows only the sum of its shorter periods that may be shown: a lone giver stays hidden", async () => {
    const year = defaultPeriods(2026).find((p) => p.code === "2026-TAHUNAN");
    if (!year) throw new Error("no year");
    const before = await colleagueAggregate(t.db, ids.budi, year);
    expect(before).toEqual(await colleagueAggregate(t.db, ids.budi, TW3));
    // One colleague alone gives in triwulan IV: the year's view must not change, or year − TW3 would be theirs.
    await saveColleagueInput(t.db, {
      giverId: ids.dewi,
      receiverId: ids.budi,
      coreValue: "HARMONIS",
      rating: "DI_BAWAH",
      note: "Sering menyendiri.",
      now: new Date("2026-10-20T03:00:00Z"),
    });
    expect(await t.db.colleagueInput.count({ where: { receiverId: ids.budi, periodCode: "2026-TW4" } })).toBe(
      1,
    );
    expect(await colleagueAggregate(t.db, ids.budi, year)).toEqual(before);
  });
});
