import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";

const LISTENING = /listening on (http:\/\/localhost:\d+)/;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

function webEnv(overrides: Record<string, string> = {}) {
  return {
    DATABASE_URL: database.url,
    REDIS_URL: "redis://127.0.0.1:6379",
    PORT: "0",
    ROLES: "web",
    LOG_LEVEL: "silent",
    ...overrides,
  };
}

describe("the web process", () => {
  it("answers the probes, serves metrics, and stops cleanly on SIGTERM", async () => {
    const app = startProcess("src/main.ts", webEnv());
    const [, base] = await app.waitFor(LISTENING);

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { postgres: "ok", redis: "ok" } });

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('kinerja_http_requests_total{method="GET",route="/readyz",status="200"} 1');
    expect(metrics).toContain("kinerja_process_cpu_seconds_total");

    app.child.kill("SIGTERM");
    expect(await app.exited()).toBe(0);
  });

  it("is alive but not ready while Redis cannot be reached", async () => {
    const app = startProcess("src/main.ts", webEnv({ REDIS_URL: "redis://127.0.0.1:1" }));
    const [, base] = await app.waitFor(LISTENING);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, string> };
    expect(body.checks.postgres).toBe("ok");
    expect(body.checks.redis).not.toBe("ok");
    app.child.kill("SIGINT");
    expect(await app.exited()).toBe(0);
  });

  it("is not ready while PostgreSQL cannot be reached", async () => {
    const app = startProcess(
      "src/main.ts",
      webEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" }),
    );
    const [, base] = await app.waitFor(LISTENING);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, string> };
    expect(body.checks.redis).toBe("ok");
    expect(body.checks.postgres).not.toBe("ok");
    app.child.kill("SIGTERM");
    expect(await app.exited()).toBe(0);
  });

  it("refuses to start with a bad configuration, listing every problem and no secret", async () => {
    const app = startProcess("src/main.ts", {
      PORT: "http",
      ROLES: "web,gardener",
      TELEGRAM_BOT_TOKEN: "secret-but-malformed",
    });
    expect(await app.exited()).toBe(1);
    expect(app.stderr()).toContain("Invalid configuration:");
    expect(app.stderr()).toContain("PORT: expected a whole number from 0 to 65535");
    expect(app.stderr()).toContain("ROLES");
    expect(app.stderr()).toContain("TELEGRAM_BOT_TOKEN: expected a bot token");
    expect(app.stderr()).not.toContain("secret-but-malformed");
  });
});
