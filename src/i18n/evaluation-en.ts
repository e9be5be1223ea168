import type { EvaluationMessages } from "./evaluation-id.ts";

/** Texts of the periodic evaluation, English (same keys as evaluation-id.ts). */
export const evaluationEn: EvaluationMessages = {
  rating: { DI_ATAS: "Above expectations", SESUAI: "Meets expectations", DI_BAWAH: "Below expectations" },
  ratingShort: { DI_ATAS: "Above", SESUAI: "Meets", DI_BAWAH: "Below" },
  predikat: {
    SANGAT_BAIK: "Very Good",
    BAIK: "Good",
    BUTUH_PERBAIKAN: "Needs Improvement",
    KURANG_MISCONDUCT: "Poor/Misconduct",
    SANGAT_KURANG: "Very Poor",
  },
  capaian: {
    ISTIMEWA: "Outstanding",
    BAIK: "Good",
    BUTUH_PERBAIKAN: "Needs Improvement",
    KURANG: "Poor",
    SANGAT_KURANG: "Very Poor",
  },
  values: {
    BERORIENTASI_PELAYANAN: "Service-oriented",
    AKUNTABEL: "Accountable",
    KOMPETEN: "Competent",
    HARMONIS: "Harmonious",
    LOYAL: "Loyal",
    ADAPTIF: "Adaptive",
    KOLABORATIF: "Collaborative",
  },
  status: { BELUM: "not rated", DINILAI: "rated", KEBERATAN: "objection", FINAL: "final" },
  noOpenPeriod: "No evaluation period is open yet. Rating opens the day after a period ends.",
  unknownPeriod: (code: string) =>
    `Period "${code}" is not known for your unit. Send the command without a code for the latest period.`,
  boardHeader: (period: string, start: string, end: string, deadline: string) =>
    `Performance rating ${period} (${start} – ${end})\nRating deadline: ${deadline}`,
  boardLate: "The rating deadline has passed; ratings can still be given and are recorded as late.",
  noRatees: (period: string) => `Nobody is rated by you for ${period}.`,
  boardLine: (name: string, status: string, predikat: string | null) =>
    `• ${name} — ${status}${predikat ? ` · ${predikat}` : ""}`,
  distribution: (unit: string, capaian: string | null, counts: string) =>
    `Distribution ${unit}${capaian ? ` (organisation result: ${capaian})` : " (organisation result not set)"}: ${counts}`,
  warningMax: (predikat: string, max: number, now: number) =>
    `⚠ Distribution pattern: ${predikat} at most ${max}% (now ${now}%).`,
  warningMin: (predikat: string, min: number, now: number) =>
    `⚠ Distribution pattern: ${predikat} at least ${min}% (now ${now}%).`,
  warningMinCount: (predikat: string, min: number) =>
    `⚠ Distribution pattern: at least ${min} person(s) rated ${predikat} expected.`,
  warningNote: "These are warnings, not blocks: the decision stays yours as the rater.",
  page: (n: number, of: number) => `Page ${n} of ${of}`,
  previousPage: "‹ Previous",
  nextPage: "Next ›",
  rateButton: (name: string) => `Rate ${name}`,
  changeButton: (name: string) => `Change ${name}`,
  or: " or ",
  evidenceHeader: (name: string, nip: string, position: string, period: string) =>
    `Rating ${name} (NIP ${nip}, ${position}) — ${period}\nEvidence for this period:`,
  groupUtama: "A. Main",
  groupTambahan: "B. Additional",
  iki: (code: string, indicator: string) => `${code} ${indicator}`,
  ikiFigures: (inPeriod: string, toEnd: string, target: string, unit: string, percent: string) =>
    `   realised in period ${inPeriod} · to period end ${toEnd} of target ${target} ${unit} (${percent}%)`,
  noSkp: (year: number) => `No SKP ${year} for this employee yet.`,
  minutes: (approved: number, available: number, activities: number) =>
    `Approved work minutes: ${approved} of ${available} available (${activities} approved activities).`,
  feedbackHeader: "Feedback given in this period:",
  feedbackLine: (date: string, from: string, text: string) => `• ${date} ${from}: ${text}`,
  noFeedback: "No feedback in this period yet.",
  headRule: (capaian: string, rating: string) =>
    `As head of the unit, their results rating follows the organisation result (${capaian}): ${rating}.`,
  neverAutomatic: "The bot never rates by itself: the figures above are for your judgement.",
  askHasil: "How do you rate their results (hasil kerja)?",
  askPerilaku: "How do you rate their work behaviour (the BerAKHLAK values)?",
  notesPrompt: "Notes per BerAKHLAK value (optional): pick a value to write a note, or press Next.",
  askNote: (value: string) => `Write a note for ${value} (at most 500 characters).`,
  noteSaved: (value: string) => `Note for ${value} saved.`,
  next: "Next",
  askFeedback: (name: string, required: boolean) =>
    required
      ? `Write feedback for ${name}. Required because a rating is below expectations: say what needs to improve and the support you offer.`
      : `Write feedback for ${name} (optional), or press Skip.`,
  feedbackRequired: "Feedback is required when a rating is below expectations (at least 3 characters).",
  feedbackTooLong: "Feedback can be at most 2,000 characters.",
  noteTooLong: "A note per value can be at most 500 characters.",
  summary: (input) =>
    [
      `Summary of the rating of ${input.name} — ${input.period}`,
      `Results rating: ${input.hasil}`,
      `Behaviour rating: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      ...(input.notes.length > 0 ? ["Behaviour notes:", ...input.notes] : []),
      `Feedback: ${input.feedback ?? "-"}`,
      ...(input.late ? ["(Rated after the deadline; recorded as late.)"] : []),
      "Check it, then press Confirm. The employee is told at once.",
    ].join("\n"),
  noteLine: (value: string, note: string) => `• ${value}: ${note}`,
  confirm: "Confirm",
  change: "Change",
  saved: (name: string, predikat: string, until: string) =>
    `Rating of ${name} confirmed: predikat ${predikat}. ${name} has been told and may object until ${until}.`,
  notRater: "Sorry, you are not this employee's rater for that period, so you cannot rate them.",
  notOpen: (period: string, end: string) => `Rating for ${period} opens after the period ends (${end}).`,
  locked: "This rating can no longer be changed: the employee objected or the result is final.",
  headNeedsCapaian: (period: string, contact: string) =>
    `The organisation result for ${period} is not set yet, and a unit head's results rating follows it. Please ask the HR admin (${contact}) to import capaian_organisasi.`,
  stale: "This rating was just changed elsewhere. Please open it again from the rating board.",
  formTitle: "Performance rating",
  formHasil: "Results rating",
  formPerilaku: "Behaviour rating",
  formNote: (value: string) => `Note on ${value}`,
  formFeedback: "Feedback (required when a rating is below expectations)",
  formSubmit: "Next",
  told: (input) =>
    [
      input.changed
        ? `Your performance rating for ${input.period} was updated by ${input.rater}.`
        : `Your performance rating for ${input.period} from ${input.rater}:`,
      `Results rating: ${input.hasil}`,
      `Behaviour rating: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      `Feedback: ${input.feedback ?? "-"}`,
      `If you disagree, you may object until ${input.until}.`,
    ].join("\n"),
  objectButton: "Object",
  myResultsHeader: "Your performance ratings:",
  myResultsEmpty: "You have no performance rating yet.",
  myResultLine: (period: string, predikat: string, hasil: string, perilaku: string, status: string) =>
    `• ${period}: ${predikat} (results ${hasil}, behaviour ${perilaku}) — ${status}`,
  objectableUntil: (until: string) => `   you may object until ${until}`,
  objectionStatus: {
    diajukan: "objection filed",
    TETAP: "objection: result kept",
    DIUBAH: "objection: result changed",
  },
  askObjection: (period: string, until: string) =>
    `Write the reasons for your objection to the ${period} result (10–1,000 characters), including what you think was not considered. Deadline: ${until}.`,
  objectionTitle: "Objection",
  badObjection: "The reasons must be 10 to 1,000 characters. Please write them again.",
  objectionSent: (decider: string) =>
    `Thank you. Your objection was sent to ${decider} (your rater's supervisor). You will be told the decision; it is final.`,
  alreadyObjected: "You already objected to this result; each result can be objected to once.",
  lateObjection: (until: string, rater: string, contact: string) =>
    `Sorry, the objection deadline has passed (${until}). If there is something to discuss, please talk with ${rater} (your rater) or the HR admin (${contact}).`,
  finalObjection: (rater: string, contact: string) =>
    `This result is final, so it can no longer be objected to. Please talk with ${rater} or the HR admin (${contact}).`,
  noDecider: (rater: string, contact: string) =>
    `Sorry, nobody is recorded above ${rater}, so the objection cannot be passed on by the bot. Please contact the HR admin (${contact}).`,
  noObjectable: "There is no rating you can object to right now.",
  pickObjection: "Which rating do you want to object to?",
  contactFallback: "the HR office (BKPSDM)",
  objectionReceived: (input) =>
    [
      `Objection from ${input.name} to their ${input.period} rating by ${input.rater}.`,
      `Results rating: ${input.hasil}`,
      `Behaviour rating: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      `The rater's feedback: ${input.feedback ?? "-"}`,
      `Reasons for the objection: ${input.reason}`,
      "As the rater's supervisor, your decision is final. Keep (the result stands) or Change (new ratings); both with a reason.",
    ].join("\n"),
  evidenceSummary: "Summary of the evidence for that period:",
  evidenceIki: (
    code: string,
    inPeriod: string,
    toEnd: string,
    target: string,
    unit: string,
    percent: string,
  ) => `• ${code}: realised in period ${inPeriod}, to period end ${toEnd} of ${target} ${unit} (${percent}%)`,
  keep: "Keep",
  changeResult: "Change",
  askKeepReason: "Write the reason for keeping this result (3–1,000 characters).",
  askChangeReason: "Write the reason for changing the result (3–1,000 characters).",
  keepTitle: "Result kept",
  changeTitle: "Change result",
  badDecisionReason: "The reason must be 3 to 1,000 characters.",
  decisionSummary: (name: string, hasil: string, perilaku: string, predikat: string) =>
    `New result for ${name}: results ${hasil}, behaviour ${perilaku} → predikat ${predikat}.`,
  formReason: "Reason for the decision",
  decided: (name: string, changed: boolean, predikat: string) =>
    changed
      ? `Decision saved: the result of ${name} is changed to ${predikat}. ${name} and the rater have been told.`
      : `Decision saved: the result of ${name} stands (${predikat}). ${name} and the rater have been told.`,
  notDecider: "Sorry, this objection is not yours to decide.",
  alreadyDecided: "This objection has already been decided.",
  decisionTold: (input) =>
    [
      input.changed
        ? `Your objection to the ${input.period} result was upheld by ${input.decider}: your predikat is now ${input.predikat}.`
        : `Your objection to the ${input.period} result was decided by ${input.decider}: the result stands (${input.predikat}).`,
      `Reason: ${input.reason}`,
      "This decision is final. Thank you for sharing your view.",
    ].join("\n"),
  decisionToldRater: (input) =>
    [
      input.changed
        ? `${input.decider} changed the rating of ${input.name} (${input.period}) after their objection: predikat now ${input.predikat}.`
        : `${input.decider} kept the rating of ${input.name} (${input.period}) after their objection (${input.predikat}).`,
      `Reason: ${input.reason}`,
    ].join("\n"),
};
