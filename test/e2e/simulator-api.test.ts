import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorState, SlackItem, TelegramItem } from "../../adapters/simulator/web/contract.ts";
import { lastBotText, SimulatorTestApp } from "../support/simulator-app.ts";
import { DEMO } from "../support/telegram-app.ts";

/**
 * The simulator's API as the page uses it: every action becomes a real platform request (a
 * Telegram update through long polling, a signed Slack request) handled by the real adapters.
 */
let sim: SimulatorTestApp;
beforeAll(async () => {
  sim = await SimulatorTestApp.start();
});
afterAll(async () => {
  await sim?.close();
});

type BotMessage = Extract<TelegramItem, { from: "bot" }>;
type SlackBotMessage = Extract<SlackItem, { from: "bot" }>;

function telegramButton(state: SimulatorState, label: RegExp) {
  const messages = state.telegram.items.filter((i): i is BotMessage => i.from === "bot").reverse();
  for (const message of messages) {
    const button = message.buttons.flat().find((b) => b.data && label.test(b.text));
    if (button?.data) return { messageId: message.messageId, data: button.data };
  }
  return undefined;
}

function slackButton(state: SimulatorState, label: RegExp) {
  const messages = state.slack.items.filter((i): i is SlackBotMessage => i.from === "bot").reverse();
  for (const message of messages) {
    for (const block of message.blocks as {
      type: string;
      elements?: { text?: { text: string }; action_id: string }[];
    }[]) {
      const button = block.elements?.find((e) => e.text && label.test(e.text.text));
      if (block.type === "actions" && button)
        return { channel: message.channel, ts: message.ts, actionId: button.action_id };
    }
  }
  return undefined;
}

async function say(nip: string, text: string, expectReply: RegExp) {
  const before = (await sim.state(nip)).telegram.items.length;
  expect((await sim.post("telegram/message", { nip, text })).status).toBe(200);
  return sim.until(
    nip,
    (s) => s.telegram.items.length > before + 1 && expectReply.test(lastBotText(s)) && s,
    `reply to "${text}" matching ${expectReply}`,
  );
}

async function press(nip: string, label: RegExp, expectReply: RegExp) {
  const button = telegramButton(await sim.state(nip), label);
  if (!button) throw new Error(`no button ${label}`);
  expect((await sim.post("telegram/press", { nip, ...button })).status).toBe(200);
  return sim.until(nip, (s) => expectReply.test(lastBotText(s)) && s, `reply to ${label}`);
}

describe("npm start with no platform credentials", () => {
  it("seeds the demo organisation into the empty database and lists its people", async () => {
    const people = await sim.people();
    const budi = people.find((p) => p.nip === DEMO.budi);
    const rina = people.find((p) => p.nip === DEMO.kasiPelayanan);
    expect(budi).toMatchObject({
      name: expect.stringContaining("Budi"),
      supervisor: false,
      telegramLinked: false,
    });
    expect(rina).toMatchObject({ supervisor: true, slackUserId: "UDEMOKASIPEL" });
    expect(sim.app.simulatorUrl).toMatch(/^http:\/\/localhost:\d+\/simulator$/);
    const page = await fetch(sim.simulatorUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/simulator/assets/simulator.js");
  });
});

describe("the story through the simulator's API", () => {
  it("links Budi on Telegram with a code HR issued", async () => {
    const issued = await sim.post("link-code", { nip: DEMO.budi });
    expect(issued.status).toBe(200);
    const code = issued.answer.ok ? issued.answer.code : undefined;
    expect(code).toMatch(/^[A-Z0-9]{6,}$/);
    await say(DEMO.budi, `/start ${code}`, /Budi/);
    expect((await sim.state(DEMO.budi)).person.telegramLinked).toBe(true);
  });

  it("reports through /lapor with a photo as evidence, and Rina gets it on Slack without ever writing first", async () => {
    await say(DEMO.budi, "/lapor", /tanggal|hari/i);
    await press(DEMO.budi, /^Hari ini/, /indikator|IKI/i);
    await press(DEMO.budi, /^IKI-1\.1/, /uraian|kerjakan/i);
    await say(DEMO.budi, "Melayani pembuatan KTP elektronik warga RW 05", /jumlah|berapa/i);
    await say(DEMO.budi, "6", /jam|waktu/i);
    await say(DEMO.budi, "08.00-10.00", /bukti/i);
    const before = (await sim.state(DEMO.budi)).telegram.items.length;
    expect((await sim.post("telegram/photo", { nip: DEMO.budi, caption: "Foto pelayanan" })).status).toBe(
      200,
    );
    await sim.until(
      DEMO.budi,
      (s) => s.telegram.items.length > before + 1 && telegramButton(s, /^Kirim$/),
      "summary",
    );
    await press(DEMO.budi, /^Kirim$/, /laporan terkirim/);
    const activity = await sim.database.db.activity.findFirstOrThrow({
      where: { description: "Melayani pembuatan KTP elektronik warga RW 05" },
      include: { evidence: true },
    });
    expect(activity.status).toBe("DIAJUKAN");
    expect(activity.evidence).toHaveLength(1);

    const rinaState = await sim.until(
      DEMO.kasiPelayanan,
      (s) => slackButton(s, /^Minta revisi$/) && s,
      "review request in Rina's Slack DM",
    );
    const request = rinaState.slack.items.at(-1) as SlackBotMessage;
    expect(JSON.stringify(request.blocks)).toContain("Melayani pembuatan KTP elektronik");
  });

  it("asks for a revision in a modal; the reason reaches Budi on Telegram", async () => {
    const button = slackButton(await sim.state(DEMO.kasiPelayanan), /^Minta revisi$/);
    expect(button).toBeDefined();
    expect(
      (await sim.post("slack/click", { nip: DEMO.kasiPelayanan, surface: "message", ...button })).status,
    ).toBe(200);
    const withModal = await sim.until(DEMO.kasiPelayanan, (s) => s.slack.modal, "reason modal");
    const input = (
      withModal.blocks as { type: string; block_id: string; element: { action_id: string } }[]
    ).find((b) => b.type === "input");
    expect(input).toBeDefined();
    const submitted = await sim.post("slack/submit", {
      nip: DEMO.kasiPelayanan,
      viewId: withModal.viewId,
      values: { [input!.block_id]: { [input!.element.action_id]: "Mohon sebutkan jumlah KTP yang selesai" } },
    });
    expect(submitted.status).toBe(200);
    expect((await sim.state(DEMO.kasiPelayanan)).slack.modal).toBeNull();
    await sim.until(DEMO.budi, (s) => /perlu direvisi/.test(lastBotText(s)) && s, "revision notice");
    expect(lastBotText(await sim.state(DEMO.budi))).toContain("Mohon sebutkan jumlah KTP yang selesai");
  });

  it("shows the pop-up a pressed button's answer carries, in the chat of the one who pressed", async () => {
    const before = await sim.state(DEMO.budi);
    const stale = before.telegram.items
      .filter((i): i is BotMessage => i.from === "bot")
      .flatMap((m) => m.buttons.flat().map((b) => ({ messageId: m.messageId, data: b.data, text: b.text })))
      .find((b) => b.text === "Kirim" && b.data);
    expect(stale).toBeDefined();
    expect(
      (await sim.post("telegram/press", { nip: DEMO.budi, messageId: stale!.messageId, data: stale!.data }))
        .status,
    ).toBe(200);
    const notices = await sim.until(
      DEMO.budi,
      (s) => {
        const found = s.telegram.items.filter((i) => i.from === "notice");
        return found.length > 0 && found;
      },
      "a pop-up notice",
    );
    expect(notices.at(-1)?.text).toMatch(/tidak berlaku|berakhir/);
    expect((await sim.state(DEMO.kasiPelayanan)).telegram.items.some((i) => i.from === "notice")).toBe(false);
  });

  it("answers the App Home tab with the supervisor's board", async () => {
    expect((await sim.post("slack/home", { nip: DEMO.kasiPelayanan })).status).toBe(200);
    const home = await sim.until(DEMO.kasiPelayanan, (s) => s.slack.home, "App Home view");
    expect(home.blocks.length).toBeGreaterThan(0);
  });

  it("runs a slash command and shows its answer to the one who typed it", async () => {
    const before = (await sim.state(DEMO.kasiPelayanan)).slack.items.length;
    expect((await sim.post("slack/command", { nip: DEMO.kasiPelayanan, text: "bantuan" })).status).toBe(200);
    const state = await sim.until(
      DEMO.kasiPelayanan,
      (s) => s.slack.items.length >= before + 2 && s,
      "help answer",
    );
    const said = state.slack.items.filter((i) => i.from === "user").at(-1);
    expect(said?.text).toBe("/kinerja bantuan");
    expect(JSON.stringify(state.slack.items.slice(before))).toContain("/kinerja antrian");
  });

  it("closing the reason modal tells the app (view_closed): Rina's next message decides nothing", async () => {
    await say(DEMO.budi, "/lapor", /tanggal|hari/i);
    await press(DEMO.budi, /^Hari ini/, /indikator|IKI/i);
    await press(DEMO.budi, /^IKI-1\.1/, /uraian|kerjakan/i);
    await say(DEMO.budi, "Mengarsipkan berkas & map warga", /jumlah|berapa/i);
    await say(DEMO.budi, "4", /jam|waktu/i);
    await say(DEMO.budi, "45", /bukti/i);
    await press(DEMO.budi, /^Lewati$/, /Ringkasan/);
    await press(DEMO.budi, /^Kirim$/, /laporan terkirim/);
    const activity = await sim.database.db.activity.findFirstOrThrow({
      where: { description: "Mengarsipkan berkas & map warga" },
    });
    const rina = DEMO.kasiPelayanan;
    const button = await sim.until(rina, (s) => slackButton(s, /^Tolak$/), "review request");
    await sim.post("slack/click", { nip: rina, surface: "message", ...button });
    await sim.until(rina, (s) => s.slack.modal, "reason modal");
    expect((await sim.post("slack/close", { nip: rina })).status).toBe(200);
    const rinaState = () =>
      sim.database.db.conversationState.findFirst({ where: { platform: "SLACK", flow: "v" } });
    const started = Date.now();
    while (await rinaState()) {
      if (Date.now() - started > 10_000) throw new Error("the reason question was not withdrawn");
      await new Promise((r) => setTimeout(r, 30));
    }
    const before = (await sim.state(rina)).slack.items.length;
    expect((await sim.post("slack/message", { nip: rina, text: "duplikat & tidak sesuai" })).status).toBe(
      200,
    );
    await sim.until(rina, (s) => s.slack.items.length >= before + 2 && s, "answer to the message");
    expect((await sim.database.db.activity.findUniqueOrThrow({ where: { id: activity.id } })).status).toBe(
      "DIAJUKAN",
    );
  });
});

describe("what the simulator refuses", () => {
  it("answers a clear message for a malformed NIP, an unknown person, a stale button and bad JSON", async () => {
    const malformed = await sim.post("telegram/message", { nip: "123", text: "halo" });
    expect(malformed).toEqual({ status: 400, answer: { ok: false, error: "NIP harus 18 angka" } });
    const unknown = await sim.post("telegram/message", { nip: "199001012020121999", text: "halo" });
    expect(unknown.status).toBe(404);
    expect(unknown.answer).toMatchObject({ ok: false, error: expect.stringContaining("tidak ada") });
    const stale = await sim.post("telegram/press", { nip: DEMO.budi, messageId: 999999, data: "m:lapor" });
    expect(stale.status).toBe(404);
    const empty = await sim.post("telegram/message", { nip: DEMO.budi, text: "   " });
    expect(empty.answer).toEqual({ ok: false, error: "Pesan kosong" });
    const response = await fetch(`${sim.url}/simulator/api/telegram/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const noModal = await sim.post("slack/submit", { nip: DEMO.budi, viewId: "V123", values: {} });
    expect(noModal.status).toBe(404);
  });
});

describe("live updates", () => {
  it("tells an open event stream when something changed", async () => {
    const controller = new AbortController();
    const response = await fetch(`${sim.url}/simulator/api/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await sim.post("telegram/message", { nip: DEMO.budi, text: "/bantuan" });
    let received = "";
    while (!received.includes("event: change")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toContain("event: change");
  });
});
