import type { PlatformName } from "../conversation/types.ts";
import type { Tx } from "./db-types.ts";

/**
 * Records that a platform delivery was handled; false when it was already (a redelivery). The same
 * `processed_event` row a conversation turn writes for its event key.
 */
export async function claimEvent(tx: Tx, key: string, platform: PlatformName): Promise<boolean> {
  const fresh = await tx.$executeRaw`
    INSERT INTO processed_event (key, platform) VALUES (${key}, ${platform}::"Platform")
    ON CONFLICT (key) DO NOTHING`;
  return fresh > 0;
}
