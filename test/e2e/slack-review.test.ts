import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockActions, interactionRequest } from "../../adapters/simulator/slack-requests.ts";
import {
  DEMO,
  SLACK_SIGNING_SECRET,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
} from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: SlackTestUser;
let dedi: SlackTestUser;

const report = (description: string, time: string) => siti.report({ description, time, quantity: 4 });

const statusOf = async (id: string) => (await t.db.activity.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  siti = t.user(7001);
  await siti.linkTo(DEMO.siti);
  rina = t.slackUser("UDEMOKASIPEL");
  dedi = t.slackUser("UDEMOKASIPEM");
});
afterAll(async () => {
  await t.close();
});

describe("supervisors on Slack", () => {
  it("links a supervisor by the imported slack_user_id on their first command", async () => {
    expect((await rina.command("bantuan")).status).toBe(200);
    const help = await rina.waitForDm((x) => x.includes("kinerja-bot membantu"), "help in the DM");
    // Commands as they are typed on Slack, and the supervisor's own.
    expect(help).toContain("/kinerja lapor — laporkan pekerjaan");
    expect(help).toContain("/kinerja antrian — laporan tim yang menunggu persetujuan");
    expect(help).toContain("/kinerja umpan_balik @pegawai <teks> — kirim umpan balik ke anggota tim");
    expect(help).not.toContain("\n/lapor");
    const account = await t.db.platformAccount.findFirst({
      where: { platform: "SLACK", externalId: "UDEMOKASIPEL" },
      include: { person: true },
    });
    expect(account?.person.nip).toBe(DEMO.kasiPelayanan);
    expect(await t.db.auditLog.count({ where: { action: "account.linked_from_directory" } })).toBe(1);
    await dedi.command("bantuan");
    await t.eventually(
      async () => t.db.platformAccount.findFirst({ where: { externalId: "UDEMOKASIPEM" } }),
      "dedi linked",
    );
  });

  it("sends each report as a Block Kit message with Setujui / Minta revisi / Tolak, and approves in one click", async () => {
    const id = await report("Memverifikasi berkas akta kelahiran", "08.00-09.00");
    const request = await t.eventually(async () => rina.findButton("Setujui"), "review request on Slack");
    expect(request.message.text).toContain("Laporan baru menunggu persetujuan Anda");
    const section = request.message.blocks?.[0] as { type: string; text: { type: string; text: string } };
    expect(section).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    expect(section.text.text).toContain("Pegawai: Siti Nurhaliza, S.AP.");
    expect(section.text.text).toContain("Hasil: 4 dokumen");
    expect(rina.findButton("Minta revisi")?.value).toBe(`v:rev:${id}:1`);
    expect(rina.findButton("Tolak")?.value).toBe(`v:no:${id}:1`);

    const ack = await rina.click("Setujui");
    expect(ack.status).toBe(200);
    await t.eventually(async () => (await statusOf(id)) === "DISETUJUI", "approval");
    const updated = await t.eventually(
      async () => t.slack.callsTo("chat.update").find((c) => String(c.payload.ts) === request.message.ts),
      "message updated in place",
    );
    expect(String(updated.payload.text)).toContain("Disetujui oleh Rina Marlina, S.Sos.");
    const history = await t.db.activityStatusChange.findFirstOrThrow({
      where: { activityId: id, toStatus: "DISETUJUI" },
    });
    expect(history.via).toBe("SLACK");
    await t.eventually(
      async () =>
        siti
          .texts()
          .some((x) => x.includes("Memverifikasi berkas akta kelahiran") && x.includes("disetujui")),
      "employee told on Telegram",
    );
  });

  it("a second click changes nothing and says who decided", async () => {
    const id = (
      await t.db.activity.findFirstOrThrow({ where: { description: "Memverifikasi berkas akta kelahiran" } })
    ).id;
    const changes = await t.db.activityStatusChange.count({ where: { activityId: id } });
    // The decided message has no buttons left; an old copy of it (another device) still has them.
    await rina.post(
      interactionRequest(
        SLACK_SIGNING_SECRET,
        blockActions({
          userId: "UDEMOKASIPEL",
          action: { actionId: "choice-0-2", blockId: "choices-0", value: `v:no:${id}:1`, text: "Tolak" },
          message: { ts: "1.000001", text: "old copy" },
          channelId: t.slack.dmChannelOf("UDEMOKASIPEL"),
        }),
        { timestamp: Math.floor(t.clock.now.getTime() / 1000) },
      ),
    );
    await rina.waitForDm((x) => x.includes("sudah diputuskan: Disetujui oleh Rina"), "already decided");
    expect(await t.db.activityStatusChange.count({ where: { activityId: id } })).toBe(changes);
    expect(t.slack.views.opened).toHaveLength(0);
  });

  it("asks for a reason in a modal, returns the report, and the employee fixes and resends it", async () => {
    const id = await report("Menyusun daftar antrean layanan", "09.00-09.30");
    await t.eventually(
      async () => rina.findButton("Minta revisi")?.value === `v:rev:${id}:1`,
      "review request",
    );
    await rina.click("Minta revisi");
    const modal = await t.eventually(async () => t.slack.views.opened.at(-1), "reason modal");
    expect(modal.view.callback_id).toBe("kinerja_reason");
    expect(await statusOf(id)).toBe("DIAJUKAN");
    await rina.submitReason("Mohon sebutkan jumlah warga yang dilayani");
    await t.eventually(async () => (await statusOf(id)) === "REVISI", "revision");
    const change = await t.db.activityStatusChange.findFirstOrThrow({
      where: { activityId: id, toStatus: "REVISI" },
    });
    expect(change.reason).toBe("Mohon sebutkan jumlah warga yang dilayani");
    await t.eventually(async () => siti.findButton("Perbaiki"), "employee told with a fix button");
    await siti.press("Perbaiki");
    await siti.press("Ubah");
    await siti.press("Uraian");
    await siti.say("Menyusun daftar antrean layanan untuk 35 warga");
    await siti.press("Kirim");
    expect(await statusOf(id)).toBe("DIAJUKAN");
    await rina.waitForDm(
      (x) => x.includes("diperbaiki dan dikirim ulang") && x.includes("35 warga"),
      "resubmitted on Slack",
    );
  });

  it("processes a retried request once", async () => {
    const id = await report(
      "Mengarsipkan surat masuk",
      "10.00-10.30".replace("10.30", "10.00").replace("10.00-", "09.30-"),
    );
    await t.eventually(async () => rina.findButton("Setujui")?.value === `v:ok:${id}:1`, "review request");
    const first = await rina.click("Setujui", { triggerId: "retry-trigger-1" });
    const retried = await rina.click("Setujui", { triggerId: "retry-trigger-1", retry: true });
    expect([first.status, retried.status]).toEqual([200, 200]);
    await t.eventually(async () => (await statusOf(id)) === "DISETUJUI", "approval");
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.db.activityStatusChange.count({ where: { activityId: id, toStatus: "DISETUJUI" } })).toBe(
      1,
    );
    expect(await t.db.processedEvent.count({ where: { key: "slack:retry-trigger-1" } })).toBe(1);
  });

  it("refuses a supervisor of another section, in words, and audits it", async () => {
    const id = await report("Memeriksa kelengkapan berkas pindah datang", "07.30-08.00");
    await t.eventually(async () => rina.findButton("Setujui")?.value === `v:ok:${id}:1`, "review request");
    await dedi.post(
      interactionRequest(
        SLACK_SIGNING_SECRET,
        blockActions({
          userId: "UDEMOKASIPEM",
          action: { actionId: "choice-0-0", blockId: "choices-0", value: `v:ok:${id}:1`, text: "Setujui" },
          message: { ts: "2.000001", text: "forwarded" },
          channelId: t.slack.dmChannelOf("UDEMOKASIPEM"),
        }),
        { timestamp: Math.floor(t.clock.now.getTime() / 1000) },
      ),
    );
    await dedi.waitForDm((x) => x.includes("bukan dari anggota tim Anda"), "refusal");
    expect(await statusOf(id)).toBe("DIAJUKAN");
    expect(await t.db.auditLog.count({ where: { action: "activity.decision_refused", entityId: id } })).toBe(
      1,
    );
  });

  it("answers 401 to a bad signature or a stale timestamp and changes nothing", async () => {
    const before = await t.db.processedEvent.count();
    const stale = await rina.command("antrian", {
      timestamp: Math.floor(t.clock.now.getTime() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    const forged = await fetch(`${t.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-signature": "v0=deadbeef",
        "x-slack-request-timestamp": String(Math.floor(t.clock.now.getTime() / 1000)),
      },
      body: "command=%2Fkinerja&text=antrian&user_id=UDEMOKASIPEL&trigger_id=x",
    });
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await t.db.processedEvent.count()).toBe(before);
  });

  it("links an employee by the Slack profile e-mail and serves employee commands on Slack", async () => {
    const agus = t.slackUser("UAGUS00001");
    await agus.command("hari_ini");
    await agus.waitForDm((x) => x.includes("Laporan Anda hari ini"), "hari_ini on Slack");
    const account = await t.db.platformAccount.findFirst({
      where: { externalId: "UAGUS00001" },
      include: { person: true },
    });
    expect(account?.person.nip).toBe(DEMO.agus);
    const stranger = t.slackUser("USTRANGER01");
    await stranger.command("lapor");
    await stranger.waitForDm((x) => x.includes("belum tertaut"), "not linked");
  });
});
