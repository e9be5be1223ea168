import type { Db } from "../db/client.ts";
import { generateLinkCode, hashLinkCode } from "../domain/link-code.ts";

export interface IssuedLinkCode {
  personId: string;
  code: string;
}

/**
 * Issues one new one-time link code per person (SPEC section 4). A new code ends the person's earlier
 * unused ones, so a lost list stops working. Only the hash is stored; the codes are returned once.
 */
export async function issueLinkCodes(
  db: Db,
  personIds: readonly string[],
  options: { now: Date; expiresAt: Date; via: "ADMIN_CLI" | "SIMULATOR" },
): Promise<IssuedLinkCode[]> {
  const issued = personIds.map((personId) => ({ personId, code: generateLinkCode() }));
  const { now, expiresAt } = options;
  await db.$transaction(async (tx) => {
    await tx.linkCode.updateMany({
      where: { personId: { in: [...personIds] }, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.linkCode.createMany({
      data: issued.map((r) => ({ personId: r.personId, codeHash: hashLinkCode(r.code), expiresAt })),
    });
    await tx.auditLog.create({
      data: {
        via: options.via,
        action: "link_codes.issued",
        entity: "link_code",
        detail: { count: issued.length },
      },
    });
  });
  return issued;
}
