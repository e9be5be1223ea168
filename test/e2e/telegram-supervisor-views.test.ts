import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Wednesday 25 November 2026, 10.00 WIB (the demo organisation is seeded at that moment).
let t: TelegramTestApp;
let siti: TelegramTestUser;
let budi: TelegramTestUser;
let dewi: TelegramTestUser;
let agus: TelegramTestUser;
let rina: TelegramTestUser;
let dedi: TelegramTestUser;
let camat: TelegramTestUser;
const ids: Record<keyof typeof DEMO, string> = {} as Record<keyof typeof DEMO, string>;

const report = (user: TelegramTestUser, day: "Hari ini" | "Kemarin", description: string, minutes: number) =>
  user.report({ day, description, time: String(minutes) });

const activityNamed = (description: string) => t.db.activity.findFirstOrThrow({ where: { description } });

/** Waits until `user` has received `n` review requests in all (they arrive through the queue worker). */
const reviewRequests = (user: TelegramTestUser, n: number) =>
  t.eventually(
    async () =>
      user.texts().filter((x) => x.startsWith("Laporan baru menunggu persetujuan Anda")).length >= n,
    `${n} review requests`,
  );

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-25T03:00:00Z" });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  siti = t.user(5201);
  budi = t.user(5202);
  dewi = t.user(5203);
  agus = t.user(5204);
  rina = t.user(6201);
  dedi = t.user(6202);
  camat = t.user(6203);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  await dewi.linkTo(DEMO.dewi);
  await agus.linkTo(DEMO.agus);
  await rina.linkTo(DEMO.kasiPelayanan);
  await dedi.linkTo(DEMO.kasiPemerintahan);
  await camat.linkTo(DEMO.camat);
});
afterAll(async () => {
  await t.close();
});

describe("the approval queue (/antrian)", () => {
  it("lists the team's pending reports by employee (longest waiting first) and by day", async () => {
    await report(budi, "Kemarin", "Memutakhirkan data penduduk RW 03", 60);
    await report(budi, "Kemarin", "Menginput berkas pindah datang", 45);
    await report(budi, "Hari ini", "Merekap pengaduan warga", 30);
    await report(siti, "Hari ini", "Mengarsipkan surat masuk", 40);
    await report(agus, "Hari ini", "Menyusun notulen rapat RW", 50);
    await reviewRequests(rina, 4);

    await rina.say("/antrian");
    const [header, first, second] = rina.texts().slice(-3);
    expect(header).toBe("Antrian persetujuan: 4 laporan dari 2 pegawai (yang terlama di atas).");
    expect(first).toBe(
      [
        "Budi Santoso — 3 laporan menunggu:",
        "",
        "Selasa, 24 Nov 2026:",
        "• Memutakhirkan data penduduk RW 03 — 2 data, 60 menit",
        "• Menginput berkas pindah datang — 2 data, 45 menit",
        "",
        "Rabu, 25 Nov 2026:",
        "• Merekap pengaduan warga — 2 data, 30 menit",
      ].join("\n"),
    );
    expect(second).toContain("Siti Nurhaliza, S.AP. — 1 laporan menunggu:");
    expect(second).toContain("• Mengarsipkan surat masuk");
    expect(rina.texts().join("\n")).not.toContain("notulen rapat RW");
    const [, budiMessage, sitiMessage] = rina.chat().visible().slice(-3);
    expect(budiMessage?.inlineKeyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["Setujui semua 24 Nov (2)", "Tinjau 24 Nov satu per satu"],
      ["Setujui semua 25 Nov (1)", "Tinjau 25 Nov satu per satu"],
    ]);
    expect(sitiMessage?.inlineKeyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["Setujui semua 25 Nov (1)", "Tinjau 25 Nov satu per satu"],
    ]);
    // Button data fits Telegram's 64 bytes.
    const data = rina.findButton("Setujui semua 24 Nov (2)")?.data ?? "";
    expect(data).toBe(`q:day:${ids.budi}:2026-11-24`);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });

  it("approves a whole day after a confirmation, one decision per activity, and tells the employee", async () => {
    await rina.press("Setujui semua 24 Nov (2)");
    expect(rina.lastText()).toBe(
      [
        "Setujui 2 laporan Budi Santoso tanggal Selasa, 24 Nov 2026?",
        "• Memutakhirkan data penduduk RW 03 — 2 data, 60 menit",
        "• Menginput berkas pindah datang — 2 data, 45 menit",
      ].join("\n"),
    );
    const confirmation = rina.chat().last();
    expect(await t.db.activity.count({ where: { status: "DISETUJUI" } })).toBe(0);
    await rina.press("Ya");
    const answered = rina
      .chat()
      .visible()
      .find((m) => m.messageId === confirmation?.messageId);
    expect(answered?.text).toBe(
      "Laporan Budi Santoso tanggal Selasa, 24 Nov 2026: 2 disetujui, 0 sudah diputuskan sebelumnya.",
    );
    expect(answered?.inlineKeyboard.flat().map((b) => b.text)).toEqual(["Buka antrian"]);

    for (const description of ["Memutakhirkan data penduduk RW 03", "Menginput berkas pindah datang"]) {
      const activity = await t.db.activity.findFirstOrThrow({
        where: { description },
        include: { history: { orderBy: { at: "asc" } } },
      });
      expect(activity.status).toBe("DISETUJUI");
      expect(activity.version).toBe(2);
      expect(activity.history.at(-1)).toMatchObject({
        fromStatus: "DIAJUKAN",
        toStatus: "DISETUJUI",
        actorId: ids.kasiPelayanan,
        via: "TELEGRAM",
      });
      expect(
        await t.db.auditLog.count({
          where: { action: "activity.disetujui", entityId: activity.id, actorId: ids.kasiPelayanan },
        }),
      ).toBe(1);
    }
    expect((await activityNamed("Merekap pengaduan warga")).status).toBe("DIAJUKAN");
    await t.eventually(
      async () => budi.texts().filter((x) => x.includes("disetujui atasan")).length === 2,
      "both approvals told to the employee",
    );
    expect(budi.texts().join("\n")).toContain(
      'Laporan Selasa, 24 Nov 2026 "Memutakhirkan data penduduk RW 03" disetujui atasan.',
    );
  });

  it("answers a second tap on Ya as an outdated button and changes nothing", async () => {
    const changes = await t.db.activityStatusChange.count();
    const ya = `q:yes:${ids.budi}:2026-11-24`;
    await rina.pressData(ya, rina.chat().visible().at(-1)?.messageId ?? 1);
    expect(await t.db.activityStatusChange.count()).toBe(changes);
  });

  it("approves only what the confirmation listed when something was decided or submitted meanwhile", async () => {
    await report(budi, "Hari ini", "Memverifikasi berkas KTP-el", 60);
    await reviewRequests(rina, 5);
    await rina.say("/antrian");
    await rina.press("Setujui semua 25 Nov (2)");
    expect(rina.lastText()).toContain("Setujui 2 laporan Budi Santoso tanggal Rabu, 25 Nov 2026?");
    const confirmation = rina.chat().last();

    // Meanwhile Dedi, acting for Rina, approves one of them, and Budi sends one more.
    await t.db.delegation.create({
      data: {
        fromId: ids.kasiPelayanan,
        toId: ids.kasiPemerintahan,
        validFrom: new Date("2026-11-25T00:00:00Z"),
        validTo: new Date("2026-11-25T00:00:00Z"),
        reason: "Rina rapat di kota",
      },
    });
    const decidedElsewhere = await activityNamed("Merekap pengaduan warga");
    await dedi.pressData(`v:ok:${decidedElsewhere.id}:1`, 1);
    expect((await activityNamed("Merekap pengaduan warga")).status).toBe("DISETUJUI");
    await report(budi, "Hari ini", "Mencetak rekap layanan harian", 20);
    await reviewRequests(rina, 6);

    await rina.press("Ya");
    const answered = rina
      .chat()
      .visible()
      .find((m) => m.messageId === confirmation?.messageId);
    expect(answered?.text).toBe(
      "Laporan Budi Santoso tanggal Rabu, 25 Nov 2026: 1 disetujui, 1 sudah diputuskan sebelumnya.",
    );
    expect((await activityNamed("Memverifikasi berkas KTP-el")).status).toBe("DISETUJUI");
    expect((await activityNamed("Mencetak rekap layanan harian")).status).toBe("DIAJUKAN");
    const history = await t.db.activityStatusChange.findMany({
      where: { activityId: decidedElsewhere.id, toStatus: "DISETUJUI" },
    });
    expect(history).toMatchObject([{ actorId: ids.kasiPemerintahan }]);
    await t.db.delegation.deleteMany({});
  });

  it("refuses and audits a queue button for someone outside the team", async () => {
    await dedi.pressData(`q:day:${ids.budi}:2026-11-25`, 1);
    expect(dedi.lastText()).toBe(
      "Maaf, pegawai ini bukan anggota tim Anda, jadi Anda tidak dapat memutuskan laporannya.",
    );
    expect(
      await t.db.auditLog.count({
        where: { action: "queue.refused", actorId: ids.kasiPemerintahan, entityId: ids.budi },
      }),
    ).toBe(1);
    expect((await activityNamed("Mencetak rekap layanan harian")).status).toBe("DIAJUKAN");
  });

  it("says so when nothing is waiting, and when there is nobody to supervise", async () => {
    await camat.say("/antrian");
    expect(camat.lastText()).toBe("Tidak ada laporan yang menunggu persetujuan Anda. Terima kasih!");
    await siti.say("/antrian");
    expect(siti.lastText()).toContain("Saat ini tidak ada pegawai yang Anda bimbing");
    await siti.say("/tim");
    expect(siti.lastText()).toContain("Saat ini tidak ada pegawai yang Anda bimbing");
  });

  it("lists the supervisor commands in /bantuan for supervisors only", async () => {
    await rina.say("/bantuan");
    expect(rina.lastText()).toContain("/antrian — laporan tim yang menunggu persetujuan");
    await siti.say("/bantuan");
    expect(siti.lastText()).not.toContain("/antrian");
  });
});

describe("the team board (/tim)", () => {
  it("shows today per member: reported, not yet, on leave, a unit's holiday, and pending counts", async () => {
    const pem = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEM" } });
    await t.db.holiday.create({
      data: {
        date: new Date("2026-11-25T00:00:00Z"),
        name: "Hari Jadi Seksi Pemerintahan",
        kind: "LIBUR_DAERAH",
        unitId: pem.id,
        scope: pem.id,
      },
    });
    await t.db.absence.create({
      data: {
        personId: ids.dewi,
        kind: "CUTI",
        startDate: new Date("2026-11-24T00:00:00Z"),
        endDate: new Date("2026-11-26T00:00:00Z"),
      },
    });
    // Dedi hands his team to Rina today: his unit has the holiday.
    await t.db.delegation.create({
      data: {
        fromId: ids.kasiPemerintahan,
        toId: ids.kasiPelayanan,
        validFrom: new Date("2026-11-25T00:00:00Z"),
        validTo: new Date("2026-11-27T00:00:00Z"),
      },
    });
    await rina.say("/tim");
    expect(rina.lastText()).toBe(
      [
        "Tim Anda hari ini, Rabu, 25 Nov 2026:",
        "Sudah lapor 3 · Belum lapor 0 · Izin/cuti 1 · Libur 2",
        "Menunggu persetujuan Anda: 3 laporan.",
        "",
        "• Agus Firmansyah — sudah lapor: 1 kegiatan, 50 menit · libur: Hari Jadi Seksi Pemerintahan · menunggu persetujuan 1 · delegasi dari Dedi Kurniawan, S.IP.",
        "• Budi Santoso — sudah lapor: 3 kegiatan, 110 menit · menunggu persetujuan 1",
        "• Dewi Lestari, A.Md. — izin: Cuti",
        "• Nur Aini, S.H. — libur: Hari Jadi Seksi Pemerintahan · delegasi dari Dedi Kurniawan, S.IP.",
        "• Rizky Pratama — libur: Hari Jadi Seksi Pemerintahan · delegasi dari Dedi Kurniawan, S.IP.",
        "• Siti Nurhaliza, S.AP. — sudah lapor: 1 kegiatan, 40 menit · menunggu persetujuan 1",
      ].join("\n"),
    );
    expect(
      rina
        .chat()
        .last()
        ?.inlineKeyboard.flat()
        .map((b) => b.text),
    ).toEqual(["Antrian (3)", "Beri umpan balik"]);
    await t.db.delegation.deleteMany({});
  });

  it("shows the camat the section heads: one on a unit holiday, one not reported yet", async () => {
    await camat.say("/tim");
    expect(camat.lastText()).toContain("Sudah lapor 0 · Belum lapor 1 · Izin/cuti 0 · Libur 1");
    expect(camat.lastText()).toContain("• Dedi Kurniawan, S.IP. — libur: Hari Jadi Seksi Pemerintahan");
    expect(camat.lastText()).toContain("• Rina Marlina, S.Sos. — belum lapor");
  });
});

describe("feedback to a team member (/umpan_balik_tim)", () => {
  it("asks for the person with buttons, then for the text, and delivers it to the employee", async () => {
    await rina.say("/umpan_balik_tim");
    expect(rina.lastText()).toBe("Untuk siapa umpan balik ini? Pilih anggota tim:");
    expect(
      rina
        .chat()
        .last()
        ?.inlineKeyboard.flat()
        .map((b) => b.text),
    ).toEqual(["Budi Santoso", "Dewi Lestari, A.Md.", "Siti Nurhaliza, S.AP."]);
    await rina.press("Budi Santoso");
    expect(rina.lastText()).toContain("Tulis umpan balik untuk Budi Santoso (3–1000 karakter)");
    await rina.say("ok");
    expect(rina.lastText()).toBe("Umpan balik harus 3 sampai 1000 karakter.");
    await rina.say("Terima kasih, laporan pemutakhiran datanya rapi dan lengkap.");
    expect(rina.lastText()).toBe("Terima kasih, umpan balik untuk Budi Santoso sudah terkirim.");

    const saved = await t.db.feedback.findFirstOrThrow({ where: { toId: ids.budi } });
    expect(saved).toMatchObject({
      fromId: ids.kasiPelayanan,
      text: "Terima kasih, laporan pemutakhiran datanya rapi dan lengkap.",
      readAt: null,
    });
    expect(await t.db.auditLog.count({ where: { action: "feedback.given", entityId: saved.id } })).toBe(1);
    await t.eventually(
      async () => budi.texts().some((x) => x.startsWith("Umpan balik dari Rina Marlina, S.Sos.:")),
      "feedback delivered",
    );
    const delivered = budi.texts().find((x) => x.startsWith("Umpan balik dari Rina Marlina"));
    expect(delivered).toBe(
      "Umpan balik dari Rina Marlina, S.Sos.:\nTerima kasih, laporan pemutakhiran datanya rapi dan lengkap.",
    );
    await budi.press("Lihat semua umpan balik");
    expect(budi.lastText()).toContain(
      "Rina Marlina, S.Sos.: Terima kasih, laporan pemutakhiran datanya rapi",
    );
  });

  it("takes the employee by NIP (printed with spaces) or by name in the command itself", async () => {
    await rina.say("/umpan_balik_tim 19900214 201503 2 001 Arsip suratnya sangat tertib, terima kasih.");
    expect(rina.lastText()).toBe("Terima kasih, umpan balik untuk Siti Nurhaliza, S.AP. sudah terkirim.");
    await rina.say("/umpan_balik_tim dewi lestari Semoga cutinya menyenangkan.");
    expect(rina.lastText()).toBe("Terima kasih, umpan balik untuk Dewi Lestari, A.Md. sudah terkirim.");
    expect(await t.db.feedback.findFirst({ where: { toId: ids.dewi } })).toMatchObject({
      text: "Semoga cutinya menyenangkan.",
    });
    await t.eventually(
      async () => siti.texts().some((x) => x.includes("Arsip suratnya sangat tertib")),
      "feedback to Siti delivered",
    );
    await rina.say("/umpan_balik_tim Joko Bagus sekali");
    expect(rina.lastText()).toContain('Pegawai "Joko" tidak ditemukan di tim Anda');
  });

  it("refuses feedback to someone outside the team, in words and in the audit log", async () => {
    const before = await t.db.feedback.count();
    await dedi.say(`/umpan_balik_tim ${DEMO.siti} Tolong bantu seksi kami besok.`);
    expect(dedi.lastText()).toBe(
      "Maaf, pegawai itu bukan anggota tim Anda, jadi Anda tidak dapat mengirim umpan balik kepadanya melalui bot ini.",
    );
    await dedi.pressData(`f:to:${ids.budi}`, 1);
    expect(dedi.lastText()).toContain("bukan anggota tim Anda");
    expect(await t.db.feedback.count()).toBe(before);
    expect(
      await t.db.auditLog.findMany({
        where: { action: "feedback.refused", actorId: ids.kasiPemerintahan },
        select: { entityId: true, via: true },
        orderBy: { at: "asc" },
      }),
    ).toEqual([
      { entityId: ids.siti, via: "TELEGRAM" },
      { entityId: ids.budi, via: "TELEGRAM" },
    ]);
    // Dedi's refused attempt left no dialog open: a plain text is not taken as feedback.
    await dedi.say("Ini bukan umpan balik");
    expect(await t.db.feedback.count()).toBe(before);
  });
});

describe("reviewing a day one by one from the queue", () => {
  it("sends the day's reports as review messages whose buttons decide as usual", async () => {
    await rina.say("/antrian");
    // Both have waited since 25 Nov; Siti's report came first.
    const [, sitiMessage, budiMessage] = rina.chat().visible().slice(-3);
    expect(sitiMessage?.text).toContain("Siti Nurhaliza, S.AP. — 1 laporan menunggu:");
    expect(budiMessage?.text).toContain("Budi Santoso — 1 laporan menunggu:");
    const button = sitiMessage?.inlineKeyboard.flat().find((b) => b.text === "Tinjau 25 Nov satu per satu");
    expect(button && "callback_data" in button ? button.callback_data : "").toBe(
      `q:one:${ids.siti}:2026-11-25`,
    );
    await rina.pressData(`q:one:${ids.siti}:2026-11-25`, sitiMessage?.messageId ?? 1);
    expect(rina.lastText()).toContain("• Uraian: Mengarsipkan surat masuk");
    await rina.press("Setujui");
    expect((await activityNamed("Mengarsipkan surat masuk")).status).toBe("DISETUJUI");
    expect(rina.lastText()).toContain("Disetujui oleh Rina Marlina, S.Sos.");
  });

  it("speaks English to a supervisor who chose it", async () => {
    await rina.say("/bahasa en");
    await rina.say("/antrian");
    expect(rina.texts().slice(-2)).toEqual([
      "Approval queue: 1 report from 1 employee (longest waiting first).",
      [
        "Budi Santoso — 1 report waiting:",
        "",
        "Wednesday, 25 Nov 2026:",
        "• Mencetak rekap layanan harian — 2 data, 20 min",
      ].join("\n"),
    ]);
    await rina.press("Approve all 25 Nov (1)");
    expect(rina.lastText()).toContain("Approve 1 report of Budi Santoso for Wednesday, 25 Nov 2026?");
    await rina.press("Cancel");
    expect(rina.lastText()).toBe("OK, nothing was approved.");
    expect((await activityNamed("Mencetak rekap layanan harian")).status).toBe("DIAJUKAN");
  });
});
