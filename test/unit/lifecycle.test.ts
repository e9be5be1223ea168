import { describe, expect, it } from "vitest";
import { closeAll } from "../../src/lifecycle.ts";
import { createLogger } from "../../src/logger.ts";

const logger = createLogger("silent");

describe("graceful shutdown", () => {
  it("closes in the given order", async () => {
    const closed: string[] = [];
    const closer = (name: string) => ({ name, close: async () => void closed.push(name) });
    expect(await closeAll([closer("http"), closer("workers"), closer("db")], 1_000, logger)).toBe(true);
    expect(closed).toEqual(["http", "workers", "db"]);
  });

  it("keeps closing the rest when one closer fails", async () => {
    const closed: string[] = [];
    const inTime = await closeAll(
      [
        { name: "broken", close: async () => Promise.reject(new Error("boom")) },
        { name: "db", close: async () => void closed.push("db") },
      ],
      1_000,
      logger,
    );
    expect(inTime).toBe(true);
    expect(closed).toEqual(["db"]);
  });

  it("gives up at the time limit when a closer hangs", async () => {
    const hang = { name: "worker", close: () => new Promise<void>(() => {}) };
    expect(await closeAll([hang], 50, logger)).toBe(false);
  });
});
