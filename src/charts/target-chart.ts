import type { ChartConfiguration, Plugin } from "chart.js";
import type { LocaleCode } from "../conversation/types.ts";
import { formatNumber } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import {
  CHART_APPROVED,
  CHART_GRID,
  CHART_INK,
  CHART_MARK,
  CHART_PENDING,
  type ChartSize,
  renderChart,
} from "./render.ts";

/** One indicator of the year's SKP: % of its target approved, and the % pending on top. */
export interface TargetChartRow {
  code: string;
  approvedPercent: number;
  pendingPercent: number;
}

export interface TargetChartInput {
  year: number;
  rows: readonly TargetChartRow[];
  locale: LocaleCode;
}

/** Width fixed; the height grows with the indicators shown (at most {@link TARGET_CHART_MAX_ROWS}). */
export const TARGET_CHART_WIDTH = 800;
export const TARGET_CHART_BASE_HEIGHT = 120;
export const TARGET_CHART_ROW_HEIGHT = 48;
export const TARGET_CHART_MAX_ROWS = 16;
/** Beyond this the bar is cut at the edge (its label still says the figure). */
const MAX_AXIS_PERCENT = 200;

/** 800 × (120 + 48 per indicator) px, at most 16 indicators (888 px high). */
export function targetChartSize(rows: number): ChartSize {
  const shown = Math.min(Math.max(rows, 1), TARGET_CHART_MAX_ROWS);
  return { width: TARGET_CHART_WIDTH, height: TARGET_CHART_BASE_HEIGHT + TARGET_CHART_ROW_HEIGHT * shown };
}

/** The horizontal position of a value on the x scale (Chart.js scales are not typed per axis). */
function xPixel(chart: { scales: Record<string, { getPixelForValue(v: number): number }> }, value: number) {
  return chart.scales.x?.getPixelForValue(value) ?? 0;
}

function targetLine(label: string): Plugin<"bar"> {
  return {
    id: "kinerjaTargetLine",
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const x = xPixel(chart, 100);
      ctx.save();
      ctx.strokeStyle = CHART_MARK;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = CHART_MARK;
      ctx.font = `12px ${chart.options.font?.family ?? "sans-serif"}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "bottom";
      ctx.fillText(label, x, chartArea.top - 2);
      ctx.restore();
    },
  };
}

/** The % achieved written after each bar. */
function barLabels(rows: readonly TargetChartRow[], locale: LocaleCode): Plugin<"bar"> {
  return {
    id: "kinerjaBarLabels",
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const bars = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.fillStyle = CHART_INK;
      ctx.font = `bold 13px ${chart.options.font?.family ?? "sans-serif"}`;
      ctx.textBaseline = "middle";
      rows.forEach((row, i) => {
        const bar = bars[i];
        if (!bar) return;
        const end = Math.min(xPixel(chart, row.approvedPercent + row.pendingPercent), chartArea.right);
        const text = `${formatNumber(row.approvedPercent, locale)}%`;
        const fits = end + 6 + ctx.measureText(text).width <= chartArea.right;
        ctx.textAlign = fits ? "left" : "right";
        ctx.fillStyle = fits ? CHART_INK : "#ffffff";
        ctx.fillText(text, fits ? end + 6 : end - 6, bar.y);
      });
      ctx.restore();
    },
  };
}

/**
 * `/target` as a picture: one horizontal bar per IKI, % of the yearly target approved (dark) with the
 * pending part after it (light), the 100% line, the IKI codes as labels.
 */
export function renderTargetChart(input: TargetChartInput): Promise<Uint8Array> {
  const t = messagesFor(input.locale).charts;
  const rows = input.rows.slice(0, TARGET_CHART_MAX_ROWS);
  const hidden = input.rows.length - rows.length;
  const highest = Math.max(100, ...rows.map((r) => r.approvedPercent + r.pendingPercent));
  const axisMax = Math.min(MAX_AXIS_PERCENT, Math.ceil(highest / 25) * 25);
  const config: ChartConfiguration<"bar"> = {
    type: "bar",
    data: {
      labels: rows.map((r) => r.code),
      datasets: [
        {
          label: t.approved,
          data: rows.map((r) => r.approvedPercent),
          backgroundColor: CHART_APPROVED,
          barPercentage: 0.7,
          categoryPercentage: 0.9,
        },
        {
          label: t.pending,
          data: rows.map((r) => r.pendingPercent),
          backgroundColor: CHART_PENDING,
          barPercentage: 0.7,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: "y",
      layout: { padding: { top: 4, right: 24, bottom: 4, left: 8 } },
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: axisMax,
          grid: { color: CHART_GRID },
          ticks: { callback: (value) => `${value}%` },
          title: { display: true, text: t.percentAxis },
        },
        y: { stacked: true, grid: { display: false }, ticks: { color: CHART_INK, font: { size: 14 } } },
      },
      plugins: {
        title: {
          display: true,
          text:
            hidden > 0 ? [t.targetTitle(input.year), t.moreIndicators(hidden)] : t.targetTitle(input.year),
          color: CHART_INK,
          font: { size: 18, weight: "bold" },
          padding: { bottom: 18 },
        },
        legend: { position: "bottom", labels: { boxWidth: 14 } },
      },
    },
    plugins: [targetLine(t.targetLine), barLabels(rows, input.locale)],
  };
  return renderChart(targetChartSize(input.rows.length), config as ChartConfiguration);
}
