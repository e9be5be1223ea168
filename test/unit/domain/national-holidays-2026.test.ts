import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { monthlyTargetMinutes } from "../../../src/domain/monthly-minutes.ts";
import { localDate } from "../../../src/domain/time-zone.ts";
import {
  type CalendarHoliday,
  createWorkingCalendar,
  type HolidayKind,
} from "../../../src/domain/working-calendar.ts";

/** The shipped data file, read as the admin `libur` import would read it. */
interface LiburRow {
  tanggal: string;
  nama: string;
  jenis: string;
  unit_kode: string;
}

const rows: LiburRow[] = parse(
  readFileSync(new URL("../../../prisma/data/libur-nasional-2026.csv", import.meta.url)),
  {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  },
);

const KINDS: Record<string, HolidayKind> = {
  libur_nasional: "LIBUR_NASIONAL",
  cuti_bersama: "CUTI_BERSAMA",
  libur_daerah: "LIBUR_DAERAH",
};

const holidays2026: CalendarHoliday[] = rows.map((row) => {
  const kind = KINDS[row.jenis];
  if (!kind) throw new Error(`unknown jenis ${row.jenis}`);
  return { date: row.tanggal, name: row.nama, kind };
});

const WIB = "Asia/Jakarta";
const WITA = "Asia/Makassar";
const WIT = "Asia/Jayapura";

const office = createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: holidays2026 });
const puskesmas = createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5, 6], holidays: holidays2026 });

/** The status of the unit's day at an instant, for a unit in `zone`. */
const statusAt = (zone: string, iso: string) => office.dayStatus(localDate(zone, new Date(iso)));

describe("the shipped 2026 list", () => {
  it("holds 17 national holidays and 8 days of cuti bersama for all units, each date once", () => {
    expect(rows.filter((r) => r.jenis === "libur_nasional")).toHaveLength(17);
    expect(rows.filter((r) => r.jenis === "cuti_bersama")).toHaveLength(8);
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => r.unit_kode === "" && r.tanggal.startsWith("2026-"))).toBe(true);
    expect(new Set(rows.map((r) => r.tanggal)).size).toBe(25);
  });
});

describe("Hari Kemerdekaan, Monday 17 August 2026, across zones", () => {
  it("at 15:00Z on 16 August it is already 17 August in WIT but still Sunday 16 August in WITA and WIB", () => {
    expect(statusAt(WIT, "2026-08-16T15:00:00Z")).toEqual({
      kind: "HOLIDAY",
      name: "Hari Kemerdekaan Republik Indonesia",
      holidayKind: "LIBUR_NASIONAL",
    });
    expect(statusAt(WITA, "2026-08-16T15:00:00Z")).toEqual({ kind: "WEEKEND" });
    expect(statusAt(WIB, "2026-08-16T15:00:00Z")).toEqual({ kind: "WEEKEND" });
  });

  it("one second before WIT midnight it is still Sunday in WIT", () => {
    expect(statusAt(WIT, "2026-08-16T14:59:59Z")).toEqual({ kind: "WEEKEND" });
  });

  it("at 16:59:59Z on 17 August WIB is still on the holiday while WITA and WIT work on Tuesday 18th", () => {
    expect(statusAt(WIB, "2026-08-17T16:59:59Z")).toMatchObject({ kind: "HOLIDAY" });
    expect(statusAt(WITA, "2026-08-17T16:59:59Z")).toEqual({ kind: "WORKING" });
    expect(statusAt(WIT, "2026-08-17T16:59:59Z")).toEqual({ kind: "WORKING" });
  });
});

describe("cuti bersama Natal, Thursday 24 December 2026, across zones", () => {
  it("one second before WITA midnight, WITA and WIB still work on Wednesday 23rd; WIT is on leave", () => {
    const at = "2026-12-23T15:59:59Z";
    expect(statusAt(WIB, at)).toEqual({ kind: "WORKING" });
    expect(statusAt(WITA, at)).toEqual({ kind: "WORKING" });
    expect(statusAt(WIT, at)).toEqual({
      kind: "HOLIDAY",
      name: "Cuti Bersama Hari Raya Natal",
      holidayKind: "CUTI_BERSAMA",
    });
  });

  it("at 16:00Z WITA reaches the 24th; WIB only at 17:00Z", () => {
    expect(statusAt(WITA, "2026-12-23T16:00:00Z")).toMatchObject({
      kind: "HOLIDAY",
      holidayKind: "CUTI_BERSAMA",
    });
    expect(statusAt(WIB, "2026-12-23T16:00:00Z")).toEqual({ kind: "WORKING" });
    expect(statusAt(WIB, "2026-12-23T16:59:59Z")).toEqual({ kind: "WORKING" });
    expect(statusAt(WIB, "2026-12-23T17:00:00Z")).toMatchObject({
      kind: "HOLIDAY",
      holidayKind: "CUTI_BERSAMA",
    });
  });
});

describe("Nyepi and Idulfitri, 18–24 March 2026", () => {
  it("the block starts in WIT while WIB still works on Tuesday 17th", () => {
    expect(statusAt(WIT, "2026-03-17T15:00:00Z")).toEqual({
      kind: "HOLIDAY",
      name: "Cuti Bersama Hari Suci Nyepi",
      holidayKind: "CUTI_BERSAMA",
    });
    expect(statusAt(WIB, "2026-03-17T15:00:00Z")).toEqual({ kind: "WORKING" });
  });

  it("every day from 20 to 24 March is a holiday, the weekend included", () => {
    for (const day of ["20", "21", "22", "23", "24"]) {
      expect(office.dayStatus(`2026-03-${day}`).kind, day).toBe("HOLIDAY");
    }
    expect(office.dayStatus("2026-03-21")).toEqual({
      kind: "HOLIDAY",
      name: "Idulfitri 1447 H",
      holidayKind: "LIBUR_NASIONAL",
    });
  });

  it("the block ends at local midnight: WIB is still on leave at 16:59:59Z on the 24th, WITA and WIT work", () => {
    const at = "2026-03-24T16:59:59Z";
    expect(statusAt(WIB, at)).toMatchObject({ kind: "HOLIDAY", holidayKind: "CUTI_BERSAMA" });
    expect(statusAt(WITA, at)).toEqual({ kind: "WORKING" });
    expect(statusAt(WIT, at)).toEqual({ kind: "WORKING" });
  });

  it("the next working day after Tuesday 17 March is Wednesday 25 March", () => {
    expect(office.nextWorkingDay("2026-03-17")).toBe("2026-03-25");
  });
});

describe("working days of 2026", () => {
  it("a five-day unit has 17 working days in March and 21 in December", () => {
    expect(office.workingDaysInMonth(2026, 3)).toBe(17);
    expect(office.workingDaysInMonth(2026, 12)).toBe(21);
  });

  it("a six-day Puskesmas has 20 working days in March and 25 in December", () => {
    expect(puskesmas.workingDaysInMonth(2026, 3)).toBe(20);
    expect(puskesmas.workingDaysInMonth(2026, 12)).toBe(25);
  });

  it("over the year: 240 working days Monday–Friday, 291 Monday–Saturday", () => {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(months.reduce((sum, m) => sum + office.workingDaysInMonth(2026, m), 0)).toBe(240);
    expect(months.reduce((sum, m) => sum + puskesmas.workingDaysInMonth(2026, m), 0)).toBe(291);
  });

  it("March's minute target at 450 minutes a day is 7,650", () => {
    expect(monthlyTargetMinutes(office, 2026, 3, 450)).toBe(7650);
  });

  it("a regional holiday removes a day only for the unit it belongs to", () => {
    const regional: CalendarHoliday = {
      date: "2026-06-17",
      name: "Libur daerah (contoh)",
      kind: "LIBUR_DAERAH",
    };
    const withRegional = createWorkingCalendar({
      workingDays: [1, 2, 3, 4, 5],
      holidays: [...holidays2026, regional],
    });
    // June 2026: 22 weekdays, minus Hari Lahir Pancasila (Mon 1) and Tahun Baru Islam (Tue 16).
    expect(office.workingDaysInMonth(2026, 6)).toBe(20);
    expect(withRegional.workingDaysInMonth(2026, 6)).toBe(19);
    expect(withRegional.dayStatus("2026-06-17")).toEqual({
      kind: "HOLIDAY",
      name: "Libur daerah (contoh)",
      holidayKind: "LIBUR_DAERAH",
    });
    expect(office.dayStatus("2026-06-17")).toEqual({ kind: "WORKING" });
  });
});
