import type { RecognitionMessages } from "./recognition-id.ts";

/** Texts of the monthly recognition, English (same keys as recognition-id.ts). */
export const recognitionEn: RecognitionMessages = {
  header: (month, unit) => `🏅 Monthly recognition — ${month}, ${unit}`,
  intro:
    "Suggestions from last month's data, to help you choose whom to recognise. This is not a performance rating and not a predikat.",
  candidate: (rank, name, score) => `${rank}. ${name} — score ${score} of 100`,
  capaian: (percent) => `   • approved output ${percent}% of the monthly target`,
  noSkp: "   • approved output: no SKP for this year yet",
  days: (reported, working) => `   • reported on ${reported} of ${working} working days`,
  clean: (clean, approved) => `   • ${clean} of ${approved} reports approved without revision`,
  kudos: (n) => `   • ${n} kudos from colleagues`,
  served: (mean, n) => `   • citizens served: average ${mean} of 4 (${n} answers)`,
  weights: (capaian, days, clean, kudos, served) =>
    `Score: output ${capaian}%, days reported ${days}%, no revision ${clean}%, kudos ${kudos}%, citizens served ${served}% (where there is data).`,
  howTo: "Mark one or more people and press Next, or choose None this month.",
  mark: (name, chosen) => `${chosen ? "✅" : "☐"} ${name}`,
  next: "Next",
  none: "None this month",
  answeredPicked: (names, note) => `Answered: recognition for ${names.join(", ")}.\nNote: ${note}`,
  answeredNone: (note) => `Answered: no recognition this month.\nNote: ${note}`,
  askPickNote: (names) =>
    `Write a short note for ${names.join(", ")} (3–500 characters). It is passed on to them.`,
  askNoneNote: "Write a short note on why there is no recognition this month (3–500 characters).",
  noteTitle: "Recognition note",
  badNote: "The note must be 3 to 500 characters. Please write it again.",
  nothingChosen: "Please mark at least one person first, or choose None this month.",
  notHead: "Sorry, only the unit head who was asked can answer this recognition.",
  alreadyAnswered: "This month's recognition has been answered already.",
  thanksPicked: (names) => `Thank you. Congratulations to ${names.join(", ")} are on their way.`,
  thanksNone: "Thank you, your answer is saved.",
  congratulations: (month, head, note) =>
    `🏅 Congratulations! ${head} chose you for the monthly recognition of ${month}.\nNote: “${note}”\nThank you for your work.`,
  announcement: (month, unit, names, head, note) =>
    `🏅 Monthly recognition of ${unit} — ${month}: congratulations to ${names.join(", ")}!\n${head}: “${note}”`,
};
