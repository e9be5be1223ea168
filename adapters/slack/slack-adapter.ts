import { App, LogLevel, webApi } from "@slack/bolt";
import type { FastifyInstance } from "fastify";
import type { Config } from "../../src/config.ts";
import type { ConversationEngine } from "../../src/conversation/engine.ts";
import type { FileFetcher } from "../../src/http/evidence-route.ts";
import type { InFlight } from "../../src/in-flight.ts";
import type { Logger } from "../../src/logger.ts";
import type { OutboundSender } from "../../src/outbound/port.ts";
import { boltLogger } from "./bolt-logger.ts";
import { createSlackFileFetcher } from "./file-fetcher.ts";
import { registerSlackListeners } from "./listeners.ts";
import { createSlackSender } from "./outbound.ts";
import { FastifyReceiver } from "./receiver.ts";

/** Everything the rest of the product needs from Slack, wired from the configuration. */
export interface SlackAdapter {
  sender: OutboundSender;
  /** Files shared in a DM, downloaded for `GET /evidence/<id>` */
  fileFetcher: FileFetcher;
  /** HTTP mode: `POST /slack/events` on the product's server. */
  attachRoutes(http: FastifyInstance): void;
  /** Socket Mode: connects to Slack; returns how to disconnect. */
  start(): Promise<() => Promise<void>>;
}

export async function createSlackAdapter(
  config: Config,
  deps: { engine: ConversationEngine; logger: Logger; clock?: () => Date; inFlight?: InFlight },
): Promise<SlackAdapter | undefined> {
  const { slack } = config;
  if (!slack.botToken || (slack.mode !== "http" && slack.mode !== "socket")) return undefined;
  const clientOptions = {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 2, factor: 2 },
    logger: boltLogger(deps.logger, "slack-web-api"),
  };
  const receiver =
    slack.mode === "http" && slack.signingSecret
      ? new FastifyReceiver({
          signingSecret: slack.signingSecret,
          logger: deps.logger,
          ...(deps.clock ? { clock: deps.clock } : {}),
        })
      : undefined;
  const app = new App({
    token: slack.botToken,
    logLevel: LogLevel.ERROR,
    logger: boltLogger(deps.logger),
    clientOptions,
    ...(receiver ? { receiver } : { socketMode: true, appToken: slack.appToken ?? "" }),
  });
  registerSlackListeners(app, deps);
  // Proactive sends: no client-side retries; the queue retries and honours rate limits.
  const sender = createSlackSender(
    new webApi.WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: boltLogger(deps.logger, "slack-web-api"),
    }),
  );
  const fileFetcher = createSlackFileFetcher(
    new webApi.WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 1 } }),
    slack.botToken,
    slack.apiUrl,
  );
  return {
    sender,
    fileFetcher,
    attachRoutes(http) {
      receiver?.register(http);
    },
    async start() {
      if (receiver) return async () => {};
      await app.start();
      return async () => {
        await app.stop();
      };
    },
  };
}
