import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

/**
 * The monthly recognition (SPEC section 14) through the real roles: two processes each running web,
 * worker and scheduler (two schedulers at once), the Telegram and Slack stand-ins, a clock moved across
 * the boundary from November to December 2026. Seksi Pemerintahan is moved to WIT (Asia/Jayapura), so
 * its head Dedi (Telegram) is asked at 09:00 WIT = 00:00 UTC on Tuesday 1 December; Seksi Pelayanan
 * stays in WIB, so Rina (Slack) is asked at 09:00 WIB = 02:00 UTC. November's data: Siti reported on 15
 * working days (all approved at once), Budi on 8 (2 after a revision, 2 kudos), Dewi on none; Agus
 * (Pemerintahan) on 5.
 */
let t: TelegramTestApp;
let rina: SlackTestUser;
let dedi: TelegramTestUser;
let siti: TelegramTestUser;
let agus: TelegramTestUser;
const CHANNEL = "C0ANDIRPEL1";
const ids: Record<keyof typeof DEMO, string> = {} as Record<keyof typeof DEMO, string>;

const recognitionRows = () =>
  t.db.reminderDelivery.findMany({
    where: { slot: "penghargaan:2026-11" },
    select: { status: true, date: true, person: { select: { nip: true } } },
    orderBy: { plannedAt: "asc" },
  });

const weekdaysOfNovember = (): string[] => {
  const days: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const date = `2026-11-${String(d).padStart(2, "0")}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date);
  }
  return days;
};

async function approvedReports(
  key: keyof typeof DEMO,
  days: string[],
  quantity: number,
  revised = 0,
): Promise<void> {
  const iki = await t.db.iki.findFirstOrThrow({ where: { code: "IKI-1.1", skp: { personId: ids[key] } } });
  for (const [i, day] of days.entries()) {
    const activity = await t.db.activity.create({
      data: {
        personId: ids[key],
        date: new Date(`${day}T00:00:00Z`),
        ikiId: iki.id,
        description: `Pekerjaan ${key} ${day}`,
        quantity,
        unitLabel: iki.unitLabel,
        minutes: 300,
        status: "DISETUJUI",
        submittedAt: new Date(`${day}T09:00:00Z`),
        decidedAt: new Date(`${day}T10:00:00Z`),
      },
    });
    if (i < revised) {
      await t.db.activityStatusChange.create({
        data: { activityId: activity.id, fromStatus: "DIAJUKAN", toStatus: "REVISI", reason: "Lengkapi" },
      });
    }
  }
}

const headMessages = (user: TelegramTestUser) =>
  t.botApi
    .callsTo("sendMessage")
    .filter((call) => String(call.payload.chat_id) === String(user.userId))
    .filter((call) => String(call.payload.text).startsWith("🏅 Penghargaan bulanan"));

/**
 * Moves the clock and has two schedulers plan at once: the main process restarted and one more process
 * started side by side (a scheduler plans when it starts, then every minute of real time).
 */
async function at(now: string): Promise<void> {
  t.clock.set(now);
  await Promise.all([t.restart(), t.startExtraProcess("web,worker,scheduler")]);
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-27T03:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  dedi = t.user(7601);
  siti = t.user(7602);
  agus = t.user(7603);
  await dedi.linkTo(DEMO.kasiPemerintahan);
  await siti.linkTo(DEMO.siti);
  await agus.linkTo(DEMO.agus);
  rina = t.slackUser("UDEMOKASIPEL");
  await rina.command("bantuan");
  await rina.waitForDm((x) => x.length > 0, "Rina linked on Slack");
  await t.db.unit.update({ where: { code: "KEC-ANDIR-PEM" }, data: { timeZone: "Asia/Jayapura" } });
  await t.db.unit.update({ where: { code: "KEC-ANDIR-PEL" }, data: { slackChannel: CHANNEL } });

  const weekdays = weekdaysOfNovember();
  expect(weekdays).toHaveLength(21);
  await approvedReports("siti", weekdays.slice(0, 15), 10);
  await approvedReports("budi", weekdays.slice(0, 8), 25, 2);
  await approvedReports("agus", weekdays.slice(0, 5), 1);
  for (const text of ["Terima kasih datanya", "Mantap bantuannya"]) {
    await t.db.kudos.create({
      data: { fromId: ids.siti, toId: ids.budi, text, createdAt: new Date("2026-11-10T03:00:00Z") },
    });
  }
  // A kudos of October (31 October, 23.30 WIB) does not count for November.
  await t.db.kudos.create({
    data: { fromId: ids.siti, toId: ids.budi, text: "Oktober", createdAt: new Date("2026-10-31T16:30:00Z") },
  });

  // Monday 30 November, 08.55 WIT / 06.55 WIB: nobody is due yet. Two processes, two schedulers.
  t.clock.set("2026-11-30T23:55:00Z");
  await t.restartWithRoles("web,worker,scheduler");
  await t.startExtraProcess("web,worker,scheduler");
});
afterAll(async () => {
  await t.close();
});

describe("the monthly recognition across the November–December boundary", () => {
  it("asks nobody before 09:00 on the month's first working day", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await recognitionRows()).toEqual([]);
  });

  it("asks the WIT head at 09:00 WIT, the WIB head not before 09:00 WIB", async () => {
    // Tuesday 1 December, 09.05 WIT = 07.05 WIB.
    await at("2026-12-01T00:05:00Z");
    await t.eventually(async () => headMessages(dedi).length > 0, "Dedi's recognition");
    const text = String(headMessages(dedi)[0]!.payload.text);
    expect(text).toContain("Penghargaan bulanan — November 2026, Seksi Pemerintahan Kecamatan Andir");
    expect(text).toContain("bukan predikat");
    expect(text).toContain("1. Agus Firmansyah — skor");
    expect(text).toContain("melapor 5 dari 21 hari kerja");
    expect(text).toContain("5 dari 5 laporan disetujui tanpa revisi");
    // Nur Aini and Rizky reported nothing in November: not suggested.
    expect(text).not.toContain("Nur Aini");
    expect(text).not.toContain("Rizky");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      rina
        .dm()
        .texts()
        .some((x) => x.includes("Penghargaan bulanan")),
    ).toBe(false);
    expect((await recognitionRows()).map((r) => [r.person.nip, r.status])).toEqual([
      [DEMO.kasiPemerintahan, "SENT"],
    ]);

    // 09.05 WIB.
    await at("2026-12-01T02:05:00Z");
    const shown = await rina.waitForDm((x) => x.includes("Penghargaan bulanan"), "Rina's recognition");
    expect(shown).toContain("November 2026, Seksi Pelayanan Kecamatan Andir");
    const sitiAt = shown.indexOf("1. Siti Nurhaliza, S.AP. — skor 61,5 dari 100");
    const budiAt = shown.indexOf("2. Budi Santoso — skor 47,2 dari 100");
    expect(sitiAt).toBeGreaterThan(0);
    expect(budiAt).toBeGreaterThan(sitiAt);
    expect(shown).toContain("capaian output disetujui 50% dari target bulanan");
    expect(shown).toContain("melapor 15 dari 21 hari kerja");
    expect(shown).toContain("6 dari 8 laporan disetujui tanpa revisi");
    expect(shown).toContain("2 apresiasi dari rekan");
    expect(shown).not.toContain("Dewi");
    expect(rina.findButton("☐ Siti Nurhaliza, S.AP.")).toBeTruthy();
    expect(rina.findButton("Lanjut")).toBeTruthy();
  });

  it("sends each head one message, whatever the schedulers, restarts and later days of the window", async () => {
    await t.restart();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Wednesday 2 and Thursday 3 December, 09.05 WIB: still in the catch-up window, already asked.
    for (const now of ["2026-12-02T02:05:00Z", "2026-12-03T02:05:00Z"]) {
      await at(now);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    expect(headMessages(dedi)).toHaveLength(1);
    expect(
      rina
        .dm()
        .texts()
        .filter((x) => x.startsWith("🏅 Penghargaan bulanan")),
    ).toHaveLength(1);
    expect((await recognitionRows()).map((r) => [r.person.nip, r.status, r.date.toISOString()])).toEqual([
      [DEMO.kasiPemerintahan, "SENT", "2026-12-01T00:00:00.000Z"],
      [DEMO.kasiPelayanan, "SENT", "2026-12-01T00:00:00.000Z"],
    ]);
    expect(await t.db.recognition.count()).toBe(2);
  });

  it("Slack: the head marks Siti, writes a note; Siti is congratulated, the channel told, once", async () => {
    await rina.click("☐ Siti Nurhaliza, S.AP.");
    await t.eventually(async () => rina.findButton("✅ Siti Nurhaliza, S.AP."), "marked in place");
    // Marked in place: still one recognition message in the DM.
    expect(
      rina
        .dm()
        .texts()
        .filter((x) => x.startsWith("🏅 Penghargaan bulanan")),
    ).toHaveLength(1);
    const before = t.slack.views.opened.length;
    await rina.click("Lanjut");
    await t.eventually(async () => t.slack.views.opened.length > before, "note modal");
    expect((await rina.submitReason("Pelayanan loket paling tertib bulan ini")).status).toBe(200);
    await rina.waitForDm((x) => x.startsWith("Terima kasih. Ucapan selamat untuk Siti"), "thanks");
    await t.eventually(
      async () => siti.texts().find((x) => x.includes("penghargaan bulanan November 2026")),
      "Siti congratulated",
    );
    const congratulation = siti.texts().find((x) => x.includes("penghargaan bulanan"))!;
    expect(congratulation).toContain("Rina Marlina, S.Sos. memilih Anda");
    expect(congratulation).toContain("“Pelayanan loket paling tertib bulan ini”");
    const announced = await t.eventually(
      async () =>
        t.slack
          .channel(CHANNEL)
          .texts()
          .find((x) => x.includes("selamat kepada")),
      "channel announcement",
    );
    expect(announced).toContain("Penghargaan bulanan Seksi Pelayanan Kecamatan Andir — November 2026");
    expect(announced).toContain("selamat kepada Siti Nurhaliza, S.AP.!");
    const head = rina
      .dm()
      .texts()
      .find((x) => x.startsWith("🏅 Penghargaan bulanan"))!;
    expect(head).toContain("Sudah dijawab: penghargaan untuk Siti Nurhaliza, S.AP.");
    expect(rina.findButton("Lanjut")).toBeUndefined();

    const recognition = await t.db.recognition.findFirstOrThrow({
      where: { unit: { code: "KEC-ANDIR-PEL" } },
      include: { candidates: { orderBy: { rank: "asc" } } },
    });
    expect(recognition.status).toBe("DIPILIH");
    expect(recognition.candidates.map((c) => c.chosen)).toEqual([true, false]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(siti.texts().filter((x) => x.includes("penghargaan bulanan"))).toHaveLength(1);
    expect(
      t.slack
        .channel(CHANNEL)
        .texts()
        .filter((x) => x.includes("selamat kepada")),
    ).toHaveLength(1);
    // Never called a predikat anywhere it is shown.
    for (const text of [congratulation, announced]) expect(text.toLowerCase()).not.toContain("predikat");
  });

  it("Telegram: the head answers none this month with a note; nobody else may answer", async () => {
    const recognition = await t.db.recognition.findFirstOrThrow({
      where: { unit: { code: "KEC-ANDIR-PEM" } },
    });
    // Agus presses the head's button data (as if forwarded): refused, audited, nothing changes.
    await agus.pressData(`g:x:${recognition.id}:1`, 1);
    await t.eventually(async () => agus.lastText().startsWith("Maaf, hanya pimpinan unit"), "refusal");

    await dedi.press("Tidak ada bulan ini");
    expect(dedi.lastText()).toContain("mengapa tidak ada penghargaan");
    await dedi.say("ok");
    expect(dedi.lastText()).toBe("Catatan harus 3 sampai 500 karakter. Silakan tulis lagi.");
    await dedi.say("Bulan depan kita lihat lagi bersama");
    expect(dedi.lastText()).toBe("Terima kasih, jawaban Anda tersimpan.");
    const edited = dedi.texts().find((x) => x.startsWith("🏅 Penghargaan bulanan"))!;
    expect(edited).toContain("Sudah dijawab: tidak ada penghargaan bulan ini.");
    expect(dedi.findButton("Lanjut")).toBeUndefined();

    // The old button data again (a second device): already answered.
    await dedi.pressData(`g:ok:${recognition.id}`, 1);
    expect(dedi.lastText()).toBe("Penghargaan bulan ini sudah dijawab.");
    const after = await t.db.recognition.findUniqueOrThrow({
      where: { id: recognition.id },
      include: { candidates: true },
    });
    expect(after.status).toBe("TIDAK_ADA");
    expect(after.note).toBe("Bulan depan kita lihat lagi bersama");
    expect(after.candidates.every((c) => !c.chosen)).toBe(true);
    expect(
      await t.db.auditLog.count({ where: { action: "recognition.answer-refused", actorId: ids.agus } }),
    ).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(agus.texts().some((x) => x.includes("Selamat"))).toBe(false);
  });
});
