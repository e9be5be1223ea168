import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockActions, interactionRequest } from "../../adapters/simulator/slack-requests.ts";
import { callbackUpdate, documentUpdate } from "../../adapters/simulator/telegram-updates.ts";
import { developmentSignals } from "../../src/services/training-signals.ts";
import {
  DEMO,
  SLACK_SIGNING_SECRET,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
} from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. Budi (Seksi Pelayanan) on Telegram, his head Rina on Slack; Rina is
// also an employee, whose supervisor the camat decides on Telegram. Siti, a colleague of Budi, on Telegram.
let t: TelegramTestApp;
let budi: TelegramTestUser;
let siti: TelegramTestUser;
let camat: TelegramTestUser;
let rina: SlackTestUser;
const ids = {} as Record<keyof typeof DEMO, string>;
const trainings = {} as Record<"kol" | "adp" | "adu" | "akt", string>;

const received = (user: TelegramTestUser, text: string) =>
  t.eventually(async () => user.texts().find((x) => x.includes(text)), `"${text}"`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const slackUpdates = (ts: string) =>
  t.slack.callsTo("chat.update").filter((c) => String(c.payload.ts) === ts);

/** The latest message of Rina's DM with these words, once the worker has sent it. */
const rinaMessage = (words: string) =>
  t.eventually(
    async () => [...rina.dm().messages].reverse().find((m) => m.text.includes(words)),
    `Rina's DM: ${words}`,
  );

async function evaluation(personKey: keyof typeof DEMO, notes: Record<string, string>) {
  const raterKey = personKey === "kasiPelayanan" ? "camat" : "kasiPelayanan";
  await t.db.evaluation.create({
    data: {
      personId: ids[personKey],
      raterId: ids[raterKey],
      periodCode: "2026-TW2",
      periodName: "Triwulan II 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-06-30"),
      ratingDeadline: new Date("2026-07-14"),
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "DI_BAWAH",
      predikat: "BUTUH_PERBAIKAN",
      feedback: "Mari tingkatkan kerja sama tim.",
      behaviourNotes: notes,
      status: "FINAL",
      ratedAt: new Date("2026-07-01T03:00:00Z"),
      toldOn: new Date("2026-07-01"),
      objectionUntil: new Date("2026-07-15"),
    },
  });
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  const rows = [
    { key: "kol", code: "PLT-KOL", name: "Kolaborasi Lintas Unit", competency: "KOLABORATIF", hours: "8" },
    { key: "adp", code: "PLT-ADP", name: "Adaptasi Layanan Digital", competency: "ADAPTIF", hours: "6" },
    {
      key: "adu",
      code: "PLT-ADU",
      name: "Penanganan Pengaduan",
      competency: "pengaduan warga",
      hours: "4.5",
    },
    { key: "akt", code: "PLT-AKT", name: "Akuntabilitas Kinerja", competency: "AKUNTABEL", hours: "12" },
  ] as const;
  for (const { key, ...row } of rows) {
    trainings[key] = (await t.db.training.create({ data: { ...row, organizer: "BPSDM Jabar" } })).id;
  }
  // Budi: perilaku Di Bawah in TW2 with a note on Kolaboratif; three colleagues' input on Adaptif in TW3.
  await evaluation("budi", { KOLABORATIF: "Perlu lebih aktif dalam kerja tim." });
  for (const [giver, rating] of [
    ["siti", "DI_BAWAH"],
    ["dewi", "SESUAI"],
    ["kasiPelayanan", "SESUAI"],
  ] as const) {
    await t.db.colleagueInput.create({
      data: {
        giverId: ids[giver],
        receiverId: ids.budi,
        periodCode: "2026-TW3",
        coreValue: "ADAPTIF",
        rating,
      },
    });
  }
  // Rina: perilaku Di Bawah in TW2 without a note on any value.
  await evaluation("kasiPelayanan", {});
  budi = t.user(9501);
  siti = t.user(9502);
  camat = t.user(9503);
  await budi.linkTo(DEMO.budi);
  await siti.linkTo(DEMO.siti);
  await camat.linkTo(DEMO.camat);
  rina = t.slackUser("UDEMOKASIPEL");
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe("/pelatihan on Telegram, decided on Slack", () => {
  let requestId: string;
  let rinaTs: string;

  it("shows the year's JP against 20 and at most three recommendations, each with why", async () => {
    await budi.say("/pelatihan");
    const text = budi.lastText();
    expect(text).toContain("JP disetujui tahun 2026: 0 dari 20 JP");
    expect(text).toContain("PLT-KOL Kolaborasi Lintas Unit — 8 JP, BPSDM Jabar");
    expect(text).toContain("Mengapa: Perilaku Kolaboratif dinilai Di Bawah Ekspektasi pada 2026-TW2");
    expect(text).toContain("masukan rekan kerja menilai Adaptif Di Bawah Ekspektasi pada Triwulan III 2026");
    expect(text).toContain("Mengapa: IKI-2.1 tertinggal dari laju");
    expect(text).not.toContain("PLT-AKT");
    const buttons = (budi.last()?.inlineKeyboard ?? []).flat().map((b) => b.text);
    expect(buttons).toEqual([
      "Ajukan PLT-KOL",
      "Ajukan PLT-ADP",
      "Ajukan PLT-ADU",
      "Katalog pelatihan",
      "Laporkan selesai",
    ]);
  });

  it("Ajukan reaches the supervisor once, even when Telegram delivers the press twice", async () => {
    const button = budi.findButton("Ajukan PLT-KOL");
    if (!button) throw new Error("no Ajukan button");
    const update = callbackUpdate({
      updateId: t.updateId(),
      userId: 9501,
      languageCode: "id",
      firstName: "Uji",
      ...button,
    });
    expect(await t.deliver(update)).toBe(200);
    expect(await t.deliver(update)).toBe(200);
    expect(budi.lastText()).toContain(
      "Permintaan pelatihan PLT-KOL Kolaborasi Lintas Unit sudah dikirim ke atasan Anda",
    );
    const requests = await t.db.trainingRequest.findMany({ where: { personId: ids.budi } });
    expect(requests).toHaveLength(1);
    requestId = requests[0]!.id;
    const onSlack = await rinaMessage("Permintaan pelatihan menunggu persetujuan Anda");
    rinaTs = onSlack.ts;
    expect(onSlack.text).toContain("• Pegawai: Budi Santoso");
    expect(onSlack.text).toContain("• Pelatihan: PLT-KOL Kolaborasi Lintas Unit");
    await settle();
    expect(
      rina
        .dm()
        .texts()
        .filter((x) => x.includes("Permintaan pelatihan menunggu")),
    ).toHaveLength(1);
  });

  it("a press by someone who is not the supervisor is refused politely, audited, and changes nothing", async () => {
    await siti.say("/pelatihan");
    const own = siti.last();
    if (!own) throw new Error("no message");
    await siti.pressData(`p:ra:${requestId}:1`, own.messageId);
    expect(siti.lastText()).toContain("Anda hanya dapat memutuskan untuk anggota tim Anda sendiri");
    expect((await t.db.trainingRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "DIAJUKAN",
    );
    expect(
      await t.db.auditLog.count({ where: { action: "training.decision-refused", entityId: requestId } }),
    ).toBe(1);
  });

  it("Setujui edits the request in place and the employee is told once; a second press changes nothing", async () => {
    const pressed = rina.findButton("Setujui");
    if (!pressed) throw new Error("no Setujui");
    const before = structuredClone(pressed.message);
    await rina.click("Setujui");
    const edited = await t.eventually(async () => slackUpdates(rinaTs)[0], "the request message edited");
    expect(String(edited.payload.text)).toContain("Disetujui oleh Rina Marlina, S.Sos.");
    expect(JSON.stringify(edited.payload.blocks ?? [])).not.toContain("p:ra:");
    await received(
      budi,
      "Permintaan pelatihan PLT-KOL Kolaborasi Lintas Unit disetujui oleh Rina Marlina, S.Sos.",
    );

    // The same button again from the message as it was (another device): nothing changes, Rina is told who decided.
    const payload = blockActions({
      userId: "UDEMOKASIPEL",
      action: { actionId: pressed.actionId },
      message: before,
      channelId: t.slack.dmChannelOf("UDEMOKASIPEL"),
    });
    const stale = await rina.post(
      interactionRequest(SLACK_SIGNING_SECRET, payload, {
        timestamp: Math.floor(t.clock.now.getTime() / 1000),
      }),
    );
    expect(stale.status).toBe(200);
    await rina.waitForDm(
      (x) => x.includes("Sudah diputuskan sebelumnya: Disetujui oleh Rina Marlina"),
      "stale",
    );
    await settle();
    expect(budi.texts().filter((x) => x.includes("disetujui oleh Rina"))).toHaveLength(1);
    const request = await t.db.trainingRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect([request.status, request.version, request.deciderId]).toEqual(["DISETUJUI", 2, ids.kasiPelayanan]);
    expect(
      await t.db.auditLog.count({ where: { action: "training.request-approved", entityId: requestId } }),
    ).toBe(1);
  });

  it("Tolak declines at once, without asking a reason, and the employee is told", async () => {
    await budi.say("/pelatihan");
    expect(budi.lastText()).toContain("PLT-KOL Kolaborasi Lintas Unit: disetujui atasan");
    const labels = (budi.last()?.inlineKeyboard ?? []).flat().map((b) => b.text);
    expect(labels).not.toContain("Ajukan PLT-KOL");
    await budi.press("Ajukan PLT-ADU");
    const message = await rinaMessage("PLT-ADU Penanganan Pengaduan");
    const modals = t.slack.views.opened.length;
    await rina.click("Tolak");
    const edited = await t.eventually(async () => slackUpdates(message.ts)[0], "declined in place");
    expect(String(edited.payload.text)).toContain("Ditolak oleh Rina Marlina, S.Sos.");
    expect(t.slack.views.opened.length).toBe(modals);
    await received(
      budi,
      "Permintaan pelatihan PLT-ADU Penanganan Pengaduan belum disetujui oleh Rina Marlina",
    );
    const declined = await t.db.trainingRequest.findFirstOrThrow({
      where: { personId: ids.budi, trainingId: trainings.adu },
    });
    expect(declined.status).toBe("DITOLAK");
  });

  it("a finished training with its certificate: bad answers explained, a revision round, then counted", async () => {
    await budi.press("Laporkan selesai");
    expect(budi.lastText()).toContain("Pelatihan mana yang sudah selesai?");
    await budi.press("PLT-KOL");
    expect(budi.lastText()).toContain("Kapan PLT-KOL Kolaborasi Lintas Unit selesai?");
    await budi.say("31-02-2026");
    expect(budi.lastText()).toContain("Tanggal tidak terbaca");
    await budi.say("besok");
    expect(budi.lastText()).toContain("tidak boleh setelah hari ini");
    await budi.say("kemarin");
    expect(budi.lastText()).toContain("Kirim sertifikatnya sebagai foto atau berkas PDF");
    await budi.say("sudah selesai");
    expect(budi.lastText()).toContain("Silakan kirim sertifikatnya sebagai foto atau PDF");
    await budi.sendDocument("cert-doc", "sertifikat.docx", "application/msword");
    expect(budi.lastText()).toContain("Sertifikat harus berupa foto (JPG, PNG, WebP) atau PDF");
    const big = documentUpdate({
      updateId: t.updateId(),
      userId: 9501,
      languageCode: "id",
      firstName: "Uji",
      fileId: "cert-big",
      fileUniqueId: "u-cert-big",
      fileName: "sertifikat.pdf",
      mimeType: "application/pdf",
      fileSize: 25 * 1024 * 1024,
    });
    await t.deliver(big);
    expect(budi.lastText()).toContain("Berkasnya terlalu besar (paling besar 20 MB)");
    t.botApi.registerFile("cert-photo", Buffer.from("jpeg-bytes"), "image/jpeg");
    await budi.sendPhoto("cert-photo");
    expect(budi.lastText()).toContain(
      "Laporan selesai PLT-KOL Kolaborasi Lintas Unit dan sertifikatnya sudah dikirim",
    );

    const review = await rinaMessage("Laporan selesai pelatihan menunggu persetujuan Anda");
    expect(review.text).toContain("• Selesai: Senin, 23 Nov 2026");
    const link = /http:\/\/kinerja\.test(\/evidence\/c-\S+)/.exec(review.text)?.[1];
    if (!link) throw new Error(`no certificate link in ${review.text}`);
    const served = await fetch(`${t.url}${link}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await served.arrayBuffer()).toString()).toBe("jpeg-bytes");
    // The signature covers the id: the same signature for another id is refused.
    const forged = link.replace(/\/c-[0-9a-f-]+/, `/${requestId}`);
    expect((await fetch(`${t.url}${forged}`)).status).toBe(403);

    await rina.click("Minta perbaikan");
    await t.eventually(async () => t.slack.views.opened.length > 0, "reason modal");
    expect((await rina.submitReason("Nama pada sertifikat tidak terbaca")).status).toBe(200);
    const revised = await t.eventually(async () => slackUpdates(review.ts)[0], "revision in place");
    expect(String(revised.payload.text)).toContain("Perbaikan diminta oleh Rina Marlina, S.Sos.");
    expect(String(revised.payload.text)).toContain("Alasan: Nama pada sertifikat tidak terbaca");
    await received(
      budi,
      "Sertifikat PLT-KOL Kolaborasi Lintas Unit perlu diperbaiki.\nAlasan: Nama pada sertifikat tidak terbaca",
    );
    await budi.say("/pelatihan");
    expect(budi.lastText()).toContain("JP disetujui tahun 2026: 0 dari 20 JP");

    await budi.press("Kirim sertifikat baru");
    await budi.say("23-11-2026");
    t.botApi.registerFile("cert-pdf", Buffer.from("%PDF-1.4"), "application/pdf", {
      fileName: "sertifikat.pdf",
    });
    await budi.sendDocument("cert-pdf", "sertifikat.pdf");
    expect(budi.lastText()).toContain("sudah dikirim ke atasan Anda");
    const again = await rinaMessage("Sertifikat pelatihan diperbaiki dan dikirim ulang");
    expect(again.text).toContain("dokumen sertifikat.pdf");
    await rina.click("Setujui");
    await t.eventually(async () => slackUpdates(again.ts)[0], "approved in place");
    await received(
      budi,
      "Sertifikat PLT-KOL Kolaborasi Lintas Unit disetujui. 8 JP dihitung untuk tahun 2026.",
    );

    await budi.say("/pelatihan");
    expect(budi.lastText()).toContain("JP disetujui tahun 2026: 8 dari 20 JP");
    expect(budi.lastText()).toContain("PLT-KOL Kolaborasi Lintas Unit: selesai, 8 JP dihitung");
    await settle();
    expect(budi.texts().filter((x) => x.includes("8 JP dihitung untuk tahun 2026"))).toHaveLength(1);
    const completion = await t.db.trainingCompletion.findFirstOrThrow({ where: { personId: ids.budi } });
    expect([completion.status, completion.version, completion.fileId]).toEqual(["DISETUJUI", 4, "cert-pdf"]);
  });
});

describe("/kinerja pelatihan on Slack, decided on Telegram", () => {
  it("an employee on Slack requests a training; the supervisor on Telegram declines it in place", async () => {
    await rina.command("pelatihan");
    const view = await rina.waitForDm((x) => x.includes("Pengembangan kompetensi 2026"), "the view");
    expect(view).toContain("Mengapa: Perilaku kerja dinilai Di Bawah Ekspektasi pada 2026-TW2");
    await rina.click("Ajukan PLT-AKT");
    await rina.waitForDm(
      (x) => x.includes("Permintaan pelatihan PLT-AKT Akuntabilitas Kinerja sudah dikirim"),
      "sent",
    );
    const button = await t.eventually(async () => camat.findButton("Tolak"), "the request on Telegram");
    expect(camat.lastText()).toContain("• Pegawai: Rina Marlina, S.Sos.");
    await camat.press("Tolak");
    const edit = t.botApi
      .callsTo("editMessageText")
      .find((c) => Number(c.payload.chat_id) === 9503 && Number(c.payload.message_id) === button.messageId);
    expect(String(edit?.payload.text)).toContain("Ditolak oleh Drs. Asep Sunandar, M.Si.");
    await rina.waitForDm(
      (x) => x.includes("PLT-AKT Akuntabilitas Kinerja belum disetujui oleh Drs. Asep Sunandar"),
      "told",
    );
  });

  it("a completion reported on Slack with a shared PDF, approved on Telegram, counts in the year", async () => {
    await rina.command("pelatihan");
    await rina.waitForDm((x) => x.includes("Pengembangan kompetensi 2026"), "the view");
    await rina.click("Laporkan selesai");
    await rina.waitForDm((x) => x.includes("Pelatihan mana yang sudah selesai?"), "which");
    await rina.say("PLT-NOPE");
    await rina.waitForDm((x) => x.includes('Kode "PLT-NOPE" tidak ada di katalog pelatihan'), "unknown code");
    await rina.say("plt-adp");
    await rina.waitForDm((x) => x.includes("Kapan PLT-ADP Adaptasi Layanan Digital selesai?"), "date");
    await rina.say("20-11-2026");
    await rina.waitForDm((x) => x.includes("Kirim sertifikatnya"), "certificate");
    await rina.shareFile({ name: "sertifikat-adp.pdf", mimetype: "application/pdf", bytes: "%PDF-1.4" });
    await rina.waitForDm(
      (x) => x.includes("Laporan selesai PLT-ADP Adaptasi Layanan Digital dan sertifikatnya"),
      "sent",
    );
    await t.eventually(async () => camat.findButton("Setujui"), "the completion on Telegram");
    expect(camat.lastText()).toContain("dokumen sertifikat-adp.pdf");
    await camat.press("Setujui");
    await rina.waitForDm(
      (x) => x.includes("Sertifikat PLT-ADP Adaptasi Layanan Digital disetujui. 6 JP dihitung"),
      "told",
    );
    await rina.command("pelatihan");
    await rina.waitForDm((x) => x.includes("JP disetujui tahun 2026: 6 dari 20 JP"), "counted");
  });
});

describe("a request approved on Telegram, and one decision on every copy", () => {
  it("an employee on Slack requests a training; the supervisor on Telegram approves it in place", async () => {
    await rina.command("pelatihan");
    await rina.waitForDm((x) => x.includes("Pengembangan kompetensi 2026"), "the view");
    await rina.click("Ajukan PLT-KOL");
    await rina.waitForDm(
      (x) => x.includes("Permintaan pelatihan PLT-KOL Kolaborasi Lintas Unit sudah"),
      "sent",
    );
    const button = await t.eventually(async () => {
      const found = camat.findButton("Setujui");
      return found && camat.lastText().includes("PLT-KOL") ? found : undefined;
    }, "the request on Telegram");
    await camat.press("Setujui");
    const edit = t.botApi
      .callsTo("editMessageText")
      .find((c) => Number(c.payload.chat_id) === 9503 && Number(c.payload.message_id) === button.messageId);
    expect(String(edit?.payload.text)).toContain("Disetujui oleh Drs. Asep Sunandar, M.Si.");
    await rina.waitForDm(
      (x) =>
        x.includes("Permintaan pelatihan PLT-KOL Kolaborasi Lintas Unit disetujui oleh Drs. Asep Sunandar"),
      "told",
    );
    const request = await t.db.trainingRequest.findFirstOrThrow({
      where: { personId: ids.kasiPelayanan, trainingId: trainings.kol },
    });
    expect(request.status).toBe("DISETUJUI");
  });

  it("a completion rejected by a delegate on Telegram: every copy shows it, not counted, final", async () => {
    // Rina (on Slack) names Siti (on Telegram) her deputy (Plh) for the day: two reviewers of Budi.
    await t.db.delegation.create({
      data: {
        fromId: ids.kasiPelayanan,
        toId: ids.siti,
        validFrom: new Date("2026-11-24"),
        validTo: new Date("2026-11-24"),
      },
    });
    const deputy = siti;
    await budi.say("/pelatihan");
    await budi.press("Laporkan selesai");
    await budi.say("PLT-ADP");
    await budi.say("kemarin");
    t.botApi.registerFile("cert-adp", Buffer.from("jpeg-adp"), "image/jpeg");
    await budi.sendPhoto("cert-adp");
    expect(budi.lastText()).toContain("Laporan selesai PLT-ADP Adaptasi Layanan Digital dan sertifikatnya");
    const onSlack = await rinaMessage("• Pegawai: Budi Santoso\n• Pelatihan: PLT-ADP");
    const asSent = structuredClone(onSlack);
    const onTelegram = await t.eventually(async () => deputy.findButton("Tolak"), "the deputy's copy");
    expect(deputy.lastText()).toContain("• Pelatihan: PLT-ADP Adaptasi Layanan Digital");

    await deputy.press("Tolak");
    expect(deputy.lastText()).toContain("Mengapa laporan selesai ini ditolak?");
    await deputy.say("ok");
    expect(deputy.lastText()).toContain("Alasan harus 3 sampai 500 karakter");
    await deputy.say("Sertifikat ini untuk pelatihan lain");
    const told = "Laporan selesai PLT-ADP Adaptasi Layanan Digital ditolak atasan; JP-nya tidak dihitung.";
    await received(budi, `${told}\nAlasan: Sertifikat ini untuk pelatihan lain`);
    const deputyEdit = t.botApi
      .callsTo("editMessageText")
      .find(
        (c) => Number(c.payload.chat_id) === 9502 && Number(c.payload.message_id) === onTelegram.messageId,
      );
    expect(String(deputyEdit?.payload.text)).toContain("Ditolak oleh Siti Nurhaliza, S.AP.");
    // Rina's copy on Slack, sent before the decision, is updated by the worker: no live buttons left.
    const slackEdit = await t.eventually(async () => slackUpdates(onSlack.ts).at(-1), "Rina's copy updated");
    expect(String(slackEdit.payload.text)).toContain("Ditolak oleh Siti Nurhaliza, S.AP.");
    expect(String(slackEdit.payload.text)).toContain("Alasan: Sertifikat ini untuk pelatihan lain");
    expect(JSON.stringify(slackEdit.payload.blocks ?? [])).not.toContain("p:ca:");
    expect(
      await t.db.trainingReviewMessage.count({ where: { subject: "COMPLETION", version: 1 } }),
    ).toBeGreaterThanOrEqual(2);

    // Rina's old button (the message as it was): already decided, nothing changes.
    await rina.post(
      interactionRequest(
        SLACK_SIGNING_SECRET,
        blockActions({
          userId: "UDEMOKASIPEL",
          action: { actionId: "choice-0-0", text: "Setujui" },
          message: asSent,
          channelId: t.slack.dmChannelOf("UDEMOKASIPEL"),
        }),
        { timestamp: Math.floor(t.clock.now.getTime() / 1000) },
      ),
    );
    await rina.waitForDm(
      (x) => x.includes("Sudah diputuskan sebelumnya: Ditolak oleh Siti Nurhaliza"),
      "stale",
    );
    const completion = await t.db.trainingCompletion.findFirstOrThrow({
      where: { personId: ids.budi, trainingId: trainings.adp },
    });
    expect([completion.status, completion.deciderId]).toEqual(["DITOLAK", ids.siti]);
    expect(
      await t.db.auditLog.count({
        where: { action: "training.completion-rejected", entityId: completion.id },
      }),
    ).toBe(1);

    await budi.say("/pelatihan");
    expect(budi.lastText()).toContain("PLT-ADP Adaptasi Layanan Digital: ditolak atasan, tidak dihitung");
    expect(budi.lastText()).toContain("JP disetujui tahun 2026: 8 dari 20 JP");
    await budi.press("Laporkan selesai");
    await budi.say("PLT-ADP");
    expect(budi.lastText()).toContain("sudah ditolak atasan dan tidak dapat dilaporkan lagi");
    await settle();
    expect(budi.texts().filter((x) => x.includes(told))).toHaveLength(1);
  });
});

describe("colleagues' input only counts as shown: from 3 givers", () => {
  it("gives no signal for a value two colleagues rated Di Bawah", async () => {
    for (const giver of ["siti", "budi"] as const) {
      await t.db.colleagueInput.create({
        data: {
          giverId: ids[giver],
          receiverId: ids.dewi,
          periodCode: "2026-TW3",
          coreValue: "HARMONIS",
          rating: "DI_BAWAH",
        },
      });
    }
    const dewi = await t.db.person.findUniqueOrThrow({ where: { id: ids.dewi } });
    expect((await developmentSignals(t.db, dewi, "2026-11-24")).colleagues).toBeNull();
    await t.db.colleagueInput.create({
      data: {
        giverId: ids.kasiPelayanan,
        receiverId: ids.dewi,
        periodCode: "2026-TW3",
        coreValue: "HARMONIS",
        rating: "SESUAI",
      },
    });
    expect((await developmentSignals(t.db, dewi, "2026-11-24")).colleagues).toEqual({
      periodName: "Triwulan III 2026",
      values: ["HARMONIS"],
    });
  });
});
