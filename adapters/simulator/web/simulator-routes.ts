/**
 * `/simulator`: the page, its two assets, its JSON API and a server-sent events stream that says
 * "something changed" so the page refetches what it shows. Registered only in simulator mode.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Logger } from "../../../src/logger.ts";
import { type SimulatorAnswer, simulatorRequests } from "./contract.ts";
import { isPng, SimulatorError, type SimulatorWorld } from "./simulator-world.ts";

const PAGE_DIR = join(import.meta.dirname, "page");
const ASSETS: Record<string, string> = {
  "simulator.js": "text/javascript; charset=utf-8",
  "simulator.css": "text/css; charset=utf-8",
};
/** Coalesces bursts of changes (a /lapor step is several Bot API calls) into one event. */
const CHANGE_COALESCE_MS = 40;
const KEEP_ALIVE_MS = 15_000;

export function registerSimulatorRoutes(
  http: FastifyInstance,
  deps: { world: SimulatorWorld; logger: Logger },
): void {
  const { world, logger } = deps;
  // Read once: the page is small and a missing file should fail at start, not on first visit.
  const page = readFileSync(join(PAGE_DIR, "simulator.html"), "utf8");
  const assets = new Map(
    Object.entries(ASSETS).map(([name, type]) => [name, { type, body: readFileSync(join(PAGE_DIR, name)) }]),
  );
  const streams = new Set<FastifyReply>();

  http.get("/simulator", async (_request, reply) =>
    reply.header("content-type", "text/html; charset=utf-8").header("cache-control", "no-store").send(page),
  );
  http.get<{ Params: { name: string } }>("/simulator/assets/:name", async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.status(404).send({ ok: false, error: "Tidak ada." });
    return reply.header("content-type", asset.type).header("cache-control", "no-cache").send(asset.body);
  });

  http.get("/simulator/api/people", async () => ({ people: await world.people() }));

  // The pictures the bot sent (charts), for the Telegram pane.
  http.get<{ Params: { fileId: string } }>("/simulator/api/telegram/file/:fileId", async (request, reply) => {
    const file = world.telegram.file(request.params.fileId);
    if (!file || !isPng(file.bytes)) {
      return reply.status(404).send({ ok: false, error: "Tidak ada." });
    }
    return reply.header("content-type", "image/png").header("cache-control", "no-store").send(file.bytes);
  });

  http.get<{ Querystring: { nip?: string } }>("/simulator/api/state", async (request, reply) => {
    const parsed = simulatorRequests.linkCode.safeParse({ nip: request.query.nip });
    if (!parsed.success) return refuse(reply, parsed.error);
    return run(reply, () => world.state(parsed.data.nip));
  });

  http.get("/simulator/api/events", (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    raw.write("retry: 1000\n\n");
    let pending: NodeJS.Timeout | undefined;
    const unsubscribe = world.onChange(() => {
      pending ??= setTimeout(() => {
        pending = undefined;
        raw.write("event: change\ndata: {}\n\n");
      }, CHANGE_COALESCE_MS);
    });
    const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    streams.add(reply);
    request.raw.on("close", () => {
      unsubscribe();
      clearInterval(keepAlive);
      if (pending) clearTimeout(pending);
      streams.delete(reply);
    });
  });
  // Open event streams would keep the server from closing.
  http.addHook("preClose", async () => {
    for (const stream of streams) stream.raw.end();
  });

  const post = <S extends z.ZodType>(
    path: string,
    schema: S,
    act: (body: z.output<S>) => Promise<SimulatorAnswer | undefined>,
  ) => {
    http.post(`/simulator/api/${path}`, async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) return refuse(reply, parsed.error);
      return run(reply, async () => (await act(parsed.data)) ?? { ok: true });
    });
  };
  const r = simulatorRequests;
  post("link-code", r.linkCode, async ({ nip }) => ({ ok: true, code: await world.linkCode(nip) }));
  post("telegram/message", r.telegramMessage, ({ nip, text }) => done(world.telegramMessage(nip, text)));
  post("telegram/press", r.telegramPress, ({ nip, messageId, data }) =>
    done(world.telegramPress(nip, messageId, data)),
  );
  post("telegram/photo", r.telegramPhoto, ({ nip, caption }) =>
    done(world.telegramPhoto(nip, caption || undefined)),
  );
  post("slack/command", r.slackCommand, ({ nip, text }) => done(world.slackCommand(nip, text)));
  post("slack/message", r.slackMessage, ({ nip, text }) => done(world.slackMessage(nip, text)));
  post("slack/click", r.slackClick, ({ nip, ...click }) =>
    done(
      world.slackClick(nip, {
        surface: click.surface,
        actionId: click.actionId,
        ...(click.channel ? { channel: click.channel } : {}),
        ...(click.ts ? { ts: click.ts } : {}),
        ...(click.blockId ? { blockId: click.blockId } : {}),
      }),
    ),
  );
  post("slack/home", r.slackHome, ({ nip }) => done(world.slackHome(nip)));
  post("slack/submit", r.slackSubmit, ({ nip, viewId, values }) =>
    done(world.slackSubmit(nip, viewId, values)),
  );
  post("slack/close", r.slackClose, ({ nip }) => done(world.slackClose(nip)));

  async function run<T>(reply: FastifyReply, act: () => Promise<T>) {
    try {
      return await act();
    } catch (error) {
      if (error instanceof SimulatorError) return reply.status(error.status).send(answer(error.message));
      logger.error({ err: error }, "simulator action failed");
      return reply.status(500).send(answer("Terjadi kesalahan di simulator; lihat log server."));
    }
  }
}

async function done(action: Promise<void>): Promise<undefined> {
  await action;
  return undefined;
}

function answer(error: string): SimulatorAnswer {
  return { ok: false, error };
}

function refuse(reply: FastifyReply, error: z.ZodError) {
  const first = error.issues[0];
  const message =
    first && first.code !== "invalid_type" ? first.message : "Permintaan tidak lengkap; muat ulang halaman.";
  return reply.status(400).send(answer(message));
}
