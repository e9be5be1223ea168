import type { LocaleCode } from "../conversation/types.ts";
import { SCORES, UNSUR } from "../domain/ikm.ts";
import { messagesFor } from "../i18n/index.ts";
import { SURVEY_COMMENT_MAX } from "../services/survey-responses.ts";

/**
 * The public survey's HTML (SPEC section 13): mobile first, one small page, no script and no framework, the
 * form as plain HTML that any phone can submit. Every value shown is escaped.
 */

const escapeMap: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapeMap[c] ?? c);

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f6f8}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 .25rem}.unit{font-weight:600;margin:0}
.note{color:#4a5560;font-size:.9rem}.lang{text-align:right;margin:0}a{color:#0b5cad}
fieldset{border:1px solid #c9d1d9;border-radius:.5rem;background:#fff;margin:0 0 1rem;padding:.75rem}
legend{padding:0 .25rem;font-weight:600}.q{display:block;font-weight:400;margin-top:.25rem}
.opts{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:.5rem}
.opts label{display:flex;align-items:center;gap:.5rem;min-height:3rem;padding:.5rem;border:1px solid #c9d1d9;border-radius:.4rem}
.opts input{width:1.25rem;height:1.25rem;margin:0}@media(min-width:36rem){.opts{grid-template-columns:repeat(4,1fr)}}
.bad{border-color:#b3261e;border-width:2px}.err{color:#b3261e;font-weight:600;margin:.25rem 0}
.errors{border:2px solid #b3261e;background:#fff;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}.errors h2{font-size:1.1rem;margin:0}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #8c959f;border-radius:.4rem}
.field{display:block;font-weight:600;margin-top:.5rem}.hint{margin:.25rem 0;color:#4a5560;font-size:.9rem}
button{display:block;width:100%;margin:1rem 0;padding:.9rem;font:inherit;font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:.5rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}`;

function documentOf(locale: LocaleCode, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

export interface SurveyFormView {
  locale: LocaleCode;
  token: string;
  unitName: string;
  /** The staff member a valid desk-card code names, and that code */
  servedBy: { name: string; code: string } | null;
  /** The answers given so far (kept when the form comes back with errors), by field name */
  given?: Partial<Record<string, string>>;
  /** Error messages by field name (u1..u9, saran) */
  errors?: Partial<Record<string, string>>;
}

/** The survey form; with `errors` it comes back with the errors named at the top and beside each question. */
export function renderSurveyForm(view: SurveyFormView): string {
  const t = messagesFor(view.locale).survey;
  const other: LocaleCode = view.locale === "id" ? "en" : "id";
  const query = (locale: LocaleCode) => {
    const params = new URLSearchParams();
    if (locale === "en") params.set("lang", "en");
    if (view.servedBy) params.set("p", view.servedBy.code);
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  const errors = view.errors ?? {};
  const given = view.given ?? {};
  const errorList = Object.entries(errors);
  const summary =
    errorList.length > 0
      ? `<div class="errors" role="alert" id="errors"><h2>${escapeHtml(t.errorsHeading)}</h2><ul>${errorList
          .map(([field, text]) => `<li><a href="#${field}">${escapeHtml(text ?? "")}</a></li>`)
          .join("")}</ul></div>`
      : "";
  const fieldsets = UNSUR.map((_, i) => {
    const field = `u${i + 1}`;
    const unsur = t.unsur[i]!;
    const error = errors[field];
    const options = SCORES.map((score) => {
      const checked = given[field] === String(score) ? " checked" : "";
      return `<label><input type="radio" name="${field}" value="${score}" required${checked}> ${score} ${escapeHtml(t.scale[score - 1] ?? "")}</label>`;
    }).join("");
    return `<fieldset id="${field}"${error ? ` class="bad" aria-describedby="${field}-err"` : ""}><legend>${i + 1}. ${escapeHtml(unsur.name)}<span class="q">${escapeHtml(unsur.question)}</span></legend>${
      error ? `<p class="err" id="${field}-err">${escapeHtml(error)}</p>` : ""
    }<div class="opts">${options}</div></fieldset>`;
  }).join("\n");
  const commentError = errors.saran;
  const body = `<p class="lang"><a href="/survei/${view.token}${query(other)}" hreflang="${other}" lang="${other}">${escapeHtml(t.language)}</a></p>
<h1>${escapeHtml(t.title)}</h1><p class="unit">${escapeHtml(view.unitName)}</p>
${view.servedBy ? `<p>${escapeHtml(t.servedBy(view.servedBy.name))}</p>` : ""}
<p>${escapeHtml(t.intro)}</p><p class="note">${escapeHtml(t.anonymous)}</p>
${summary}
<form method="post" action="/survei/${view.token}${view.locale === "en" ? "?lang=en" : ""}">
${view.servedBy ? `<input type="hidden" name="p" value="${escapeHtml(view.servedBy.code)}">` : ""}
${fieldsets}
<label class="field" for="saran">${escapeHtml(t.commentLabel)}</label>
<p class="hint" id="saran-hint">${escapeHtml(t.commentHint(SURVEY_COMMENT_MAX))}</p>
${commentError ? `<p class="err" id="saran-err">${escapeHtml(commentError)}</p>` : ""}
<textarea id="saran" name="saran" rows="4" maxlength="${SURVEY_COMMENT_MAX}" aria-describedby="saran-hint${commentError ? " saran-err" : ""}">${escapeHtml(given.saran ?? "")}</textarea>
<div class="hp" aria-hidden="true"><label for="website">${escapeHtml(t.honeypotLabel)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escapeHtml(t.submit)}</button>
</form>`;
  return documentOf(view.locale, `${t.surveyName} · ${view.unitName}`, body);
}

/** A short page: the thanks, or the polite word on a refused submission. */
export function renderSurveyMessage(
  locale: LocaleCode,
  title: string,
  text: string,
  back?: { href: string; label: string },
): string {
  const link = back ? `<p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p>` : "";
  return documentOf(locale, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${link}`);
}
