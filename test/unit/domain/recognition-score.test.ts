import { describe, expect, it } from "vitest";
import {
  type RecognitionCriteria,
  recognitionScore,
  suggest,
} from "../../../src/domain/recognition-score.ts";

const base: RecognitionCriteria = {
  capaianPercent: 50,
  daysReported: 15,
  workingDays: 21,
  approved: 15,
  approvedClean: 15,
  kudos: 0,
  servedAverage: null,
};

describe("the recognition score", () => {
  it("weighs the criteria 35/25/20/10 and leaves the served weight out without survey data", () => {
    // (35·0.5 + 25·15/21 + 20·1 + 10·0) / 90 = 61.5
    expect(recognitionScore(base)).toBe(61.5);
    expect(recognitionScore({ ...base, capaianPercent: 100, daysReported: 21, kudos: 5 })).toBe(100);
  });

  it("counts the served average (1–4) with its 10 when there is one", () => {
    // (17.5 + 17.857 + 20 + 0 + 10·(4−1)/3) / 100 = 65.4
    expect(recognitionScore({ ...base, servedAverage: 4 })).toBe(65.4);
    expect(recognitionScore({ ...base, servedAverage: 1 })).toBe(55.4);
  });

  it("caps kudos at 5 and capaian at 100, and never divides by zero", () => {
    expect(recognitionScore({ ...base, kudos: 50 })).toBe(recognitionScore({ ...base, kudos: 5 }));
    expect(recognitionScore({ ...base, capaianPercent: 400 })).toBe(
      recognitionScore({ ...base, capaianPercent: 100 }),
    );
    expect(recognitionScore({ ...base, workingDays: 0, approved: 0, approvedClean: 0 })).toBe(19.4);
  });

  it("suggests at most 3 with an approved report, best first, ties by approved reports then name", () => {
    const people = [
      {
        personId: "1",
        name: "Dewi",
        criteria: { ...base, approved: 0, approvedClean: 0, capaianPercent: 100 },
      },
      { personId: "2", name: "Budi", criteria: base },
      { personId: "3", name: "Ani", criteria: base },
      { personId: "4", name: "Cici", criteria: { ...base, kudos: 5 } },
      { personId: "5", name: "Eko", criteria: { ...base, approved: 16, approvedClean: 16 } },
    ];
    expect(suggest(people).map((p) => p.name)).toEqual(["Cici", "Eko", "Ani"]);
  });
});
