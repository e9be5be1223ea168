import { createHmac, randomBytes } from "node:crypto";
import type { Tx } from "./db-types.ts";
import { unitAncestry } from "./unit-rules.ts";

/**
 * How the citizens' survey (SKM, SPEC section 13) is reached: a unit's stable token (`/survei/<token>`, the
 * Telegram start parameter `survei_<token>`) and a staff member's desk-card code (`?p=KODE`), both created at
 * first need and never changed; and the deployment's key for the day's "already answered" marks.
 */

/** Lower-case letters and digits without look-alikes (no l, o, 0, 1): 32 symbols, 5 bits each. */
const TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
/** Upper-case letters and digits without look-alikes (no I, O, 0, 1), as printed on a desk card. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const TOKEN_LENGTH = 12;
const CODE_LENGTH = 6;

export const SURVEY_TOKEN = /^[a-z0-9]{12}$/;
/** A staff code as typed or scanned: the letters and digits of a code, any case, at most 12. */
export const STAFF_CODE = /^[A-Za-z0-9]{4,12}$/;

/** The `app_secret` row of the key that hashes devices and chat accounts for the day's marks. */
export const SURVEY_SECRET_NAME = "survey-device";

function randomCode(alphabet: string, length: number): string {
  // 256 is a multiple of 32: every symbol is equally likely.
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

export interface SurveyUnit {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

/** The unit's survey token, created (once, whoever asks first) when it has none. */
export async function surveyTokenOf(tx: Tx, unitId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { surveyToken: true } });
    if (unit.surveyToken) return unit.surveyToken;
    const token = randomCode(TOKEN_ALPHABET, TOKEN_LENGTH);
    const taken = await tx.unit.count({ where: { surveyToken: token } });
    if (taken > 0) continue;
    // Only when still without one: two processes asking at once keep the first token.
    await tx.unit.updateMany({ where: { id: unitId, surveyToken: null }, data: { surveyToken: token } });
  }
  throw new Error("could not create a survey token");
}

/** The unit a survey token belongs to, or null. */
export async function surveyUnitOf(tx: Tx, token: string): Promise<SurveyUnit | null> {
  if (!SURVEY_TOKEN.test(token)) return null;
  return tx.unit.findUnique({
    where: { surveyToken: token },
    select: { id: true, code: true, name: true, timeZone: true },
  });
}

/** The person's desk-card code, created (once) when they have none. */
export async function staffCodeOf(tx: Tx, personId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const person = await tx.person.findUniqueOrThrow({
      where: { id: personId },
      select: { surveyCode: true },
    });
    if (person.surveyCode) return person.surveyCode;
    const code = randomCode(CODE_ALPHABET, CODE_LENGTH);
    const taken = await tx.person.count({ where: { surveyCode: code } });
    if (taken > 0) continue;
    await tx.person.updateMany({ where: { id: personId, surveyCode: null }, data: { surveyCode: code } });
  }
  throw new Error("could not create a staff survey code");
}

/**
 * The staff member a desk-card code names, when it is valid for this unit's survey: an active person of the unit
 * or of a unit below it. Anything else is null (the answer is then kept without a staff member).
 */
export async function servedByCode(
  tx: Tx,
  unitId: string,
  code: string | undefined,
): Promise<{ id: string; name: string } | null> {
  if (!code || !STAFF_CODE.test(code)) return null;
  const person = await tx.person.findUnique({
    where: { surveyCode: code.toUpperCase() },
    select: { id: true, name: true, unitId: true, active: true },
  });
  if (!person?.active) return null;
  const ancestry = await unitAncestry(tx, person.unitId);
  return ancestry.includes(unitId) ? { id: person.id, name: person.name } : null;
}

/** The deployment's generated survey key: the first process to ask stores a random one, all read the same. */
export async function loadSurveySecret(tx: Tx): Promise<string> {
  await tx.appSecret.createMany({
    data: [{ name: SURVEY_SECRET_NAME, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await tx.appSecret.findUniqueOrThrow({ where: { name: SURVEY_SECRET_NAME } });
  return row.value;
}

/**
 * The mark of one device (its cookie) or chat account having answered a unit's survey on a day: an HMAC of the
 * value with the unit and the day, so the same device gives unrelated marks on other days and at other units,
 * and the value itself is never stored.
 */
export function answeredMark(
  secret: string,
  source: { kind: "device" | "telegram"; id: string },
  unitId: string,
  localDate: string,
): string {
  return createHmac("sha256", secret)
    .update(`${source.kind}\n${source.id}\n${unitId}\n${localDate}`)
    .digest("base64url");
}

/** A keyed hash of a network address for the rate limit (never the address itself). */
export function addressMark(secret: string, address: string): string {
  return createHmac("sha256", secret).update(`address\n${address}`).digest("base64url").slice(0, 32);
}
