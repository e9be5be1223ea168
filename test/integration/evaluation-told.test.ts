import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { markEvaluationTold } from "../../src/services/evaluations.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The objection window runs from the day the employee was actually told (SPEC 12): the notification
 * worker marks it when the message went out, so a notification delayed past midnight moves the window.
 */
let database: TestDatabase;
let evaluationId: string;
const day = (date: Date) => date.toISOString().slice(0, 10);

const row = () => database.db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await importFiles(database.db, DEMO_FILES, { now: new Date("2026-10-01T03:00:00Z") });
  if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
  const budi = await database.db.person.findUniqueOrThrow({ where: { nip: "199207252019031004" } });
  const rina = await database.db.person.findUniqueOrThrow({ where: { nip: "198008172005012003" } });
  const created = await database.db.evaluation.create({
    data: {
      personId: budi.id,
      raterId: rina.id,
      periodCode: "2026-TW3",
      periodName: "Triwulan III 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-07-01T00:00:00Z"),
      endDate: new Date("2026-09-30T00:00:00Z"),
      ratingDeadline: new Date("2026-10-14T00:00:00Z"),
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "SESUAI",
      predikat: "BAIK",
      ratedAt: new Date("2026-10-02T16:55:00Z"),
      toldOn: new Date("2026-10-02T00:00:00Z"),
      objectionUntil: new Date("2026-10-16T00:00:00Z"),
      version: 2,
    },
  });
  evaluationId = created.id;
});
afterAll(async () => {
  await database.drop();
});

describe("the day the employee was told", () => {
  it("stays the rating day when the message went out that day (23:59 WIB)", async () => {
    await markEvaluationTold(database.db, evaluationId, 2, new Date("2026-10-02T16:59:00Z"));
    expect(day((await row()).objectionUntil)).toBe("2026-10-16");
  });

  it("moves with a message sent after midnight in the employee's zone", async () => {
    await markEvaluationTold(database.db, evaluationId, 2, new Date("2026-10-02T17:05:00Z"));
    const after = await row();
    expect(day(after.toldOn)).toBe("2026-10-03");
    expect(day(after.objectionUntil)).toBe("2026-10-17");
  });

  it("never moves back, and ignores an older version's message or a result under objection", async () => {
    await markEvaluationTold(database.db, evaluationId, 2, new Date("2026-10-02T10:00:00Z"));
    await markEvaluationTold(database.db, evaluationId, 1, new Date("2026-10-05T03:00:00Z"));
    expect(day((await row()).objectionUntil)).toBe("2026-10-17");
    await database.db.evaluation.update({ where: { id: evaluationId }, data: { status: "KEBERATAN" } });
    await markEvaluationTold(database.db, evaluationId, 2, new Date("2026-10-06T03:00:00Z"));
    expect(day((await row()).objectionUntil)).toBe("2026-10-17");
  });
});
