import { createHmac, timingSafeEqual } from "node:crypto";
import type { EvidenceLinks } from "../conversation/review-message.ts";

/**
 * Links to evidence through the product itself: `GET /evidence/<id>?exp=<unix s>&sig=<hmac>`.
 * A Telegram file URL would carry the bot token, so platform URLs are never shown to anyone.
 */
export interface SignedEvidenceLinks extends EvidenceLinks {
  verify(evidenceId: string, exp: string, sig: string, now: Date): boolean;
}

export const EVIDENCE_LINK_TTL_MS = 7 * 24 * 3600 * 1000;

export function createSignedEvidenceLinks(options: {
  /** The key, or a function giving it (undefined while not loaded yet: no link is made or accepted) */
  secret: string | (() => string | undefined);
  baseUrl: string;
  clock: () => Date;
  ttlMs?: number;
}): SignedEvidenceLinks {
  const given = options.secret;
  const key = typeof given === "string" ? () => given : given;
  const sign = (secret: string, id: string, exp: string) =>
    createHmac("sha256", secret).update(`${id}.${exp}`).digest("base64url");
  const ttl = options.ttlMs ?? EVIDENCE_LINK_TTL_MS;
  return {
    evidenceUrl(evidenceId) {
      const secret = key();
      if (!secret) return null;
      const exp = String(Math.floor((options.clock().getTime() + ttl) / 1000));
      return `${options.baseUrl}/evidence/${evidenceId}?exp=${exp}&sig=${sign(secret, evidenceId, exp)}`;
    },
    verify(evidenceId, exp, sig, now) {
      const secret = key();
      if (!secret || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(secret, evidenceId, exp));
      const given = Buffer.from(sig);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
