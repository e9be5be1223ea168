import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";

/** The `app_secret` row holding the generated evidence link key. */
export const EVIDENCE_LINK_SECRET_NAME = "evidence-link";

/**
 * The deployment's generated key: the first process to ask stores a random one, every process reads the
 * stored one, so all processes of one deployment sign and verify with the same key.
 */
export async function loadGeneratedLinkSecret(db: Db): Promise<string> {
  await db.appSecret.createMany({
    data: [{ name: EVIDENCE_LINK_SECRET_NAME, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await db.appSecret.findUniqueOrThrow({ where: { name: EVIDENCE_LINK_SECRET_NAME } });
  return row.value;
}

export interface EvidenceLinkSecret {
  /** The key, or undefined while the database has not answered yet */
  current(): string | undefined;
  stop(): void;
}

/**
 * EVIDENCE_LINK_SECRET when set, otherwise the generated key from the database. A database that does not
 * answer at start is not fatal (the process starts, not ready): the load is tried again in the background.
 */
export async function startEvidenceLinkSecret(
  db: Db,
  configured: string | undefined,
  logger: Logger,
  retryMs = 2_000,
): Promise<EvidenceLinkSecret> {
  if (configured) return { current: () => configured, stop: () => {} };
  let secret: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (): Promise<void> => {
    try {
      secret = await loadGeneratedLinkSecret(db);
    } catch (error) {
      logger.warn({ err: error }, "could not load the evidence link key; trying again");
      if (!stopped) timer = setTimeout(() => void attempt(), retryMs).unref();
    }
  };
  await attempt();
  return {
    current: () => secret,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
