import { describe, expect, it } from "vitest";
import { instantAt, localDate, resolveTimeZone, zoneLabel } from "../../../src/domain/time-zone.ts";

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";
const WIT = "Asia/Jayapura";

describe("resolveTimeZone", () => {
  it("maps the Indonesian abbreviations in any case", () => {
    expect(resolveTimeZone("WIB")).toBe(WIB);
    expect(resolveTimeZone("wita")).toBe(WITA);
    expect(resolveTimeZone(" Wit ")).toBe(WIT);
  });

  it("accepts IANA names and returns their canonical spelling", () => {
    expect(resolveTimeZone("Asia/Jakarta")).toBe(WIB);
    expect(resolveTimeZone("asia/makassar")).toBe(WITA);
    expect(resolveTimeZone("ASIA/JAYAPURA")).toBe(WIT);
    expect(resolveTimeZone("Europe/Amsterdam")).toBe("Europe/Amsterdam");
  });

  it("refuses anything else", () => {
    expect(resolveTimeZone("")).toBeNull();
    expect(resolveTimeZone("WITB")).toBeNull();
    expect(resolveTimeZone("Asia/Bandung")).toBeNull();
    expect(resolveTimeZone("UTC+7")).toBeNull();
    expect(resolveTimeZone("GMT")).toBeNull();
  });
});

describe("zoneLabel", () => {
  it("shows the abbreviation people know for the three Indonesian zones", () => {
    expect(zoneLabel(WIB)).toBe("WIB");
    expect(zoneLabel(WITA)).toBe("WITA");
    expect(zoneLabel(WIT)).toBe("WIT");
  });

  it("labels a zone typed in lower case like the canonical one", () => {
    expect(zoneLabel(resolveTimeZone("asia/jakarta")!)).toBe("WIB");
  });

  it("shows the IANA name of a zone outside Indonesia", () => {
    expect(zoneLabel("Asia/Singapore")).toBe("Asia/Singapore");
  });
});

describe("localDate around local midnight", () => {
  // 3 March 2026 starts at 17:00Z in WIB (UTC+7), 16:00Z in WITA (UTC+8), 15:00Z in WIT (UTC+9).
  const cases = [
    { zone: WIB, midnight: "2026-03-02T17:00:00.000Z" },
    { zone: WITA, midnight: "2026-03-02T16:00:00.000Z" },
    { zone: WIT, midnight: "2026-03-02T15:00:00.000Z" },
  ];

  for (const { zone, midnight } of cases) {
    it(`${zone}: one millisecond before midnight is still 2 March, midnight is 3 March`, () => {
      const at = new Date(midnight);
      expect(localDate(zone, new Date(at.getTime() - 1))).toBe("2026-03-02");
      expect(localDate(zone, at)).toBe("2026-03-03");
    });
  }

  it("16:59:59Z on 2 March is still 2 March in WIB but already 3 March in WITA and WIT", () => {
    const at = new Date("2026-03-02T16:59:59Z");
    expect(localDate(WIB, at)).toBe("2026-03-02");
    expect(localDate(WITA, at)).toBe("2026-03-03");
    expect(localDate(WIT, at)).toBe("2026-03-03");
  });

  it("15:00Z is 22:00 WIB, 23:00 WITA and already the next day in WIT", () => {
    const at = new Date("2026-03-02T15:00:00Z");
    expect([localDate(WIB, at), localDate(WITA, at), localDate(WIT, at)]).toEqual([
      "2026-03-02",
      "2026-03-02",
      "2026-03-03",
    ]);
  });

  it("crosses a year end", () => {
    expect(localDate(WIB, new Date("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(localDate(WIB, new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });
});

describe("instantAt", () => {
  it("finds the instant of a local time in each zone", () => {
    expect(instantAt(WIB, "2026-03-02", "07:30").toISOString()).toBe("2026-03-02T00:30:00.000Z");
    expect(instantAt(WITA, "2026-03-02", "07:30").toISOString()).toBe("2026-03-01T23:30:00.000Z");
    expect(instantAt(WIT, "2026-03-02", "00:00").toISOString()).toBe("2026-03-01T15:00:00.000Z");
    expect(instantAt(WIB, "2026-03-02", "15:30").toISOString()).toBe("2026-03-02T08:30:00.000Z");
  });

  it("round-trips with localDate", () => {
    for (const zone of [WIB, WITA, WIT]) {
      for (const time of ["00:00", "07:30", "23:59"]) {
        expect(localDate(zone, instantAt(zone, "2026-08-17", time))).toBe("2026-08-17");
      }
    }
  });

  it("refuses a date or time that does not exist", () => {
    expect(() => instantAt(WIB, "2026-02-30", "07:30")).toThrow(RangeError);
    expect(() => instantAt(WIB, "2026-03-02", "25:00")).toThrow(RangeError);
    expect(() => instantAt(WIB, "2026-03-02", "7:30")).toThrow(RangeError);
  });
});
