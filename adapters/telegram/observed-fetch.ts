import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import { Readable } from "node:stream";
import { TLSSocket } from "node:tls";
import { requestLeavingListener } from "../../src/outbound/request-leaving.ts";

/**
 * The `fetch` grammY's proactive sender uses: plain node:http(s) with keep-alive, which calls the
 * outbound port's listener (src/outbound/request-leaving.ts) immediately before the request is written:
 * it waits until the request has its connected socket, calls the listener, then writes the whole
 * request in the same synchronous step (an idle socket writes to the kernel within `write()`), so
 * nothing runs between the two. grammY only needs POST with a string or stream body and `response.json()`.
 */
const agents = {
  "http:": new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  "https:": new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * What grammY reads of a response (`json()`), over the bytes already received. A WHATWG `Response` would
 * wrap them in a web stream again: in a reminder run that cost about 5 % of the worker's CPU (README).
 */
export class BufferedResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Readonly<Record<string, string>>,
    private readonly body: Buffer,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async text(): Promise<string> {
    return this.body.toString("utf8");
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString("utf8"));
  }
}

/** Node marks a TLS socket whose handshake is done (not in its typings). */
function isSecureEstablished(socket: TLSSocket): boolean {
  return (socket as TLSSocket & { _secureEstablished?: boolean })._secureEstablished === true;
}

interface FetchInit {
  method?: string;
  headers?: Record<string, string> | Headers;
  body?: string | Uint8Array | NodeJS.ReadableStream | null;
  signal?: AbortSignal | null;
}

export async function observedFetch(input: string | URL, init: FetchInit = {}): Promise<BufferedResponse> {
  const onLeaving = requestLeavingListener();
  try {
    return await sendOnce(input, init, onLeaving);
  } catch (error) {
    // A kept-alive socket the server had just closed as idle: the request was written into a closing
    // connection and never read. Node's documented answer is to send it again on a fresh socket.
    if (!(error instanceof StaleSocketError)) throw error;
    return sendOnce(input, init, undefined, { freshSocket: true });
  }
}

/** The server reset a reused keep-alive socket before answering anything. */
class StaleSocketError extends Error {}

async function sendOnce(
  input: string | URL,
  init: FetchInit,
  onLeaving: (() => void) | undefined,
  options: { freshSocket?: boolean } = {},
): Promise<BufferedResponse> {
  const url = new URL(String(input));
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  const send = protocol === "https:" ? httpsRequest : httpRequest;
  const headers =
    init.headers instanceof Headers
      ? Object.fromEntries(init.headers.entries())
      : { ...(init.headers ?? {}) };
  if (typeof init.body === "string" || init.body instanceof Uint8Array) {
    headers["content-length"] = String(Buffer.byteLength(init.body));
  }
  const body = init.body;
  return new Promise<BufferedResponse>((resolve, reject) => {
    const request = send(url, {
      method: init.method ?? "GET",
      headers,
      agent: options.freshSocket ? false : agents[protocol],
      ...(init.signal ? { signal: init.signal } : {}),
    });
    let answered = false;
    request.once("error", (error: NodeJS.ErrnoException) => {
      const replayable = typeof body === "string" || body instanceof Uint8Array || body == null;
      const staleSocket =
        request.reusedSocket && !answered && (error.code === "ECONNRESET" || error.code === "EPIPE");
      reject(staleSocket && replayable ? new StaleSocketError(error.message) : error);
    });
    request.once("response", (response: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("error", reject);
      response.once("end", () => {
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        const status = response.statusCode ?? 502;
        resolve(
          new BufferedResponse(status, response.statusMessage ?? "", responseHeaders, Buffer.concat(chunks)),
        );
      });
    });
    const write = () => {
      try {
        onLeaving?.();
      } catch (error) {
        // Nothing has been written: the request is dropped and the send fails as not sent.
        request.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (body === undefined || body === null) request.end();
      else if (typeof body === "string" || body instanceof Uint8Array) request.end(body);
      else (body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array>)).pipe(request);
    };
    request.once("socket", (socket: Socket) => {
      // A new TLS socket is "connected" before its handshake; bytes written then wait inside Node.
      if (socket instanceof TLSSocket && !isSecureEstablished(socket)) socket.once("secureConnect", write);
      else if (socket.connecting) socket.once("connect", write);
      else write();
    });
  });
}
