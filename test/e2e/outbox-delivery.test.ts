import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeEffects } from "../../src/outbox/outbox.ts";
import { type OwnRedis, startOwnRedis } from "../support/own-services.ts";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB. The product runs on a Redis of its own, which the tests kill.
let redis: OwnRedis;
let t: TelegramTestApp;
let siti: TelegramTestUser;
let rina: TelegramTestUser;

const reviewRequestsAt = (user: TelegramTestUser, description: string) =>
  user.texts().filter((text) => text.includes("menunggu persetujuan") && text.includes(description)).length;

const outboxRow = (activityId: string) =>
  t.db.outboxEvent.findFirstOrThrow({ where: { jobId: { startsWith: `review-${activityId}-` } } });

beforeAll(async () => {
  redis = await startOwnRedis();
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z", redisUrl: redis.url });
  siti = t.user(5101);
  rina = t.user(6101);
  await siti.linkTo(DEMO.siti);
  await rina.linkTo(DEMO.kasiPelayanan);
}, 60_000);
afterAll(async () => {
  await t.close();
  await redis.stop();
});

describe("the outbox: a turn's notifications are part of the turn", () => {
  it("answers a report while Redis is down, and sends the review request once when Redis is back", async () => {
    await redis.kill();
    // report() fails unless the summary's Kirim was answered with "laporan terkirim".
    const id = await siti.report({ description: "Mengarsipkan surat masuk saat Redis mati", time: "45" });
    const row = await outboxRow(id);
    expect(row.doneAt).toBeNull();
    expect(reviewRequestsAt(rina, "saat Redis mati")).toBe(0);

    await redis.restart();
    await t.eventually(async () => reviewRequestsAt(rina, "saat Redis mati") === 1, "review request", 20_000);
    await t.eventually(async () => (await outboxRow(id)).doneAt, "outbox row done");

    expect(reviewRequestsAt(rina, "saat Redis mati")).toBe(1);
  });

  it("hands a job that Redis lost (a restart without persistence) to the queue again and sends it once", async () => {
    // Only the web role: the row is relayed to Redis, but no worker takes it before Redis loses it.
    t.outboxResendAfterMs = 500;
    await t.restartWithRoles("web");
    const id = await siti.report({ description: "Menyusun daftar hadir rapat minggu", time: "30" });
    await t.eventually(async () => (await outboxRow(id)).relayedAt, "row relayed");
    await redis.kill();
    await redis.restart();
    await t.restartWithRoles("web,worker");
    await t.eventually(
      async () => reviewRequestsAt(rina, "daftar hadir rapat") === 1,
      "review request",
      20_000,
    );
    await t.eventually(async () => (await outboxRow(id)).doneAt, "outbox row done");
    // Later passes find the row done and hand nothing again.
    const relayedAt = (await outboxRow(id)).relayedAt;
    const other = await siti.report({ description: "Mencatat agenda rapat koordinasi", time: "30" });
    await t.eventually(async () => (await outboxRow(other)).doneAt, "a later row done");
    expect((await outboxRow(id)).relayedAt).toEqual(relayedAt);
    expect(reviewRequestsAt(rina, "daftar hadir rapat")).toBe(1);
  });
});

describe("notifications at the send rate", () => {
  it("sends a burst of notifications within TELEGRAM_SEND_RATE, as reminders are", async () => {
    t.sendRate = 8;
    await t.restartWithRoles("web,worker");
    const [from, to] = await Promise.all([
      t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } }),
      t.db.person.findUniqueOrThrow({ where: { nip: DEMO.siti } }),
    ]);
    // The Bot API answers 429 above 10 messages in a sliding second.
    t.botApi.setRateLimit(10);
    const before = t.botApi.stats();
    await t.db.$transaction(async (tx) => {
      for (let i = 0; i < 24; i++) {
        const feedback = await tx.feedback.create({
          data: { fromId: from.id, toId: to.id, text: `Catatan pembinaan nomor ${i}` },
        });
        await writeEffects(tx, [{ kind: "feedback-given", feedbackId: feedback.id }]);
      }
    });
    await t.eventually(
      async () => siti.texts().filter((text) => text.includes("Catatan pembinaan nomor")).length === 24,
      "every feedback delivered",
      30_000,
    );
    expect(t.botApi.stats().tooManyRequests - before.tooManyRequests).toBe(0);
    t.botApi.setRateLimit(null);
  }, 60_000);
});
