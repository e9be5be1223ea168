import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { createDb } from "./db/client.ts";
import { createMetrics } from "./http/metrics.ts";
import { postgresCheck, redisCheck } from "./http/readiness.ts";
import { createHttpServer } from "./http/server.ts";
import { type Closer, closeAll } from "./lifecycle.ts";
import type { Logger } from "./logger.ts";
import { createRedis } from "./redis.ts";

export interface RunningApp {
  /** Base URL of the HTTP server when the `web` role runs */
  url: string | undefined;
  http: FastifyInstance | undefined;
  /** Closes everything within the configured time limit; true when all closed in time. */
  close(): Promise<boolean>;
}

/** Composition root: builds the roles this process runs from the configuration. */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const closers: Closer[] = [];
  const db = createDb(config.databaseUrl);
  const redis = createRedis(config.redisUrl, "request");
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));

  let http: FastifyInstance | undefined;
  let url: string | undefined;
  if (config.roles.has("web")) {
    const metrics = createMetrics();
    http = createHttpServer({ logger, metrics, readiness: [postgresCheck(db), redisCheck(redis)] });
    url = await http.listen({ port: config.port, host: "0.0.0.0" });
    const server = http;
    closers.push({ name: "http server", close: () => server.close() });
  }

  closers.push(
    { name: "redis", close: async () => void (await redis.quit()) },
    { name: "postgres", close: () => db.$disconnect() },
  );
  return { url, http, close: () => closeAll(closers, config.shutdownTimeoutMs, logger) };
}
