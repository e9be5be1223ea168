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

import { CHART_BACKGROUND, CHART_FONT, CHART_MUTED, type ChartSize } from "./render.ts";

/** Chart.js on @napi-rs/canvas (see render.ts); loaded on the first chart. */
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

export async function drawChart(size: ChartSize, config: ChartConfiguration): Promise<Uint8Array> {
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
