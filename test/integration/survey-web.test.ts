import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { createMetrics } from "../../src/http/metrics.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { createSurveyRateLimit, limitedAddress } from "../../src/http/survey-rate-limit.ts";
import { DEVICE_COOKIE, registerSurveyRoutes } from "../../src/http/survey-route.ts";
import { id as messages } from "../../src/i18n/id.ts";
import { createLogger } from "../../src/logger.ts";
import { pruneOldRows } from "../../src/services/retention.ts";
import { staffCodeOf, surveyTokenOf } from "../../src/services/survey-access.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { DEMO, TestClock } from "../support/telegram-app.ts";

const t = messages.survey;
const RATE_MAX = 5;
let database: TestDatabase;
let http: FastifyInstance;
let redis: Redis;
const prefix = `t${randomBytes(4).toString("hex")}`;
// Tuesday 24 November 2026, 10.00 WIB
const clock = new TestClock(new Date("2026-11-24T03:00:00Z"));
let token: string;
let otherToken: string;
let unitId: string;
let budiCode: string;
let budiId: string;
let nextAddress = 1;

/** Each test speaks from its own address, so the rate limit of one never touches another. */
const freshAddress = () => `10.20.0.${nextAddress++}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await importFiles(database.db, DEMO_FILES, { now: clock.now });
  if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
  redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
  http = createHttpServer({ logger: createLogger("silent"), metrics: createMetrics(), readiness: [] });
  registerSurveyRoutes(http, {
    db: database.db,
    clock: clock.read,
    logger: createLogger("silent"),
    rateLimit: createSurveyRateLimit(redis, prefix, { max: RATE_MAX, windowSeconds: 3600 }, () => {}),
    staffLimit: createSurveyRateLimit(redis, `${prefix}:staff`, { max: 2, windowSeconds: 86_400 }, () => {}),
    secureCookie: false,
  });
  await http.ready();
  const unit = await database.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
  const other = await database.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEM" } });
  unitId = unit.id;
  token = await surveyTokenOf(database.db, unit.id);
  otherToken = await surveyTokenOf(database.db, other.id);
  const budi = await database.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
  budiId = budi.id;
  budiCode = await staffCodeOf(database.db, budi.id);
});
afterAll(async () => {
  await http?.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database?.drop();
});

const ALL_GOOD = { u1: "4", u2: "3", u3: "4", u4: "4", u5: "3", u6: "4", u7: "4", u8: "3", u9: "2" };

function encode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

interface Browser {
  address: string;
  cookie: string | undefined;
}

const device = (): Browser => ({ address: freshAddress(), cookie: undefined });

async function open(browser: Browser, path: string) {
  const response = await http.inject({
    method: "GET",
    url: path,
    remoteAddress: browser.address,
    headers: browser.cookie ? { cookie: browser.cookie } : {},
  });
  const set = response.headers["set-cookie"];
  if (typeof set === "string") browser.cookie = set.split(";")[0];
  return response;
}

async function submit(browser: Browser, fields: Record<string, string>, path = `/survei/${token}`) {
  const response = await http.inject({
    method: "POST",
    url: path,
    remoteAddress: browser.address,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(browser.cookie ? { cookie: browser.cookie } : {}),
    },
    payload: encode(fields),
  });
  const set = response.headers["set-cookie"];
  if (typeof set === "string") browser.cookie = set.split(";")[0];
  return response;
}

const responses = () => database.db.surveyResponse.count();

describe("the survey page", () => {
  it("is a small plain form: nine unsur as labelled radio groups 1–4 with words, a comment, no script", async () => {
    const response = await open(device(), `/survei/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const page = response.body;
    expect(Buffer.byteLength(page)).toBeLessThan(30 * 1024);
    expect(page).toContain('<html lang="id">');
    expect(page).toContain("Bagaimana layanan kami?");
    expect(page).toContain("Seksi Pelayanan Kecamatan Andir");
    expect(page).not.toContain("<script");
    expect(page.match(/<fieldset/g)).toHaveLength(9);
    expect(page.match(/<legend>/g)).toHaveLength(9);
    for (const unsur of t.unsur) expect(page).toContain(unsur.name);
    for (let n = 1; n <= 9; n++) {
      for (let score = 1; score <= 4; score++) {
        expect(page).toContain(`name="u${n}" value="${score}"`);
      }
    }
    expect(page).toContain("1 Tidak baik");
    expect(page).toContain("4 Sangat baik");
    expect(page).toContain('<label class="field" for="saran">');
    expect(page).toContain('method="post"');
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
  });

  it("gives the device a first-party cookie: a random id, HttpOnly, SameSite=Lax, only for /survei, long-lived", async () => {
    const response = await open(device(), `/survei/${token}`);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=[A-Za-z0-9_-]{22}; `));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/survei");
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });

  it("is in English with ?lang=en", async () => {
    const page = (await open(device(), `/survei/${token}?lang=en`)).body;
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("How was our service?");
    expect(page).toContain("4 Very good");
    expect(page).toContain(`action="/survei/${token}?lang=en"`);
  });

  it("names the staff member of a valid desk-card code, and nobody for another", async () => {
    const page = (await open(device(), `/survei/${token}?p=${budiCode.toLowerCase()}`)).body;
    expect(page).toContain("Dilayani oleh Budi Santoso");
    expect(page).toContain(`name="p" value="${budiCode}"`);
    const wrong = (await open(device(), `/survei/${token}?p=ZZZZZZ`)).body;
    expect(wrong).not.toContain("Dilayani oleh");
    expect(wrong).not.toContain('name="p"');
    // Budi is not staff of the other section: its survey does not name him.
    const elsewhere = (await open(device(), `/survei/${otherToken}?p=${budiCode}`)).body;
    expect(elsewhere).not.toContain("Dilayani oleh");
  });

  it("answers an unknown survey with a polite 404 page", async () => {
    for (const path of ["/survei/aaaaaaaaaaaa", "/survei/not-a-token"]) {
      const response = await open(device(), path);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain(t.notFoundTitle);
    }
    const posted = await submit(device(), ALL_GOOD, "/survei/aaaaaaaaaaaa");
    expect(posted.statusCode).toBe(404);
    expect(posted.body).toContain(t.notFoundText);
  });
});

describe("answering the survey", () => {
  it("keeps the answer with the unit, the day, the scores, the comment and the staff member, and nothing about the citizen", async () => {
    const browser = device();
    await open(browser, `/survei/${token}`);
    const before = await responses();
    const response = await submit(browser, {
      ...ALL_GOOD,
      saran: "  Antrian cepat, terima kasih.  ",
      p: budiCode,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(t.thanksText("Seksi Pelayanan Kecamatan Andir"));
    expect(await responses()).toBe(before + 1);

    // Inspect the stored rows: which columns exist and what they hold.
    const rows = await database.db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM survey_response WHERE comment = 'Antrian cepat, terima kasih.'`;
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(
      [
        "id",
        "unit_id",
        "local_date",
        "u1",
        "u2",
        "u3",
        "u4",
        "u5",
        "u6",
        "u7",
        "u8",
        "u9",
        "comment",
        "channel",
        "served_by_id",
      ].sort(),
    );
    expect(row).toMatchObject({ unit_id: unitId, channel: "WEB", served_by_id: budiId, u1: 4, u9: 2 });
    expect((row.local_date as Date).toISOString().slice(0, 10)).toBe("2026-11-24");

    // The day's mark is a keyed hash: neither the cookie's id nor the address appears anywhere.
    const deviceId = browser.cookie!.split("=")[1]!;
    const marks = await database.db.surveyAnswered.findMany({ where: { unitId } });
    expect(marks.length).toBeGreaterThanOrEqual(1);
    const dump = JSON.stringify(
      await database.db.$queryRaw`
        SELECT (SELECT json_agg(r) FROM survey_response r) AS responses,
               (SELECT json_agg(a) FROM survey_answered a) AS marks,
               (SELECT json_agg(s) FROM app_secret s WHERE name <> 'survey-device') AS secrets,
               (SELECT json_agg(l) FROM audit_log l) AS audit`,
    );
    expect(dump).not.toContain(deviceId);
    expect(dump).not.toContain(browser.address);
    expect(await database.db.auditLog.count()).toBe(0);
  });

  it("refuses a second answer of the same device to the same unit on the same day (409), not the next day or another unit", async () => {
    const browser = device();
    await open(browser, `/survei/${token}`);
    expect((await submit(browser, ALL_GOOD)).statusCode).toBe(200);
    const counted = await responses();
    const again = await submit(browser, { ...ALL_GOOD, u1: "1" });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(t.alreadyTitle);
    expect(again.body).toContain(t.alreadyText("Seksi Pelayanan Kecamatan Andir"));
    expect(await responses()).toBe(counted);
    // The same device at another unit's survey: a separate answer.
    expect((await submit(browser, ALL_GOOD, `/survei/${otherToken}`)).statusCode).toBe(200);
    // The next day (WIB) it may answer again.
    clock.set("2026-11-24T17:30:00Z"); // 25 November 00.30 WIB
    try {
      expect((await submit(browser, ALL_GOOD)).statusCode).toBe(200);
      expect(await responses()).toBe(counted + 2);
    } finally {
      clock.set("2026-11-24T03:00:00Z");
    }
  });

  it("shows a malformed answer again with 400, the errors named and the answers given kept; nothing counted", async () => {
    const browser = device();
    await open(browser, `/survei/${token}`);
    const before = await responses();
    const { u3: _missing, ...withoutU3 } = ALL_GOOD;
    const response = await submit(browser, {
      ...withoutU3,
      u5: "7",
      saran: "Ruang tunggu <panas>",
      p: budiCode,
    });
    expect(response.statusCode).toBe(400);
    const page = response.body;
    expect(page).toContain(t.errorsHeading);
    expect(page).toContain(t.missing("Waktu penyelesaian"));
    expect(page).toContain(t.invalid("Produk spesifikasi jenis pelayanan"));
    expect(page).toContain('<fieldset id="u3" class="bad" aria-describedby="u3-err">');
    expect(page).toContain('href="#u5"');
    // What was given is still there: the radios checked, the comment (escaped), the staff member.
    expect(page).toContain('name="u1" value="4" required checked');
    expect(page).toContain('name="u9" value="2" required checked');
    expect(page).not.toMatch(/name="u3" value="\d" required checked/);
    expect(page).toContain("Ruang tunggu &lt;panas&gt;</textarea>");
    expect(page).toContain("Dilayani oleh Budi Santoso");
    expect(await responses()).toBe(before);
    // Then corrected: counted once.
    expect((await submit(browser, { ...ALL_GOOD, saran: "Ruang tunggu panas" })).statusCode).toBe(200);
    expect(await responses()).toBe(before + 1);
  });

  it("refuses an unsur given twice or outside 1–4", async () => {
    const browser = device();
    const zero = await submit(browser, { ...ALL_GOOD, u2: "0" });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain(t.invalid("Sistem, mekanisme dan prosedur"));
    const twice = await http.inject({
      method: "POST",
      url: `/survei/${token}`,
      remoteAddress: browser.address,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `${encode(ALL_GOOD)}&u7=1`,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain(t.invalid("Perilaku pelaksana"));
  });

  it("limits the comment to 1,000 characters (400) and the whole submission to 16 KiB (413)", async () => {
    const before = await responses();
    const long = await submit(device(), { ...ALL_GOOD, saran: "a".repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain(t.commentError(1000));
    expect((await submit(device(), { ...ALL_GOOD, saran: "a".repeat(1000) })).statusCode).toBe(200);
    const huge = await submit(device(), { ...ALL_GOOD, saran: "b".repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers["content-type"]).toContain("text/html");
    expect(huge.body).toContain(t.tooLargeTitle);
    expect(await responses()).toBe(before + 1);
  });

  it("thanks a filled honeypot like anyone and counts nothing", async () => {
    const browser = device();
    await open(browser, `/survei/${token}`);
    const before = await responses();
    const marks = await database.db.surveyAnswered.count();
    const response = await submit(browser, { ...ALL_GOOD, website: "http://spam.example" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(t.thanksText("Seksi Pelayanan Kecamatan Andir"));
    expect(await responses()).toBe(before);
    expect(await database.db.surveyAnswered.count()).toBe(marks);
    // The same device can still answer for real.
    expect((await submit(browser, ALL_GOOD)).statusCode).toBe(200);
  });

  it("refuses a form posted from another site (403), counting nothing", async () => {
    const before = await responses();
    const response = await http.inject({
      method: "POST",
      url: `/survei/${token}`,
      remoteAddress: freshAddress(),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      payload: encode(ALL_GOOD),
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain(t.crossSiteText);
    expect(await responses()).toBe(before);
  });

  it("attributes at most 2 answers a day from one address to one staff member; the rest count for the unit only", async () => {
    const address = freshAddress();
    const attributedBefore = await database.db.surveyResponse.count({ where: { servedById: budiId } });
    const before = await responses();
    for (let i = 0; i < 3; i++) {
      const browser = { address, cookie: undefined };
      expect((await submit(browser, { ...ALL_GOOD, p: budiCode })).statusCode).toBe(200);
    }
    expect(await responses()).toBe(before + 3);
    const attributed = await database.db.surveyResponse.count({ where: { servedById: budiId } });
    expect(attributed).toBe(attributedBefore + 2);
  });

  it("drops control characters from the comment rather than failing on them", async () => {
    const response = await submit(device(), { ...ALL_GOOD, saran: "baik\u0000 sekali\u0007" });
    expect(response.statusCode).toBe(200);
    expect(await database.db.surveyResponse.count({ where: { comment: "baik sekali" } })).toBe(1);
  });

  it("limits submissions per address (429), whatever the cookie; another address is not affected", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < RATE_MAX + 2; i++) {
      // A new device each time: only the address ties them together.
      statuses.push((await submit({ address, cookie: undefined }, ALL_GOOD)).statusCode);
    }
    expect(statuses).toEqual([...Array(RATE_MAX).fill(200), 429, 429]);
    const refused = await submit({ address, cookie: undefined }, ALL_GOOD);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(t.tooManyTitle);
    expect(refused.headers["retry-after"]).toBe("3600");
    expect((await submit(device(), ALL_GOOD)).statusCode).toBe(200);
    // Kept in Redis under a hash, never the address, and only for the window (≤ 24 h).
    const keys = await redis.keys(`${prefix}:survei:rate:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain(address);
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3600);
    }
  });

  it("counts an IPv6 address by its /64 network", () => {
    expect(limitedAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitedAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitedAddress("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(limitedAddress("192.0.2.7")).toBe("192.0.2.7");
  });

  it("forgets the day's marks once the day is over (the daily prune)", async () => {
    const old = new Date("2026-11-20T00:00:00Z");
    await database.db.surveyAnswered.create({ data: { unitId, localDate: old, hash: "old-mark" } });
    const today = await database.db.surveyAnswered.count({ where: { localDate: new Date("2026-11-24") } });
    expect(today).toBeGreaterThan(0);
    await pruneOldRows(database.db, clock.now);
    expect(await database.db.surveyAnswered.count({ where: { hash: "old-mark" } })).toBe(0);
    expect(await database.db.surveyAnswered.count({ where: { localDate: new Date("2026-11-24") } })).toBe(
      today,
    );
  });
});
