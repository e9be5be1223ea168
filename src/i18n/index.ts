import type { LocaleCode } from "../conversation/types.ts";
import { en } from "./en.ts";
import { id, type Messages } from "./id.ts";

export type { Messages };

const catalogs: Record<LocaleCode, Messages> = { id, en };

export function messagesFor(locale: LocaleCode): Messages {
  return catalogs[locale];
}

export const LOCALES: readonly LocaleCode[] = ["id", "en"];

export function isLocale(value: string): value is LocaleCode {
  return (LOCALES as readonly string[]).includes(value);
}
