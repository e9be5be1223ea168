/**
 * `npm run bench:charts [-- --runs=30]`: how long drawing the two charts takes (Chart.js on
 * @napi-rs/canvas, PNG encoding included), after one warm-up of each. Ends with one line
 * `bench:charts target_ms_p50=N month_ms_p50=N png_bytes=N` (png_bytes: the month chart's size).
 */
import { renderMonthChart } from "../src/charts/month-chart.ts";
import { renderTargetChart } from "../src/charts/target-chart.ts";
import { intArg } from "./support.ts";

const runs = intArg("runs", 30);

const target = {
  year: 2026,
  locale: "id" as const,
  rows: Array.from({ length: 6 }, (_, i) => ({
    code: `IKI-${Math.floor(i / 2) + 1}.${(i % 2) + 1}`,
    approvedPercent: 15 * i + 3,
    pendingPercent: i % 3 === 0 ? 8 : 0,
  })),
};
const month = {
  monthName: "November 2026",
  locale: "id" as const,
  days: Array.from({ length: 21 }, (_, i) => ({
    label: String(i + 2),
    approvedMinutes: 180 + ((i * 53) % 270),
    pendingMinutes: i % 5 === 0 ? 60 : 0,
    availableMinutes: i === 7 ? 0 : 450,
  })),
  approvedMinutes: 7000,
  availableMinutes: 9000,
};

async function p50(render: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  let bytes = (await render()).byteLength;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = (await render()).byteLength;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, bytes };
}

const targetResult = await p50(() => renderTargetChart(target));
const monthResult = await p50(() => renderMonthChart(month));
console.log(
  `bench:charts target_ms_p50=${targetResult.ms.toFixed(1)} month_ms_p50=${monthResult.ms.toFixed(1)} png_bytes=${monthResult.bytes}`,
);
