import { describe, expect, it } from "vitest";
import { formatNip, NIP_ERROR_TEXT, type NipError, normalizeNip, parseNip } from "../../../src/domain/nip.ts";

function errorOf(raw: string): NipError | null {
  const result = parseNip(raw);
  return result.ok ? null : result.error;
}

describe("parseNip: valid numbers", () => {
  it("reads a PNS NIP printed with spaces", () => {
    expect(parseNip("19670806 200801 2 017")).toEqual({
      ok: true,
      value: {
        nip: "196708062008012017",
        kind: "PNS",
        birthDate: "1967-08-06",
        appointment: "2008-01",
        sex: "P",
        serial: "017",
      },
    });
  });

  it("reads a PNS NIP copied from a spreadsheet with a leading apostrophe", () => {
    const result = parseNip("'196708062008012017");
    expect(result.ok && result.value.nip).toBe("196708062008012017");
    expect(result.ok && result.value.kind).toBe("PNS");
  });

  it("accepts surrounding whitespace, dots and dashes", () => {
    expect(parseNip("  19670806.200801.2.017 ").ok).toBe(true);
    expect(parseNip("19670806-200801-2-017").ok).toBe(true);
  });

  it("reads a PPPK number: digits 13–14 are 21–29, the appointment is a year", () => {
    expect(parseNip("200012312024211001")).toEqual({
      ok: true,
      value: {
        nip: "200012312024211001",
        kind: "PPPK",
        birthDate: "2000-12-31",
        appointment: "2024",
        sex: "L",
        serial: "001",
      },
    });
  });

  it("tells PNS from PPPK at the boundaries of digits 13–14 (12 is a month, 21 and 29 are PPPK codes)", () => {
    const kindOf = (raw: string) => {
      const result = parseNip(raw);
      return result.ok ? result.value.kind : result.error;
    };
    expect(kindOf("196708062008122017")).toBe("PNS");
    expect(kindOf("196708062008012999")).toBe("PNS");
    expect(kindOf("200012312024291002")).toBe("PPPK");
  });

  it("accepts 29 February in a leap year", () => {
    expect(errorOf("19680229 199001 1 001")).toBeNull();
  });
});

describe("parseNip: invalid numbers", () => {
  it("refuses a number that is not 18 digits long", () => {
    expect(errorOf("19670806 200801 2 01")).toBe("NOT_18_DIGITS");
    expect(errorOf("1967080620080120170")).toBe("NOT_18_DIGITS");
    expect(errorOf("")).toBe("NOT_18_DIGITS");
  });

  it("refuses letters and other non-digits", () => {
    expect(errorOf("19670806200801201A")).toBe("NOT_18_DIGITS");
    expect(errorOf("1967O8062008012017")).toBe("NOT_18_DIGITS");
    expect(errorOf("19670806/200801/2/017")).toBe("NOT_18_DIGITS");
  });

  it("refuses a birth date that does not exist", () => {
    expect(errorOf("19670230 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // 30 February
    expect(errorOf("19670229 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // 1967 is not a leap year
    expect(errorOf("19671306 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // month 13
    expect(errorOf("19670006 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // month 00
    expect(errorOf("19670800 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // day 00
    expect(errorOf("18991231 200801 2 017")).toBe("INVALID_BIRTH_DATE"); // before 1900
  });

  it("refuses a sex digit other than 1 or 2", () => {
    expect(errorOf("19670806 200801 3 017")).toBe("INVALID_SEX_DIGIT");
    expect(errorOf("19670806 200801 0 017")).toBe("INVALID_SEX_DIGIT");
  });

  it("refuses serial 000", () => {
    expect(errorOf("19670806 200801 2 000")).toBe("INVALID_SERIAL");
    expect(errorOf("20001231 202421 1 000")).toBe("INVALID_SERIAL");
  });

  it("refuses digits 13–14 that are neither a month nor a PPPK code 21–29", () => {
    expect(errorOf("19670806 200800 2 017")).toBe("INVALID_APPOINTMENT");
    expect(errorOf("19670806 200813 2 017")).toBe("INVALID_APPOINTMENT");
    expect(errorOf("19670806 200820 2 017")).toBe("INVALID_APPOINTMENT");
    expect(errorOf("19670806 200830 2 017")).toBe("INVALID_APPOINTMENT");
  });

  it("refuses an appointment year that is not after the birth year", () => {
    expect(errorOf("19670806 196701 2 017")).toBe("INVALID_APPOINTMENT"); // same year
    expect(errorOf("19670806 196001 2 017")).toBe("INVALID_APPOINTMENT"); // before birth
    expect(errorOf("20001231 200021 1 001")).toBe("INVALID_APPOINTMENT"); // PPPK, same year
  });

  it("has an Indonesian explanation for every error code", () => {
    expect(Object.keys(NIP_ERROR_TEXT).sort()).toEqual([
      "INVALID_APPOINTMENT",
      "INVALID_BIRTH_DATE",
      "INVALID_SERIAL",
      "INVALID_SEX_DIGIT",
      "NOT_18_DIGITS",
    ]);
  });
});

describe("normalizeNip and formatNip", () => {
  it("strips what people and spreadsheets add", () => {
    expect(normalizeNip(" '19670806 200801 2 017 ")).toBe("196708062008012017");
    expect(normalizeNip("''19670806.200801.2.017")).toBe("196708062008012017");
  });

  it("prints a NIP in the usual four groups", () => {
    expect(formatNip("196708062008012017")).toBe("19670806 200801 2 017");
    expect(formatNip("200012312024211001")).toBe("20001231 202421 1 001");
  });
});
