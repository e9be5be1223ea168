import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { directMessage, eventCallback, eventRequest } from "../../adapters/simulator/slack-requests.ts";
import { type SlackWebApiStandIn, startSlackWebApi } from "../../adapters/simulator/slack-web-api.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";

const LISTENING = /listening on (http:\/\/localhost:\d+)/;
const SLACK_BOT_TOKEN = "xoxb-1000-2000-testtoken";
const SLACK_SIGNING_SECRET = "test-signing-secret-0123456789";
const USER = "USTRANGER01";
let database: TestDatabase;
let slackApi: SlackWebApiStandIn;

beforeAll(async () => {
  database = await createTestDatabase();
  slackApi = await startSlackWebApi({
    botToken: SLACK_BOT_TOKEN,
    users: [{ id: USER, name: "stranger", email: "stranger@example.org" }],
  });
});
afterAll(async () => {
  await slackApi.close();
  await database.drop();
});

describe("graceful shutdown", () => {
  it("answers a Slack turn acked before SIGTERM, then exits 0", async () => {
    const app = startProcess("src/main.ts", {
      DATABASE_URL: database.url,
      REDIS_URL: "redis://127.0.0.1:6379",
      PORT: "0",
      ROLES: "web",
      LOG_LEVEL: "silent",
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slackApi.url,
      SHUTDOWN_TIMEOUT_MS: "30000",
    });
    const [, base] = await app.waitFor(LISTENING);

    // A slow database: the turn's first write (its event key) waits behind this open transaction.
    const body = eventCallback(directMessage({ userId: USER, text: "halo" }));
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`INSERT INTO processed_event (key, platform) VALUES ($1, 'SLACK')`, [
      `slack:${body.event_id}`,
    ]);
    const ack = await fetch(`${base}/slack/events`, eventRequest(SLACK_SIGNING_SECRET, body));
    expect(ack.status).toBe(200);
    const waitingOnLock = async () => {
      const { rows } = await blocker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      return rows[0]?.n ?? 0;
    };
    await vi.waitFor(async () => expect(await waitingOnLock()).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 25,
    });

    app.child.kill("SIGTERM");
    // Shutdown is under way once the server no longer takes requests.
    await vi.waitFor(
      async () => {
        const status = await fetch(`${base}/healthz`, { headers: { connection: "close" } }).then(
          (r) => r.status,
          () => 0,
        );
        expect(status).not.toBe(200);
      },
      { timeout: 10_000, interval: 25 },
    );
    // The database answers again: the turn finishes and its answer goes out before the process exits.
    await blocker.query("ROLLBACK");
    await blocker.end();
    expect(await app.exited()).toBe(0);
    const replies = slackApi
      .callsTo("chat.postMessage")
      .filter((call) => [USER, slackApi.dmChannelOf(USER)].includes(String(call.payload.channel)));
    expect(replies).toHaveLength(1);
    const saved = await database.db.processedEvent.count({ where: { key: `slack:${body.event_id}` } });
    expect(saved).toBe(1);
  });
});
