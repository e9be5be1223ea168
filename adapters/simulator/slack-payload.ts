import type { IncomingMessage } from "node:http";
import { multipartBoundary, parseMultipart } from "./multipart.ts";
import { SlackApiError } from "./slack-failures.ts";

/** How a Web API call carried its arguments. */
export type SlackPayloadEncoding = "form" | "json" | "multipart" | "query";

export interface SlackCallPayload {
  /**
   * The arguments as the app meant them: form and query values are strings, except the arguments
   * Slack reads as JSON (`blocks`, `view`, `attachments`, …), which are decoded when they parse.
   * JSON bodies keep their values as sent (with the same JSON-string decoding).
   */
  payload: Record<string, unknown>;
  encoding: SlackPayloadEncoding;
  /** From `Authorization: Bearer …`, else (form, multipart and query only) the `token` argument */
  token: string | undefined;
}

/** Arguments Slack expects as JSON-encoded strings in form bodies. */
const JSON_ARGUMENTS = new Set([
  "blocks",
  "attachments",
  "view",
  "metadata",
  "unfurls",
  "user_auth_blocks",
  "profile",
  "chunks",
]);

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Reads a Web API call's arguments from the query string and a form, JSON or multipart body. */
export async function readSlackPayload(
  request: IncomingMessage,
  query: URLSearchParams,
): Promise<SlackCallPayload> {
  const fields = new Map<string, string>(query);
  const contentType = (request.headers["content-type"] ?? "").toLowerCase();
  const body = await readBody(request);
  const bearer = bearerToken(request.headers.authorization);

  if (body.length === 0) {
    const payload = decodeFields(fields);
    return { payload, encoding: "query", token: bearer ?? stringToken(payload.token) };
  }
  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new SlackApiError("invalid_json");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new SlackApiError("json_not_object");
    }
    const payload: Record<string, unknown> = { ...decodeFields(fields) };
    for (const [key, value] of Object.entries(parsed)) payload[key] = decodeValue(key, value);
    // Slack ignores a `token` inside a JSON body: it must come in the Authorization header.
    return { payload, encoding: "json", token: bearer };
  }
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = multipartBoundary(request.headers["content-type"] ?? "");
    if (boundary === undefined) throw new SlackApiError("invalid_form_data");
    try {
      for (const part of parseMultipart(body, boundary)) {
        // File parts are kept as their size only: the stand-in does not store uploads.
        fields.set(
          part.name,
          part.fileName === undefined ? part.data.toString("utf8") : `<${part.data.length} bytes>`,
        );
      }
    } catch {
      throw new SlackApiError("invalid_form_data");
    }
    const payload = decodeFields(fields);
    return { payload, encoding: "multipart", token: bearer ?? stringToken(payload.token) };
  }
  // application/x-www-form-urlencoded (what the WebClient sends), or text/plain read as a form
  for (const [key, value] of new URLSearchParams(body.toString("utf8"))) fields.set(key, value);
  const payload = decodeFields(fields);
  return { payload, encoding: "form", token: bearer ?? stringToken(payload.token) };
}

/** Reads a whole request body (response_url posts, and Web API calls). */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SlackApiError({ error: "request_too_large", status: 413 });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** `"true"`, `"1"` and `true` are true, as Slack reads boolean arguments. */
export function flag(value: unknown): boolean {
  return value === true || value === 1 || value === "true" || value === "1";
}

/** A string argument, or undefined when absent or empty. */
export function stringArgument(payload: Record<string, unknown>, name: string): string | undefined {
  const value = payload[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function decodeFields(fields: Map<string, string>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, raw] of fields) payload[key] = decodeValue(key, raw);
  return payload;
}

function decodeValue(key: string, value: unknown): unknown {
  if (!JSON_ARGUMENTS.has(key) || typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // left as the string: the method reports it as malformed
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

function stringToken(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
