import { DateTime } from "luxon";
import { addDays } from "../../domain/local-date.ts";
import { formatShortDate } from "../../i18n/format.ts";
import { fromLocalDate, toLocalDate } from "../../services/db-types.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { reportFlow } from "../flows/report.ts";
import type { ReportData } from "../flows/report-state.ts";
import { loadPersonDay } from "../person-day.ts";
import type { Choice, Reply } from "../types.ts";

const PAGE_SIZE = 5;
type Filter = "all" | "week" | "day";

const FILTER_WORDS: Record<string, Filter> = {
  hari: "day",
  today: "day",
  minggu: "week",
  week: "week",
  semua: "all",
  all: "all",
};

function since(filter: Filter, today: string): string | undefined {
  if (filter === "day") return today;
  if (filter === "week")
    return DateTime.fromISO(today, { zone: "UTC" }).startOf("week").toISODate() ?? addDays(today, -6);
  return undefined;
}

async function render(ctx: TurnContext, filter: Filter, page: number): Promise<Reply> {
  const person = requirePerson(ctx);
  const day = await loadPersonDay(ctx, person);
  const from = since(filter, day.today);
  const rows = await ctx.tx.activity.findMany({
    where: { personId: person.id, ...(from ? { date: { gte: fromLocalDate(from) } } : {}) },
    orderBy: [{ date: "desc" }, { submittedAt: "desc" }],
    skip: page * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    // The change that led to the current status (several changes may share a timestamp).
    include: { history: { orderBy: { at: "desc" }, select: { reason: true, toStatus: true } } },
  });
  const shown = rows.slice(0, PAGE_SIZE);
  const t = ctx.t.history;
  const lines = [t.header(page + 1)];
  if (shown.length === 0) lines.push(t.empty);
  shown.forEach((a, i) => {
    const reason =
      a.status === "REVISI" || a.status === "DITOLAK"
        ? (a.history.find((h) => h.toStatus === a.status)?.reason ?? null)
        : null;
    lines.push(
      t.line(
        `#${i + 1} ${formatShortDate(toLocalDate(a.date), ctx.locale)}`,
        a.description,
        ctx.t.common.status[a.status],
        reason,
      ),
    );
  });
  const choices: Choice[][] = [];
  const fixable = shown.map((a, i) => ({ a, i })).filter(({ a }) => a.status === "REVISI");
  if (fixable.length > 0) {
    lines.push("", t.fixHint);
    choices.push(fixable.map(({ a, i }) => ({ label: t.fix(i + 1), data: `h:fix:${a.id}` })));
  }
  const paging: Choice[] = [];
  if (page > 0) paging.push({ label: t.newer, data: `h:p:${filter}:${page - 1}` });
  if (rows.length > PAGE_SIZE) paging.push({ label: t.older, data: `h:p:${filter}:${page + 1}` });
  if (paging.length > 0) choices.push(paging);
  choices.push([
    { label: t.filterToday, data: "h:p:day:0" },
    { label: t.filterWeek, data: "h:p:week:0" },
    { label: t.filterAll, data: "h:p:all:0" },
  ]);
  const text = lines.join("\n");
  return ctx.pressed
    ? { kind: "edit", message: ctx.pressed, text, choices }
    : { kind: "message", text, choices };
}

/** `/riwayat [hari|minggu|semua]`: recent activities, newest first, five per page. */
export async function showHistory(ctx: TurnContext, args: string): Promise<TurnResult> {
  const filter = FILTER_WORDS[args.trim().toLowerCase()] ?? "all";
  return reply(await render(ctx, filter, 0)).keep();
}

/** Opens an activity returned for revision in the /lapor dialog, at its summary. */
export async function startRevision(ctx: TurnContext, activityId: string): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const activity = await ctx.tx.activity.findFirst({
    where: { id: activityId, personId: person.id },
    include: { evidence: { take: 1, orderBy: { createdAt: "desc" } } },
  });
  if (activity?.status !== "REVISI") return reply({ kind: "message", text: ctx.t.report.notEditable }).keep();
  const ev = activity.evidence[0];
  const evidence: ReportData["evidence"] = !ev
    ? { kind: "NONE" }
    : ev.kind === "LINK"
      ? { kind: "LINK", url: ev.url ?? "" }
      : {
          kind: ev.kind,
          fileId: ev.fileId ?? "",
          ...(ev.fileUniqueId ? { fileUniqueId: ev.fileUniqueId } : {}),
          ...(ev.fileName ? { fileName: ev.fileName } : {}),
          ...(ev.mimeType ? { mimeType: ev.mimeType } : {}),
          ...(ev.sizeBytes !== null ? { sizeBytes: ev.sizeBytes } : {}),
        };
  return reportFlow.start(ctx, {
    activityId: activity.id,
    activityVersion: activity.version,
    date: toLocalDate(activity.date),
    originalDate: toLocalDate(activity.date),
    ikiId: activity.ikiId,
    description: activity.description,
    quantity: activity.quantity,
    minutes: activity.minutes,
    ...(activity.startMinute !== null && activity.endMinute !== null
      ? { startMinute: activity.startMinute, endMinute: activity.endMinute }
      : {}),
    evidence,
  });
}

export async function historyChoice(ctx: TurnContext, parts: string[]): Promise<TurnResult> {
  const [action, a, b] = parts;
  if (action === "fix" && a) return startRevision(ctx, a);
  if (action === "p" && (a === "all" || a === "week" || a === "day")) {
    const page = Math.max(0, Number.parseInt(b ?? "0", 10) || 0);
    return reply(await render(ctx, a, page)).keep();
  }
  return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
}
