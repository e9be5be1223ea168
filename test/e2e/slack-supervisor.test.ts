import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appHomeOpened, eventCallback, eventRequest } from "../../adapters/simulator/slack-requests.ts";
import {
  DEMO,
  SLACK_SIGNING_SECRET,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
} from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 14.00 WIB.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let budi: TelegramTestUser;
let rina: SlackTestUser;

const report = (user: TelegramTestUser, description: string, time: string) =>
  user.report({ description, time });

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T07:00:00Z", slack: true });
  siti = t.user(7101);
  budi = t.user(7102);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  rina = t.slackUser("UDEMOKASIPEL");
  await rina.command("bantuan");
  await t.eventually(
    async () => t.db.platformAccount.findFirst({ where: { externalId: "UDEMOKASIPEL" } }),
    "rina linked",
  );
});
afterAll(async () => {
  await t.close();
});

describe("the supervisor's views on Slack", () => {
  it("publishes the team board on App Home when it is opened", async () => {
    const body = eventCallback(appHomeOpened({ userId: "UDEMOKASIPEL" }));
    const ack = await rina.post(
      eventRequest(SLACK_SIGNING_SECRET, body, { timestamp: Math.floor(t.clock.now.getTime() / 1000) }),
    );
    expect(ack.status).toBe(200);
    const home = await t.eventually(async () => t.slack.views.published.get("UDEMOKASIPEL"), "App Home");
    const text = JSON.stringify(home.view.blocks);
    expect(text).toContain("Tim Anda hari ini");
    expect(text).toContain("Siti Nurhaliza");
    expect(text).toContain("belum lapor");
  });

  it("refreshes App Home when a report arrives", async () => {
    await report(siti, "Melayani warga di loket kependudukan", "08.00-10.00");
    await t.eventually(async () => {
      const home = JSON.stringify(t.slack.views.published.get("UDEMOKASIPEL")?.view.blocks ?? []);
      return home.includes("sudah lapor: 1 kegiatan, 120 menit") && home.includes("menunggu persetujuan 1");
    }, "refreshed board");
  });

  it("/kinerja antrian groups pending reports by employee and day, and approves a day after confirmation", async () => {
    await report(siti, "Mengarsipkan berkas layanan", "10.00-11.00");
    await report(budi, "Memutakhirkan data penduduk", "08.00-09.00");
    await t.eventually(
      async () => (await t.db.activity.count({ where: { status: "DIAJUKAN" } })) === 3,
      "three pending",
    );
    await rina.command("antrian");
    await t.eventually(async () => rina.findButton(/^Setujui semua .*\(2\)$/), "Siti's day with 2 reports");
    // Each employee's group is its own message; Budi's may arrive after Siti's.
    const queueTexts = await t.eventually(async () => {
      const texts = rina.dm().texts().join("\n");
      return texts.includes("Budi Santoso") && texts;
    }, "Budi's group");
    expect(queueTexts).toContain("Siti Nurhaliza");
    await rina.click(/^Setujui semua .*\(2\)$/);
    const confirm = await t.eventually(
      async () => rina.findButton("Ya") && rina.dm().texts().at(-1),
      "confirmation",
    );
    expect(confirm).toContain("Setujui 2 laporan Siti Nurhaliza, S.AP.");
    await rina.click("Ya");
    await t.eventually(
      async () =>
        (await t.db.activity.count({ where: { person: { nip: DEMO.siti }, status: "DISETUJUI" } })) === 2,
      "Siti's day approved",
    );
    expect(await t.db.activity.count({ where: { person: { nip: DEMO.budi }, status: "DIAJUKAN" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "activity.disetujui" } })).toBe(2);
  });

  it("/kinerja tim shows today's board with a regional holiday for one unit and a leave", async () => {
    const pemerintahan = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEM" } });
    await t.db.holiday.create({
      data: {
        date: new Date("2026-11-24"),
        name: "Hari Jadi Seksi",
        kind: "LIBUR_DAERAH",
        unitId: pemerintahan.id,
        scope: pemerintahan.id,
      },
    });
    const dewi = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.dewi } });
    await t.db.absence.create({
      data: {
        personId: dewi.id,
        kind: "CUTI",
        startDate: new Date("2026-11-23"),
        endDate: new Date("2026-11-25"),
      },
    });
    const camat = t.slackUser("UDEMOCAMAT");
    await camat.command("tim");
    const board = await camat.waitForDm((x) => x.includes("Tim Anda hari ini"), "camat board");
    expect(board).toContain("Dedi Kurniawan, S.IP. — libur: Hari Jadi Seksi");
    expect(board).toContain("Rina Marlina, S.Sos. — belum lapor");
    await rina.command("tim");
    const rinaBoard = await rina.waitForDm((x) => x.includes("Tim Anda hari ini"), "rina board");
    expect(rinaBoard).toContain("Dewi Lestari, A.Md. — izin: Cuti");
    expect(rinaBoard).toContain("Siti Nurhaliza, S.AP. — sudah lapor: 2 kegiatan, 180 menit");
    expect(rinaBoard).toContain("Budi Santoso — sudah lapor: 1 kegiatan, 60 menit · menunggu persetujuan 1");
  });

  it("/kinerja umpan_balik @pegawai delivers feedback to the employee on Telegram", async () => {
    await rina.command("umpan_balik <@UNOTLINKED|x> halo");
    await rina.waitForDm((x) => x.includes("tidak ditemukan"), "unknown mention answered");
    const budiPerson = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    await t.db.platformAccount.create({
      data: { personId: budiPerson.id, platform: "SLACK", externalId: "UBUDI00001", address: "UBUDI00001" },
    });
    await rina.command("umpan_balik <@UBUDI00001|budi> Terima kasih, data RW 03 sangat rapi.");
    await rina.waitForDm((x) => x.includes("umpan balik untuk Budi Santoso sudah terkirim"), "sent");
    const feedback = await t.db.feedback.findFirstOrThrow({ where: { toId: budiPerson.id } });
    expect(feedback.text).toBe("Terima kasih, data RW 03 sangat rapi.");
    await t.eventually(
      async () => budi.texts().some((x) => x.includes("Terima kasih, data RW 03 sangat rapi.")),
      "delivered on Telegram",
    );
  });
});
