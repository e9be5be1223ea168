import { localDate } from "../../domain/time-zone.ts";
import { formatShortDate } from "../../i18n/format.ts";
import { kudosCountInYear } from "../../services/kudos.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";

const SHOWN = 10;

/**
 * `/umpan_balik`: what supervisors said, newest first: written feedback (general or on an activity),
 * the reasons given with revisions and rejections, and final period ratings. Marks feedback as read.
 */
export async function showFeedback(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const { rules } = await loadPersonDay(ctx, person);
  const date = (at: Date) => formatShortDate(localDate(rules.timeZone, at), ctx.locale);
  const t = ctx.t.feedback;
  const feedback = await ctx.tx.feedback.findMany({
    where: { toId: person.id },
    orderBy: { createdAt: "desc" },
    take: SHOWN,
    include: { from: { select: { name: true } }, activity: { select: { description: true } } },
  });
  const decisions = await ctx.tx.activityStatusChange.findMany({
    where: {
      activity: { personId: person.id },
      toStatus: { in: ["REVISI", "DITOLAK"] },
      reason: { not: null },
    },
    orderBy: { at: "desc" },
    take: SHOWN,
    include: { activity: { select: { description: true } } },
  });
  const kudos = await ctx.tx.kudos.findMany({
    where: { toId: person.id },
    orderBy: { createdAt: "desc" },
    take: SHOWN,
    select: { id: true, createdAt: true, text: true, readAt: true, from: { select: { name: true } } },
  });
  const evaluations = await ctx.tx.evaluation.findMany({
    where: { personId: person.id, status: "FINAL" },
    orderBy: { finalAt: "desc" },
    take: SHOWN,
  });

  const items = [
    ...feedback.map((f) => ({
      at: f.createdAt,
      text: f.activity
        ? t.onActivity(f.from.name, date(f.createdAt), f.activity.description, f.text)
        : t.general(f.from.name, date(f.createdAt), f.text),
    })),
    ...decisions.map((d) => ({
      at: d.at,
      text: t.decision(date(d.at), d.activity.description, ctx.t.common.status[d.toStatus], d.reason ?? ""),
    })),
    ...kudos.map((k) => ({
      at: k.createdAt,
      text: ctx.t.kudos.line(k.from.name, date(k.createdAt), k.text),
    })),
    ...evaluations.map((e) => ({
      at: e.finalAt ?? e.ratedAt,
      text: t.rating(e.periodName, ctx.t.evaluation.predikat[e.predikat]),
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, SHOWN);
  const unread = feedback.filter((f) => f.readAt === null).map((f) => f.id);
  if (unread.length > 0)
    await ctx.tx.feedback.updateMany({ where: { id: { in: unread } }, data: { readAt: ctx.now } });
  const unreadKudos = kudos.filter((k) => k.readAt === null).map((k) => k.id);
  if (unreadKudos.length > 0)
    await ctx.tx.kudos.updateMany({ where: { id: { in: unreadKudos } }, data: { readAt: ctx.now } });
  const year = Number(localDate(rules.timeZone, ctx.now).slice(0, 4));
  const kudosCount = await kudosCountInYear(ctx.tx, person.id, year, rules.timeZone);
  const text =
    items.length === 0
      ? t.empty
      : [
          t.header,
          ...items.map((i) => i.text),
          ...(kudosCount > 0 ? ["", ctx.t.kudos.count(kudosCount, year)] : []),
        ].join("\n");
  return reply({ kind: "message", text }).keep();
}
