import { z } from "zod";
import { type Score, UNSUR } from "../domain/ikm.ts";
import type { SurveyMessages } from "../i18n/survey-id.ts";
import { SURVEY_COMMENT_MAX } from "../services/survey-responses.ts";

/** Line breaks, tabs and everything from the space up except DEL. */
const printable = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return c === "\n" || c === "\t" || (code >= 0x20 && code !== 0x7f);
};

/** The survey form's fields: u1..u9 (1–4), `saran` (the comment), `p` (the staff code), `website` (the honeypot). */
export const SCORE_FIELDS = UNSUR.map((_, i) => `u${i + 1}`);

/** A form value as @fastify/formbody gives it: a string, or a list when a field came more than once. */
const formValue = z.union([z.string(), z.array(z.string())]).optional();
const score = z.enum(["1", "2", "3", "4"]);
const comment = z.string().max(SURVEY_COMMENT_MAX);

const formBody = z.looseObject({
  ...Object.fromEntries(SCORE_FIELDS.map((field) => [field, formValue])),
  saran: formValue,
  p: formValue,
  website: formValue,
});

export type SurveyForm =
  | { kind: "honeypot" }
  | { kind: "answer"; scores: Score[]; comment: string | null; staffCode: string | undefined }
  | {
      kind: "invalid";
      /** error text by field, in the form's order */
      errors: Record<string, string>;
      /** the answers as given (single values only), to show the form again with them */
      given: Record<string, string>;
      staffCode: string | undefined;
    };

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? undefined : value;

/**
 * Reads a submitted survey form. A filled honeypot is reported as such whatever else came; otherwise every unsur
 * must be one of 1–4 (a missing one and a wrong one are named apart) and the comment at most SURVEY_COMMENT_MAX
 * characters. Unknown fields are ignored.
 */
export function readSurveyForm(body: unknown, t: SurveyMessages): SurveyForm | null {
  const parsed = formBody.safeParse(body ?? {});
  if (!parsed.success) return null;
  const raw = parsed.data as Record<string, string | string[] | undefined>;
  const honeypot = raw.website;
  if (honeypot !== undefined && (Array.isArray(honeypot) || honeypot.trim() !== ""))
    return { kind: "honeypot" };
  const staffCode = single(raw.p)?.trim() || undefined;
  const errors: Record<string, string> = {};
  const given: Record<string, string> = {};
  const scores: Score[] = [];
  SCORE_FIELDS.forEach((field, i) => {
    const name = t.unsur[i]?.name ?? field;
    const value = raw[field];
    const text = single(value)?.trim();
    if (value === undefined || text === "") {
      errors[field] = t.missing(name);
      return;
    }
    const valid = score.safeParse(text);
    if (!valid.success) {
      errors[field] = t.invalid(name);
      return;
    }
    given[field] = valid.data;
    scores.push(Number(valid.data) as Score);
  });
  // Control characters other than line breaks and tabs are dropped (PostgreSQL refuses a NUL in text).
  const commentText = (single(raw.saran) ?? "")
    .replace(/\r\n?/g, "\n")
    .split("")
    .filter(printable)
    .join("")
    .trim();
  given.saran = commentText;
  if (Array.isArray(raw.saran) || !comment.safeParse(commentText).success) {
    errors.saran = t.commentError(SURVEY_COMMENT_MAX);
  }
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors, given, staffCode };
  return { kind: "answer", scores, comment: commentText || null, staffCode };
}
