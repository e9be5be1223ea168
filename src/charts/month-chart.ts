import type { ChartConfiguration } from "chart.js";
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

/** One day of the month on the chart. */
export interface MonthChartDay {
  /** The axis label (the day of the month) */
  label: string;
  approvedMinutes: number;
  pendingMinutes: number;
  availableMinutes: number;
}

export interface MonthChartInput {
  /** "November 2026" in the person's language */
  monthName: string;
  days: readonly MonthChartDay[];
  approvedMinutes: number;
  availableMinutes: number;
  locale: LocaleCode;
}

/** The monthly recap's picture is always 960 × 480 px. */
export const MONTH_CHART_SIZE: ChartSize = { width: 960, height: 480 };

/**
 * The month as a picture: per day the approved minutes (dark) with the pending ones on top (light),
 * against the day's available minutes (a line; 0 on a day of leave); the month's total in the title.
 */
export function renderMonthChart(input: MonthChartInput): Promise<Uint8Array> {
  const t = messagesFor(input.locale).charts;
  const config: ChartConfiguration = {
    type: "bar",
    data: {
      labels: input.days.map((d) => d.label),
      datasets: [
        {
          type: "line",
          label: t.available,
          data: input.days.map((d) => d.availableMinutes),
          borderColor: CHART_MARK,
          backgroundColor: CHART_MARK,
          borderWidth: 2,
          pointRadius: 3,
          stepped: "middle",
          order: 0,
        },
        {
          type: "bar",
          label: t.approved,
          data: input.days.map((d) => d.approvedMinutes),
          backgroundColor: CHART_APPROVED,
          stack: "minutes",
          order: 1,
        },
        {
          type: "bar",
          label: t.pending,
          data: input.days.map((d) => d.pendingMinutes),
          backgroundColor: CHART_PENDING,
          stack: "minutes",
          order: 1,
        },
      ],
    },
    options: {
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { color: CHART_INK, autoSkip: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          grace: "5%",
          grid: { color: CHART_GRID },
          title: { display: true, text: t.minutesAxis },
        },
      },
      plugins: {
        title: {
          display: true,
          text: t.monthTitle(
            input.monthName,
            formatNumber(input.approvedMinutes, input.locale),
            formatNumber(input.availableMinutes, input.locale),
          ),
          color: CHART_INK,
          font: { size: 18, weight: "bold" },
          padding: { bottom: 12 },
        },
        legend: { position: "bottom", labels: { boxWidth: 14 } },
      },
    },
  };
  return renderChart(MONTH_CHART_SIZE, config);
}
