import { describe, expect, it } from "vitest";
import {
  competencyOf,
  coreValueNamed,
  significantWords,
  wordsMatch,
} from "../../../src/domain/competency.ts";
import { type DevelopmentSignals, recommendTrainings } from "../../../src/domain/training-recommendations.ts";

const catalogue = [
  { id: "t-kol", code: "PLT-KOL", competency: "KOLABORATIF" },
  { id: "t-akt", code: "PLT-AKT", competency: "AKUNTABEL" },
  { id: "t-adp", code: "PLT-ADP", competency: "ADAPTIF" },
  { id: "t-bp", code: "PLT-BP", competency: "BERORIENTASI_PELAYANAN" },
  { id: "t-adu", code: "PLT-ADU", competency: "Penanganan pengaduan warga" },
  { id: "t-arsip", code: "PLT-ARS", competency: "kearsipan digital" },
];
const none: DevelopmentSignals = { evaluation: null, colleagues: null, behindIkis: [] };
const codes = (signals: DevelopmentSignals, taken: string[] = [], max?: number) =>
  recommendTrainings(catalogue, signals, new Set(taken), max).map((r) => r.training.code);

describe("kompetensi", () => {
  it("names a BerAKHLAK value as the domain writes it, in any case or with underscores", () => {
    expect(coreValueNamed("Kolaboratif")).toBe("KOLABORATIF");
    expect(coreValueNamed("  berorientasi   Pelayanan ")).toBe("BERORIENTASI_PELAYANAN");
    expect(coreValueNamed("BERORIENTASI_PELAYANAN")).toBe("BERORIENTASI_PELAYANAN");
    expect(coreValueNamed("kolaborasi")).toBeNull();
    expect(competencyOf("AKUNTABEL")).toEqual({ kind: "value", value: "AKUNTABEL" });
  });

  it("matches words in lower case without diacritics, ignoring short and stop words", () => {
    expect(significantWords("Pengaduan warga yang ditanggapi dalam 1x24 jam, untuk SKM")).toEqual([
      "pengaduan",
      "warga",
      "ditanggapi",
      "1x24",
    ]);
    expect(significantWords("Pelayanan Café")).toEqual(["pelayanan", "cafe"]);
    expect(wordsMatch(["pengaduan"], "Pengaduan warga yang ditanggapi")).toBe(true);
    expect(wordsMatch(["jumlah", "data"], "Jumlah dokumen yang diproses")).toBe(false);
  });
});

describe("training recommendations", () => {
  it("recommend nothing without a signal", () => {
    expect(codes(none)).toEqual([]);
  });

  it("recommend the value the rater noted when perilaku was rated Di Bawah, saying so", () => {
    const recommended = recommendTrainings(
      catalogue,
      { ...none, evaluation: { periodCode: "2026-TW2", notedValues: ["KOLABORATIF"] } },
      new Set(),
    );
    expect(recommended).toEqual([
      {
        training: catalogue[0],
        reasons: [{ kind: "evaluation", value: "KOLABORATIF", periodCode: "2026-TW2" }],
      },
    ]);
  });

  it("recommend the value trainings when perilaku was rated Di Bawah with no value noted, at most three", () => {
    expect(codes({ ...none, evaluation: { periodCode: "2026-TW2", notedValues: [] } })).toEqual([
      "PLT-ADP",
      "PLT-AKT",
      "PLT-BP",
    ]);
    expect(codes({ ...none, evaluation: { periodCode: "2026-TW2", notedValues: [] } }, [], 5)).toHaveLength(
      4,
    );
  });

  it("recommend a value colleagues rated Di Bawah (an aggregate that may be shown)", () => {
    const recommended = recommendTrainings(
      catalogue,
      { ...none, colleagues: { periodName: "Triwulan III 2026", values: ["ADAPTIF"] } },
      new Set(),
    );
    expect(recommended.map((r) => r.reasons)).toEqual([
      [{ kind: "colleagues", value: "ADAPTIF", periodName: "Triwulan III 2026" }],
    ]);
  });

  it("recommend a training of words matching the indicator of an IKI behind pace, naming the IKI", () => {
    const recommended = recommendTrainings(
      catalogue,
      {
        ...none,
        behindIkis: [
          { code: "IKI-1.1", indicator: "Data penduduk yang dimutakhirkan" },
          { code: "IKI-2.1", indicator: "Pengaduan warga yang ditanggapi dalam 1x24 jam" },
        ],
      },
      new Set(),
    );
    expect(recommended.map((r) => [r.training.code, r.reasons])).toEqual([
      ["PLT-ADU", [{ kind: "iki", ikiCode: "IKI-2.1" }]],
    ]);
  });

  it("never match a value training by words, nor a words training by a value", () => {
    const signals: DevelopmentSignals = {
      evaluation: { periodCode: "2026-TW2", notedValues: ["AKUNTABEL"] },
      colleagues: null,
      behindIkis: [{ code: "IKI-1.1", indicator: "Laporan akuntabel kolaboratif" }],
    };
    expect(codes(signals)).toEqual(["PLT-AKT"]);
  });

  it("put the evaluation first, then colleagues, then IKIs; more reasons before fewer", () => {
    const signals: DevelopmentSignals = {
      evaluation: { periodCode: "2026-TW2", notedValues: ["HARMONIS", "AKUNTABEL", "KOLABORATIF"] },
      colleagues: { periodName: "TW2", values: ["KOLABORATIF", "ADAPTIF"] },
      behindIkis: [{ code: "IKI-1", indicator: "Arsip digital yang ditata" }],
    };
    expect(codes(signals, [], 10)).toEqual(["PLT-KOL", "PLT-AKT", "PLT-ADP", "PLT-ARS"]);
  });

  it("leave out trainings already requested, approved or reported", () => {
    const signals: DevelopmentSignals = {
      ...none,
      evaluation: { periodCode: "2026-TW2", notedValues: ["KOLABORATIF", "AKUNTABEL"] },
    };
    expect(codes(signals, ["t-kol"])).toEqual(["PLT-AKT"]);
  });
});
