import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";

const TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const SIGNED =
  "https://kinerja.example/evidence/5f0c6b1e-8a59-4b71-9c1f-0d5f1c0a3e11?exp=1790000000&sig=abcDEF_12-3";

function logged(fields: Record<string, unknown>): { line: string; entry: Record<string, unknown> } {
  const lines: string[] = [];
  createLogger("info", { write: (line: string) => void lines.push(line) }).error(fields, "failed");
  const line = lines.join("");
  return { line, entry: JSON.parse(line) as Record<string, unknown> };
}

describe("platform errors in the log", () => {
  it("keep a GrammyError's method and code, never its payload", () => {
    const error = new GrammyError(
      "Call to 'sendMessage' failed! (400: Bad Request: chat not found)",
      { ok: false, error_code: 400, description: "Bad Request: chat not found" },
      "sendMessage",
      { chat_id: 5001, text: `Pegawai: Siti Nurhaliza, NIP 199002142015032001, foto: ${SIGNED}` },
    );
    const { line, entry } = logged({ err: error });
    expect(entry.err).toMatchObject({ type: "GrammyError", method: "sendMessage", errorCode: 400 });
    expect(line).toContain("chat not found");
    for (const secret of ["Siti", "199002142015032001", "sig=", "kinerja.example", "5001"])
      expect(line).not.toContain(secret);
  });

  it("take the bot token and the URL out of an HttpError's wrapped fetch error", () => {
    const inner = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: reset`,
    );
    const { line, entry } = logged({
      err: new HttpError("Network request for 'sendMessage' failed!", inner),
    });
    expect(entry.err).toMatchObject({ type: "HttpError", cause: { type: "Error" } });
    expect(line).toContain("reason: reset");
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain("AAHdqTcv");
    expect(line).not.toContain("api.telegram.org");
  });

  it("drop a Slack error's data, headers and body, keeping its code and Slack's error word", () => {
    const platform = Object.assign(new Error("An API error occurred: invalid_blocks"), {
      code: "slack_webapi_platform_error",
      data: {
        ok: false,
        error: "invalid_blocks",
        response_metadata: {
          messages: ["[ERROR] in block: Rina Marlina rina.marlina@andir.bandung.example"],
        },
      },
    });
    const http = Object.assign(new Error("An HTTP protocol error occurred: statusCode = 500"), {
      code: "slack_webapi_http_error",
      statusCode: 500,
      headers: { authorization: "Bearer xoxb-1000-2000-testtoken" },
      body: { text: "Siti Nurhaliza" },
    });
    const { line, entry } = logged({ err: platform, error: http });
    expect(entry.err).toMatchObject({ code: "slack_webapi_platform_error", platformError: "invalid_blocks" });
    expect(entry.error).toMatchObject({ code: "slack_webapi_http_error", status: 500 });
    for (const secret of ["Rina", "rina.marlina@", "xoxb-", "Siti"]) expect(line).not.toContain(secret);
  });

  it("scrub tokens, e-mails, NIPs and signed links from any error message", () => {
    const error = new Error(`send to siti@andir.example 199002142015032001 ${SIGNED} with xapp-1-A0-123-abc`);
    const { line } = logged({ err: error });
    expect(line).toContain("[email] [nip] [url] with [token]");
    for (const secret of ["siti@", "199002142015032001", "sig=", "xapp-"]) expect(line).not.toContain(secret);
  });
});
