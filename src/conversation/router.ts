import type { Messages } from "../i18n/id.ts";
import { reply, type TurnContext, type TurnResult } from "./context.ts";
import { absenceFlow } from "./flows/absence.ts";
import { colleagueInputFlow, startColleagueInput } from "./flows/colleague-input.ts";
import { kudosFlow, startKudos } from "./flows/kudos.ts";
import { linkFlow } from "./flows/link.ts";
import { objectionFlow, startObjection } from "./flows/objection.ts";
import { objectionDecisionFlow } from "./flows/objection-decision.ts";
import { ratingFlow } from "./flows/rating.ts";
import { recognitionFlow } from "./flows/recognition.ts";
import { reportFlow } from "./flows/report.ts";
import { reviewFlow } from "./flows/review.ts";
import { surveyTurn } from "./flows/survey.ts";
import { startTeamFeedback, teamFeedbackFlow } from "./flows/team-feedback.ts";
import { trainingFlow } from "./flows/training.ts";
import type { InboundEvent } from "./types.ts";
import { showEvaluationBoard } from "./views/evaluation-board.ts";
import { showFeedback } from "./views/feedback.ts";
import { showHelp } from "./views/help.ts";
import { historyChoice, showHistory } from "./views/history.ts";
import { chooseLanguage, languageChoice } from "./views/language.ts";
import { showMonthRecap } from "./views/month-recap.ts";
import { showMyEvaluations } from "./views/my-evaluations.ts";
import { queueChoice, queueFlow, showQueue } from "./views/queue.ts";
import { showTargets } from "./views/targets.ts";
import { showTeam } from "./views/team.ts";
import { showToday } from "./views/today.ts";

/** A dialog that spans several messages; its state is kept between turns. */
export interface Flow {
  name: string;
  onText?(ctx: TurnContext, text: string): Promise<TurnResult>;
  onChoice?(ctx: TurnContext, parts: string[]): Promise<TurnResult>;
  onFile?(ctx: TurnContext, file: Extract<InboundEvent, { kind: "file" }>): Promise<TurnResult>;
}

const flows: Record<string, Flow> = {
  [reportFlow.name]: reportFlow,
  [absenceFlow.name]: absenceFlow,
  [reviewFlow.name]: reviewFlow,
  [linkFlow.name]: linkFlow,
  [queueFlow.name]: queueFlow,
  [teamFeedbackFlow.name]: teamFeedbackFlow,
  [ratingFlow.name]: ratingFlow,
  [colleagueInputFlow.name]: colleagueInputFlow,
  [kudosFlow.name]: kudosFlow,
  [objectionFlow.name]: objectionFlow,
  [objectionDecisionFlow.name]: objectionDecisionFlow,
  [trainingFlow.name]: trainingFlow,
  [recognitionFlow.name]: recognitionFlow,
};

/** Every command in the platform menus (SPEC section 5), by their Telegram names. */
export const COMMAND_NAMES = [
  "start",
  "lapor",
  "hari_ini",
  "riwayat",
  "target",
  "rekap",
  "umpan_balik",
  "izin",
  "penilaian",
  "keberatan",
  "masukan",
  "apresiasi",
  "pelatihan",
  "bahasa",
  "bantuan",
  "batal",
] as const satisfies readonly (keyof Messages["commands"])[];

/**
 * Supervisor commands (SPEC section 6), kept out of the employee menu above. Telegram: `/antrian`, `/tim`,
 * `/umpan_balik_tim [NIP|nama] [teks]`; Slack: `/kinerja antrian|tim|umpan_balik`.
 */
export const SUPERVISOR_COMMAND_NAMES = [
  "antrian",
  "tim",
  "umpan_balik_tim",
  "penilaian_tim",
] as const satisfies readonly (keyof Messages["commands"])[];

/** Employee and supervisor commands handled here; `start` and `batal` are handled before these. */
const commands: Record<string, (ctx: TurnContext, args: string) => Promise<TurnResult>> = {
  lapor: (ctx) => reportFlow.start(ctx),
  hari_ini: (ctx) => showToday(ctx),
  riwayat: (ctx, args) => showHistory(ctx, args),
  target: (ctx) => showTargets(ctx),
  rekap: (ctx, args) => showMonthRecap(ctx, args),
  umpan_balik: (ctx) => showFeedback(ctx),
  izin: (ctx) => absenceFlow.start(ctx),
  bahasa: (ctx, args) => chooseLanguage(ctx, args),
  bantuan: (ctx) => showHelp(ctx),
  antrian: (ctx) => showQueue(ctx),
  tim: (ctx) => showTeam(ctx),
  umpan_balik_tim: (ctx, args) => startTeamFeedback(ctx, args),
  penilaian: (ctx) => showMyEvaluations(ctx),
  keberatan: (ctx) => startObjection(ctx),
  masukan: (ctx) => startColleagueInput(ctx),
  apresiasi: (ctx, args) => startKudos(ctx, args),
  pelatihan: (ctx) => trainingFlow.start(ctx),
  penilaian_tim: (ctx, args) => showEvaluationBoard(ctx, args),
};

/**
 * Button data is "<owner>:<action>[:<arg>...]". Stateless owners answer any time (history pages,
 * review decisions, language, menu, the queue's day buttons, the feedback team list); a flow's buttons
 * work only while that flow is the current one (the queue checks its own confirmation buttons).
 */
async function routeChoice(
  ctx: TurnContext,
  event: Extract<InboundEvent, { kind: "choice" }>,
): Promise<TurnResult> {
  const parts = event.data.split(":");
  const owner = parts[0];
  switch (owner) {
    case "m": {
      const command = parts[1] ?? "";
      const run = commands[command];
      return run ? run(ctx, "") : reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    case "h":
      return historyChoice(ctx, parts.slice(1));
    case "l":
      return languageChoice(ctx, parts.slice(1));
    case "v":
      return reviewFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "q":
      return queueChoice(ctx, parts.slice(1));
    case "f":
      return teamFeedbackFlow.onChoice(ctx, parts.slice(1));
    case "e":
      return ratingFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "t":
      return kudosFlow.onChoice(ctx, parts.slice(1));
    case "c":
      return colleagueInputFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "k":
      return objectionFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "o":
      return objectionDecisionFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "p":
      return trainingFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    case "g":
      return recognitionFlow.onChoice(ctx, parts.slice(1), { asksInForm: event.asksInForm === true });
    default: {
      const flow = owner ? flows[owner] : undefined;
      if (!flow?.onChoice || ctx.state?.flow !== flow.name) {
        return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
      }
      return flow.onChoice(ctx, parts.slice(1));
    }
  }
}

export async function routeEvent(ctx: TurnContext, event: InboundEvent): Promise<TurnResult> {
  // The citizens' survey needs no linked account: `/start survei_…`, its buttons and its open dialog.
  const survey = surveyTurn(ctx, event);
  if (survey) return survey;
  if (event.kind === "command" && event.name === "start") return linkFlow.start(ctx, event.args);
  if (event.kind === "form-closed") {
    const [owner, ...parts] = event.data.split(":");
    if (ctx.person && owner === "v") return reviewFlow.onFormClosed(ctx, parts);
    if (ctx.person && owner === "k") return objectionFlow.onFormClosed(ctx, parts);
    if (ctx.person && owner === "c") return colleagueInputFlow.onFormClosed(ctx);
    if (ctx.person && owner === "o") return objectionDecisionFlow.onFormClosed(ctx, parts);
    if (ctx.person && owner === "p") return trainingFlow.onFormClosed(ctx, parts);
    if (ctx.person && owner === "g") return recognitionFlow.onFormClosed(ctx, parts);
    return reply().keep();
  }
  if (!ctx.person) {
    if (ctx.state?.flow === linkFlow.name && event.kind === "text") return linkFlow.onText(ctx, event.text);
    return reply({ kind: "message", text: ctx.t.link.notLinked }).keep();
  }
  switch (event.kind) {
    case "command": {
      if (event.name === "batal") {
        return reply({
          kind: "message",
          text: ctx.state ? ctx.t.common.cancelled : ctx.t.common.nothingToCancel,
        }).end();
      }
      const run = commands[event.name];
      if (!run) return reply({ kind: "message", text: ctx.t.common.unknownCommand }).keep();
      return run(ctx, event.args);
    }
    case "choice":
      return routeChoice(ctx, event);
    case "form": {
      const [owner, ...parts] = event.data.split(":");
      if (owner === "v") return reviewFlow.onForm(ctx, parts, event.text, event.message);
      if (owner === "e") return ratingFlow.onForm(ctx, parts, event.values ?? {});
      if (owner === "k") return objectionFlow.onForm(ctx, parts, event.text);
      if (owner === "c") return colleagueInputFlow.onForm(ctx, parts, event.values ?? {});
      if (owner === "o") return objectionDecisionFlow.onForm(ctx, parts, event.text, event.values ?? {});
      if (owner === "p") return trainingFlow.onForm(ctx, parts, event.text, event.message);
      if (owner === "g") return recognitionFlow.onForm(ctx, parts, event.text, event.message);
      return reply({ kind: "notice", text: ctx.t.common.staleButton }).keep();
    }
    case "text": {
      const flow = ctx.state ? flows[ctx.state.flow] : undefined;
      if (flow?.onText) return flow.onText(ctx, event.text);
      if (ctx.stateExpired) return reply({ kind: "message", text: ctx.t.common.expired }).end();
      return reply({
        kind: "message",
        text: ctx.t.common.unknownInput,
        choices: [[{ label: ctx.t.commands.lapor, data: "m:lapor" }]],
      }).keep();
    }
    case "file": {
      const flow = ctx.state ? flows[ctx.state.flow] : undefined;
      if (flow?.onFile) return flow.onFile(ctx, event);
      if (ctx.stateExpired) return reply({ kind: "message", text: ctx.t.common.expired }).end();
      return reply({ kind: "message", text: ctx.t.common.unknownInput }).keep();
    }
  }
}
