import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB: a working day in Kecamatan Andir.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: TelegramTestUser;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  siti = t.user(5001);
  rina = t.user(6001);
  await rina.linkTo(DEMO.kasiPelayanan);
});
afterAll(async () => {
  await t.close();
});

describe("an employee reports on Telegram and the supervisor approves on Telegram", () => {
  it("registers the command menu in Indonesian and English at start", () => {
    const menus = t.botApi.callsTo("setMyCommands");
    expect(menus).toHaveLength(2);
    const commands = (menus[0]!.payload as { commands: { command: string }[] }).commands.map(
      (c) => c.command,
    );
    expect(commands).toEqual([
      "start",
      "lapor",
      "hari_ini",
      "riwayat",
      "target",
      "rekap",
      "umpan_balik",
      "izin",
      "penilaian",
      "keberatan",
      "masukan",
      "apresiasi",
      "pelatihan",
      "bahasa",
      "bantuan",
      "batal",
    ]);
    expect((menus[1]!.payload as { language_code?: string }).language_code).toBe("en");
    expect(t.botApi.webhook?.url).toBe("http://kinerja.test/telegram/webhook");
  });

  it("links the account with /start and a code", async () => {
    const code = await t.linkCode(DEMO.siti);
    expect(await siti.say(`/start ${code.toLowerCase()}`)).toBe(200);
    expect(siti.lastText()).toContain("Siti Nurhaliza, S.AP.");
    expect(siti.lastText()).toContain("sudah tertaut");
    const account = await t.db.platformAccount.findFirst({
      where: { externalId: "5001" },
      include: { person: true },
    });
    expect(account?.person.nip).toBe(DEMO.siti);
  });

  it("walks /lapor one question at a time to DIAJUKAN and notifies the supervisor", async () => {
    await siti.say("/lapor");
    expect(siti.lastText()).toContain("Untuk tanggal berapa");
    await siti.press(/^Hari ini/);
    expect(siti.lastText()).toContain("indikator (IKI)");
    expect(siti.findButton(/^IKI-1\.1 Dokumen administrasi/)).toBeDefined();
    expect(siti.findButton("Tugas lain")).toBeDefined();
    await siti.press(/^IKI-1\.1/);
    expect(siti.lastText()).toContain("Apa yang Anda kerjakan");
    await siti.say("Memverifikasi berkas KTP-el warga Kelurahan Ciroyom");
    expect(siti.lastText()).toContain("dalam dokumen");
    await siti.say("12");
    expect(siti.lastText()).toContain("Berapa lama");
    await siti.say("08.00-09.30");
    expect(siti.lastText()).toContain("bukti dukung");
    t.botApi.registerFile("photo-ktp-1", Buffer.from("jpeg-bytes"), "image/jpeg");
    await siti.sendPhoto("photo-ktp-1");
    const summary = siti.lastText();
    expect(summary).toContain("Ringkasan laporan");
    expect(summary).toContain("Selasa, 24 Nov 2026");
    expect(summary).toContain("IKI-1.1 Dokumen administrasi kependudukan yang diproses");
    expect(summary).toContain("12 dokumen");
    expect(summary).toContain("90 menit (08.00–09.30)");
    expect(summary).toContain("foto");
    await siti.press("Kirim");
    expect(siti.lastText()).toContain("laporan terkirim");
    expect(siti.lastText()).toContain("90 dari 450 menit");

    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.siti } },
      include: { evidence: true, history: true, iki: true },
    });
    expect(activity).toMatchObject({
      status: "DIAJUKAN",
      description: "Memverifikasi berkas KTP-el warga Kelurahan Ciroyom",
      quantity: 12,
      unitLabel: "dokumen",
      minutes: 90,
      startMinute: 480,
      endMinute: 570,
      source: "TELEGRAM",
      onNonWorkingDay: false,
    });
    expect(activity.date.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(activity.iki?.code).toBe("IKI-1.1");
    expect(activity.evidence).toMatchObject([{ kind: "PHOTO", fileId: "photo-ktp-1", platform: "TELEGRAM" }]);
    expect(activity.history).toMatchObject([{ fromStatus: null, toStatus: "DIAJUKAN" }]);

    // The worker sends the review request to the supervisor, who only has Telegram.
    const request = await t.eventually(
      async () => rina.findButton("Setujui") && rina.last(),
      "review request",
    );
    expect(request.text).toContain("Laporan baru menunggu persetujuan Anda");
    expect(request.text).toContain("Pegawai: Siti Nurhaliza, S.AP.");
    expect(request.text).toContain("Hasil: 12 dokumen");
    expect(request.text).toContain("Waktu: 90 menit (08.00–09.30)");
    expect(request.text).toMatch(/foto: http:\/\/kinerja\.test\/evidence\/[0-9a-f-]{36}\?exp=\d+&sig=/);
    expect(request.text).not.toContain("7000000001:");
    expect(rina.findButton("Minta revisi")).toBeDefined();
    expect(rina.findButton("Tolak")).toBeDefined();
  });

  it("serves the photo through the product's signed link, and refuses a tampered one", async () => {
    const link = /http:\/\/kinerja\.test(\/evidence\/\S+)/.exec(rina.lastText())![1]!;
    const ok = await fetch(`${t.url}${link}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toBe("jpeg-bytes");
    const tampered = await fetch(
      `${t.url}${link.replace(/sig=(.)/, (_, c: string) => `sig=${c === "A" ? "B" : "A"}`)}`,
    );
    expect(tampered.status).toBe(403);
  });

  it("approves with one tap: the message is updated in place and the employee is told", async () => {
    await rina.press("Setujui");
    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.siti } },
      include: { history: true },
    });
    expect(activity.status).toBe("DISETUJUI");
    const rinaId = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } })).id;
    expect(activity.history.map((h) => [h.fromStatus, h.toStatus, h.actorId])).toEqual([
      [null, "DIAJUKAN", activity.personId],
      ["DIAJUKAN", "DISETUJUI", rinaId],
    ]);
    expect(rina.lastText()).toContain("Disetujui oleh Rina Marlina, S.Sos.");
    expect(rina.last()?.inlineKeyboard).toEqual([]);
    const answers = t.botApi.callsTo("answerCallbackQuery");
    expect(answers.at(-1)?.payload).toMatchObject({ text: "Tersimpan." });
    await t.eventually(async () => siti.lastText().includes("disetujui atasan"), "approval notice");
    expect(
      await t.db.auditLog.count({ where: { action: "activity.disetujui", entityId: activity.id } }),
    ).toBe(1);
  });

  it("shows today's report and the progress against the SKP target", async () => {
    await siti.say("/hari_ini");
    expect(siti.lastText()).toContain("Memverifikasi berkas KTP-el");
    expect(siti.lastText()).toContain("Disetujui");
    expect(siti.lastText()).toContain("Total: 90 dari 450 menit.");
    await siti.say("/target");
    // The text, then the same progress as a chart (a photo).
    expect(siti.last()?.kind).toBe("photo");
    const target = siti.texts().at(-2) ?? "";
    expect(target).toContain("Capaian SKP 2026:");
    expect(target).toContain("Disetujui 12 dari 1.500 dokumen (0,8%)");
    expect(target).toContain("Menit kerja bulan ini (disetujui): 90 dari");
  });

  it("a second tap on the decided message changes nothing and says who decided", async () => {
    const before = await t.db.activityStatusChange.count();
    const message = rina.last()!;
    const activity = await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.siti } } });
    await rina.pressData(`v:no:${activity.id}:1`, message.messageId);
    expect(await t.db.activityStatusChange.count()).toBe(before);
    const answer = t.botApi.callsTo("answerCallbackQuery").at(-1)?.payload as { text?: string };
    expect(answer.text).toContain("sudah diputuskan: Disetujui oleh Rina Marlina");
  });
});
