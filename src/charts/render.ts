import type { ChartConfiguration } from "chart.js";

/**
 * The one place Chart.js meets the canvas: Chart.js 4 draws on @napi-rs/canvas's 2D context in Node
 * (no DOM: Chart.js picks its basic platform), with animation and responsiveness off and one pixel per
 * point, so the picture is exactly `width × height` and finished when the constructor returns.
 * The font ships with the project (@fontsource/noto-sans), so charts look the same on any machine.
 * The drawing modules (src/charts/draw.ts) load on the first chart: a web process that never draws one
 * does not hold them (about 21 MB of RSS, see README "Benchmarks").
 */
export interface ChartSize {
  width: number;
  height: number;
}

export const CHART_FONT = "ChartSans";
export const CHART_BACKGROUND = "#ffffff";
export const CHART_INK = "#1b1b1b";
export const CHART_MUTED = "#4a5560";
export const CHART_GRID = "#e3e7eb";
/** Approved work: what counts */
export const CHART_APPROVED = "#1d4e89";
/** Pending work: the same hue, lighter */
export const CHART_PENDING = "#9dbbe0";
export const CHART_MARK = "#c0392b";

/** Draws a chart and encodes it as PNG (the encoding runs off the event loop). */
export async function renderChart(size: ChartSize, config: ChartConfiguration): Promise<Uint8Array> {
  const { drawChart } = await import("./draw.ts");
  return drawChart(size, config);
}
