import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../adapters/simulator/chat-log.ts";
import type { SlackMessage } from "../../adapters/simulator/slack-conversations.ts";
import { blockActions, interactionRequest } from "../../adapters/simulator/slack-requests.ts";
import {
  DEMO,
  SLACK_SIGNING_SECRET,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
} from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. Dewi, Siti and Budi (Seksi Pelayanan) on Telegram, their head Rina
// on Slack; Rina and Dedi (heads of section) answer to the camat, who decides on Telegram; Dedi's team
// (Agus, Nur Aini, Rizky) answers to Dedi on Slack. Nobody has an evaluation or colleagues' input, and every
// training's kompetensi is a BerAKHLAK value: no IKI matches, so nobody is recommended anything.
let t: TelegramTestApp;
let dewi: TelegramTestUser;
let siti: TelegramTestUser;
let budi: TelegramTestUser;
let camat: TelegramTestUser;
let rina: SlackTestUser;
let dedi: SlackTestUser;
const ids = {} as Record<keyof typeof DEMO, string>;
/** PLT-C01 … PLT-C10 (active) and PLT-C99 (no longer in the catalogue), by code */
const trainings: Record<string, string> = {};
const NAMES = ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh"];
const STALE = "Tombol ini sudah tidak berlaku. Silakan mulai lagi.";

const code = (n: number) => `PLT-C${String(n).padStart(2, "0")}`;
const labels = (m: ChatMessage | undefined) => (m?.inlineKeyboard ?? []).flat().map((b) => b.text);
const lastAnswer = () =>
  (t.botApi.callsTo("answerCallbackQuery").at(-1)?.payload as { text?: string } | undefined)?.text;
const received = (user: TelegramTestUser, text: string) =>
  t.eventually(async () => user.texts().find((x) => x.includes(text)), `"${text}"`);

/** A Telegram message of this user's chat with these words (the latest), and its button of this label. */
function telegramButton(user: TelegramTestUser, words: string[], label: string) {
  const found = [...user.chat().visible()]
    .reverse()
    .find((m) => words.every((w) => (m.text ?? "").includes(w)));
  for (const button of found?.inlineKeyboard.flat() ?? []) {
    if (button.text === label && "callback_data" in button && button.callback_data) {
      return { data: button.callback_data, messageId: found?.messageId ?? 0 };
    }
  }
  return undefined;
}

/** The Slack DM messages with all these words. */
const slackMessages = (user: SlackTestUser, words: string[]) =>
  user
    .dm()
    .visible()
    .filter((m) => words.every((w) => m.text.includes(w)));

const buttonLabels = (m: SlackMessage) =>
  m.blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b as { elements?: { text?: { text: string } }[] }).elements ?? [])
    .map((e) => e.text?.text);

/** Clicks the button of this label in that very message (not the latest message showing the label). */
async function clickIn(user: SlackTestUser, message: SlackMessage, label: string) {
  let actionId: string | undefined;
  for (const block of message.blocks) {
    if (block.type !== "actions") continue;
    for (const e of (block as { elements?: { text?: { text: string }; action_id: string }[] }).elements ??
      []) {
      if (e.text?.text === label) actionId = e.action_id;
    }
  }
  if (!actionId) throw new Error(`no ${label} in ${message.text}`);
  const payload = blockActions({
    userId: user.userId,
    action: { actionId },
    message,
    channelId: t.slack.dmChannelOf(user.userId),
  });
  const response = await user.post(
    interactionRequest(SLACK_SIGNING_SECRET, payload, {
      timestamp: Math.floor(t.clock.now.getTime() / 1000),
    }),
  );
  expect(response.status).toBe(200);
}

const slackUpdates = (ts: string) =>
  t.slack.callsTo("chat.update").filter((c) => String(c.payload.ts) === ts);

/** A request waiting since `at`, put in the database directly: nobody was ever told of it. */
function waitingRequest(person: keyof typeof DEMO, training: string, at: string) {
  return t.db.trainingRequest.create({
    data: { personId: ids[person], trainingId: trainings[training] ?? "", createdAt: new Date(at) },
  });
}

function waitingCompletion(person: keyof typeof DEMO, training: string, at: string) {
  return t.db.trainingCompletion.create({
    data: {
      personId: ids[person],
      trainingId: trainings[training] ?? "",
      hours: "4",
      completedOn: new Date("2026-11-19"),
      platform: "TELEGRAM",
      fileId: `cert-${person}`,
      mimeType: "image/jpeg",
      createdAt: new Date(at),
    },
  });
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  // Created out of order: the catalogue is listed by code.
  for (const n of [10, 3, 1, 2, 4, 5, 6, 7, 8, 9]) {
    const row = await t.db.training.create({
      data: {
        code: code(n),
        name: `Pelatihan ${NAMES[n - 1]}`,
        competency: "KOLABORATIF",
        hours: "4",
        organizer: "BPSDM Jabar",
        url: `https://bpsdm.example.go.id/kelas/c${n}`,
      },
    });
    trainings[code(n)] = row.id;
  }
  trainings["PLT-C99"] = (
    await t.db.training.create({
      data: { code: "PLT-C99", name: "Kelas Lama", competency: "ADAPTIF", hours: "2", active: false },
    })
  ).id;
  // Dewi: PLT-C02 approved already (taken), PLT-C03 declined (may be requested again).
  await t.db.trainingRequest.create({
    data: { personId: ids.dewi, trainingId: trainings["PLT-C02"] ?? "", status: "DISETUJUI", version: 2 },
  });
  await t.db.trainingRequest.create({
    data: { personId: ids.dewi, trainingId: trainings["PLT-C03"] ?? "", status: "DITOLAK", version: 2 },
  });
  dewi = t.user(9601);
  siti = t.user(9602);
  budi = t.user(9603);
  camat = t.user(9604);
  await dewi.linkTo(DEMO.dewi);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  await camat.linkTo(DEMO.camat);
  rina = t.slackUser("UDEMOKASIPEL");
  dedi = t.slackUser("UDEMOKASIPEM");
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe("Katalog pelatihan: any training may be requested", () => {
  let catalogueId: number;
  /** The catalogue message (paged in place), wherever it is in the chat now */
  const catalogue = () => dewi.chat().messages.find((m) => m.messageId === catalogueId);

  it("with no recommendation, the catalogue pages by eight and Ajukan reaches the supervisor", async () => {
    await dewi.say("/pelatihan");
    expect(dewi.lastText()).toContain("Belum ada rekomendasi khusus saat ini");
    expect(labels(dewi.last())).toEqual(["Katalog pelatihan", "Laporkan selesai"]);

    await dewi.press("Katalog pelatihan");
    const first = dewi.last();
    catalogueId = first?.messageId ?? 0;
    const page1 = dewi.lastText();
    expect(page1).toContain("Katalog pelatihan: 10 pelatihan, halaman 1 dari 2");
    expect(page1).toContain(
      "1. PLT-C01 Pelatihan Satu — 4 JP, BPSDM Jabar\n   Tautan: https://bpsdm.example.go.id/kelas/c1",
    );
    expect(page1).toContain("2. PLT-C02 Pelatihan Dua — 4 JP, BPSDM Jabar");
    expect(page1).toContain("8. PLT-C08 Pelatihan Delapan");
    expect(page1).not.toContain("PLT-C09");
    expect(page1).not.toContain("PLT-C99");
    // PLT-C02 is approved already: said so, and not offered; the declined PLT-C03 may be asked again.
    expect(page1).toMatch(/PLT-C02 [^\n]*\n[^\n]*\n {3}Sudah Anda ajukan atau laporkan/);
    expect(labels(first)).toEqual([
      "Ajukan PLT-C01",
      "Ajukan PLT-C03",
      "Ajukan PLT-C04",
      "Ajukan PLT-C05",
      "Ajukan PLT-C06",
      "Ajukan PLT-C07",
      "Ajukan PLT-C08",
      "Berikutnya",
    ]);

    await dewi.press("Berikutnya");
    expect(dewi.last()?.messageId).toBe(catalogueId);
    const page2 = dewi.lastText();
    expect(page2).toContain("halaman 2 dari 2");
    expect(page2).toContain("9. PLT-C09 Pelatihan Sembilan — 4 JP, BPSDM Jabar");
    expect(page2).toContain("10. PLT-C10 Pelatihan Sepuluh");
    expect(page2).not.toContain("PLT-C01");
    expect(labels(dewi.last())).toEqual(["Ajukan PLT-C09", "Ajukan PLT-C10", "Sebelumnya"]);

    await dewi.press("Ajukan PLT-C09");
    expect(dewi.lastText()).toContain(
      "Permintaan pelatihan PLT-C09 Pelatihan Sembilan sudah dikirim ke atasan Anda",
    );
    const told = await t.eventually(
      async () => slackMessages(rina, ["Permintaan pelatihan menunggu", "PLT-C09"])[0],
      "Rina told",
    );
    expect(told.text).toContain("• Pegawai: Dewi Lestari, A.Md.");
    const request = await t.db.trainingRequest.findFirstOrThrow({
      where: { personId: ids.dewi, trainingId: trainings["PLT-C09"] },
    });
    expect(request.status).toBe("DIAJUKAN");
  });

  it("a training requested from the catalogue is no longer offered there", async () => {
    await dewi.press("Sebelumnya");
    expect(catalogue()?.text).toContain("halaman 1 dari 2");
    await dewi.press("Berikutnya");
    expect(catalogue()?.text).toMatch(/PLT-C09 [^\n]*\n[^\n]*\n {3}Sudah Anda ajukan atau laporkan/);
    expect(labels(catalogue())).toEqual(["Ajukan PLT-C10", "Sebelumnya"]);
  });

  it("a forged page gets the stale-button notice and changes nothing; a page past the end shows the last", async () => {
    const before = catalogue()?.text;
    const sent = dewi.chat().messages.length;
    for (const data of ["p:cat:0", "p:cat:-1", "p:cat:abc", "p:cat:1.5", "p:cat:", "p:cat:9999999"]) {
      await dewi.pressData(data, catalogueId);
      expect(lastAnswer(), data).toBe(STALE);
    }
    expect(dewi.chat().messages.length).toBe(sent);
    expect(catalogue()?.text).toBe(before);

    await dewi.pressData("p:cat:1", catalogueId);
    expect(catalogue()?.text).toContain("halaman 1 dari 2");
    await dewi.pressData("p:cat:99", catalogueId);
    expect(catalogue()?.text).toContain("halaman 2 dari 2");
    expect(dewi.chat().messages.length).toBe(sent);
  });
});

describe("/antrian lists the team's waiting training requests and completions", () => {
  it("on Slack: only training waits, each with its buttons; Setujui there decides and the employee is told", async () => {
    // Never told to anyone (stuck): Siti's request, Budi's completion; and Dewi's request of above.
    await waitingRequest("siti", "PLT-C05", "2026-11-20T02:00:00Z");
    const completion = await waitingCompletion("budi", "PLT-C06", "2026-11-21T02:00:00Z");
    await rina.command("antrian");
    const header = await rina.waitForDm((x) => x.includes("Pelatihan menunggu keputusan Anda"), "header");
    expect(header).toContain("Tidak ada laporan kegiatan yang menunggu persetujuan Anda.");
    expect(header).toContain(
      "Pelatihan menunggu keputusan Anda: 2 permintaan dan 1 laporan selesai dengan sertifikat",
    );
    expect(rina.dm().texts().join("\n")).not.toContain("Terima kasih!");

    const request = await t.eventually(
      async () => slackMessages(rina, ["Permintaan pelatihan menunggu", "Siti Nurhaliza"])[0],
      "Siti's request in the queue",
    );
    expect(request.text).toContain("• Pelatihan: PLT-C05 Pelatihan Lima");
    expect(buttonLabels(request)).toEqual(["Setujui", "Tolak"]);
    const finished = await t.eventually(
      async () => slackMessages(rina, ["Laporan selesai pelatihan menunggu", "Budi Santoso"])[0],
      "Budi's completion in the queue",
    );
    expect(finished.text).toContain("• Pelatihan: PLT-C06 Pelatihan Enam");
    expect(finished.text).toMatch(/http:\/\/kinerja\.test\/evidence\/c-/);
    expect(buttonLabels(finished)).toEqual(expect.arrayContaining(["Setujui", "Minta perbaikan"]));
    // Dewi's request again, with live buttons: it was told once, now it is in the queue too.
    await t.eventually(
      async () => slackMessages(rina, ["Permintaan pelatihan menunggu", "PLT-C09"]).length === 2,
      "Dewi's request in the queue",
    );

    await clickIn(rina, request, "Setujui");
    const edited = await t.eventually(async () => slackUpdates(request.ts)[0], "decided in place");
    expect(String(edited.payload.text)).toContain("Disetujui oleh Rina Marlina, S.Sos.");
    await received(siti, "Permintaan pelatihan PLT-C05 Pelatihan Lima disetujui oleh Rina Marlina, S.Sos.");
    const decided = await t.db.trainingRequest.findFirstOrThrow({
      where: { personId: ids.siti, trainingId: trainings["PLT-C05"] },
    });
    expect(decided.status).toBe("DISETUJUI");

    await clickIn(rina, finished, "Setujui");
    await t.eventually(async () => slackUpdates(finished.ts)[0], "approved in place");
    await received(budi, "Sertifikat PLT-C06 Pelatihan Enam disetujui. 4 JP dihitung untuk tahun 2026.");
    expect((await t.db.trainingCompletion.findUniqueOrThrow({ where: { id: completion.id } })).status).toBe(
      "DISETUJUI",
    );
  });

  it("on Telegram: oldest first after the header, and Setujui in the queue decides", async () => {
    await waitingRequest("kasiPemerintahan", "PLT-C07", "2026-11-22T02:00:00Z");
    await waitingCompletion("kasiPelayanan", "PLT-C08", "2026-11-21T02:00:00Z");
    // The team board counts them too, so its queue button is there with no report waiting.
    await camat.say("/tim");
    expect(camat.lastText()).toContain("Pelatihan menunggu persetujuan Anda: 2 (lihat Antrian).");
    expect(camat.findButton("Antrian (2)")).toBeDefined();
    const sent = camat.chat().messages.length;
    await camat.say("/antrian");
    const texts = camat
      .chat()
      .messages.slice(sent)
      .map((m) => m.text ?? "");
    expect(texts).toHaveLength(3);
    expect(texts[0]).toBe(
      "Tidak ada laporan kegiatan yang menunggu persetujuan Anda.\n" +
        "Pelatihan menunggu keputusan Anda: 1 permintaan dan 1 laporan selesai dengan sertifikat (yang terlama di atas).",
    );
    expect(texts[1]).toContain("• Pegawai: Rina Marlina, S.Sos.\n• Pelatihan: PLT-C08 Pelatihan Delapan");
    expect(texts[2]).toContain("• Pegawai: Dedi Kurniawan, S.IP.\n• Pelatihan: PLT-C07 Pelatihan Tujuh");

    const button = telegramButton(camat, ["PLT-C07", "Dedi Kurniawan"], "Setujui");
    if (!button) throw new Error("no Setujui on Dedi's request");
    await camat.pressData(button.data, button.messageId);
    const edit = t.botApi
      .callsTo("editMessageText")
      .find((c) => Number(c.payload.chat_id) === 9604 && Number(c.payload.message_id) === button.messageId);
    expect(String(edit?.payload.text)).toContain("Disetujui oleh Drs. Asep Sunandar, M.Si.");
    await dedi.waitForDm(
      (x) => x.includes("Permintaan pelatihan PLT-C07 Pelatihan Tujuh disetujui oleh Drs. Asep Sunandar"),
      "Dedi told",
    );
    const request = await t.db.trainingRequest.findFirstOrThrow({
      where: { personId: ids.kasiPemerintahan, trainingId: trainings["PLT-C07"] },
    });
    expect(request.status).toBe("DISETUJUI");
  });

  it("shows at most ten, the oldest, and says how many more wait", async () => {
    for (let n = 1; n <= 10; n += 1) {
      await waitingRequest("agus", code(n), `2026-11-${String(n).padStart(2, "0")}T02:00:00Z`);
    }
    await waitingRequest("nurAini", "PLT-C01", "2026-11-23T02:00:00Z");
    await dedi.command("antrian");
    await dedi.waitForDm((x) => x.includes("… dan 1 pelatihan lainnya menunggu keputusan"), "more");
    await t.eventually(
      async () => slackMessages(dedi, ["Permintaan pelatihan menunggu", "Agus Firmansyah"]).length === 10,
      "ten of Agus's requests",
    );
    expect(dedi.dm().texts().join("\n")).toContain("Pelatihan menunggu keputusan Anda: 11 permintaan");
    expect(slackMessages(dedi, ["Nur Aini"])).toHaveLength(0);
  });
});

describe("the catalogue stays below Telegram's 4,096 characters", () => {
  it("with the longest names, organisers and links the import allows", async () => {
    for (const [n, id] of Object.entries(trainings)) {
      await t.db.training.update({
        where: { id },
        data: {
          name: `${n} ${"Nama panjang ".repeat(20)}`.slice(0, 200),
          organizer: "Penyelenggara panjang ".repeat(10).slice(0, 200),
          url: `https://bpsdm.example.go.id/${"x".repeat(480)}/${n}`.slice(0, 500),
        },
      });
    }
    await dewi.say("/pelatihan");
    await dewi.press("Katalog pelatihan");
    const text = dewi.lastText();
    expect(text.length).toBeLessThan(4096);
    expect(text).toContain("Katalog pelatihan: 10 pelatihan, halaman 1 dari 2");
    expect(text).toContain("8. PLT-C08 PLT-C08 Nama panjang");
    expect(text).toMatch(/Sudah Anda ajukan atau laporkan/);
    expect(labels(dewi.last())).toContain("Ajukan PLT-C08");
  });
});
