import { type App, isValidSlackRequest, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { FastifyInstance } from "fastify";
import type { Logger } from "../../src/logger.ts";

export const SLACK_EVENTS_PATH = "/slack/events";
/** Slack wants an answer within 3 s; a listener that never acks still gets one before that. */
const ACK_DEADLINE_MS = 2_500;

type Body = Record<string, unknown>;

function parseBody(raw: string, contentType: string | undefined): Body {
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Body;
  const form = new URLSearchParams(raw);
  const payload = form.get("payload");
  if (payload !== null) return JSON.parse(payload) as Body;
  return Object.fromEntries(form);
}

/**
 * A Bolt receiver on the product's own Fastify server: `POST /slack/events` takes commands,
 * interactivity and events. The signature and timestamp are checked before anything is parsed (401
 * otherwise); the HTTP answer is whatever the listener acks, sent as soon as it acks, and the
 * listener's slow work goes on after it.
 */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: { signingSecret: string; logger: Logger; clock?: () => Date }) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  register(http: FastifyInstance): void {
    const { logger } = this.options;
    http.register(async (scope) => {
      scope.addContentTypeParser(
        ["application/x-www-form-urlencoded", "application/json"],
        { parseAs: "string" },
        (_request, body, done) => done(null, body),
      );
      scope.post(SLACK_EVENTS_PATH, async (request, reply) => {
        const raw = typeof request.body === "string" ? request.body : "";
        const signature = request.headers["x-slack-signature"];
        const timestamp = Number(request.headers["x-slack-request-timestamp"]);
        const valid =
          typeof signature === "string" &&
          Number.isFinite(timestamp) &&
          isValidSlackRequest({
            signingSecret: this.options.signingSecret,
            body: raw,
            headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
            ...(this.options.clock ? { nowMilliseconds: this.options.clock().getTime() } : {}),
          });
        if (!valid) return reply.code(401).send({ error: "invalid signature" });
        let body: Body;
        try {
          body = parseBody(raw, request.headers["content-type"]);
        } catch {
          return reply.code(400).send({ error: "unreadable body" });
        }
        if (body.ssl_check) return reply.send("");
        if (body.type === "url_verification") return reply.send({ challenge: body.challenge });
        if (!this.app) return reply.code(503).send({ error: "not ready" });

        let acked: (response: unknown) => void = () => {};
        const ackResponse = new Promise<unknown>((resolve) => {
          acked = resolve;
        });
        const retryNum = Number(request.headers["x-slack-retry-num"]);
        const retryReason = request.headers["x-slack-retry-reason"];
        const event: ReceiverEvent = {
          body,
          ack: async (response?: unknown) => acked(response),
          ...(Number.isFinite(retryNum) ? { retryNum } : {}),
          ...(typeof retryReason === "string" ? { retryReason } : {}),
        };
        const processing = this.app.processEvent(event).catch((error: unknown) => {
          logger.error({ err: error }, "slack request failed");
        });
        let timer: NodeJS.Timeout | undefined;
        const response = await Promise.race([
          ackResponse,
          processing.then(() => undefined),
          new Promise<undefined>((resolve) => {
            timer = setTimeout(() => resolve(undefined), ACK_DEADLINE_MS);
          }),
        ]);
        clearTimeout(timer);
        if (response === undefined || response === "") return reply.send("");
        return typeof response === "string" ? reply.send(response) : reply.send(response);
      });
    });
  }
}
