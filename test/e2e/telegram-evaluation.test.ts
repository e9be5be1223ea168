import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Friday 2 October 2026, 10.00 WIB: triwulan III (1 Jul – 30 Sep) has ended, its rating is open
// (deadline 14 October). The demo organisation is imported at that moment; its supervisor relations
// count from 1 January (the first relation of each person).
let t: TelegramTestApp;
let rina: TelegramTestUser;
let camat: TelegramTestUser;
let dedi: TelegramTestUser;
let budi: TelegramTestUser;
let siti: TelegramTestUser;
let dewi: TelegramTestUser;
const ids: Record<keyof typeof DEMO, string> = {} as Record<keyof typeof DEMO, string>;

const evaluationOf = (key: keyof typeof DEMO, periodCode = "2026-TW3") =>
  t.db.evaluation.findUnique({ where: { personId_periodCode: { personId: ids[key], periodCode } } });

/** Waits for a message to `user` that contains `text`. */
const received = (user: TelegramTestUser, text: string) =>
  t.eventually(async () => user.texts().find((x) => x.includes(text)), `"${text}"`);

/** Rates one person from the board, step by step, skipping notes; feedback typed when given. */
async function rate(
  rater: TelegramTestUser,
  name: string,
  hasil: "Di atas" | "Sesuai" | "Di bawah" | null,
  perilaku: "Di atas" | "Sesuai" | "Di bawah",
  feedback?: string,
): Promise<string> {
  await rater.say("/penilaian_tim");
  await rater.press(new RegExp(`^(Nilai|Ubah) ${name}`));
  if (hasil) await rater.press(hasil);
  await rater.press(perilaku);
  await rater.press("Lanjut");
  if (feedback) await rater.say(feedback);
  else await rater.press("Lewati");
  const summary = rater.lastText();
  await rater.press("Tetapkan");
  return summary;
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-10-02T03:00:00Z" });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  const pelayanan = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
  await t.db.organisationAchievement.create({
    data: { unitId: pelayanan.id, periodCode: "2026-TW3", result: "BAIK" },
  });
  // Budi's approved work in the period (and one in June, before it), against his first IKI.
  const iki = await t.db.iki.findFirstOrThrow({ where: { code: "IKI-1.1", skp: { personId: ids.budi } } });
  for (const [date, quantity] of [
    ["2026-06-10", 40],
    ["2026-09-15", 120],
  ] as const) {
    await t.db.activity.create({
      data: {
        personId: ids.budi,
        date: new Date(`${date}T00:00:00Z`),
        ikiId: iki.id,
        description: "Memutakhirkan data penduduk",
        quantity,
        unitLabel: "data",
        minutes: 300,
        status: "DISETUJUI",
        submittedAt: new Date(`${date}T09:00:00Z`),
      },
    });
  }
  rina = t.user(8201);
  camat = t.user(8202);
  dedi = t.user(8203);
  budi = t.user(8101);
  siti = t.user(8102);
  dewi = t.user(8103);
  await rina.linkTo(DEMO.kasiPelayanan);
  await camat.linkTo(DEMO.camat);
  await dedi.linkTo(DEMO.kasiPemerintahan);
  await budi.linkTo(DEMO.budi);
  await siti.linkTo(DEMO.siti);
  await dewi.linkTo(DEMO.dewi);
});
afterAll(async () => {
  await t.close();
});

describe("the rater's board and the rating on Telegram", () => {
  it("lists the team for the most recent open period, nobody rated yet", async () => {
    await rina.say("/penilaian_tim");
    const board = rina.lastText();
    expect(board).toContain("Penilaian kinerja Triwulan III 2026");
    expect(board).toContain("Budi Santoso — belum dinilai");
    expect(board).toContain("Siti Nurhaliza, S.AP. — belum dinilai");
    expect(board).toContain("Distribusi Seksi Pelayanan Kecamatan Andir (capaian organisasi: Baik)");
    expect(rina.findButton("Nilai Budi Santoso")).toBeDefined();
  });

  it("shows the evidence first, then rates Budi above expectations twice: Sangat Baik after Tetapkan", async () => {
    await rina.press("Nilai Budi Santoso");
    const evidence = rina.texts().slice(-2).join("\n");
    expect(evidence).toContain("IKI-1.1 Data penduduk yang dimutakhirkan");
    // 120 in the period; 160 since 1 January of the 3,000 target.
    expect(evidence).toContain(
      "realisasi periode 120 · s.d. akhir periode 160 dari target 3.000 data (5,3%)",
    );
    expect(evidence).toContain("Menit kerja disetujui: 300");
    expect(evidence).toContain("Bot tidak menilai sendiri");
    expect(await evaluationOf("budi")).toBeNull();
    await rina.press("Di atas");
    await rina.press("Di atas");
    await rina.press("Akuntabel");
    await rina.say("Selalu melaporkan progres dengan bukti yang lengkap.");
    expect(rina.lastText()).toContain("Catatan Akuntabel disimpan");
    await rina.press("Lanjut");
    await rina.press("Lewati");
    const summary = rina.lastText();
    expect(summary).toContain("Predikat: Sangat Baik");
    expect(summary).toContain("• Akuntabel: Selalu melaporkan progres");
    // Nothing saved before Tetapkan.
    expect(await evaluationOf("budi")).toBeNull();
    await rina.press("Tetapkan");
    expect(rina.lastText()).toContain("Penilaian Budi Santoso ditetapkan: predikat Sangat Baik");
    // A second tap on the same button changes nothing and tells nobody again.
    await rina.press("Tetapkan");
    expect(rina.lastText()).toContain("Penilaian Budi Santoso ditetapkan");
    const saved = await evaluationOf("budi");
    expect(saved).toMatchObject({
      ratingHasilKerja: "DI_ATAS",
      ratingPerilaku: "DI_ATAS",
      predikat: "SANGAT_BAIK",
      status: "DINILAI",
      late: false,
      raterId: ids.kasiPelayanan,
      behaviourNotes: { AKUNTABEL: "Selalu melaporkan progres dengan bukti yang lengkap." },
    });
    expect(saved?.objectionUntil.toISOString().slice(0, 10)).toBe("2026-10-16");
  });

  it("tells the employee on their platform: ratings, predikat, until when to object, and the button", async () => {
    const told = await received(budi, "Hasil penilaian kinerja Triwulan III 2026 Anda");
    expect(told).toContain("Predikat: Sangat Baik");
    expect(told).toContain("sampai Jumat, 16 Okt 2026");
    expect(budi.texts().filter((x) => x.includes("Hasil penilaian kinerja")).length).toBe(1);
    expect(await evaluationOf("budi")).toMatchObject({ version: 1 });
    expect(budi.findButton("Ajukan keberatan")).toBeDefined();
  });

  it("requires umpan balik when a rating is below expectations (SESUAI × DI_BAWAH → Kurang/Misconduct)", async () => {
    await rina.say("/penilaian_tim");
    await rina.press(/^Nilai Siti/);
    // A button left on Budi's rating answers nothing in Siti's: it names Budi.
    await rina.pressData(`e:h:DI_ATAS:${ids.budi}`, 1);
    expect(rina.lastText()).toContain("Bagaimana rating hasil kerjanya?");
    await rina.press("Sesuai");
    await rina.press("Di bawah");
    await rina.press("Lanjut");
    expect(rina.lastText()).toContain("Wajib diisi");
    expect(JSON.stringify(rina.last()?.inlineKeyboard ?? [])).not.toContain("Lewati");
    await rina.say("ok");
    expect(rina.lastText()).toContain("Umpan balik wajib diisi");
    await rina.say("Mohon lebih tepat waktu hadir di loket; mari kita bahas jadwalnya minggu depan.");
    expect(rina.lastText()).toContain("Predikat: Kurang/Misconduct");
    await rina.press("Tetapkan");
    expect(await evaluationOf("siti")).toMatchObject({
      predikat: "KURANG_MISCONDUCT",
      feedback: expect.stringContaining("tepat waktu"),
    });
  });

  it("reaches the last row of the matrix (DI_BAWAH × SESUAI → Butuh Perbaikan) and lets the rater change it before any objection", async () => {
    const summary = await rate(
      rina,
      "Dewi",
      "Di bawah",
      "Sesuai",
      "Target pelayanan belum tercapai; saya dampingi tiap Senin.",
    );
    expect(summary).toContain("Predikat: Butuh Perbaikan");
    await received(dewi, "Predikat: Butuh Perbaikan");
    const changed = await rate(
      rina,
      "Dewi",
      "Di bawah",
      "Di bawah",
      "Target pelayanan dan disiplin perlu diperbaiki.",
    );
    expect(changed).toContain("Predikat: Sangat Kurang");
    await received(dewi, "diperbarui oleh Rina Marlina");
    expect(await evaluationOf("dewi")).toMatchObject({ predikat: "SANGAT_KURANG", version: 2 });
    // Back to Butuh Perbaikan for the rest of the story.
    await rate(
      rina,
      "Dewi",
      "Di bawah",
      "Sesuai",
      "Target pelayanan belum tercapai; saya dampingi tiap Senin.",
    );
    expect(await evaluationOf("dewi")).toMatchObject({ predikat: "BUTUH_PERBAIKAN", version: 3 });
  });

  it("warns about the distribution against the unit's pola (capaian Baik needs a Butuh Perbaikan or Kurang)", async () => {
    await rina.say("/penilaian_tim");
    const board = rina.lastText();
    expect(board).toContain("Budi Santoso — dinilai · Sangat Baik");
    expect(board).toContain(
      "Sangat Baik 1 · Baik 0 · Butuh Perbaikan 1 · Kurang/Misconduct 1 · Sangat Kurang 0",
    );
    expect(board).not.toContain("⚠");
  });

  it("gives the unit head the rating hasil kerja of the unit's capaian, shown and not chosen", async () => {
    await camat.say("/penilaian_tim");
    await camat.press(/^Nilai Rina/);
    const shown = camat.texts().slice(-2).join("\n");
    expect(shown).toContain(
      "Sebagai kepala unit, rating hasil kerjanya mengikuti capaian organisasi (Baik): Sesuai ekspektasi.",
    );
    expect(shown).toContain("Bagaimana rating perilaku kerjanya");
    expect(camat.findButton("Di atas")).toBeDefined();
    await camat.press("Di atas");
    await camat.press("Lanjut");
    await camat.press("Lewati");
    expect(camat.lastText()).toContain("Rating hasil kerja: Sesuai ekspektasi");
    expect(camat.lastText()).toContain("Predikat: Baik");
    await camat.press("Tetapkan");
    expect(await evaluationOf("kasiPelayanan")).toMatchObject({
      unitHead: true,
      organisationResult: "BAIK",
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "DI_ATAS",
      predikat: "BAIK",
    });
  });

  it("refuses an objection when nobody is above the rater, naming whom to ask", async () => {
    await received(rina, "Anda dari Drs. Asep Sunandar");
    await rina.press("Ajukan keberatan");
    expect(rina.lastText()).toContain(
      "tidak ada atasan pejabat penilai yang tercatat di atas Drs. Asep Sunandar, M.Si.",
    );
    expect(rina.lastText()).toContain("admin kepegawaian");
    expect(await t.db.objection.count({ where: { evaluation: { personId: ids.kasiPelayanan } } })).toBe(0);
  });

  it("refuses a unit head's rating while the unit has no capaian", async () => {
    await camat.say("/penilaian_tim");
    await camat.press(/^Nilai Dedi/);
    expect(camat.lastText()).toContain("Capaian kinerja organisasi untuk Triwulan III 2026 belum ditetapkan");
    expect(await evaluationOf("kasiPemerintahan")).toBeNull();
  });

  it("refuses and audits a rater of another team, changing nothing", async () => {
    const before = await t.db.auditLog.count({
      where: { action: "evaluation.refused", actorId: ids.kasiPemerintahan },
    });
    await dedi.say("/penilaian_tim");
    await dedi.pressData(`e:rate:${ids.budi}:2026-TW3`, 1);
    expect(dedi.lastText()).toContain("bukan pejabat penilai");
    const after = await t.db.auditLog.count({
      where: { action: "evaluation.refused", actorId: ids.kasiPemerintahan },
    });
    expect(after).toBe(before + 1);
    expect(await evaluationOf("budi")).toMatchObject({ raterId: ids.kasiPelayanan, version: 1 });
  });

  it("does not open a period that has not ended", async () => {
    await rina.say("/penilaian_tim 2026-TW4");
    expect(rina.lastText()).toContain("baru dibuka setelah periode berakhir");
    expect(JSON.stringify(rina.last()?.inlineKeyboard ?? [])).not.toContain("e:rate:");
  });
});

describe("keberatan", () => {
  it("sends Budi's reasons to the rater's own supervisor with everything to judge", async () => {
    await budi.press("Ajukan keberatan");
    expect(budi.lastText()).toContain("Tulis alasan keberatan Anda");
    await budi.say("tidak");
    expect(budi.lastText()).toContain("Alasan keberatan harus 10 sampai 1.000 karakter");
    await budi.say("Pemutakhiran data RW 05 belum dihitung karena berkasnya terlambat divalidasi.");
    expect(budi.lastText()).toContain("Keberatan Anda sudah dikirim ke Drs. Asep Sunandar, M.Si.");
    const request = await received(camat, "Keberatan dari Budi Santoso");
    expect(request).toContain("oleh Rina Marlina, S.Sos.");
    expect(request).toContain("Predikat: Sangat Baik");
    expect(request).toContain("Alasan keberatan: Pemutakhiran data RW 05");
    expect(request).toContain("Ringkasan bukti kinerja periode itu:");
    expect(request).toContain(
      "IKI-1.1: realisasi periode 120, s.d. akhir periode 160 dari 3.000 data (5,3%)",
    );
    expect((await evaluationOf("budi"))?.status).toBe("KEBERATAN");
  });

  it("refuses a second objection to the same result, and the rater can no longer change it", async () => {
    await budi.say("/keberatan");
    expect(budi.lastText()).toContain("hanya dapat diajukan keberatan sekali");
    await budi.press("Ajukan keberatan");
    expect(budi.lastText()).toContain("hanya dapat diajukan keberatan sekali");
    expect(await t.db.objection.count({ where: { evaluation: { personId: ids.budi } } })).toBe(1);
    await rina.say("/penilaian_tim");
    expect(rina.lastText()).toContain("Budi Santoso — keberatan · Sangat Baik");
    expect(JSON.stringify(rina.last()?.inlineKeyboard ?? [])).not.toContain(ids.budi);
  });

  it("refuses and audits a decision by someone other than the rater's supervisor", async () => {
    const objection = await t.db.objection.findFirstOrThrow({
      where: { evaluation: { personId: ids.budi } },
    });
    await rina.pressData(`o:keep:${objection.id}`, 1);
    expect(rina.lastText()).toContain("bukan untuk Anda putuskan");
    expect(
      await t.db.auditLog.count({
        where: { action: "objection.decision-refused", actorId: ids.kasiPelayanan },
      }),
    ).toBe(1);
    expect((await t.db.objection.findUniqueOrThrow({ where: { id: objection.id } })).decision).toBeNull();
  });

  it("changes the result on the camat's decision, final, told to both", async () => {
    await camat.press("Ubah");
    await camat.press("Di atas");
    await camat.press("Sesuai");
    expect(camat.lastText()).toContain("predikat Baik");
    await camat.say("Validasi RW 05 terlambat; hasil kerja tetap di atas ekspektasi, perilaku sesuai.");
    expect(camat.lastText()).toContain("hasil Budi Santoso diubah menjadi Baik");
    expect(await evaluationOf("budi")).toMatchObject({
      predikat: "BAIK",
      ratingPerilaku: "SESUAI",
      status: "FINAL",
    });
    expect(
      (await t.db.objection.findFirstOrThrow({ where: { evaluation: { personId: ids.budi } } })).decision,
    ).toBe("DIUBAH");
    await received(budi, "predikat Anda kini Baik");
    await received(rina, "mengubah hasil penilaian Budi Santoso");
  });

  it("keeps Siti's result when the camat decides so", async () => {
    await siti.press("Ajukan keberatan");
    await siti.say("Saya hadir tepat waktu; keterlambatan karena tugas luar dari kelurahan.");
    await received(camat, "Keberatan dari Siti Nurhaliza");
    await camat.press("Tetapkan");
    await camat.say("Catatan kehadiran menunjukkan keterlambatan berulang di luar tugas luar.");
    expect(camat.lastText()).toContain("hasil Siti Nurhaliza, S.AP. tetap (Kurang/Misconduct)");
    expect(await evaluationOf("siti")).toMatchObject({ predikat: "KURANG_MISCONDUCT", status: "FINAL" });
    await received(siti, "hasil tetap (Kurang/Misconduct)");
    expect(await t.db.auditLog.count({ where: { action: "objection.kept" } })).toBe(1);
  });

  it("lists the employee's own results and shows final ratings in /umpan_balik", async () => {
    await budi.say("/penilaian");
    expect(budi.lastText()).toContain(
      "Triwulan III 2026: Baik (hasil kerja Di atas, perilaku Sesuai) — keberatan: hasil diubah",
    );
    await budi.say("/umpan_balik");
    expect(budi.lastText()).toMatch(/Triwulan III 2026.*Baik/);
  });

  it("refuses a late objection politely, naming whom to ask", async () => {
    t.clock.set("2026-10-17T03:00:00Z");
    await dewi.say("/keberatan");
    expect(dewi.lastText()).toContain("batas waktu keberatan sudah lewat");
    expect(dewi.lastText()).toContain("Rina Marlina, S.Sos.");
    expect(await t.db.objection.count({ where: { evaluation: { personId: ids.dewi } } })).toBe(0);
  });

  it("no longer lets the rater change a result whose 14 days are over", async () => {
    await rina.pressData(`e:rate:${ids.dewi}:2026-TW3`, 1);
    expect(rina.lastText()).toContain("tidak dapat diubah lagi");
    expect(await evaluationOf("dewi")).toMatchObject({ version: 3, predikat: "BUTUH_PERBAIKAN" });
  });

  it("still rates after the deadline, marked late", async () => {
    await dedi.say("/penilaian_tim");
    expect(dedi.lastText()).toContain("Batas penilaian sudah lewat");
    const summary = await rate(dedi, "Agus", "Sesuai", "Sesuai");
    expect(summary).toContain("dicatat terlambat");
    expect(await evaluationOf("agus")).toMatchObject({
      predikat: "BAIK",
      late: true,
      raterId: ids.kasiPemerintahan,
    });
  });
});
