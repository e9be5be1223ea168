import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/process.ts";

/** Runs `npm start` as a user would; resolves with its exit code and output once it ends. */
function npmStart(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn("npm", ["start", "--silent"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  child.stderr.on("data", (chunk) => {
    err += chunk;
  });
  return new Promise((done) => child.on("exit", (code) => done({ code, out, err })));
}

describe("npm start with a wrong configuration", () => {
  it("names every problem in one message before any setup step, echoes no secret, and exits 1", async () => {
    const token = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const result = await npmStart({
      // A database that does not answer: a setup step run first would fail on it (or on the holidays).
      DATABASE_URL: "postgresql://postgres:hunter2-password@127.0.0.1:1/kinerja",
      PORT: "http",
      ROLES: "web,gardener",
      PUBLIC_URL: "https://kinerja.example",
      TELEGRAM_BOT_TOKEN: token,
      SLACK_BOT_TOKEN: "xoxp-not-a-bot-token-secret",
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain("Invalid configuration:");
    for (const problem of [
      "PORT: expected a whole number from 0 to 65535",
      "ROLES",
      "SLACK_BOT_TOKEN: expected a bot token starting with xoxb-",
      "TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_URL and TELEGRAM_BOT_TOKEN are set",
      "SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN",
    ])
      expect(result.err).toContain(problem);
    const output = result.out + result.err;
    expect(output).not.toContain("holidays");
    expect(output).not.toContain("does not answer");
    for (const secret of [token, "AAHdqTcv", "xoxp-not-a-bot-token-secret", "hunter2-password"])
      expect(output).not.toContain(secret);
  });
});
