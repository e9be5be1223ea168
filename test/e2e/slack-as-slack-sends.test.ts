import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. Text reaches the app escaped, with links and mentions in
// Slack's markup, as Slack's clients send it (the stand-in's builders do that).
let t: TelegramTestApp;
let dewi: SlackTestUser;
let rina: SlackTestUser;
let siti: TelegramTestUser;

const statusOf = async (id: string) => (await t.db.activity.findUniqueOrThrow({ where: { id } })).status;

/** Does something and waits for the bot's next DM to `user` that matches; returns it. */
async function answered(user: SlackTestUser, act: () => Promise<unknown>, expected: string): Promise<string> {
  const before = user.dm().texts().length;
  await act();
  return t.eventually(
    async () =>
      user
        .dm()
        .texts()
        .slice(before)
        .find((x) => x.includes(expected)),
    `"${expected}" in the DM`,
  );
}

/** /kinerja lapor up to the evidence question. */
async function reportUpToEvidence(description: string, time: string): Promise<void> {
  await answered(dewi, () => dewi.command("lapor"), "Untuk tanggal berapa");
  await answered(dewi, () => dewi.click(/^Hari ini/), "indikator (IKI)");
  await answered(dewi, () => dewi.click(/^IKI-1\.1/), "Apa yang Anda kerjakan");
  await answered(dewi, () => dewi.say(description), "Berapa hasilnya");
  await answered(dewi, () => dewi.say("3"), "Berapa lama");
  await answered(dewi, () => dewi.say(time), "bukti dukung");
}

async function send(description: string): Promise<string> {
  await answered(dewi, () => dewi.click("Kirim"), "laporan terkirim");
  return (await t.db.activity.findFirstOrThrow({ where: { description } })).id;
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  const dewiPerson = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.dewi } });
  await t.db.platformAccount.create({
    data: { personId: dewiPerson.id, platform: "SLACK", externalId: "USTRANGER01", address: "USTRANGER01" },
  });
  dewi = t.slackUser("USTRANGER01");
  rina = t.slackUser("UDEMOKASIPEL");
  siti = t.user(7301);
  await siti.linkTo(DEMO.siti);
  await answered(rina, () => rina.command("bantuan"), "kinerja-bot membantu");
});
afterAll(async () => {
  await t.close();
});

describe("text as Slack sends it", () => {
  it("stores a description with & < > as typed and a Slack link as its real URL", async () => {
    const description = "Rapat RT & RW <penting>: target a>b";
    await reportUpToEvidence(description, "08.00-09.00");
    const summary = await answered(
      dewi,
      () => dewi.say("<https://x.example/a?b=1&amp;c=2|x.example/a>"),
      "Ringkasan laporan",
    );
    expect(summary).toContain("https://x.example/a?b=1&c=2");
    const id = await send(description);
    const evidence = await t.db.evidence.findMany({ where: { activityId: id } });
    expect(evidence).toMatchObject([{ kind: "LINK", url: "https://x.example/a?b=1&c=2" }]);
  });

  it("takes a file shared in the DM as evidence and serves it through the signed link", async () => {
    const description = "Memindai berkas permohonan KTP-el";
    await reportUpToEvidence(description, "09.00-10.00");
    const fileId = await dewi.shareFile(
      { name: "pindaian.pdf", mimetype: "application/pdf", bytes: "%PDF-1.4 pindaian" },
      "berkas & pindaiannya",
    );
    await t.eventually(async () => dewi.dm().texts().at(-1)?.includes("Ringkasan laporan"), "summary");
    const id = await send(description);
    const [evidence] = await t.db.evidence.findMany({ where: { activityId: id } });
    expect(evidence).toMatchObject({
      kind: "DOCUMENT",
      platform: "SLACK",
      fileId,
      fileName: "pindaian.pdf",
      mimeType: "application/pdf",
    });

    const request = await rina.waitForDm((x) => x.includes(description), "review request on Slack");
    const path = /https?:\/\/kinerja\.test(\/evidence\/[^\s>|]+)/
      .exec(request)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(path).toContain(`/evidence/${evidence?.id}`);
    const served = await fetch(`${t.url}${path}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe("%PDF-1.4 pindaian");
    // Fetched from Slack's file URL with the bot token.
    expect(t.slack.callsTo("files.info").map((c) => c.payload.file)).toContain(fileId);
    expect(t.slack.downloads).toContainEqual({ fileId, authorised: true });
  });

  it("/kinerja umpan_balik <@U…|name> gives feedback, its text unescaped", async () => {
    const dewiPerson = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.dewi } });
    await answered(
      rina,
      () => rina.command("umpan_balik  <@USTRANGER01|dewi.lestari>  Berkas rapi & lengkap, <3"),
      "sudah terkirim",
    );
    const feedback = await t.db.feedback.findFirstOrThrow({ where: { toId: dewiPerson.id } });
    expect(feedback.text).toBe("Berkas rapi & lengkap, <3");
    await dewi.waitForDm((x) => x.includes("Berkas rapi & lengkap, <3"), "feedback delivered on Slack");
    // Newer Slack sends the mention without the name.
    await answered(rina, () => rina.command("umpan_balik <@USTRANGER01> Terima kasih."), "sudah terkirim");
    expect(await t.db.feedback.count({ where: { toId: dewiPerson.id } })).toBe(2);
  });
});

describe("a closed reason modal", () => {
  const rinaState = () =>
    t.db.conversationState.findFirst({ where: { platform: "SLACK", externalId: "UDEMOKASIPEL" } });

  it("withdraws the question: the next DM is not the reason and the report stays DIAJUKAN", async () => {
    const id = await siti.report({ description: "Menyusun rekap layanan harian", time: "08.00-09.00" });
    await t.eventually(
      async () => rina.findButton("Minta revisi")?.value === `v:rev:${id}:1`,
      "review request",
    );
    await rina.click("Minta revisi");
    const modal = await t.eventually(async () => t.slack.views.opened.at(-1), "reason modal");
    expect(modal.view.notify_on_close).toBe(true);
    await t.eventually(async () => (await rinaState())?.step === "reason", "waiting for the reason");

    expect((await rina.closeModal())?.status).toBe(200);
    await t.eventually(async () => (await rinaState())?.flow === "", "question withdrawn");
    await answered(rina, () => rina.say("Mohon perbaiki jumlah dokumennya"), "saya belum paham");
    expect(await statusOf(id)).toBe("DIAJUKAN");
  });

  it("never takes a DM as the reason, even when the close never arrived", async () => {
    const id = (
      await t.db.activity.findFirstOrThrow({ where: { description: "Menyusun rekap layanan harian" } })
    ).id;
    await rina.click("Tolak");
    await t.eventually(async () => (await rinaState())?.step === "reason", "waiting for the reason");
    await answered(rina, () => rina.say("duplikat laporan kemarin"), "jendela yang muncul");
    expect(await statusOf(id)).toBe("DIAJUKAN");
    // The modal itself still decides.
    await rina.click("Tolak");
    await t.eventually(async () => t.slack.views.opened.length === 3, "modal opened again");
    await rina.submitReason("duplikat laporan kemarin");
    await t.eventually(async () => (await statusOf(id)) === "DITOLAK", "rejected through the modal");
  });
});

describe("App Home", () => {
  const publishesFor = (userId: string) =>
    t.slack.callsTo("views.publish").filter((c) => c.payload.user_id === userId).length;

  it("publishes once per event id when Slack redelivers app_home_opened", async () => {
    // The notifications of earlier steps refresh the same home: let them finish first.
    await t.eventually(
      async () => (await t.db.outboxEvent.count({ where: { doneAt: null } })) === 0,
      "earlier notifications done",
    );
    const before = publishesFor("UDEMOKASIPEL");
    await rina.openHome({ eventId: "EvHOME000001" });
    await t.eventually(async () => publishesFor("UDEMOKASIPEL") === before + 1, "first publish");
    await rina.openHome({ eventId: "EvHOME000001", retry: true });
    // A fresh event after the redelivery: its publish comes after the redelivery was handled.
    await rina.openHome({ eventId: "EvHOME000002" });
    await t.eventually(async () => publishesFor("UDEMOKASIPEL") >= before + 2, "second event published");
    expect(publishesFor("UDEMOKASIPEL")).toBe(before + 2);
  });

  it("shows a supervisor known only by the imported slack_user_id their board", async () => {
    expect(await t.db.platformAccount.count({ where: { externalId: "UDEMOCAMAT" } })).toBe(0);
    await t.slackUser("UDEMOCAMAT").openHome();
    const home = await t.eventually(async () => t.slack.views.published.get("UDEMOCAMAT"), "App Home");
    const text = JSON.stringify(home.view.blocks);
    expect(text).toContain("Tim Anda hari ini");
    expect(text).toContain("Rina Marlina");
  });
});
