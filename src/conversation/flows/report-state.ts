import { z } from "zod";
import type { DialogState } from "../state-store.ts";

export const REPORT_FLOW = "r";

export const REPORT_STEPS = ["date", "iki", "desc", "qty", "time", "ev", "summary", "change"] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

const evidence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("NONE") }),
  z.object({ kind: z.literal("LINK"), url: z.string() }),
  z.object({
    kind: z.enum(["PHOTO", "DOCUMENT"]),
    fileId: z.string(),
    fileUniqueId: z.string().optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    sizeBytes: z.number().int().optional(),
  }),
]);

/** What the /lapor dialog has gathered so far. Read back from the database, so validated. */
export const reportData = z.object({
  /** Set when fixing an activity returned for revision */
  activityId: z.string().optional(),
  activityVersion: z.number().int().optional(),
  /** The revised activity's date: it may stay even when it is past the back-date limit by now */
  originalDate: z.string().optional(),
  date: z.string().optional(),
  /** null = "tugas lain"; absent = not answered yet */
  ikiId: z.string().nullable().optional(),
  /** Token of the question on screen: its buttons carry it, so a button of an older question is stale */
  question: z.string().optional(),
  /** The indicator ids offered as buttons, so "r:<q>:iki:2" means what the user saw */
  offered: z.array(z.string()).default([]),
  description: z.string().optional(),
  quantity: z.number().int().optional(),
  minutes: z.number().int().optional(),
  startMinute: z.number().int().optional(),
  endMinute: z.number().int().optional(),
  evidence: evidence.optional(),
});
export type ReportData = z.infer<typeof reportData>;

export function reportState(step: ReportStep, data: ReportData): DialogState {
  return { flow: REPORT_FLOW, step, data: data as Record<string, unknown> };
}

export function readReportData(state: DialogState | null): { step: ReportStep; data: ReportData } | null {
  if (!state || state.flow !== REPORT_FLOW) return null;
  const step = REPORT_STEPS.find((s) => s === state.step);
  const parsed = reportData.safeParse(state.data);
  if (!step || !parsed.success) return null;
  return { step, data: parsed.data };
}

/**
 * The first step still unanswered; "summary" when everything is there. "Ubah" clears one answer, so
 * after it is given again the dialog goes straight back to the summary.
 */
export function nextStep(data: ReportData): ReportStep {
  if (data.date === undefined) return "date";
  if (data.ikiId === undefined) return "iki";
  if (data.description === undefined) return "desc";
  if (data.quantity === undefined) return "qty";
  if (data.minutes === undefined) return "time";
  if (data.evidence === undefined) return "ev";
  return "summary";
}
