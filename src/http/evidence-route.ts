import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { SignedEvidenceLinks } from "../evidence/signed-links.ts";
import type { Platform } from "../generated/prisma/client.ts";

/** Fetches a file a platform keeps for us (Telegram getFile), by its file id. */
export interface FileFetcher {
  fetch(fileId: string): Promise<{ bytes: Buffer; contentType: string | undefined }>;
}

/** An evidence row's id, or `c-<id>` for a training certificate (the signature covers the prefix too). */
const params = z.object({ id: z.union([z.uuid(), z.templateLiteral(["c-", z.uuid()])]) });
const query = z.object({ exp: z.string(), sig: z.string() });

/** Shown in the browser: images the browser only ever renders as images. */
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);
/** Downloaded with their own type; anything else is downloaded as application/octet-stream. */
const DOWNLOAD_TYPES = new Set([
  "application/pdf",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/zip",
  "text/plain",
  "text/csv",
]);

/** `Image/JPEG; charset=x` -> `image/jpeg` */
function normalisedType(type: string | null | undefined): string | undefined {
  const essence = type?.split(";")[0]?.trim().toLowerCase();
  return essence && /^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/.test(essence) ? essence : undefined;
}

/** ASCII letters, digits, `.`, `-` and `_` only, no leading dot, at most 100 characters. */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^\w.-]/g, "_")
    .replace(/^\.+/, "")
    .slice(-100);
  return cleaned || "dokumen";
}

/**
 * How a file is served: PNG, JPEG, WebP and GIF inline with their type; everything else (HTML, SVG, ...) as
 * an attachment, with its type only when it is a plain document type. With nosniff the browser keeps to it.
 */
export function servedAs(
  kind: string,
  storedType: string | null | undefined,
  fetchedType: string | undefined,
): { contentType: string; inline: boolean } {
  const type = normalisedType(storedType) ?? normalisedType(fetchedType);
  if (type && INLINE_TYPES.has(type)) return { contentType: type, inline: true };
  if (!type && kind === "PHOTO") return { contentType: "image/jpeg", inline: true };
  return { contentType: type && DOWNLOAD_TYPES.has(type) ? type : "application/octet-stream", inline: false };
}

/** A training completion's certificate in the shape of an evidence row (always a file). */
async function certificateAsEvidence(db: Db, completionId: string) {
  const c = await db.trainingCompletion.findUnique({ where: { id: completionId } });
  if (!c) return null;
  const kind = c.mimeType?.startsWith("image/") ? "PHOTO" : "DOCUMENT";
  return {
    kind,
    url: null,
    platform: c.platform,
    fileId: c.fileId,
    fileName: c.fileName,
    mimeType: c.mimeType,
  };
}

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
  // On every answer of the route, errors included: nothing it sends may run as a page of the product's origin.
  const onSend = async (_request: unknown, reply: FastifyReply, payload: unknown) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("content-security-policy", "default-src 'none'");
    return payload;
  };
  app.get("/evidence/:id", { onSend }, async (request, reply) => {
    const p = params.safeParse(request.params);
    const q = query.safeParse(request.query);
    if (!p.success || !q.success || !deps.links.verify(p.data.id, q.data.exp, q.data.sig, deps.clock())) {
      return reply.status(403).send({ error: "link invalid or expired" });
    }
    const evidence = p.data.id.startsWith("c-")
      ? await certificateAsEvidence(deps.db, p.data.id.slice(2))
      : await deps.db.evidence.findUnique({ where: { id: p.data.id } });
    if (!evidence) return reply.status(404).send({ error: "not found" });
    if (evidence.kind === "LINK" && evidence.url) return reply.redirect(evidence.url, 302);
    const fetcher = evidence.platform ? deps.fetchers[evidence.platform] : undefined;
    if (!fetcher || !evidence.fileId) return reply.status(404).send({ error: "file not available" });
    const file = await fetcher.fetch(evidence.fileId);
    const served = servedAs(evidence.kind, evidence.mimeType, file.contentType);
    const name = safeFileName(evidence.fileName ?? (evidence.kind === "PHOTO" ? "foto.jpg" : "dokumen"));
    return reply
      .header("content-type", served.contentType)
      .header("content-disposition", `${served.inline ? "inline" : "attachment"}; filename="${name}"`)
      .header("cache-control", "private, max-age=300")
      .send(file.bytes);
  });
}
