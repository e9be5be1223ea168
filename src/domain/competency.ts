import type { CoreValue } from "../services/evaluations.ts";

/**
 * A training's `kompetensi` (SPEC section 14): one BerAKHLAK value, or free words matched against the
 * indicator texts of IKIs. Stored as the value's name (`KOLABORATIF`) or as the words written.
 */
export type Competency = { kind: "value"; value: CoreValue } | { kind: "words"; words: string[] };

/** The value names as the domain writes them, normalised (see {@link normaliseName}). */
const VALUE_NAMES: Record<CoreValue, string> = {
  BERORIENTASI_PELAYANAN: "berorientasi pelayanan",
  AKUNTABEL: "akuntabel",
  KOMPETEN: "kompeten",
  HARMONIS: "harmonis",
  LOYAL: "loyal",
  ADAPTIF: "adaptif",
  KOLABORATIF: "kolaboratif",
};

/**
 * Words too common in indicator texts to say anything about a competency: Indonesian and English
 * function words of four letters or more (shorter words are ignored anyway) and the generic words of
 * indicators ("jumlah", "persentase").
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "untuk",
  "dengan",
  "dalam",
  "pada",
  "atas",
  "dari",
  "oleh",
  "atau",
  "serta",
  "para",
  "secara",
  "agar",
  "bagi",
  "sebagai",
  "tentang",
  "terhadap",
  "melalui",
  "kepada",
  "antara",
  "setiap",
  "yang",
  "jumlah",
  "persentase",
  "tingkat",
  "nilai",
  "with",
  "from",
  "into",
  "that",
  "this",
  "training",
  "pelatihan",
]);

/** Words shorter than this are ignored when matching ("di", "ke", "dan", "TI"). */
export const MIN_WORD_LENGTH = 4;

const normaliseName = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();

/** The BerAKHLAK value a text names ("Kolaboratif", "berorientasi  pelayanan", "BERORIENTASI_PELAYANAN"), or null. */
export function coreValueNamed(text: string): CoreValue | null {
  const name = normaliseName(text);
  for (const [value, written] of Object.entries(VALUE_NAMES) as [CoreValue, string][]) {
    if (name === written) return value;
  }
  return null;
}

/**
 * The words of a text that count for matching: lower case without diacritics, split at anything but
 * letters and digits, at least {@link MIN_WORD_LENGTH} characters, stop words left out; each once.
 */
export function significantWords(text: string): string[] {
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_WORD_LENGTH && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

/** A stored `kompetensi` read back. */
export function competencyOf(stored: string): Competency {
  const value = coreValueNamed(stored);
  return value ? { kind: "value", value } : { kind: "words", words: significantWords(stored) };
}

/** Whether a training's words match an indicator text: they share at least one significant word. */
export function wordsMatch(words: readonly string[], indicator: string): boolean {
  const of = new Set(significantWords(indicator));
  return words.some((w) => of.has(w));
}
