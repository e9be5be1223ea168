import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { MONTH_CHART_SIZE, renderMonthChart } from "../../../src/charts/month-chart.ts";
import { renderTargetChart, targetChartSize } from "../../../src/charts/target-chart.ts";
import { parseMonthInput } from "../../../src/domain/month-input.ts";

const rgb = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0] as const;
};

/** How many pixels differ from the white background, and how many colours there are. */
function inked(png: PNG): { fraction: number; colours: number } {
  const colours = new Set<number>();
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r = 0, g = 0, b = 0] = png.data.subarray(i, i + 3);
    colours.add((r << 16) | (g << 8) | b);
    if (r < 240 || g < 240 || b < 240) ink++;
  }
  return { fraction: ink / (png.width * png.height), colours: colours.size };
}

/** The approved colour (#1d4e89), give or take anti-aliasing. */
const isApproved = ([r = 0, g = 0, b = 0]: readonly number[]) =>
  Math.abs(r - 0x1d) < 12 && Math.abs(g - 0x4e) < 12 && Math.abs(b - 0x89) < 12;

describe("the /target chart", () => {
  it("is 800 × (120 + 48 per IKI) px, not blank, with a bar where an IKI has approved output", async () => {
    const rows = [
      { code: "IKI-1.1", approvedPercent: 80, pendingPercent: 10 },
      { code: "IKI-1.2", approvedPercent: 0, pendingPercent: 0 },
      { code: "IKI-2.1", approvedPercent: 30, pendingPercent: 0 },
    ];
    const png = PNG.sync.read(Buffer.from(await renderTargetChart({ year: 2026, rows, locale: "id" })));
    expect([png.width, png.height]).toEqual([800, 120 + 48 * 3]);
    expect(targetChartSize(3)).toEqual({ width: 800, height: 264 });
    const { fraction, colours } = inked(png);
    expect(colours).toBeGreaterThan(20);
    expect(fraction).toBeGreaterThan(0.05);
    // Somewhere along IKI-1.1's row (80 %) the approved colour shows across a wide stretch.
    const rowHits = Array.from({ length: png.height }, (_, y) => {
      let n = 0;
      for (let x = 0; x < png.width; x++) if (isApproved(rgb(png, x, y))) n++;
      return n;
    });
    expect(Math.max(...rowHits)).toBeGreaterThan(300);
  });

  it("caps the height at 16 indicators", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      code: `IKI-${i}`,
      approvedPercent: i * 5,
      pendingPercent: 0,
    }));
    const png = PNG.sync.read(Buffer.from(await renderTargetChart({ year: 2026, rows, locale: "en" })));
    expect([png.width, png.height]).toEqual([800, 120 + 48 * 16]);
  });
});

describe("the monthly recap chart", () => {
  it("is 960 × 480 px, not blank, with a bar on a day with approved minutes", async () => {
    const days = Array.from({ length: 20 }, (_, i) => ({
      label: String(i + 2),
      approvedMinutes: i === 0 ? 450 : 0,
      pendingMinutes: 0,
      availableMinutes: 450,
    }));
    const png = PNG.sync.read(
      Buffer.from(
        await renderMonthChart({
          monthName: "November 2026",
          days,
          approvedMinutes: 450,
          availableMinutes: 9000,
          locale: "id",
        }),
      ),
    );
    expect([png.width, png.height]).toEqual([MONTH_CHART_SIZE.width, MONTH_CHART_SIZE.height]);
    const { fraction, colours } = inked(png);
    expect(colours).toBeGreaterThan(20);
    expect(fraction).toBeGreaterThan(0.02);
    // The first day's bar is in the left twentieth of the chart; no other day has one.
    const columns = Array.from({ length: png.width }, (_, x) => {
      let n = 0;
      for (let y = 0; y < png.height; y++) if (isApproved(rgb(png, x, y))) n++;
      return n;
    });
    const tallest = columns.indexOf(Math.max(...columns));
    expect(columns[tallest]).toBeGreaterThan(150);
    expect(tallest).toBeLessThan(png.width / 8);
    expect(Math.max(...columns.slice(png.width / 4))).toBeLessThan(40);
  });
});

describe("the month of /rekap", () => {
  const today = "2026-11-24";
  it("reads nothing, YYYY-MM and month names in Indonesian and English", () => {
    expect(parseMonthInput("", today)).toEqual({ ok: true, value: { year: 2026, month: 11 } });
    expect(parseMonthInput("2026-10", today)).toEqual({ ok: true, value: { year: 2026, month: 10 } });
    expect(parseMonthInput("Agustus", today)).toEqual({ ok: true, value: { year: 2026, month: 8 } });
    expect(parseMonthInput("october 2025", today)).toEqual({ ok: true, value: { year: 2025, month: 10 } });
    expect(parseMonthInput("desember", today)).toEqual({ ok: true, value: { year: 2025, month: 12 } });
  });
  it("refuses what is not a month, and months that have not begun", () => {
    expect(parseMonthInput("2026-13", today)).toEqual({ ok: false, reason: "unknown" });
    expect(parseMonthInput("besok", today)).toEqual({ ok: false, reason: "unknown" });
    expect(parseMonthInput("2026-12", today)).toMatchObject({ ok: false, reason: "future" });
  });
});
