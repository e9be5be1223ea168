import Fastify, { type FastifyInstance } from "fastify";
import type { Logger } from "../logger.ts";
import type { Metrics } from "./metrics.ts";
import { type ReadinessCheck, runReadinessChecks } from "./readiness.ts";

export interface HttpServerDeps {
  logger: Logger;
  metrics: Metrics;
  readiness: readonly ReadinessCheck[];
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none; the peer is the client) */
  trustProxyHops?: number;
}

/**
 * The `web` role's HTTP server: probes and metrics here; platform adapters register their own
 * routes (`/telegram/webhook`, `/slack/events`, ...) on the returned instance before it listens.
 */
export function createHttpServer({
  logger,
  metrics,
  readiness,
  trustProxyHops = 0,
}: HttpServerDeps): FastifyInstance {
  const app = Fastify({
    // The survey's per-address limit reads request.ip: behind a proxy it must be the client's.
    trustProxy: trustProxyHops > 0 ? (_address: string, hop: number) => hop < trustProxyHops : false,
    // No per-request logs (volume, and URLs may identify people); errors are logged below.
    logger: false,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) logger.error({ err: error, route: request.routeOptions.url }, "request failed");
    const message = status < 500 && error instanceof Error ? error.message : "internal error";
    reply.status(status).send({ error: message });
  });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const report = await runReadinessChecks(readiness);
    if (!report.ready) logger.warn({ checks: report.checks }, "not ready");
    return reply
      .status(report.ready ? 200 : 503)
      .send({ status: report.ready ? "ready" : "not ready", checks: report.checks });
  });

  app.get("/metrics", async (_request, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return app;
}
