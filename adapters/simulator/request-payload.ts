import type { IncomingMessage } from "node:http";
import { multipartBoundary, parseMultipart } from "./multipart.ts";
import { BotApiError, badRequest } from "./telegram-errors.ts";

/** A file sent in a multipart Bot API call (grammY sends `InputFile`s this way). */
export interface UploadedFile {
  /** The payload field that referred to it (`document`, `photo`, …) */
  field: string;
  /** The multipart part name, referred to as `attach://<name>` */
  partName: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface ParsedPayload {
  /**
   * The call's parameters as the bot meant them: JSON bodies as sent; form and query values decoded
   * the way Telegram does (JSON-serialized objects, numbers and booleans parsed), and every
   * `attach://<name>` reference replaced by its `UploadedFile`.
   */
  payload: Record<string, unknown>;
  uploads: UploadedFile[];
}

/** Telegram's limit for uploads through the Bot API. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** Parameters that are strings even when they look like JSON (`text: "42"` stays "42"). */
const STRING_PARAMETERS = new Set([
  "text",
  "caption",
  "parse_mode",
  "callback_query_id",
  "inline_message_id",
  "url",
  "secret_token",
  "ip_address",
  "action",
  "file_id",
  "language_code",
  "name",
  "description",
  "short_description",
  "title",
  "query",
  "emoji",
  "business_connection_id",
  "data",
]);

/** Reads a Bot API call's parameters from the query string and a JSON, form or multipart body. */
export async function readPayload(request: IncomingMessage, query: URLSearchParams): Promise<ParsedPayload> {
  const fields = new Map<string, string>(query);
  const contentType = (request.headers["content-type"] ?? "").toLowerCase();
  const body = await readBody(request);
  if (body.length === 0) return decodeFields(fields, []);

  if (contentType.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request body");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("JSON request body must be an object");
    }
    return { payload: { ...Object.fromEntries(fields), ...parsed }, uploads: [] };
  }
  if (contentType.startsWith("multipart/form-data")) {
    const boundary = multipartBoundary(request.headers["content-type"] ?? "");
    if (boundary === undefined) throw badRequest("multipart body without a boundary");
    const uploads: Omit<UploadedFile, "field">[] = [];
    try {
      for (const part of parseMultipart(body, boundary)) {
        if (part.fileName === undefined) fields.set(part.name, part.data.toString("utf8"));
        else {
          uploads.push({
            partName: part.name,
            fileName: part.fileName,
            contentType: part.contentType ?? "application/octet-stream",
            bytes: part.data,
          });
        }
      }
    } catch (error) {
      throw badRequest(`can't parse multipart body: ${(error as Error).message}`);
    }
    return decodeFields(fields, uploads);
  }
  // application/x-www-form-urlencoded, or anything else Telegram would read as a form
  for (const [key, value] of new URLSearchParams(body.toString("utf8"))) fields.set(key, value);
  return decodeFields(fields, []);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new BotApiError({ error_code: 413, description: "Request Entity Too Large" });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function decodeFields(fields: Map<string, string>, parts: Omit<UploadedFile, "field">[]): ParsedPayload {
  const byName = new Map(parts.map((part) => [part.partName, part]));
  const uploads: UploadedFile[] = [];
  const attach = (field: string, value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const part = byName.get(value.slice("attach://".length));
      if (part === undefined) return value;
      const upload = { field, ...part };
      uploads.push(upload);
      return upload;
    }
    if (Array.isArray(value)) return value.map((item) => attach(field, item));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, attach(key, item)]));
    }
    return value;
  };
  const payload: Record<string, unknown> = {};
  for (const [key, raw] of fields) payload[key] = attach(key, decodeValue(key, raw));
  // Clients other than grammY may send a file directly under its parameter's name.
  for (const part of parts) {
    if (uploads.some((upload) => upload.partName === part.partName) || part.partName in payload) continue;
    const upload = { field: part.partName, ...part };
    uploads.push(upload);
    payload[part.partName] = upload;
  }
  return { payload, uploads };
}

function decodeValue(key: string, raw: string): unknown {
  if (STRING_PARAMETERS.has(key) || raw.startsWith("attach://")) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
