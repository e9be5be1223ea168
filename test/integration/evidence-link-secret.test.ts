import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { createDb } from "../../src/db/client.ts";
import { EVIDENCE_LINK_SECRET_NAME, startEvidenceLinkSecret } from "../../src/evidence/link-secret.ts";
import { createSignedEvidenceLinks } from "../../src/evidence/signed-links.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const logger = createLogger("silent");
const clock = () => new Date("2026-11-24T03:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("the evidence link key without EVIDENCE_LINK_SECRET", () => {
  it("is not derived from the configuration", () => {
    const env = {
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    };
    expect(parseConfig(env).evidenceLinkSecret).toBeUndefined();
    expect(
      parseConfig({ ...env, EVIDENCE_LINK_SECRET: "a-real-secret-of-32-characters!!" }).evidenceLinkSecret,
    ).toBe("a-real-secret-of-32-characters!!");
  });

  it("is generated once and shared by every process of the deployment", async () => {
    // Two processes starting at the same instant, each with its own connection pool.
    const other = createDb(database.url, { poolSize: 2 });
    try {
      const [first, second] = await Promise.all([
        startEvidenceLinkSecret(database.db, undefined, logger),
        startEvidenceLinkSecret(other, undefined, logger),
      ]);
      const key = first.current();
      expect(key).toMatch(/^[\w-]{43}$/);
      expect(second.current()).toBe(key);
      expect(await database.db.appSecret.count()).toBe(1);
      const stored = await database.db.appSecret.findUniqueOrThrow({
        where: { name: EVIDENCE_LINK_SECRET_NAME },
      });
      expect(stored.value).toBe(key);

      // A link one process signs, the other accepts.
      const signer = createSignedEvidenceLinks({ secret: first.current, baseUrl: "http://x", clock });
      const verifier = createSignedEvidenceLinks({ secret: second.current, baseUrl: "http://x", clock });
      const id = "5f0c6b1e-8a59-4b71-9c1f-0d5f1c0a3e11";
      const url = new URL(signer.evidenceUrl(id) ?? "");
      const exp = url.searchParams.get("exp") ?? "";
      const sig = url.searchParams.get("sig") ?? "";
      expect(verifier.verify(id, exp, sig, clock())).toBe(true);

      // A later start reads the same key.
      const restarted = await startEvidenceLinkSecret(database.db, undefined, logger);
      expect(restarted.current()).toBe(key);

      // The key the old code derived from the tokens and DATABASE_URL is not it.
      for (const token of ["", "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"]) {
        const derived = createHash("sha256")
          .update(`kinerja-evidence:${token}::${database.url}`)
          .digest("hex");
        expect(key).not.toBe(derived);
      }
    } finally {
      await other.$disconnect();
    }
  });

  it("uses EVIDENCE_LINK_SECRET when set, without touching the database", async () => {
    const configured = await startEvidenceLinkSecret(database.db, "a-real-secret-of-32-characters!!", logger);
    expect(configured.current()).toBe("a-real-secret-of-32-characters!!");
  });

  it("makes and accepts no link while the database has not answered, and loads the key once it does", async () => {
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/none", { poolSize: 1 });
    try {
      const secret = await startEvidenceLinkSecret(unreachable, undefined, logger, 60_000);
      expect(secret.current()).toBeUndefined();
      const links = createSignedEvidenceLinks({ secret: secret.current, baseUrl: "http://x", clock });
      expect(links.evidenceUrl("5f0c6b1e-8a59-4b71-9c1f-0d5f1c0a3e11")).toBeNull();
      expect(links.verify("5f0c6b1e-8a59-4b71-9c1f-0d5f1c0a3e11", "99999999999", "", clock())).toBe(false);
      secret.stop();
    } finally {
      await unreachable.$disconnect();
    }
  });
});
