import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Button data is "<owner>:<action>..." and the router sends each owner to one flow: two flows with one owner
 * would take each other's buttons (the kudos flow once took the absence flow's "a:").
 */
describe("button data owners", () => {
  it("are unique across the conversation's flows and views", () => {
    const dirs = ["flows", "views"].map((d) => join(import.meta.dirname, "../../src/conversation", d));
    const owners: string[] = [];
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
        const source = readFileSync(join(dir, file), "utf8");
        for (const match of source.matchAll(/(?:const FLOW|export const [A-Z_]+_FLOW) = "([a-z]+)"/g)) {
          owners.push(`${match[1]} (${file})`);
        }
      }
    }
    const names = owners.map((o) => o.split(" ")[0]);
    expect(owners.length).toBeGreaterThan(8);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      owners.join(", "),
    ).toEqual([]);
  });
});
