import type { ColleagueMessages } from "./colleague-id.ts";

/** Texts of colleagues' input, English (same keys as colleague-id.ts). */
export const colleagueEn: ColleagueMessages = {
  noPeriod: "No evaluation period is running for your unit, so input cannot be given yet.",
  noColleagues: "There are no other colleagues in your unit yet.",
  pick: (period: string) =>
    `Colleagues' input for ${period}: anonymous, a consideration for the supervisor, not a score. For whom?`,
  pickValue: (name: string) => `Which BerAKHLAK value would you like to give input on for ${name}?`,
  askRating: (name: string, value: string) => `In your view, how is ${name} on ${value}?`,
  askNote: "Write a short note (optional, at most 280 characters), or press Skip.",
  noteTooLong: "A note can be at most 280 characters. Please write it shorter.",
  saved: (name: string, value: string) =>
    `Thank you. Your input on ${name} (${value}) is saved without your name; supervisors only see a summary from at least 3 colleagues.`,
  anotherValue: (name: string) => `Another value for ${name}`,
  anotherColleague: "Another colleague",
  declined: "All right, thank you. You can still give input any time during the period with /masukan.",
  notColleague: "Sorry, input can only be given on colleagues in your unit.",
  formTitle: "Colleague input",
  formNote: "Short note",
  send: "Send",
  voicesHeader: (period: string) => `Colleagues and citizens — ${period}:`,
  colleagueCounts: (names: string[]) => `Colleagues' input (enough to show): ${names.join(" · ")}`,
  colleagueCount: (name: string, givers: number) => `${name} (${givers} colleagues)`,
  unitIkm: (unit: string, ikm: string, mutu: string, n: number) =>
    `IKM ${unit}: ${ikm} (grade ${mutu}, ${n} responses)`,
  served: (entries: string[]) => `Citizens served (mean 1–4): ${entries.join(" · ")}`,
  servedOne: (name: string, mean: string, n: number) => `${name} ${mean} (${n})`,
  evidenceSurvey: (unit: string, ikm: string | null, mutu: string | null, n: number) =>
    ikm
      ? `Citizens' survey (SKM): IKM ${unit} ${ikm}, grade ${mutu} (${n} responses).`
      : `Citizens' survey (SKM): no answers for ${unit} in this period yet.`,
  evidenceServed: (mean: string, n: number) =>
    `Citizens served in person: mean ${mean} of 4 (${n} responses).`,
  aggregateHeader: (givers: number) =>
    `Colleagues' input (${givers} colleagues, anonymous; a consideration, not a score):`,
  aggregateValue: (value: string, above: number, meets: number, below: number) =>
    `• ${value}: above ${above} · meets ${meets} · below ${below}`,
  aggregateNote: (note: string) => `   “${note}”`,
  belowThreshold: (min: number) =>
    `Colleagues' input: not shown (needs input from at least ${min} colleagues).`,
};
