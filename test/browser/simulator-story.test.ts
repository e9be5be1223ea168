import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshotter } from "../support/browser.ts";
import { SimulatorTestApp } from "../support/simulator-app.ts";
import { DEMO } from "../support/telegram-app.ts";

/**
 * The core story, clicked through /simulator in Chromium as a newcomer would: the page, the real
 * adapters behind it, the stand-ins, PostgreSQL and Redis. Screenshots go to artifacts/simulator/.
 */
let sim: SimulatorTestApp;
let browser: Browser;
let page: Page;
const shot = screenshotter("simulator");
const DESCRIPTION = "Memutakhirkan data penduduk RW 05";
const FIXED = "Memutakhirkan data penduduk RW 05 (40 KK, sesuai daftar)";

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
});
