import type { PolaDistribusi } from "../domain/pola-distribusi.ts";
import type { Messages } from "../i18n/id.ts";
import type { Tx } from "../services/db-types.ts";
import type { UnitCalendarCache } from "../services/unit-calendar-cache.ts";
import type { EvidenceLinks } from "./review-message.ts";
import type { DialogState } from "./state-store.ts";
import type { AccountRef, LocaleCode, MessageRef, Reply } from "./types.ts";

/** The linked person behind a chat account. */
export interface PersonInContext {
  id: string;
  name: string;
  unitId: string;
  locale: LocaleCode;
}

/** What a turn causes for others: written to the outbox in the turn's own transaction (a rolled-back turn notifies nobody). */
export type Effect =
  | { kind: "activity-submitted"; activityId: string; version: number }
  | { kind: "activity-decided"; activityId: string; version: number }
  | { kind: "absence-declared"; absenceId: string }
  | { kind: "feedback-given"; feedbackId: string }
  /** a rating set or changed: the employee is told (version: the evaluation's) */
  | { kind: "evaluation-rated"; evaluationId: string; version: number }
  | { kind: "objection-submitted"; objectionId: string }
  | { kind: "objection-decided"; objectionId: string }
  | { kind: "kudos-given"; kudosId: string }
  /** a training requested (Ajukan): the supervisor of the day decides */
  | { kind: "training-requested"; requestId: string }
  | { kind: "training-request-decided"; requestId: string }
  /** a finished training reported (or its certificate corrected): version the completion's */
  | { kind: "training-completion-submitted"; completionId: string; version: number }
  | { kind: "training-completion-decided"; completionId: string; version: number }
  /** the unit head answered the monthly recognition: the chosen are congratulated, the unit's channel told */
  | { kind: "recognition-decided"; recognitionId: string };

export interface TurnContext {
  tx: Tx;
  now: Date;
  account: AccountRef;
  person: PersonInContext | null;
  locale: LocaleCode;
  t: Messages;
  state: DialogState | null;
  /** The previous dialog ended by 24 h of silence (answers to it get a word about that) */
  stateExpired: boolean;
  /** The message whose button was pressed, when the event is a choice */
  pressed?: MessageRef;
  effects: Effect[];
  adminContact: string | undefined;
  links: EvidenceLinks;
  /** Values loaded once per turn (a person's rules and calendar), dropped when the turn ends */
  memo: Map<string, Promise<unknown>>;
  unitCalendars: UnitCalendarCache;
  pola: PolaDistribusi;
}

/**
 * A picture a turn asks for: its data is read in the turn, the drawing waits until the transaction has
 * committed (the engine renders it and appends it to the replies as an `image`).
 */
export interface PendingImage {
  alt: string;
  fileName: string;
  render(): Promise<Uint8Array>;
}

/** A handler's answer: replies for the user and the next dialog state ("keep" leaves it as it was). */
export interface TurnResult {
  replies: Reply[];
  next: DialogState | null | "keep";
  /** Pictures sent after the replies */
  images?: PendingImage[];
}

export const reply = (...replies: Reply[]) => ({
  keep: (): TurnResult => ({ replies, next: "keep" }),
  end: (): TurnResult => ({ replies, next: null }),
  next: (next: DialogState): TurnResult => ({ replies, next }),
});

export const message = (
  text: string,
  choices?: Reply & { kind: "message" } extends { choices?: infer C } ? C : never,
): Reply => (choices ? { kind: "message", text, choices } : { kind: "message", text });

/** The person behind the account; handlers for linked users call this after the engine's check. */
export function requirePerson(ctx: TurnContext): PersonInContext {
  if (!ctx.person) throw new Error("handler for linked users reached without a person");
  return ctx.person;
}
