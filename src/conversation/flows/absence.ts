import { z } from "zod";
import { parseDateInput } from "../../domain/date-input.ts";
import { addDays, daysFromTo } from "../../domain/local-date.ts";
import { formatDate, formatShortDate } from "../../i18n/format.ts";
import { fromLocalDate, toLocalDate } from "../../services/db-types.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { DialogState } from "../state-store.ts";
import type { Choice } from "../types.ts";

const FLOW = "a";
const KINDS = ["CUTI", "SAKIT", "DINAS_LUAR", "TUGAS_BELAJAR", "DIKLAT"] as const;
const MAX_DAYS = 90;
const MAX_DAYS_BACK = 30;

const absenceData = z.object({
  kind: z.enum(KINDS).optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});
type AbsenceData = z.infer<typeof absenceData>;

const state = (step: string, data: AbsenceData): DialogState => ({ flow: FLOW, step, data });
const cancelRow = (ctx: TurnContext): Choice[] => [{ label: ctx.t.common.cancel, data: "a:cancel" }];

function askKind(ctx: TurnContext): TurnResult {
  const kinds = ctx.t.absence.kinds;
  const buttons = KINDS.map((k) => ({ label: kinds[k], data: `a:kind:${k}` }));
  return reply({
    kind: "message",
    text: ctx.t.absence.askKind,
    choices: [buttons.slice(0, 3), buttons.slice(3), cancelRow(ctx)],
  }).next(state("kind", {}));
}

async function askStart(ctx: TurnContext, data: AbsenceData, before?: string): Promise<TurnResult> {
  const { today } = await loadPersonDay(ctx, requirePerson(ctx));
  const tomorrow = addDays(today, 1);
  const replies = before ? [{ kind: "message" as const, text: before }] : [];
  return reply(...replies, {
    kind: "message",
    text: ctx.t.absence.askStart,
    choices: [
      [
        { label: formatShortDate(today, ctx.locale), data: `a:start:${today}` },
        { label: formatShortDate(tomorrow, ctx.locale), data: `a:start:${tomorrow}` },
      ],
      cancelRow(ctx),
    ],
  }).next(state("start", data));
}

function askEnd(ctx: TurnContext, data: AbsenceData & { startDate: string }, before?: string): TurnResult {
  const replies = before ? [{ kind: "message" as const, text: before }] : [];
  return reply(...replies, {
    kind: "message",
    text: ctx.t.absence.askEnd,
    choices: [[{ label: ctx.t.absence.sameDay, data: `a:end:${data.startDate}` }], cancelRow(ctx)],
  }).next(state("end", data));
}

async function onStart(ctx: TurnContext, data: AbsenceData, date: string | null): Promise<TurnResult> {
  if (!date) return askStart(ctx, data, ctx.t.absence.badDate);
  const { today } = await loadPersonDay(ctx, requirePerson(ctx));
  if (daysFromTo(date, today) > MAX_DAYS_BACK) return askStart(ctx, data, ctx.t.absence.tooFarBack);
  return askEnd(ctx, { ...data, startDate: date });
}

function overlappingAbsence(ctx: TurnContext, personId: string, startDate: string, endDate: string) {
  return ctx.tx.absence.findFirst({
    where: {
      personId,
      startDate: { lte: fromLocalDate(endDate) },
      endDate: { gte: fromLocalDate(startDate) },
    },
  });
}

async function onEnd(ctx: TurnContext, data: AbsenceData, date: string | null): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const startDate = data.startDate;
  if (!startDate || !data.kind) return askKind(ctx);
  if (!date) return askEnd(ctx, { ...data, startDate }, ctx.t.absence.badDate);
  if (date < startDate) return askEnd(ctx, { ...data, startDate }, ctx.t.absence.endBeforeStart);
  if (daysFromTo(startDate, date) >= MAX_DAYS)
    return askEnd(ctx, { ...data, startDate }, ctx.t.absence.tooLong);
  const overlapping = await overlappingAbsence(ctx, person.id, startDate, date);
  if (overlapping) {
    const text = ctx.t.absence.overlaps(
      formatShortDate(toLocalDate(overlapping.startDate), ctx.locale),
      formatShortDate(toLocalDate(overlapping.endDate), ctx.locale),
    );
    return askStart(ctx, { kind: data.kind }, text);
  }
  const day = await loadPersonDay(ctx, person);
  const workingDays = day.calendar.workingDaysBetween(addDays(startDate, -1), date);
  const next = { ...data, startDate, endDate: date };
  return reply({
    kind: "message",
    text: ctx.t.absence.confirm(
      ctx.t.absence.kinds[data.kind],
      formatDate(startDate, ctx.locale),
      formatDate(date, ctx.locale),
      workingDays,
    ),
    choices: [[{ label: ctx.t.absence.save, data: "a:save" }, ...cancelRow(ctx)]],
  }).next(state("confirm", next));
}

async function save(ctx: TurnContext, data: AbsenceData): Promise<TurnResult> {
  const person = requirePerson(ctx);
  if (!data.kind || !data.startDate || !data.endDate) return askKind(ctx);
  // Another absence may have been saved since the dates were checked (a second chat, the other platform):
  // saves of one person take turns on the person's row, and the overlap is checked again in this transaction.
  await ctx.tx.$queryRaw`SELECT id FROM person WHERE id = ${person.id}::uuid FOR NO KEY UPDATE`;
  const overlapping = await overlappingAbsence(ctx, person.id, data.startDate, data.endDate);
  if (overlapping) {
    const text = ctx.t.absence.overlapsAtSave(
      formatShortDate(toLocalDate(overlapping.startDate), ctx.locale),
      formatShortDate(toLocalDate(overlapping.endDate), ctx.locale),
    );
    return askStart(ctx, { kind: data.kind }, text);
  }
  const absence = await ctx.tx.absence.create({
    data: {
      personId: person.id,
      kind: data.kind,
      startDate: fromLocalDate(data.startDate),
      endDate: fromLocalDate(data.endDate),
    },
  });
  ctx.effects.push({ kind: "absence-declared", absenceId: absence.id });
  return reply({ kind: "message", text: ctx.t.absence.saved }).end();
}

function current(ctx: TurnContext): { step: string; data: AbsenceData } | null {
  if (ctx.state?.flow !== FLOW) return null;
  const parsed = absenceData.safeParse(ctx.state.data);
  return parsed.success ? { step: ctx.state.step, data: parsed.data } : null;
}

/** `/izin`: declare cuti, sakit, dinas luar, tugas belajar or diklat for a date range (SPEC section 5). */
export const absenceFlow = {
  name: FLOW,
  start: async (ctx: TurnContext): Promise<TurnResult> => askKind(ctx),

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const now = current(ctx);
    if (!now) return reply({ kind: "message", text: ctx.t.common.expired }).end();
    const { today } = await loadPersonDay(ctx, requirePerson(ctx));
    if (now.step === "start") return onStart(ctx, now.data, parseDateInput(text, today));
    if (now.step === "end") return onEnd(ctx, now.data, parseDateInput(text, today));
    return reply({ kind: "message", text: ctx.t.report.useButtons }).keep();
  },

  async onChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
    const now = current(ctx);
    const stale = () => reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    if (!now) return stale();
    const [action, arg] = parts;
    if (action === "cancel") return reply({ kind: "message", text: ctx.t.common.cancelled }).end();
    if (action === "kind" && now.step === "kind") {
      const kind = KINDS.find((k) => k === arg);
      return kind ? askStart(ctx, { kind }) : stale();
    }
    if (action === "start" && now.step === "start") return onStart(ctx, now.data, arg ?? null);
    if (action === "end" && now.step === "end") return onEnd(ctx, now.data, arg ?? null);
    if (action === "save" && now.step === "confirm") return save(ctx, now.data);
    return stale();
  },
};
