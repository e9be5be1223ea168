import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("configuration", () => {
  it("works with no environment at all: local defaults and the simulator", () => {
    const config = parseConfig({});
    expect(config.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/kinerja");
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(config.port).toBe(3000);
    expect([...config.roles]).toEqual(["web", "worker", "scheduler"]);
    expect(config.simulator).toBe(true);
    expect(config.telegram.mode).toBe("simulator");
    expect(config.slack.mode).toBe("simulator");
    expect(config.defaultLocale).toBe("id");
    expect(config.telegramSendRate).toBe(25);
    expect(config.telegram.apiRoot).toBe("https://api.telegram.org");
    expect(config.slack.apiUrl).toBe("https://slack.com/api/");
  });

  it("chooses webhook mode with PUBLIC_URL and long polling without it", () => {
    const token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: token }).telegram.mode).toBe("polling");
    const webhook = parseConfig({
      TELEGRAM_BOT_TOKEN: token,
      PUBLIC_URL: "http://bot.example.test/",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
    });
    expect(webhook.telegram.mode).toBe("webhook");
    expect(webhook.publicUrl).toBe("http://bot.example.test");
    expect(webhook.slack.mode).toBe("off");
    expect(webhook.simulator).toBe(false);
  });

  it("chooses Slack Socket Mode when an app token is set", () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_APP_TOKEN: "xapp-1-2" });
    expect(config.slack.mode).toBe("socket");
  });

  it("treats blank values as unset", () => {
    expect(parseConfig({ PORT: "", TELEGRAM_BOT_TOKEN: "  " }).port).toBe(3000);
  });

  it("lists every problem at once, naming the variable and what was expected", () => {
    const problems = problemsOf({
      PORT: "eighty",
      ROLES: "web,cook",
      DEFAULT_LOCALE: "fr",
      TELEGRAM_SEND_RATE: "0",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://localhost/x",
      REDIS_URL: "not a url",
    });
    expect(problems).toHaveLength(7);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: expected a whole number from 0 to 65535$/),
        expect.stringMatching(/^ROLES(\.1)?: expected a comma-separated list of web, worker, scheduler$/),
        "DEFAULT_LOCALE: expected id or en",
        "TELEGRAM_SEND_RATE: expected at least 1",
        expect.stringMatching(/^LOG_LEVEL: expected one of/),
        "DATABASE_URL: expected a postgresql:// URL",
        "REDIS_URL: expected a redis:// or rediss:// URL",
      ]),
    );
  });

  it("requires the webhook secret with PUBLIC_URL and the signing secret with a Slack token", () => {
    const problems = problemsOf({
      TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      PUBLIC_URL: "https://bot.example.test",
      SLACK_BOT_TOKEN: "xoxb-1-2-3",
    });
    expect(problems).toEqual([
      "TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set",
      "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN in HTTP mode (no SLACK_APP_TOKEN)",
    ]);
  });

  it("never repeats a secret value in its message", () => {
    const secrets = {
      TELEGRAM_BOT_TOKEN: "not-a-token-but-secret-ZZZ",
      TELEGRAM_WEBHOOK_SECRET: "short!",
      SLACK_BOT_TOKEN: "xoxp-user-token-secret-YYY",
      SLACK_APP_TOKEN: "wrong-app-token-XXX",
    };
    let message = "";
    try {
      parseConfig(secrets);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("TELEGRAM_BOT_TOKEN");
    expect(message).toContain("SLACK_APP_TOKEN");
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
  });
});

describe("POLA_DISTRIBUSI_FILE", () => {
  it("uses the shipped pola distribusi unless another file is named, and reports a bad file at start", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    expect(parseConfig({}).pola.rules.BAIK).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), "pola-"));
    const own = join(dir, "pola.json");
    writeFileSync(
      own,
      JSON.stringify({ source: "Perbup 1/2026", rules: { BAIK: [{ predikat: ["BAIK"], maxPercent: 60 }] } }),
    );
    expect(parseConfig({ POLA_DISTRIBUSI_FILE: own }).pola.source).toBe("Perbup 1/2026");
    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ source: "x", rules: { BAIK: [{ predikat: ["HEBAT"], maxPercent: 60 }] } }),
    );
    expect(problemsOf({ POLA_DISTRIBUSI_FILE: bad })[0]).toMatch(
      /^POLA_DISTRIBUSI_FILE: not a valid pola distribusi file/,
    );
    expect(problemsOf({ POLA_DISTRIBUSI_FILE: join(dir, "missing.json") })).toEqual([
      "POLA_DISTRIBUSI_FILE: cannot be read (ENOENT)",
    ]);
  });
});

describe("TRUST_PROXY", () => {
  it("believes no proxy by default, a number of hops when set, and refuses anything else", () => {
    expect(parseConfig({}).trustProxyHops).toBe(0);
    expect(parseConfig({ TRUST_PROXY: "1" }).trustProxyHops).toBe(1);
    expect(problemsOf({ TRUST_PROXY: "yes" })[0]).toMatch(
      /^TRUST_PROXY: expected a whole number from 0 to 10/,
    );
  });
});
