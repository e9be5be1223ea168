import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO,
  SLACK_BOT_TOKEN,
  type SlackTestUser,
  TelegramTestApp,
  type TelegramTestUser,
} from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. Siti on Telegram; Rina (her head) on Slack.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: SlackTestUser;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", slack: true });
  siti = t.user(9401);
  await siti.linkTo(DEMO.siti);
  rina = t.slackUser("UDEMOKASIPEL");
  await siti.report({ description: "Memverifikasi berkas KTP-el warga", time: "90", quantity: 12 });
});
afterAll(async () => {
  await t.close();
});

/** The PNG of the latest photo the bot sent to this Telegram user, as the stand-in kept it. */
function lastPhoto(user: TelegramTestUser): { png: PNG; caption: string | undefined } {
  const message = [...user.chat().visible()].reverse().find((m) => m.kind === "photo");
  const largest = message?.message.photo?.at(-1);
  if (!message || !largest) throw new Error("no photo sent");
  const stored = t.botApi.file(largest.file_id);
  if (!stored) throw new Error("photo bytes not kept");
  const png = PNG.sync.read(Buffer.from(stored.bytes));
  expect([largest.width, largest.height]).toEqual([png.width, png.height]);
  return { png, caption: message.text };
}

describe("charts on Telegram", () => {
  it("/target sends the text, then the progress chart as a photo", async () => {
    const before = t.botApi.callsTo("sendPhoto").length;
    await siti.say("/target");
    expect(t.botApi.callsTo("sendPhoto").length).toBe(before + 1);
    const texts = siti.texts();
    expect(texts.at(-2)).toContain("Capaian SKP 2026:");
    const ikis = await t.db.iki.count({
      where: { skp: { person: { nip: DEMO.siti }, year: 2026 }, active: true },
    });
    const { png, caption } = lastPhoto(siti);
    expect([png.width, png.height]).toEqual([800, 120 + 48 * Math.min(ikis, 16)]);
    expect(caption).toMatch(/^Grafik capaian SKP 2026: IKI-1\.1 0%/);
  });

  it("/rekap sends the month's minutes per day, then the chart", async () => {
    await siti.say("/rekap");
    const text = siti.texts().at(-2) ?? "";
    expect(text).toContain("Rekap kinerja November 2026:");
    expect(text).toContain("• 24 Nov: disetujui 0, menunggu 90 dari 450 menit");
    expect(text).toContain("Masih menunggu persetujuan: 90 menit.");
    expect(text).toMatch(/Hari dilaporkan: 1 dari \d+ hari kerja\./);
    const { png, caption } = lastPhoto(siti);
    expect([png.width, png.height]).toEqual([960, 480]);
    expect(caption).toContain("Grafik menit kerja November 2026");
  });

  it("/rekap takes a month and answers bad or future months politely", async () => {
    await siti.say("/rekap oktober");
    expect(siti.texts().at(-2)).toContain("Rekap kinerja Oktober 2026:");
    const photos = t.botApi.callsTo("sendPhoto").length;
    await siti.say("/rekap bulan depan");
    expect(siti.lastText()).toContain("bulan itu tidak saya kenali. Tulis misalnya /rekap 2026-11");
    await siti.say("/rekap 2027-01");
    expect(siti.lastText()).toContain("Januari 2027 belum dimulai");
    expect(t.botApi.callsTo("sendPhoto").length).toBe(photos);
  });
});

describe("charts on Slack", () => {
  /** The file shares of the app in Rina's DM. */
  const shares = () =>
    rina
      .dm()
      .visible()
      .filter((m) => m.files.length > 0);

  it("/kinerja rekap posts the text, then uploads the chart into the DM", async () => {
    const dm = t.slack.dmChannelOf(rina.userId);
    await rina.command("rekap");
    await t.eventually(async () => shares().length === 1, "chart shared");
    expect(
      rina
        .dm()
        .texts()
        .some((x) => x.includes("Rekap kinerja November 2026:")),
    ).toBe(true);
    const [asked] = t.slack.callsTo("files.getUploadURLExternal");
    const [completed] = t.slack.callsTo("files.completeUploadExternal");
    expect(asked?.payload).toMatchObject({ filename: "rekap-2026-11.png" });
    expect(completed?.payload).toMatchObject({ channel_id: dm });
    expect(completed?.response.ok).toBe(true);
    const file = shares()[0]?.files[0];
    expect(file?.ims).toEqual([dm]);
    const response = await fetch(file?.url_private_download ?? "", {
      headers: { authorization: `Bearer ${SLACK_BOT_TOKEN}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.byteLength).toBe(Number(asked?.payload.length));
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([960, 480]);
  });

  it("without files:write the text still arrives and the next turn works", async () => {
    t.slack.failNext("files.getUploadURLExternal", "missing_scope");
    const before = rina.dm().texts().length;
    await rina.command("rekap 2026-10");
    await rina.waitForDm((x) => x.includes("Rekap kinerja Oktober 2026:"), "text");
    await t.eventually(async () => t.slack.callsTo("files.getUploadURLExternal").length === 2, "tried");
    expect(shares().length).toBe(1);
    await rina.command("rekap kemarin");
    await rina.waitForDm((x) => x.includes("Tulis misalnya /kinerja rekap 2026-11"), "bad month");
    expect(rina.dm().texts().length).toBeGreaterThan(before);
  });

  it("the stand-in refuses an unknown file id and bytes of another length", async () => {
    const call = (method: string, body: Record<string, string>) =>
      fetch(`${t.slack.url}${method}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${SLACK_BOT_TOKEN}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(
      await call("files.completeUploadExternal", { files: JSON.stringify([{ id: "FNOPE" }]) }),
    ).toMatchObject({
      ok: false,
      error: "file_not_found",
    });
    const started = await call("files.getUploadURLExternal", { filename: "x.png", length: "10" });
    const upload = await fetch(String(started.upload_url), { method: "POST", body: new Uint8Array(3) });
    expect(upload.status).toBe(400);
    const right = await fetch(String(started.upload_url), { method: "POST", body: new Uint8Array(10) });
    expect(await right.text()).toBe("OK - 10");
  });
});
