import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Title,
} from "chart.js";

/**
 * The one place Chart.js meets the canvas: Chart.js 4 draws on @napi-rs/canvas's 2D context in Node
 * (no DOM: Chart.js picks its basic platform), with animation and responsiveness off and one pixel per
 * point, so the picture is exactly `width × height` and finished when the constructor returns.
 * The font ships with the project (@fontsource/noto-sans), so charts look the same on any machine.
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

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve("@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff"),
  require.resolve("@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff"),
];

let prepared = false;
function prepare(): void {
  if (prepared) return;
  for (const file of FONT_FILES) GlobalFonts.registerFromPath(file, CHART_FONT);
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Title,
    Legend,
  );
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.color = CHART_MUTED;
  prepared = true;
}

/** Chart.js leaves the canvas transparent: a chat client would show its own background through it. */
const background: Plugin = {
  id: "kinerjaBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = CHART_BACKGROUND;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws a chart and encodes it as PNG (the encoding runs off the event loop). */
export async function renderChart(size: ChartSize, config: ChartConfiguration): Promise<Uint8Array> {
  prepare();
  const canvas = createCanvas(size.width, size.height);
  const context = canvas.getContext("2d");
  const chart = new Chart(
    // @napi-rs/canvas's context has the 2D API Chart.js calls, but not the DOM type it is declared with.
    // biome-ignore lint/suspicious/noExplicitAny: the DOM type does not exist in this (DOM-less) program
    context as any,
    {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
        maintainAspectRatio: false,
        devicePixelRatio: 1,
      },
      plugins: [background, ...(config.plugins ?? [])],
    },
  );
  try {
    return new Uint8Array(await canvas.encode("png"));
  } finally {
    chart.destroy();
  }
}
