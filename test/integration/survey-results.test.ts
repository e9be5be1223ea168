import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import type { Score } from "../../src/domain/ikm.ts";
import { recordSurveyAnswer } from "../../src/services/survey-responses.ts";
import { servedAverages, unitIkm } from "../../src/services/survey-results.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { DEMO } from "../support/telegram-app.ts";

/** The read API the team board and the evaluation evidence show (SPEC section 13). */
let database: TestDatabase;
const id: Record<string, string> = {};
const TW4 = { startDate: "2026-10-01", endDate: "2026-12-31" };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const seeded = await importFiles(db, DEMO_FILES, { now: new Date("2026-11-24T03:00:00Z") });
  if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
  for (const code of ["KEC-ANDIR-PEL", "KEC-ANDIR-PEM"]) {
    id[code] = (await db.unit.findUniqueOrThrow({ where: { code } })).id;
  }
  for (const [who, nip] of [
    ["budi", DEMO.budi],
    ["dewi", DEMO.dewi],
    ["siti", DEMO.siti],
    ["agus", DEMO.agus],
  ] as const) {
    id[who] = (await db.person.findUniqueOrThrow({ where: { nip } })).id;
  }
  let n = 0;
  const answer = (unit: string, day: string, scores: number[], by?: string) =>
    recordSurveyAnswer(db, {
      unitId: id[unit]!,
      localDate: day,
      scores: scores as Score[],
      comment: null,
      channel: n % 2 ? "WEB" : "TELEGRAM",
      servedById: by ? id[by]! : null,
      mark: `m${n++}`,
    });
  await answer("KEC-ANDIR-PEL", "2026-10-01", [4, 4, 4, 4, 4, 4, 4, 4, 4], "budi");
  await answer("KEC-ANDIR-PEL", "2026-11-15", [3, 3, 3, 3, 3, 3, 3, 3, 3], "budi");
  await answer("KEC-ANDIR-PEL", "2026-12-31", [2, 2, 2, 2, 2, 2, 2, 2, 2], "dewi");
  await answer("KEC-ANDIR-PEL", "2026-12-31", [4, 3, 4, 3, 4, 3, 4, 3, 4]);
  await answer("KEC-ANDIR-PEL", "2026-09-30", [1, 1, 1, 1, 1, 1, 1, 1, 1], "budi"); // TW3
  // Agus (Seksi Pemerintahan) named at the other section's survey: still his.
  await answer("KEC-ANDIR-PEM", "2026-11-02", [4, 4, 4, 4, 4, 4, 4, 4, 4], "agus");
});
afterAll(async () => {
  await database?.drop();
});

describe("the survey's read API", () => {
  it("unitIkm: the unit's own answers within the period", async () => {
    // Four answers in TW4: sums per unsur 13,12,13,12,13,12,13,12,13 = 113; IKM = 113 × 25 / 36 = 78.47 → B
    expect(await unitIkm(database.db, id["KEC-ANDIR-PEL"]!, TW4)).toEqual({
      responses: 4,
      ikm: 78.47,
      mutu: "B",
      unsurMeans: [3.25, 3, 3.25, 3, 3.25, 3, 3.25, 3, 3.25],
    });
    expect(
      await unitIkm(database.db, id["KEC-ANDIR-PEL"]!, { startDate: "2026-07-01", endDate: "2026-09-30" }),
    ).toMatchObject({ responses: 1, ikm: 25, mutu: "D" });
    expect(
      await unitIkm(database.db, id["KEC-ANDIR-PEL"]!, { startDate: "2026-01-01", endDate: "2026-03-31" }),
    ).toBeNull();
  });

  it("servedAverages: per person named by the answers of the period, at any unit; nobody named is absent", async () => {
    const averages = await servedAverages(database.db, [id.budi!, id.dewi!, id.siti!, id.agus!], TW4);
    expect([...averages.keys()].sort()).toEqual([id.agus, id.budi, id.dewi].sort());
    expect(averages.get(id.budi!)).toMatchObject({ responses: 2, mean: 3.5, ikm: 87.5, mutu: "B" });
    expect(averages.get(id.dewi!)).toMatchObject({ responses: 1, mean: 2, ikm: 50, mutu: "D" });
    expect(averages.get(id.agus!)).toMatchObject({ responses: 1, mean: 4, ikm: 100, mutu: "A" });
    expect((await servedAverages(database.db, [], TW4)).size).toBe(0);
  });
});
