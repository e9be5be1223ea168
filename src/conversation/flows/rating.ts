import { z } from "zod";
import { predikat, RATINGS, type Rating } from "../../domain/predikat.ts";
import { formatDate } from "../../i18n/format.ts";
import {
  BERAKHLAK,
  type BehaviourNotes,
  type CoreValue,
  checkRating,
  FEEDBACK_MAX,
  NOTE_MAX,
  type RatingProblem,
  type RatingTarget,
  ratingTarget,
  saveRating,
  type TargetRefusal,
} from "../../services/evaluations.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice, FormField, Reply } from "../types.ts";
import { PERIOD_CODE, showEvaluationBoard } from "../views/evaluation-board.ts";
import { evidenceText } from "./rating-evidence.ts";

const FLOW = "e";
const UUID = z.uuid();
const rating = z.enum(RATINGS);
const coreValue = z.enum(BERAKHLAK);

/** The rating being written, kept between turns (Telegram's steps; Slack's form before Tetapkan). */
const draftSchema = z.object({
  personId: z.uuid(),
  periodCode: z.string().regex(PERIOD_CODE),
  /** the evaluation's version when the rater opened it (0 = not rated yet) */
  version: z.number().int().min(0),
  name: z.string(),
  periodName: z.string(),
  fixedHasil: rating.nullable(),
  late: z.boolean(),
  hasil: rating.optional(),
  perilaku: rating.optional(),
  notes: z.partialRecord(coreValue, z.string()).default({}),
  feedback: z.string().nullable().optional(),
  noteFor: coreValue.optional(),
});
type Draft = z.infer<typeof draftSchema>;

const readDraft = (ctx: TurnContext): Draft | null => {
  if (ctx.state?.flow !== FLOW) return null;
  const parsed = draftSchema.safeParse(ctx.state.data);
  return parsed.success ? parsed.data : null;
};

const next = (step: string, draft: Draft) => ({ flow: FLOW, step, data: draft as Record<string, unknown> });

function refusalText(
  ctx: TurnContext,
  reason: TargetRefusal | RatingProblem | "STALE",
  periodName?: string,
  end?: string,
): string {
  const t = ctx.t.evaluation;
  switch (reason) {
    case "NOT_AUTHORISED":
      return t.notRater;
    case "NOT_OPEN":
      return t.notOpen(periodName ?? "", end ? formatDate(end, ctx.locale) : "-");
    case "LOCKED":
      return t.locked;
    case "HEAD_NEEDS_CAPAIAN":
      return t.headNeedsCapaian(periodName ?? "", ctx.adminContact ?? t.contactFallback);
    case "FEEDBACK_REQUIRED":
      return t.feedbackRequired;
    case "FEEDBACK_TOO_LONG":
      return t.feedbackTooLong;
    case "NOTE_TOO_LONG":
      return t.noteTooLong;
    case "STALE":
      return t.stale;
    case "NOT_FOUND":
      return ctx.t.common.staleButton;
  }
}

/** Every button of the dialog names the person rated: a button left on an earlier rating's message is stale. */
const ratingChoices = (ctx: TurnContext, action: "h" | "p", personId: string): Choice[][] => [
  RATINGS.map((r) => ({ label: ctx.t.evaluation.ratingShort[r], data: `e:${action}:${r}:${personId}` })),
];

function draftOf(target: RatingTarget): Draft {
  const existing = target.existing;
  return {
    personId: target.person.id,
    periodCode: target.period.code,
    version: existing?.version ?? 0,
    name: target.person.name,
    periodName: target.period.name,
    fixedHasil: target.fixedHasilKerja,
    late: target.late,
    notes: existing?.behaviourNotes ?? {},
    feedback: existing?.feedback ?? null,
    ...(existing ? { hasil: existing.ratingHasilKerja, perilaku: existing.ratingPerilaku } : {}),
  };
}

/** The whole rating as one form (a Slack modal): the evidence, then the ratings, notes and feedback. */
function ratingForm(ctx: TurnContext, evidence: string, draft: Draft): Reply {
  const t = ctx.t.evaluation;
  const options = RATINGS.map((r) => ({ label: t.rating[r], value: r }));
  const fields: FormField[] = [{ kind: "info", text: evidence }];
  if (!draft.fixedHasil) {
    fields.push({
      kind: "choice",
      id: "hasil",
      label: t.formHasil,
      options,
      ...(draft.hasil ? { initial: draft.hasil } : {}),
    });
  }
  fields.push(
    {
      kind: "choice",
      id: "perilaku",
      label: t.formPerilaku,
      options,
      ...(draft.perilaku ? { initial: draft.perilaku } : {}),
    },
    {
      kind: "text",
      id: "feedback",
      label: t.formFeedback,
      maxLength: FEEDBACK_MAX,
      multiline: true,
      optional: true,
      ...(draft.feedback ? { initial: draft.feedback } : {}),
    },
    ...BERAKHLAK.map(
      (value): FormField => ({
        kind: "text",
        id: `note-${value}`,
        label: t.formNote(t.values[value]),
        maxLength: NOTE_MAX,
        optional: true,
        ...(draft.notes[value] ? { initial: draft.notes[value] } : {}),
      }),
    ),
  );
  return {
    kind: "form",
    title: t.formTitle,
    submit: t.formSubmit,
    data: `e:form:${draft.personId}:${draft.periodCode}:${draft.version}`,
    fields,
  };
}

/** The summary with the predikat the matrix gives, before Tetapkan (SPEC section 12). */
function summary(ctx: TurnContext, draft: Draft & { hasil: Rating; perilaku: Rating }): TurnResult {
  const t = ctx.t.evaluation;
  const notes = BERAKHLAK.flatMap((v) =>
    draft.notes[v] ? [t.noteLine(t.values[v], draft.notes[v] ?? "")] : [],
  );
  const text = t.summary({
    name: draft.name,
    period: draft.periodName,
    hasil: t.rating[draft.hasil],
    perilaku: t.rating[draft.perilaku],
    predikat: t.predikat[predikat(draft.hasil, draft.perilaku)],
    feedback: draft.feedback?.trim() || null,
    notes,
    late: draft.late,
  });
  return reply(
    message(text, [
      [
        { label: t.confirm, data: `e:set:${draft.personId}` },
        { label: t.change, data: `e:chg:${draft.personId}` },
        { label: ctx.t.common.cancel, data: `e:cancel:${draft.personId}` },
      ],
    ]),
  ).next(next("confirm", draft));
}

function askPerilaku(ctx: TurnContext, draft: Draft, prefix?: string): TurnResult {
  const text = prefix ? `${prefix}\n\n${ctx.t.evaluation.askPerilaku}` : ctx.t.evaluation.askPerilaku;
  return reply(message(text, ratingChoices(ctx, "p", draft.personId))).next(next("perilaku", draft));
}

function notesPrompt(ctx: TurnContext, draft: Draft, prefix?: string): TurnResult {
  const t = ctx.t.evaluation;
  const buttons = BERAKHLAK.map((v) => ({
    label: `${draft.notes[v] ? "✓ " : ""}${t.values[v]}`,
    data: `e:n:${v}:${draft.personId}`,
  }));
  const rows: Choice[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  rows.push([{ label: t.next, data: `e:next:${draft.personId}` }]);
  return reply(message(prefix ? `${prefix}\n${t.notesPrompt}` : t.notesPrompt, rows)).next(
    next("notes", draft),
  );
}

const needsFeedback = (draft: Draft) => draft.hasil === "DI_BAWAH" || draft.perilaku === "DI_BAWAH";

function askFeedback(ctx: TurnContext, draft: Draft, prefix?: string): TurnResult {
  const t = ctx.t.evaluation;
  const required = needsFeedback(draft);
  const text = t.askFeedback(draft.name, required);
  return reply(
    message(
      prefix ? `${prefix}\n${text}` : text,
      required ? undefined : [[{ label: ctx.t.common.skip, data: `e:skip:${draft.personId}` }]],
    ),
  ).next(next("feedback", draft));
}

function toSummary(ctx: TurnContext, draft: Draft): TurnResult {
  const hasil = draft.fixedHasil ?? draft.hasil;
  const perilaku = draft.perilaku;
  if (!hasil || !perilaku) return reply(message(ctx.t.common.expired)).end();
  const full = { ...draft, hasil, perilaku };
  const problem = checkRating({
    hasilKerja: hasil,
    perilaku,
    feedback: draft.feedback ?? null,
    notes: draft.notes,
  });
  if (problem === "FEEDBACK_REQUIRED" || problem === "FEEDBACK_TOO_LONG") {
    return askFeedback(ctx, full, refusalText(ctx, problem));
  }
  if (problem) return notesPrompt(ctx, full, refusalText(ctx, problem));
  return summary(ctx, full);
}

/** Opens the rating of one person: step by step (Telegram) or as one form (Slack). */
async function start(
  ctx: TurnContext,
  personId: string,
  periodCode: string,
  inForm: boolean,
): Promise<TurnResult> {
  const rater = requirePerson(ctx);
  const found = await ratingTarget(ctx.tx, {
    actorId: rater.id,
    personId,
    periodCode,
    now: ctx.now,
    via: ctx.account.platform,
  });
  if (!found.ok) {
    return reply(message(refusalText(ctx, found.reason, found.period?.name, found.period?.endDate))).keep();
  }
  const draft = draftOf(found.target);
  const evidence = await evidenceText(ctx, found.target);
  if (inForm) return reply(ratingForm(ctx, evidence, draft)).keep();
  // The evidence and the question are two messages: a long evidence text never cuts the question off.
  if (draft.fixedHasil) {
    const withHasil = { ...draft, hasil: draft.fixedHasil };
    return reply(
      message(evidence),
      message(ctx.t.evaluation.askPerilaku, ratingChoices(ctx, "p", draft.personId)),
    ).next(next("perilaku", withHasil));
  }
  return reply(
    message(evidence),
    message(ctx.t.evaluation.askHasil, ratingChoices(ctx, "h", draft.personId)),
  ).next(next("hasil", draft));
}

async function confirm(ctx: TurnContext, draft: Draft): Promise<TurnResult> {
  const rater = requirePerson(ctx);
  const hasil = draft.fixedHasil ?? draft.hasil;
  if (!hasil || !draft.perilaku) return reply(message(ctx.t.common.expired)).end();
  const saved = await saveRating(ctx.tx, {
    actorId: rater.id,
    personId: draft.personId,
    periodCode: draft.periodCode,
    rating: {
      hasilKerja: hasil,
      perilaku: draft.perilaku,
      feedback: draft.feedback ?? null,
      notes: draft.notes,
    },
    now: ctx.now,
    via: ctx.account.platform,
    expectedVersion: draft.version,
  });
  if (!saved.ok) return reply(message(refusalText(ctx, saved.reason, draft.periodName))).end();
  ctx.effects.push({ kind: "evaluation-rated", evaluationId: saved.evaluationId, version: saved.version });
  const t = ctx.t.evaluation;
  const text = t.saved(draft.name, t.predikat[saved.predikat], formatDate(saved.objectionUntil, ctx.locale));
  return reply(
    message(text, [[{ label: ctx.t.commands.penilaian_tim, data: `e:board:${draft.periodCode}` }]]),
  ).end();
}

function notesFromValues(values: Record<string, string>): BehaviourNotes {
  const notes: BehaviourNotes = {};
  for (const value of BERAKHLAK) {
    const note = values[`note-${value}`]?.trim();
    if (note) notes[value as CoreValue] = note;
  }
  return notes;
}

/**
 * Rating one person for a period (SPEC section 12). Button data: `e:board:<code>` and
 * `e:rate:<personId>:<code>` answer any time; `e:h|p:<rating>:<personId>`, `e:n:<value>:<personId>`,
 * `e:next|skip|set|chg|cancel:<personId>` belong to the dialog about that person. Nothing is saved before Tetapkan (`e:set`), and
 * saving checks authority and state again.
 */
export const ratingFlow = {
  name: FLOW,

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action, a = "", b = ""] = parts;
    const stale = reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    if (action === "board") {
      const page = b === "" ? 0 : Number(b);
      if (!PERIOD_CODE.test(a) || !Number.isInteger(page) || page < 0) return stale;
      return showEvaluationBoard(ctx, a, page);
    }
    if (action === "rate") {
      if (!UUID.safeParse(a).success || !PERIOD_CODE.test(b)) return stale;
      return start(ctx, a, b, options.asksInForm);
    }
    const draft = readDraft(ctx);
    const valued = action === "h" || action === "p" || action === "n";
    if (!draft || (valued ? b : a) !== draft.personId) return stale;
    const step = ctx.state?.step;
    if (action === "cancel") return reply(message(ctx.t.common.cancelled)).end();
    if (action === "h" && step === "hasil") {
      const given = rating.safeParse(a);
      return given.success ? askPerilaku(ctx, { ...draft, hasil: given.data }) : stale;
    }
    if (action === "p" && step === "perilaku") {
      const given = rating.safeParse(a);
      return given.success ? notesPrompt(ctx, { ...draft, perilaku: given.data }) : stale;
    }
    if (action === "n" && (step === "notes" || step === "note")) {
      const value = coreValue.safeParse(a);
      if (!value.success) return stale;
      const { noteFor: _, ...rest } = draft;
      return reply(message(ctx.t.evaluation.askNote(ctx.t.evaluation.values[value.data]))).next(
        next("note", { ...rest, noteFor: value.data }),
      );
    }
    if (action === "next" && (step === "notes" || step === "note")) return askFeedback(ctx, draft);
    if (action === "skip" && step === "feedback" && !needsFeedback(draft)) {
      return toSummary(ctx, { ...draft, feedback: null });
    }
    if (action === "set" && step === "confirm") return confirm(ctx, draft);
    if (action === "chg" && step === "confirm") {
      if (options.asksInForm) {
        const found = await ratingTarget(ctx.tx, {
          actorId: requirePerson(ctx).id,
          personId: draft.personId,
          periodCode: draft.periodCode,
          now: ctx.now,
          via: ctx.account.platform,
        });
        if (!found.ok) return reply(message(refusalText(ctx, found.reason, draft.periodName))).end();
        return reply(ratingForm(ctx, await evidenceText(ctx, found.target), draft)).keep();
      }
      if (draft.fixedHasil) return askPerilaku(ctx, draft);
      return reply(message(ctx.t.evaluation.askHasil, ratingChoices(ctx, "h", draft.personId))).next(
        next("hasil", draft),
      );
    }
    return stale;
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const draft = readDraft(ctx);
    if (!draft) return reply(message(ctx.t.common.expired)).end();
    const t = ctx.t.evaluation;
    const step = ctx.state?.step;
    if (step === "note" && draft.noteFor) {
      const note = text.trim();
      if (note.length > NOTE_MAX) return reply(message(t.noteTooLong)).keep();
      const { noteFor, ...rest } = draft;
      const notes = { ...draft.notes, [noteFor]: note };
      return notesPrompt(ctx, { ...rest, notes }, t.noteSaved(t.values[noteFor]));
    }
    if (step === "feedback") return toSummary(ctx, { ...draft, feedback: text.trim() });
    // A button is expected at this step: show it again.
    if (step === "hasil") return reply(message(t.askHasil, ratingChoices(ctx, "h", draft.personId))).keep();
    if (step === "perilaku")
      return reply(message(t.askPerilaku, ratingChoices(ctx, "p", draft.personId))).keep();
    if (step === "notes") return notesPrompt(ctx, draft);
    return toSummary(ctx, draft);
  },

  /** The rating form (a Slack modal) submitted: `e:form:<personId>:<code>:<version>`. */
  async onForm(ctx: TurnContext, parts: string[], values: Record<string, string>): Promise<TurnResult> {
    const [action, personId = "", periodCode = "", versionText = ""] = parts;
    const version = Number(versionText);
    if (
      action !== "form" ||
      !UUID.safeParse(personId).success ||
      !PERIOD_CODE.test(periodCode) ||
      !Number.isInteger(version)
    ) {
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).end();
    }
    const found = await ratingTarget(ctx.tx, {
      actorId: requirePerson(ctx).id,
      personId,
      periodCode,
      now: ctx.now,
      via: ctx.account.platform,
    });
    if (!found.ok)
      return reply(message(refusalText(ctx, found.reason, found.period?.name, found.period?.endDate))).end();
    const base = draftOf(found.target);
    const hasil = rating.safeParse(values.hasil);
    const perilaku = rating.safeParse(values.perilaku);
    const draft: Draft = {
      ...base,
      version,
      notes: notesFromValues(values),
      feedback: values.feedback?.trim() || null,
      ...(hasil.success ? { hasil: hasil.data } : {}),
      ...(perilaku.success ? { perilaku: perilaku.data } : {}),
    };
    const fullHasil = draft.fixedHasil ?? draft.hasil;
    if (!fullHasil || !draft.perilaku) {
      return reply(
        message(ctx.t.evaluation.askPerilaku, [
          [{ label: ctx.t.evaluation.change, data: `e:chg:${personId}` }],
        ]),
      ).next(next("confirm", draft));
    }
    const problem = checkRating({
      hasilKerja: fullHasil,
      perilaku: draft.perilaku,
      feedback: draft.feedback ?? null,
      notes: draft.notes,
    });
    if (problem) {
      // Kept as a draft: Ubah opens the form again with what was typed.
      return reply(
        message(refusalText(ctx, problem), [[{ label: ctx.t.evaluation.change, data: `e:chg:${personId}` }]]),
      ).next(next("confirm", draft));
    }
    return summary(ctx, { ...draft, hasil: fullHasil, perilaku: draft.perilaku });
  },
};
