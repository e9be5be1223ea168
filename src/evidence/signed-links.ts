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
  secret: string;
  baseUrl: string;
  clock: () => Date;
  ttlMs?: number;
}): SignedEvidenceLinks {
  const sign = (id: string, exp: string) =>
    createHmac("sha256", options.secret).update(`${id}.${exp}`).digest("base64url");
  const ttl = options.ttlMs ?? EVIDENCE_LINK_TTL_MS;
  return {
    evidenceUrl(evidenceId) {
      const exp = String(Math.floor((options.clock().getTime() + ttl) / 1000));
      return `${options.baseUrl}/evidence/${evidenceId}?exp=${exp}&sig=${sign(evidenceId, exp)}`;
    },
    verify(evidenceId, exp, sig, now) {
      if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(evidenceId, exp));
      const given = Buffer.from(sig);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
