import { createHash, randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const LINK_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LINK_CODE_LENGTH = 8;

/** A new random one-time code, e.g. "K7QM2XRD" (31^8 ≈ 8.5·10^11 possibilities). */
export function generateLinkCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += LINK_CODE_ALPHABET[random(LINK_CODE_ALPHABET.length)];
  return code;
}

/** Codes are case-insensitive and may be typed with spaces or dashes ("k7qm-2xrd"). */
export function normalizeLinkCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, "");
}

/** Only this hash is stored. */
export function hashLinkCode(code: string): string {
  return createHash("sha256").update(normalizeLinkCode(code)).digest("hex");
}
