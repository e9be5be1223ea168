import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Wednesday 25 November 2026, 14.00 WIB.
let t: TelegramTestApp;
let budi: TelegramTestUser;
let rina: TelegramTestUser;
let dedi: TelegramTestUser;

const reportSomething = (user: TelegramTestUser, description: string, time: string) =>
  user.report({ description, time, quantity: 3 });

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-25T07:00:00Z" });
  budi = t.user(5101);
  rina = t.user(6101);
  dedi = t.user(6102);
  await budi.linkTo(DEMO.budi);
  await rina.linkTo(DEMO.kasiPelayanan);
  await dedi.linkTo(DEMO.kasiPemerintahan);
});
afterAll(async () => {
  await t.close();
});

describe("a report returned for revision is fixed on Telegram and sent again", () => {
  it("asks the supervisor for a reason before returning the report", async () => {
    await reportSomething(budi, "Memutakhirkan data penduduk RW 03", "08.00-10.00");
    await t.eventually(async () => rina.findButton("Minta revisi"), "review request");
    await rina.press("Minta revisi");
    expect(rina.lastText()).toContain("Tuliskan alasan revisi");
    await rina.say("ok");
    expect(rina.lastText()).toContain("Alasan harus 3 sampai 500 karakter");
    await rina.say("Mohon lampirkan daftar RW yang dimutakhirkan");
    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.budi } },
      include: { history: true },
    });
    expect(activity.status).toBe("REVISI");
    expect(activity.history.at(-1)).toMatchObject({
      toStatus: "REVISI",
      reason: "Mohon lampirkan daftar RW yang dimutakhirkan",
    });
    const request = rina
      .chat()
      .visible()
      .find((m) => m.text?.includes("Memutakhirkan data penduduk"));
    expect(request?.text).toContain("Perlu revisi oleh Rina Marlina, S.Sos.");
    expect(request?.text).toContain("Alasan: Mohon lampirkan daftar RW");
  });

  it("tells the employee with the reason and a button to fix it", async () => {
    await t.eventually(async () => budi.findButton("Perbaiki"), "revision notice");
    expect(budi.lastText()).toContain("perlu direvisi");
    expect(budi.lastText()).toContain("Alasan: Mohon lampirkan daftar RW yang dimutakhirkan");
  });

  it("lists the report under /riwayat with its reason", async () => {
    await budi.say("/riwayat");
    expect(budi.lastText()).toContain("Memutakhirkan data penduduk RW 03 · Perlu revisi");
    expect(budi.lastText()).toContain("Alasan: Mohon lampirkan daftar RW");
    expect(budi.findButton("Perbaiki #1")).toBeDefined();
  });

  it("opens the report at its summary, takes the fix and sends it again as DIAJUKAN", async () => {
    await budi.press("Perbaiki");
    expect(budi.lastText()).toContain("Ringkasan laporan");
    await budi.press("Ubah");
    await budi.press("Bukti");
    await budi.say("https://drive.example.com/daftar-rw-03");
    expect(budi.lastText()).toContain("https://drive.example.com/daftar-rw-03");
    await budi.press("Kirim");
    expect(budi.lastText()).toContain("perbaikan terkirim");
    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.budi } },
      include: { history: { orderBy: { at: "asc" } }, evidence: true },
    });
    expect(activity.status).toBe("DIAJUKAN");
    expect(activity.version).toBe(3);
    expect(activity.history.map((h) => `${h.fromStatus}>${h.toStatus}`)).toEqual([
      "null>DIAJUKAN",
      "DIAJUKAN>REVISI",
      "REVISI>DIAJUKAN",
    ]);
    expect(activity.evidence).toMatchObject([
      { kind: "LINK", url: "https://drive.example.com/daftar-rw-03" },
    ]);
    expect(await t.db.activity.count({ where: { person: { nip: DEMO.budi } } })).toBe(1);
  });

  it("sends the supervisor the fixed report; the old message's buttons no longer act", async () => {
    const fixed = await t.eventually(
      async () =>
        rina
          .chat()
          .visible()
          .find((m) => m.text?.includes("diperbaiki dan dikirim ulang")),
      "resubmitted review request",
    );
    expect(fixed.text).toContain("https://drive.example.com/daftar-rw-03");
    const activity = await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.budi } } });
    const changes = await t.db.activityStatusChange.count();
    await rina.pressData(`v:ok:${activity.id}:1`, fixed.messageId - 1);
    expect(await t.db.activityStatusChange.count()).toBe(changes);
    await rina.press("Setujui");
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe("DISETUJUI");
  });

  it("keeps the reason in /umpan_balik", async () => {
    await budi.say("/umpan_balik");
    expect(budi.lastText()).toContain("Umpan balik untuk Anda");
    expect(budi.lastText()).toContain(
      '"Memutakhirkan data penduduk RW 03" Perlu revisi: Mohon lampirkan daftar RW',
    );
  });
});

describe("authority on Telegram", () => {
  it("refuses a supervisor of another section and writes it to the audit log", async () => {
    await reportSomething(budi, "Menanggapi pengaduan warga soal KTP", "10.30-11.30");
    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.budi }, status: "DIAJUKAN" },
    });
    await dedi.pressData(`v:ok:${activity.id}:1`, 1);
    expect(dedi.lastText()).toContain("bukan dari anggota tim Anda");
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe("DIAJUKAN");
    const dediId = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPemerintahan } })).id;
    expect(
      await t.db.auditLog.count({
        where: { action: "activity.decision_refused", entityId: activity.id, actorId: dediId },
      }),
    ).toBe(1);
  });

  it("lets a delegate act for the supervisor during the delegation", async () => {
    const activity = await t.db.activity.findFirstOrThrow({
      where: { person: { nip: DEMO.budi }, status: "DIAJUKAN" },
    });
    const [rinaPerson, dediPerson] = await Promise.all([
      t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } }),
      t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPemerintahan } }),
    ]);
    await t.db.delegation.create({
      data: {
        fromId: rinaPerson.id,
        toId: dediPerson.id,
        validFrom: new Date("2026-11-23T00:00:00Z"),
        validTo: new Date("2026-11-27T00:00:00Z"),
        reason: "Rina cuti",
      },
    });
    await dedi.pressData(`v:ok:${activity.id}:1`, 1);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe("DISETUJUI");
  });
});

describe("declaring an absence with /izin", () => {
  it("saves the range and tells the supervisor", async () => {
    await budi.say("/izin");
    await budi.press("Sakit");
    expect(budi.lastText()).toContain("Mulai tanggal berapa");
    await budi.say("26-11-2026");
    await budi.say("32-11-2026");
    expect(budi.lastText()).toContain("Sampai tanggal berapa");
    expect(budi.texts().at(-2)).toContain("Tanggal tidak terbaca");
    await budi.say("25-11-2026");
    expect(budi.texts().at(-2)).toContain("tidak boleh sebelum tanggal mulai");
    await budi.say("27-11-2026");
    expect(budi.lastText()).toContain(
      "Sakit: Kamis, 26 Nov 2026 s.d. Jumat, 27 Nov 2026 (2 hari kerja). Simpan?",
    );
    await budi.press("Simpan");
    expect(budi.lastText()).toContain("Tersimpan");
    const absence = await t.db.absence.findFirstOrThrow({ where: { person: { nip: DEMO.budi } } });
    expect(absence.kind).toBe("SAKIT");
    expect(absence.startDate.toISOString().slice(0, 10)).toBe("2026-11-26");
    expect(absence.endDate.toISOString().slice(0, 10)).toBe("2026-11-27");
    await t.eventually(
      async () => rina.texts().some((x) => x.includes("Budi Santoso mengajukan Sakit")),
      "absence notice",
    );
  });

  it("refuses an overlapping absence", async () => {
    await budi.say("/izin");
    await budi.press("Cuti");
    await budi.say("27-11-2026");
    await budi.say("30-11-2026");
    expect(budi.texts().at(-2)).toContain("Sudah ada izin pada 26 Nov s.d. 27 Nov");
    expect(await t.db.absence.count({ where: { person: { nip: DEMO.budi } } })).toBe(1);
  });
});
