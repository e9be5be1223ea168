/**
 * A lenient `multipart/form-data` reader for the Bot API stand-in.
 *
 * Why not `Request.formData()`: grammY writes part headers without a space after the colon
 * (`content-disposition:form-data;name="x"`) and the file name unquoted (`filename=report.pdf`).
 * Telegram accepts that, but the undici parser in Node 20 rejects the whole body ("Failed to parse
 * body as FormData"). Bodies here are small, so the whole body is held in memory.
 */

export interface MultipartPart {
  name: string;
  /** Present for file parts (the `filename` parameter; may be empty). */
  fileName?: string;
  contentType?: string;
  data: Buffer;
}

/** The `boundary` parameter of a multipart content type, or undefined. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Splits a multipart body into its parts. Throws on a body that has no parts at all. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) throw new Error("multipart body without its boundary");
  while (true) {
    let cursor = start + delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === "--") break; // closing delimiter
    cursor = skipLineBreak(body, cursor);
    const next = body.indexOf(delimiter, cursor);
    if (next < 0) throw new Error("multipart body ends inside a part");
    // The CRLF before a delimiter belongs to the delimiter.
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    parts.push(readPart(body.subarray(cursor, end)));
    start = next;
  }
  return parts;
}

function skipLineBreak(body: Buffer, at: number): number {
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  if (body[at] === 0x0a) return at + 1;
  return at;
}

function readPart(raw: Buffer): MultipartPart {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const [headerEnd, separator] = crlf >= 0 ? [crlf, 4] : [lf, 2];
  if (headerEnd < 0) throw new Error("multipart part without headers");
  const headers = new Map<string, string>();
  for (const line of raw.subarray(0, headerEnd).toString("utf8").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = parseParameters(headers.get("content-disposition") ?? "");
  const name = disposition.get("name");
  if (name === undefined) throw new Error("multipart part without a name");
  const fileName = disposition.get("filename*") ?? disposition.get("filename");
  const contentType = headers.get("content-type");
  return {
    name,
    ...(fileName === undefined ? {} : { fileName }),
    ...(contentType === undefined ? {} : { contentType }),
    data: Buffer.from(raw.subarray(headerEnd + separator)),
  };
}

/** `form-data; name="a"; filename=b.pdf` → { name: "a", filename: "b.pdf" } (quoted or bare values). */
function parseParameters(header: string): Map<string, string> {
  const result = new Map<string, string>();
  const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of header.replace(/^[^;]*/, "").matchAll(pattern)) {
    const key = match[1]?.toLowerCase();
    if (key === undefined) continue;
    const quoted = match[2];
    const value = quoted === undefined ? (match[3] ?? "").trim() : quoted.replace(/\\(.)/g, "$1");
    result.set(key, key.endsWith("*") ? decodeExtendedValue(value) : value);
  }
  return result;
}

/** RFC 5987 `UTF-8''na%C3%AFve.pdf` → `naïve.pdf` */
function decodeExtendedValue(value: string): string {
  const match = /^[^']*'[^']*'(.*)$/.exec(value);
  try {
    return decodeURIComponent(match?.[1] ?? value);
  } catch {
    return value;
  }
}
