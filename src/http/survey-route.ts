import { randomBytes } from "node:crypto";
import formBody from "@fastify/formbody";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { LocaleCode } from "../conversation/types.ts";
import type { Db } from "../db/client.ts";
import { localDate } from "../domain/time-zone.ts";
import { messagesFor } from "../i18n/index.ts";
import type { Logger } from "../logger.ts";
import {
  addressMark,
  answeredMark,
  loadSurveySecret,
  servedByCode,
  surveyUnitOf,
} from "../services/survey-access.ts";
import { recordSurveyAnswer, SURVEY_COMMENT_MAX } from "../services/survey-responses.ts";
import { readSurveyForm } from "./survey-form.ts";
import { renderSurveyForm, renderSurveyMessage } from "./survey-page.ts";
import { limitedAddress, type SurveyRateLimit } from "./survey-rate-limit.ts";

/** The device cookie: a random id, first-party, sent only to the survey's own paths. */
export const DEVICE_COOKIE = "survei_perangkat";
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
/** The whole submitted form; nine scores and a 1,000-character comment fit many times over. */
export const SURVEY_BODY_LIMIT = 16 * 1024;

export interface SurveyRouteDeps {
  db: Db;
  clock: () => Date;
  logger: Logger;
  rateLimit: SurveyRateLimit;
  /** Answers one address may attribute to one staff member (desk-card code) per day; beyond it, the unit's only */
  staffLimit: SurveyRateLimit;
  /** Mark the cookie Secure (PUBLIC_URL is https) */
  secureCookie: boolean;
}

/** `?lang=en` chooses English; Bahasa Indonesia otherwise (SPEC: the survey is in Bahasa Indonesia). */
function localeOf(request: FastifyRequest): LocaleCode {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  return lang === "en" ? "en" : "id";
}

function deviceIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) {
      const id = value.join("=");
      return DEVICE_ID.test(id) ? id : undefined;
    }
  }
  return undefined;
}

/** The device's id: the one its cookie carries, or a new one set on this answer. */
function ensureDevice(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const known = deviceIdOf(request);
  if (known) return known;
  const id = randomBytes(16).toString("base64url");
  reply.header(
    "set-cookie",
    `${DEVICE_COOKIE}=${id}; Path=/survei; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
  );
  return id;
}

const html = (reply: FastifyReply, status: number, page: string) =>
  reply.status(status).type("text/html; charset=utf-8").send(page);

/**
 * `GET /survei/<token>` and `POST /survei/<token>` (SPEC section 13): the unit's public survey, its answer and a
 * polite page for each refusal (404 unknown survey, 400 malformed with the form again, 409 answered today by this
 * device, 413 too large, 429 too many from this address). Only in processes with the `web` role.
 */
export function registerSurveyRoutes(app: FastifyInstance, deps: SurveyRouteDeps): void {
  let secret: Promise<string> | undefined;
  const surveySecret = (): Promise<string> => {
    secret ??= loadSurveySecret(deps.db).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };

  const onSend = async (_request: unknown, reply: FastifyReply, payload: unknown) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    reply.header("referrer-policy", "no-referrer");
    reply.header("cache-control", "no-store");
    return payload;
  };

  const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const t = messagesFor(localeOf(request)).survey;
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return html(
        reply,
        413,
        renderSurveyMessage(localeOf(request), t.tooLargeTitle, t.tooLargeText(SURVEY_COMMENT_MAX)),
      );
    }
    if (status >= 400 && status < 500) {
      return html(reply, status, renderSurveyMessage(localeOf(request), t.badRequestTitle, t.badRequestText));
    }
    deps.logger.error({ err: error, route: request.routeOptions.url }, "survey request failed");
    return html(reply, 500, renderSurveyMessage(localeOf(request), t.badRequestTitle, t.badRequestText));
  };

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(request);
    const t = messagesFor(locale).survey;
    return html(reply, 404, renderSurveyMessage(locale, t.notFoundTitle, t.notFoundText));
  };

  app.register(async (scope) => {
    await scope.register(formBody, { bodyLimit: SURVEY_BODY_LIMIT });

    scope.get("/survei/:token", { onSend, errorHandler }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const unit = await surveyUnitOf(deps.db, token);
      if (!unit) return notFound(request, reply);
      const code = (request.query as Record<string, unknown>).p;
      const served = typeof code === "string" ? await servedByCode(deps.db, unit.id, code) : null;
      ensureDevice(request, reply, deps.secureCookie);
      const page = renderSurveyForm({
        locale: localeOf(request),
        token,
        unitName: unit.name,
        servedBy: served && typeof code === "string" ? { name: served.name, code: code.toUpperCase() } : null,
      });
      return html(reply, 200, page);
    });

    scope.post(
      "/survei/:token",
      { onSend, errorHandler, bodyLimit: SURVEY_BODY_LIMIT },
      async (request, reply) => {
        const locale = localeOf(request);
        const t = messagesFor(locale).survey;
        const key = await surveySecret();
        if (!(await deps.rateLimit.allow(addressMark(key, limitedAddress(request.ip))))) {
          reply.header("retry-after", String(deps.rateLimit.windowSeconds));
          return html(reply, 429, renderSurveyMessage(locale, t.tooManyTitle, t.tooManyText));
        }
        // A form posted from another site (a page auto-submitting for its visitors) is not a citizen's answer.
        if (request.headers["sec-fetch-site"] === "cross-site") {
          return html(reply, 403, renderSurveyMessage(locale, t.crossSiteTitle, t.crossSiteText));
        }
        const { token } = request.params as { token: string };
        const unit = await surveyUnitOf(deps.db, token);
        if (!unit) return notFound(request, reply);
        const back = { href: `/survei/${token}${locale === "en" ? "?lang=en" : ""}`, label: t.back };
        const form = readSurveyForm(request.body, t);
        if (!form)
          return html(reply, 400, renderSurveyMessage(locale, t.badRequestTitle, t.badRequestText, back));
        // A filled honeypot: the same thanks as anyone, and nothing counted or kept.
        if (form.kind === "honeypot") {
          return html(reply, 200, renderSurveyMessage(locale, t.thanksTitle, t.thanksText(unit.name)));
        }
        const served = await servedByCode(deps.db, unit.id, form.staffCode);
        if (form.kind === "invalid") {
          const page = renderSurveyForm({
            locale,
            token,
            unitName: unit.name,
            servedBy:
              served && form.staffCode ? { name: served.name, code: form.staffCode.toUpperCase() } : null,
            given: form.given,
            errors: form.errors,
          });
          return html(reply, 400, page);
        }
        const device = ensureDevice(request, reply, deps.secureCookie);
        const day = localDate(unit.timeZone, deps.clock());
        // One address naming one staff member many times a day (their own desk card from the office) counts
        // for the unit, not for the person.
        const attributed =
          served &&
          (await deps.staffLimit.allow(
            addressMark(key, `staff:${served.id}:${day}:${limitedAddress(request.ip)}`),
          ))
            ? served
            : null;
        const outcome = await deps.db.$transaction((tx) =>
          recordSurveyAnswer(tx, {
            unitId: unit.id,
            localDate: day,
            scores: form.scores,
            comment: form.comment,
            channel: "WEB",
            servedById: attributed?.id ?? null,
            mark: answeredMark(key, { kind: "device", id: device }, unit.id, day),
          }),
        );
        if (outcome === "already") {
          return html(reply, 409, renderSurveyMessage(locale, t.alreadyTitle, t.alreadyText(unit.name)));
        }
        return html(reply, 200, renderSurveyMessage(locale, t.thanksTitle, t.thanksText(unit.name)));
      },
    );
  });
}
