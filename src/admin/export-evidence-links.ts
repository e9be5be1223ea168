import type { Config } from "../config.ts";
import type { EvidenceLinks } from "../conversation/review-message.ts";
import type { Db } from "../db/client.ts";
import { loadGeneratedLinkSecret } from "../evidence/link-secret.ts";
import { createSignedEvidenceLinks } from "../evidence/signed-links.ts";

/** An exported file outlives a chat message: its evidence links stay valid for a year. */
export const EXPORT_LINK_TTL_DAYS = 365;

/**
 * Signed `/evidence/<id>` links as the web role verifies them: with EVIDENCE_LINK_SECRET when set, else
 * the deployment's generated key from the database (created here if no process has made it yet), under
 * the public base URL. Rotating the key ends every link made before.
 */
export async function exportEvidenceLinks(
  db: Db,
  config: Pick<Config, "evidenceLinkSecret" | "baseUrl">,
  now: Date,
): Promise<EvidenceLinks> {
  const secret = config.evidenceLinkSecret ?? (await loadGeneratedLinkSecret(db));
  return createSignedEvidenceLinks({
    secret,
    baseUrl: config.baseUrl,
    clock: () => now,
    ttlMs: EXPORT_LINK_TTL_DAYS * 24 * 3600 * 1000,
  });
}
