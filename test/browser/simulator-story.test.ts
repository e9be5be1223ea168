import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCodeOf, surveyTokenOf } from "../../src/services/survey-access.ts";
import { launchChromium, screenshotter } from "../support/browser.ts";
import { SimulatorTestApp } from "../support/simulator-app.ts";
import { DEMO } from "../support/telegram-app.ts";

/**
 * The core story, clicked through /simulator in Chromium as a newcomer would: the page, the real
 * adapters behind it, the stand-ins, PostgreSQL and Redis. Then the periodic evaluation on the demo's
 * period that ended yesterday (24 Okt – 23 Nov 2026 on the test's Tuesday 24 November): Rina rates Budi in
 * a Slack modal, Budi objects on Telegram, the camat changes the result in a modal. Screenshots go to
 * artifacts/simulator/.
 */
let sim: SimulatorTestApp;
let browser: Browser;
let page: Page;
const shot = screenshotter("simulator");
const DESCRIPTION = "Memutakhirkan data penduduk RW 05";
const FIXED = "Memutakhirkan data penduduk RW 05 (40 KK, sesuai daftar)";
const PERIOD = "Periode demo 24 Okt – 23 Nov 2026";
const OBJECTION = "Pengaduan warga yang saya tanggapi dalam periode ini belum dipertimbangkan.";

beforeAll(async () => {
  sim = await SimulatorTestApp.start();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await sim?.close();
});

const telegram = () => page.getByTestId("telegram");
const slack = () => page.getByTestId("slack");
const botSaid = (text: string | RegExp) =>
  telegram().locator('[data-testid="tg-message"][data-from="bot"]', { hasText: text }).last();

async function asPerson(nip: string): Promise<void> {
  const ready = page.waitForResponse((r) => r.url().includes(`/simulator/api/state?nip=${nip}`));
  await page.locator("#person-select").selectOption(nip);
  await ready;
}

const slackSaid = (text: string | RegExp) =>
  slack().locator('[data-testid="slack-message"][data-from="bot"]', { hasText: text }).last();

async function sendSlack(text: string): Promise<void> {
  await page.locator("#slack-input").fill(text);
  await page.locator("#slack-send").click();
}

/** Clicks a button of the latest Slack message with this text. */
async function clickIn(message: string | RegExp, label: RegExp): Promise<void> {
  const button = slackSaid(message).getByTestId("slack-button").filter({ hasText: label });
  await button.waitFor();
  await button.click();
}

/** Chooses an option of a radio group of the open modal, by the group's label. */
async function choose(group: string, option: string): Promise<void> {
  await page
    .getByTestId("slack-modal")
    .getByRole("radiogroup", { name: group })
    .getByRole("radio", { name: option })
    .check();
}

async function sendTelegram(text: string): Promise<void> {
  await page.locator("#tg-input").fill(text);
  await page.locator("#tg-send").click();
}

/** Presses the latest Telegram button with this label; waits for it to exist first. */
async function press(label: RegExp): Promise<void> {
  const button = telegram().getByTestId("tg-button").filter({ hasText: label }).last();
  await button.waitFor();
  await button.click();
}

async function seen(locator: Locator): Promise<void> {
  await locator.waitFor({ timeout: 10_000 });
}

/** Does `action` and waits for a new bot message with this text (earlier ones may match too). */
async function expectReply(action: () => Promise<void>, text: RegExp): Promise<void> {
  const matching = telegram().locator('[data-testid="tg-message"][data-from="bot"]', { hasText: text });
  const before = await matching.count();
  await action();
  await expect.poll(() => matching.count(), { timeout: 10_000 }).toBeGreaterThan(before);
}

describe("the simulator page, in a browser", () => {
  it("opens with the demo people to choose from", async () => {
    await page.goto(`${sim.simulatorUrl}?nip=${DEMO.budi}`);
    await page.locator('body[data-ready="true"]').waitFor();
    const options = await page.locator("#person-select option").allTextContents();
    expect(options.some((o) => o.includes("Budi Santoso"))).toBe(true);
    expect(options.some((o) => o.includes("Rina Marlina"))).toBe(true);
    await shot(page, "opened");
  });

  it("links Budi's Telegram with a code from HR", async () => {
    await page.locator("#link-code").click();
    await expect.poll(() => page.locator("#link-code-value").textContent()).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await page.locator("#tg-input").inputValue()).toMatch(/^\/start [A-Z0-9]{6,}$/);
    await page.locator("#tg-send").click();
    await seen(botSaid(/Budi/));
    await expect.poll(() => page.locator("#badge-telegram").getAttribute("data-linked")).toBe("true");
    await shot(page, "linked");
  });

  it("reports an activity through /lapor, with a photo as evidence", async () => {
    await expectReply(() => sendTelegram("/lapor"), /Untuk tanggal berapa/);
    await expectReply(() => press(/^Hari ini/), /indikator \(IKI\) yang mana/);
    await expectReply(() => press(/^IKI-1\.1/), /Apa yang Anda kerjakan/);
    await expectReply(() => sendTelegram(DESCRIPTION), /Berapa hasilnya/);
    await expectReply(() => sendTelegram("40"), /Berapa lama/);
    await expectReply(() => sendTelegram("08.00-10.00"), /Lampirkan bukti dukung/);
    await expectReply(() => page.locator("#tg-photo").click(), /Ringkasan laporan/);
    await expectReply(() => press(/^Kirim$/), /laporan terkirim/);
    await expectReply(() => sendTelegram("/target"), /Disetujui 0 dari 3\.?000 data.*menunggu 40/);
    await shot(page, "reported");
  });

  it("as Rina on Slack, asks for a revision with a reason in a modal", async () => {
    await asPerson(DEMO.kasiPelayanan);
    const request = slack().getByTestId("slack-message").filter({ hasText: DESCRIPTION }).last();
    await seen(request);
    await request
      .getByTestId("slack-button")
      .filter({ hasText: /^Minta revisi$/ })
      .click();
    const modal = page.getByTestId("slack-modal");
    await seen(modal);
    await shot(page, "revision-modal");
    await modal.getByTestId("slack-modal-input").fill("Mohon sebutkan jumlah KK yang dimutakhirkan");
    await page.locator("#slack-modal-submit").click();
    await modal.waitFor({ state: "detached" });
    await seen(
      slack()
        .getByTestId("slack-message")
        .filter({ hasText: /Perlu revisi oleh Rina/ }),
    );
    await shot(page, "revision-asked");
  });

  it("as Budi, reads the reason, fixes the description and sends it again", async () => {
    await asPerson(DEMO.budi);
    await seen(botSaid(/Mohon sebutkan jumlah KK yang dimutakhirkan/));
    await expectReply(() => press(/^Perbaiki/), /Ringkasan laporan/);
    await expectReply(() => press(/^Ubah$/), /Bagian mana yang ingin diubah/);
    await expectReply(() => press(/^Uraian$/), /Apa yang Anda kerjakan/);
    await expectReply(() => sendTelegram(FIXED), /Ringkasan laporan/);
    await expectReply(() => press(/^Kirim$/), /perbaikan terkirim/);
    await shot(page, "resubmitted");
  });

  it("as Rina, approves the fixed report", async () => {
    await asPerson(DEMO.kasiPelayanan);
    const request = slack().getByTestId("slack-message").filter({ hasText: FIXED }).last();
    await seen(request.getByTestId("slack-button").filter({ hasText: /^Setujui$/ }));
    await request
      .getByTestId("slack-button")
      .filter({ hasText: /^Setujui$/ })
      .click();
    await seen(
      slack()
        .getByTestId("slack-message")
        .filter({ hasText: /Disetujui oleh Rina/ }),
    );
    await shot(page, "approved");
  });

  it("as Budi, sees /target move", async () => {
    await asPerson(DEMO.budi);
    await seen(botSaid(/disetujui/i));
    await expectReply(() => sendTelegram("/target"), /Disetujui 40 dari 3\.?000 data/);
    const activity = await sim.database.db.activity.findFirstOrThrow({ where: { description: FIXED } });
    expect(activity.status).toBe("DISETUJUI");
    await shot(page, "target-moved");
  });

  it("as Rina on Slack, opens the board of the demo period that ended yesterday", async () => {
    await asPerson(DEMO.kasiPelayanan);
    await sendSlack("/kinerja penilaian");
    const board = slackSaid(`Penilaian kinerja ${PERIOD}`);
    await seen(board);
    expect(await board.textContent()).toContain("Budi Santoso — belum dinilai");
    expect(await board.textContent()).toContain("capaian organisasi: Baik");
    await shot(page, "evaluation-board");
  });

  it("as Rina, rates Budi in a modal: the evidence first, then radio buttons, a note and feedback", async () => {
    await clickIn(`Penilaian kinerja ${PERIOD}`, /^Nilai Budi Santoso$/);
    const modal = page.getByTestId("slack-modal");
    await seen(modal);
    expect(await modal.locator("#slack-modal-title").textContent()).toBe("Penilaian kinerja");
    expect(await modal.textContent()).toContain("Penilaian Budi Santoso");
    expect(await modal.textContent()).toContain("Bot tidak menilai sendiri");
    expect(await modal.getByRole("radiogroup").count()).toBe(2);
    // As Slack's client does, the page sends nothing while a required rating is not chosen.
    await page.locator("#slack-modal-submit").click();
    await seen(modal.locator(".sk-error", { hasText: "Pilih salah satu." }).first());
    expect(await sim.database.db.evaluation.count()).toBe(0);
    await choose("Rating hasil kerja", "Di atas ekspektasi");
    await choose("Rating perilaku kerja", "Sesuai ekspektasi");
    expect(await modal.getByText("Pilih salah satu.").count()).toBe(0);
    await modal.getByLabel("Catatan Akuntabel (opsional)").fill("Selalu melaporkan progres dengan bukti.");
    await modal
      .getByLabel(/^Umpan balik/)
      .fill("Pertahankan kecepatan pemutakhiran data; perhatikan kelengkapan berkas.");
    await shot(page, "rating-modal");
    await page.locator("#slack-modal-submit").click();
    await modal.waitFor({ state: "detached" });
    const summary = slackSaid("Ringkasan penilaian Budi Santoso");
    await seen(summary);
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("Rating hasil kerja: Di atas ekspektasi");
    expect(text).toContain("Rating perilaku kerja: Sesuai ekspektasi");
    expect(text).toContain("Predikat: Baik");
    expect(text).toContain("Akuntabel: Selalu melaporkan progres dengan bukti.");
    await shot(page, "rating-summary");
    await clickIn("Ringkasan penilaian Budi Santoso", /^Tetapkan$/);
    await seen(slackSaid(/Penilaian Budi Santoso ditetapkan: predikat Baik/));
    await shot(page, "rating-set");
  });

  it("as Budi on Telegram, reads the result and objects with his reasons", async () => {
    await asPerson(DEMO.budi);
    const result = botSaid(`Hasil penilaian kinerja ${PERIOD} Anda dari Rina Marlina`);
    await seen(result);
    expect(await result.textContent()).toContain("Predikat: Baik");
    expect(await result.textContent()).toContain("Pertahankan kecepatan pemutakhiran data");
    await expectReply(() => press(/^Ajukan keberatan$/), /Tulis alasan keberatan Anda/);
    await expectReply(() => sendTelegram(OBJECTION), /Keberatan Anda sudah dikirim ke Drs\. Asep Sunandar/);
    await shot(page, "objected");
  });

  it("as the camat on Slack, changes the result in a modal with new ratings and a reason", async () => {
    const options = await page.locator("#person-select option").allTextContents();
    expect(options.some((o) => o.includes("Asep Sunandar") && o.includes("Camat Andir"))).toBe(true);
    await asPerson(DEMO.camat);
    const objection = slackSaid("Keberatan dari Budi Santoso");
    await seen(objection);
    expect(await objection.textContent()).toContain(`Alasan keberatan: ${OBJECTION}`);
    expect(await objection.textContent()).toContain("Predikat: Baik");
    await clickIn("Keberatan dari Budi Santoso", /^Ubah$/);
    const modal = page.getByTestId("slack-modal");
    await seen(modal);
    expect(await modal.locator("#slack-modal-title").textContent()).toBe("Ubah hasil");
    await choose("Rating hasil kerja", "Di atas ekspektasi");
    await choose("Rating perilaku kerja", "Di atas ekspektasi");
    await modal.getByLabel("Alasan keputusan").fill("Penanganan pengaduan warga memang melampaui target.");
    await shot(page, "decision-modal");
    await page.locator("#slack-modal-submit").click();
    await modal.waitFor({ state: "detached" });
    await seen(slackSaid(/Keputusan tersimpan: hasil Budi Santoso diubah menjadi Sangat Baik/));
    await shot(page, "decided");
  });

  it("as Budi, reads the final decision; Rina is told too", async () => {
    await asPerson(DEMO.budi);
    const decision = botSaid(/predikat Anda kini Sangat Baik/);
    await seen(decision);
    expect(await decision.textContent()).toContain(
      "Alasan: Penanganan pengaduan warga memang melampaui target.",
    );
    await expectReply(() => sendTelegram("/penilaian"), new RegExp(`${PERIOD}: Sangat Baik`));
    const budi = await sim.database.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    const evaluation = await sim.database.db.evaluation.findFirstOrThrow({ where: { personId: budi.id } });
    expect(evaluation).toMatchObject({
      periodCode: "DEMO-20261123",
      predikat: "SANGAT_BAIK",
      status: "FINAL",
    });
    await shot(page, "decision-told");
    await asPerson(DEMO.kasiPelayanan);
    await seen(slackSaid(/Drs\. Asep Sunandar, M\.Si\. mengubah hasil penilaian Budi Santoso/));
  });

  it("a citizen answers the section's survey on a phone with JavaScript off, served by Budi", async () => {
    const { db } = sim.database;
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
    const budi = await db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    const token = await surveyTokenOf(db, unit.id);
    const code = await staffCodeOf(db, budi.id);
    const survey = `${sim.url.replace("localhost", "127.0.0.1")}/survei/${token}?p=${code}`;
    const answers = ["4 Sangat baik", "3 Baik", "4 Sangat baik", "4 Sangat baik", "3 Baik"];
    answers.push("4 Sangat baik", "4 Sangat baik", "2 Kurang baik", "3 Baik");
    // A separate browser: a phone-sized window, no script at all, its own cookies.
    const phone = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    try {
      const citizen = await phone.newPage();
      const answerSurvey = async () => {
        const opened = await citizen.goto(survey);
        expect(opened?.status()).toBe(200);
        await seen(citizen.getByRole("heading", { name: "Bagaimana layanan kami?" }));
        await seen(citizen.getByText("Dilayani oleh Budi Santoso"));
        const groups = citizen.getByRole("group");
        expect(await groups.count()).toBe(9);
        for (const [i, answer] of answers.entries()) {
          await groups.nth(i).getByRole("radio", { name: answer }).check();
        }
        await citizen
          .getByLabel("Saran dan masukan (boleh dikosongkan)")
          .fill("Petugasnya sabar menjelaskan.");
      };
      await answerSurvey();
      await shot(citizen, "survey-filled");
      await citizen.getByRole("button", { name: "Kirim penilaian" }).click();
      await seen(citizen.getByRole("heading", { name: "Terima kasih" }));
      expect(await citizen.textContent("body")).toContain("Seksi Pelayanan Kecamatan Andir");
      await shot(citizen, "survey-thanks");
      const row = await db.surveyResponse.findFirstOrThrow({
        where: { comment: "Petugasnya sabar menjelaskan." },
      });
      expect(row).toMatchObject({ channel: "WEB", servedById: budi.id, u1: 4, u8: 2, u9: 3 });
      // The same phone again that day: refused politely, nothing counted twice.
      await answerSurvey();
      await citizen.getByRole("button", { name: "Kirim penilaian" }).click();
      await seen(citizen.getByRole("heading", { name: "Sudah diisi hari ini" }));
      expect(await db.surveyResponse.count()).toBe(1);
    } finally {
      await phone.close();
    }
  });
});
