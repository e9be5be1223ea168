import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";

/** A process without the web role still answers the probes and /metrics (the Dockerfile health check). */
const LISTENING = /listening on (http:\/\/localhost:\d+)/;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const SERIES = [
  "# TYPE kinerja_sends_total counter",
  "# TYPE kinerja_rate_limited_total counter",
  "# TYPE kinerja_turn_duration_seconds histogram",
  'kinerja_reminder_outcomes_total{status="SENT"} 0',
  'kinerja_reminder_outcomes_total{status="SKIPPED"} 0',
  'kinerja_reminder_outcomes_total{status="FAILED"} 0',
  'kinerja_queue_jobs{queue="notifications",state="waiting"}',
  'kinerja_queue_jobs{queue="reminders",state="active"}',
  'kinerja_queue_jobs{queue="reminders",state="delayed"}',
];

describe.each(["worker", "scheduler"])("a %s-only process", (role) => {
  it("answers /healthz, /readyz and /metrics with every named series, and stops cleanly", async () => {
    const app = startProcess("src/main.ts", {
      DATABASE_URL: database.url,
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: `t${randomBytes(4).toString("hex")}`,
      PORT: "0",
      ROLES: role,
      LOG_LEVEL: "silent",
    });
    const [, base] = await app.waitFor(LISTENING);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const series of SERIES) expect(metrics).toContain(series);
    app.child.kill("SIGTERM");
    expect(await app.exited()).toBe(0);
  });
});
