import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../src/db/unavailable.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", {
    code,
    clientVersion: "6.19.3",
    ...(meta ? { meta } : {}),
  });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable server, a dropped connection and a server shutting down or starting", () => {
    expect(isDatabaseUnavailable(known("P1001"))).toBe(true);
    expect(isDatabaseUnavailable(known("P1017"))).toBe(true);
    // A raw query's failure (P2010) carries the driver's error underneath.
    const raw = known("P2010", { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } });
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "57P01", severity: "FATAL" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: { code: "ECONNREFUSED" } }))).toBe(true);
  });

  it("does not take a failing query or a bug for an outage", () => {
    expect(isDatabaseUnavailable(known("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(known("P2021"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
