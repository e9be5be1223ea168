import { z } from "zod";
import { parseDateInput } from "../../domain/date-input.ts";
import { formatDate } from "../../i18n/format.ts";
import {
  CERTIFICATE_MAX_BYTES,
  CERTIFICATE_TYPES,
  requestTraining,
  submitCompletion,
} from "../../services/training.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { Choice, InboundEvent, MessageRef } from "../types.ts";
import { showTraining } from "../views/training.ts";
import { parseCataloguePage, showTrainingCatalogue } from "../views/training-catalogue.ts";
import { trainingDecision } from "./training-decision.ts";

/** Owner of every training button: `p:ask|cat|done|…` (employee), `p:ra|rd|ca|cr:…` (supervisor). */
export const TRAINING_FLOW = "p";
const UUID = z.uuid();
const dateState = z.object({ trainingId: z.uuid() });
const certState = z.object({ trainingId: z.uuid(), completedOn: z.string() });
const SHOWN = 10;

interface Reportable {
  id: string;
  code: string;
  name: string;
}

const stale = (ctx: TurnContext): TurnResult =>
  reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();

/** **Ajukan** `p:ask:<trainingId>`: works any time from the `/pelatihan` message. */
async function askFor(ctx: TurnContext, trainingId: string): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.training;
  const result = await requestTraining(ctx.tx, { personId: person.id, trainingId, now: ctx.now });
  if (!result.ok) {
    const text = {
      NOT_FOUND: t.notInCatalogue,
      PENDING: t.alreadyPending,
      APPROVED: t.alreadyApproved,
      COMPLETED: t.alreadyReported,
      NO_SUPERVISOR: t.noSupervisor,
    }[result.reason];
    return reply(message(text)).keep();
  }
  ctx.effects.push({ kind: "training-requested", requestId: result.requestId });
  const training = await ctx.tx.training.findUniqueOrThrow({
    where: { id: trainingId },
    select: { code: true, name: true },
  });
  return reply(message(t.requested(training.code, training.name))).keep();
}

/**
 * A training the person may report finished, or the answer why not: any catalogue training (requested or
 * not), or one whose certificate came back for a correction (even if no longer in the catalogue).
 */
async function reportable(ctx: TurnContext, trainingId: string): Promise<Reportable | { refusal: string }> {
  const person = requirePerson(ctx);
  const t = ctx.t.training;
  const training = await ctx.tx.training.findUnique({
    where: { id: trainingId },
    select: { id: true, code: true, name: true, active: true },
  });
  if (!training) return { refusal: t.notInCatalogue };
  const completion = await ctx.tx.trainingCompletion.findUnique({
    where: { personId_trainingId: { personId: person.id, trainingId } },
    select: { status: true },
  });
  if (completion?.status === "DIAJUKAN") return { refusal: t.completionPending };
  if (completion?.status === "DISETUJUI") return { refusal: t.completionApproved };
  if (completion?.status === "DITOLAK") return { refusal: t.completionRejected };
  if (!completion && !training.active) return { refusal: t.notInCatalogue };
  return training;
}

function askDate(ctx: TurnContext, training: Reportable, problem?: string): TurnResult {
  const text = ctx.t.training.askDate(training.code, training.name);
  return reply(message(problem ? `${problem}\n${text}` : text)).next({
    flow: TRAINING_FLOW,
    step: "date",
    data: { trainingId: training.id },
  });
}

/** **Laporkan selesai** without a training: the approved and returned ones as buttons, or a typed code. */
async function askWhich(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const approved = await ctx.tx.trainingRequest.findMany({
    where: { personId: person.id, status: "DISETUJUI", training: { active: true } },
    select: { training: { select: { id: true, code: true } } },
  });
  const completions = await ctx.tx.trainingCompletion.findMany({
    where: { personId: person.id },
    select: { trainingId: true, status: true, training: { select: { id: true, code: true } } },
  });
  const done = new Set(completions.filter((c) => c.status !== "REVISI").map((c) => c.trainingId));
  const offered = new Map<string, string>();
  for (const c of completions) if (c.status === "REVISI") offered.set(c.training.id, c.training.code);
  for (const r of approved) if (!done.has(r.training.id)) offered.set(r.training.id, r.training.code);
  const choices: Choice[][] = [...offered]
    .slice(0, SHOWN)
    .map(([id, code]) => [{ label: code, data: `p:done:${id}` }]);
  return reply(message(ctx.t.training.askWhich, choices)).next({
    flow: TRAINING_FLOW,
    step: "code",
    data: {},
  });
}

async function answerCode(ctx: TurnContext, text: string): Promise<TurnResult> {
  const code = text.trim();
  const found = await ctx.tx.training.findMany({
    where: { code: { equals: code, mode: "insensitive" } },
    select: { id: true, code: true },
  });
  const training = found.find((f) => f.code === code) ?? found[0];
  if (!training || code.length > 64) {
    return reply(message(ctx.t.training.unknownCode(code.slice(0, 64)))).keep();
  }
  const target = await reportable(ctx, training.id);
  return "refusal" in target ? reply(message(target.refusal)).end() : askDate(ctx, target);
}

async function answerDate(ctx: TurnContext, trainingId: string, text: string): Promise<TurnResult> {
  const t = ctx.t.training;
  const target = await reportable(ctx, trainingId);
  if ("refusal" in target) return reply(message(target.refusal)).end();
  const { today } = await loadPersonDay(ctx, requirePerson(ctx));
  const date = parseDateInput(text, today);
  if (!date) return askDate(ctx, target, t.badDate);
  if (date > today) return askDate(ctx, target, t.futureDate);
  // Reported in January, a December training still counts for the year it was done in.
  const earliest = `${Number(today.slice(0, 4)) - 1}-01-01`;
  if (date < earliest) return askDate(ctx, target, t.tooOld(formatDate(earliest, ctx.locale)));
  return reply(message(t.askCertificate)).next({
    flow: TRAINING_FLOW,
    step: "cert",
    data: { trainingId: target.id, completedOn: date },
  });
}

async function takeCertificate(
  ctx: TurnContext,
  event: Extract<InboundEvent, { kind: "file" }>,
): Promise<TurnResult> {
  const t = ctx.t.training;
  const parsed = certState.safeParse(ctx.state?.data);
  if (!parsed.success) return reply(message(ctx.t.common.expired)).end();
  const { file } = event;
  // A Telegram photo is always a JPEG; a document or a Slack file says its type.
  const type = file.mimeType?.toLowerCase() ?? (file.kind === "PHOTO" ? "image/jpeg" : "");
  if (!CERTIFICATE_TYPES.has(type)) return reply(message(t.certificateWrongType)).keep();
  if (file.sizeBytes !== undefined && file.sizeBytes > CERTIFICATE_MAX_BYTES) {
    return reply(message(t.certificateTooLarge)).keep();
  }
  const result = await submitCompletion(ctx.tx, {
    personId: requirePerson(ctx).id,
    trainingId: parsed.data.trainingId,
    completedOn: parsed.data.completedOn,
    certificate: {
      platform: ctx.account.platform,
      fileId: file.fileId,
      fileUniqueId: file.fileUniqueId,
      fileName: file.fileName,
      mimeType: type,
      sizeBytes: file.sizeBytes,
    },
    now: ctx.now,
  });
  if (!result.ok) {
    const text = {
      NOT_FOUND: t.notInCatalogue,
      PENDING: t.completionPending,
      APPROVED: t.completionApproved,
      REJECTED: t.completionRejected,
      NO_SUPERVISOR: t.noSupervisor,
    }[result.reason];
    return reply(message(text)).end();
  }
  ctx.effects.push({
    kind: "training-completion-submitted",
    completionId: result.completionId,
    version: result.version,
  });
  const training = await ctx.tx.training.findUniqueOrThrow({
    where: { id: parsed.data.trainingId },
    select: { code: true, name: true },
  });
  return reply(message(t.completionSent(training.code, training.name))).end();
}

/** `/pelatihan`, its buttons, the answers of "Laporkan selesai" and the supervisor's decisions (training-decision.ts). */
export const trainingFlow = {
  name: TRAINING_FLOW,

  start: (ctx: TurnContext): Promise<TurnResult> => showTraining(ctx),

  async onChoice(
    ctx: TurnContext,
    parts: string[],
    options: { asksInForm: boolean } = { asksInForm: false },
  ): Promise<TurnResult> {
    const [action = "", id, version] = parts;
    if (action === "ask") return id && UUID.safeParse(id).success ? askFor(ctx, id) : stale(ctx);
    if (action === "cat") {
      // `p:cat` from /pelatihan (page 1, a new message); `p:cat:<page>` pages in place.
      if (id === undefined) return showTrainingCatalogue(ctx, 1, false);
      const page = parseCataloguePage(id);
      return page === null ? stale(ctx) : showTrainingCatalogue(ctx, page, true);
    }
    if (action === "done") {
      if (id === undefined) return askWhich(ctx);
      if (!UUID.safeParse(id).success) return stale(ctx);
      const target = await reportable(ctx, id);
      return "refusal" in target ? reply(message(target.refusal)).keep() : askDate(ctx, target);
    }
    return trainingDecision.onChoice(ctx, action, id, version, options);
  },

  async onText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const step = ctx.state?.step;
    if (step === "reason") return trainingDecision.onText(ctx, text);
    if (step === "code") return answerCode(ctx, text);
    if (step === "date") {
      const parsed = dateState.safeParse(ctx.state?.data);
      return parsed.success
        ? answerDate(ctx, parsed.data.trainingId, text)
        : reply(message(ctx.t.common.expired)).end();
    }
    if (step === "cert") return reply(message(ctx.t.training.certificateNotText)).keep();
    return reply(message(ctx.t.common.expired)).end();
  },

  async onFile(ctx: TurnContext, event: Extract<InboundEvent, { kind: "file" }>): Promise<TurnResult> {
    if (ctx.state?.step === "cert") return takeCertificate(ctx, event);
    return reply(message(ctx.t.training.fileNotNow)).keep();
  },

  onForm(
    ctx: TurnContext,
    parts: string[],
    text: string,
    pressed: MessageRef | undefined,
  ): Promise<TurnResult> {
    return trainingDecision.onForm(ctx, parts, text, pressed);
  },

  onFormClosed(ctx: TurnContext, parts: string[]): TurnResult {
    return trainingDecision.onFormClosed(ctx, parts);
  },
};
