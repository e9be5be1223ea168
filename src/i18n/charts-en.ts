import type { ChartMessages } from "./charts-id.ts";

/** Texts of the charts and the monthly recap, English (same keys as charts-id.ts). */
export const chartsEn: ChartMessages = {
  approved: "Approved",
  pending: "Awaiting approval",
  available: "Minutes available",
  targetLine: "Target 100%",
  percentAxis: "% of target (approved)",
  minutesAxis: "minutes",
  targetTitle: (year) => `SKP progress ${year}`,
  moreIndicators: (n) => `+${n} more indicators in the text`,
  targetAlt: (year, entries) => `Chart of SKP progress ${year}: ${entries.join(", ")}.`,
  targetAltEntry: (code, percent) => `${code} ${percent}%`,
  monthTitle: (month, approved, available) =>
    `Working minutes ${month}: ${approved} of ${available} approved`,
  monthAlt: (month, approved, available, reported) =>
    `Chart of working minutes ${month}: ${approved} of ${available} minutes approved, ${reported} days reported.`,
  recap: {
    header: (month) => `Performance recap ${month}:`,
    day: (date, approved, pending, available) =>
      `• ${date}: approved ${approved}${pending !== "0" ? `, awaiting ${pending}` : ""} of ${available} minutes`,
    dayAbsent: (date, approved) =>
      `• ${date}: on leave${approved !== "0" ? `, approved ${approved} minutes` : ""}`,
    dayOff: (date, approved) => `• ${date}: day off, approved ${approved} minutes`,
    total: (approved, available, percent) =>
      `Total approved: ${approved} of ${available} minutes available (${percent}%).`,
    pendingTotal: (pending) => `Still awaiting approval: ${pending} minutes.`,
    reported: (days, workingDays) => `Days reported: ${days} of ${workingDays} working days.`,
    noReports: "No reports in this month yet.",
    badMonth: (command) =>
      `Sorry, I do not recognise that month. Write for example ${command} 2026-11 or ${command} november (nothing: this month).`,
    futureMonth: (month) =>
      `${month} has not started yet. Recaps are available for this month and earlier ones.`,
  },
};
