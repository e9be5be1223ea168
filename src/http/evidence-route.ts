import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { SignedEvidenceLinks } from "../evidence/signed-links.ts";
import type { Platform } from "../generated/prisma/client.ts";

/** Fetches a file a platform keeps for us (Telegram getFile), by its file id. */
export interface FileFetcher {
  fetch(fileId: string): Promise<{ bytes: Buffer; contentType: string | undefined }>;
}

const params = z.object({ id: z.uuid() });
const query = z.object({ exp: z.string(), sig: z.string() });

/** `GET /evidence/<id>?exp=...&sig=...`: the bytes of a photo or document, or a redirect for a link. */
export function registerEvidenceRoute(
  app: FastifyInstance,
  deps: {
    db: Db;
    links: SignedEvidenceLinks;
    fetchers: Partial<Record<Platform, FileFetcher>>;
    clock: () => Date;
  },
): void {
  app.get("/evidence/:id", async (request, reply) => {
    const p = params.safeParse(request.params);
    const q = query.safeParse(request.query);
    if (!p.success || !q.success || !deps.links.verify(p.data.id, q.data.exp, q.data.sig, deps.clock())) {
      return reply.status(403).send({ error: "link invalid or expired" });
    }
    const evidence = await deps.db.evidence.findUnique({ where: { id: p.data.id } });
    if (!evidence) return reply.status(404).send({ error: "not found" });
    if (evidence.kind === "LINK" && evidence.url) return reply.redirect(evidence.url, 302);
    const fetcher = evidence.platform ? deps.fetchers[evidence.platform] : undefined;
    if (!fetcher || !evidence.fileId) return reply.status(404).send({ error: "file not available" });
    const file = await fetcher.fetch(evidence.fileId);
    const name = (evidence.fileName ?? (evidence.kind === "PHOTO" ? "foto.jpg" : "dokumen")).replace(
      /[^\w.-]/g,
      "_",
    );
    return reply
      .header("content-type", evidence.mimeType ?? file.contentType ?? "application/octet-stream")
      .header("content-disposition", `inline; filename="${name}"`)
      .header("cache-control", "private, max-age=300")
      .send(file.bytes);
  });
}
