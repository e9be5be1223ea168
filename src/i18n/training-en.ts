import type { TrainingMessages } from "./training-id.ts";

/** Texts of competency development, English (same keys as training-id.ts). */
export const trainingEn: TrainingMessages = {
  header: (year: number) => `Competency development ${year}`,
  jp: (approved: string, target: number, year: number) =>
    `Approved training hours (JP) in ${year}: ${approved} of ${target} JP (PP 17/2020: at least ${target} JP a year).`,
  jpPending: (pending: string) => `Awaiting your supervisor: ${pending} JP.`,
  jpReached: "This year's JP target is reached. Thank you for your commitment!",
  noCatalogue: "The HR office has not imported the training catalogue yet.",
  recommendationsHeader: "Recommended for you:",
  noRecommendations: "No particular recommendation right now. You can still report a training you finished.",
  trainingLine: (code: string, name: string, jp: string, organizer: string | null) =>
    `${code} ${name} — ${jp} JP${organizer ? `, ${organizer}` : ""}`,
  why: (reasons: string) => `   Why: ${reasons}`,
  link: (url: string) => `   Link: ${url}`,
  reasonEvaluation: (value: string | null, period: string) =>
    value
      ? `behaviour ${value} was rated below expectations in ${period}`
      : `work behaviour was rated below expectations in ${period}`,
  reasonColleagues: (value: string, period: string) =>
    `colleagues' input rated ${value} below expectations in ${period}`,
  reasonIki: (code: string) => `${/^IKI/i.test(code) ? code : `IKI ${code}`} is behind pace`,
  mineHeader: "Your trainings:",
  mineLine: (code: string, name: string, status: string) => `• ${code} ${name}: ${status}`,
  requestStatus: {
    DIAJUKAN: "requested, awaiting your supervisor",
    DISETUJUI: "approved, report it once finished",
    DITOLAK: "not approved",
  },
  completionStatus: {
    DIAJUKAN: (jp: string) => `finished, certificate awaiting approval (${jp} JP)`,
    DISETUJUI: (jp: string) => `finished, ${jp} JP counted`,
    REVISI: (reason: string) => `certificate needs a correction: ${reason}`,
    DITOLAK: (reason: string) => `rejected by your supervisor, not counted: ${reason}`,
  },
  askButton: (code: string) => `Request ${code}`,
  doneButton: "Report finished",
  resendButton: "Send a new certificate",
  catalogueButton: "Training catalogue",
  catalogueHeader: (page: number, pages: number, total: number) =>
    `Training catalogue: ${total} ${total === 1 ? "training" : "trainings"}, page ${page} of ${pages}. Press Request to ask your supervisor's approval.`,
  catalogueTaken: "   Requested or reported by you already (its status is in /pelatihan).",
  previousPage: "Previous",
  nextPage: "Next",
  requested: (code: string, name: string) =>
    `Your request for ${code} ${name} has been sent to your supervisor. You will be told the decision.`,
  alreadyPending: "You have requested this training already; it awaits your supervisor's decision.",
  alreadyApproved: "This training is approved already. Once finished, press Report finished.",
  alreadyReported: "You have reported this training as finished already.",
  notInCatalogue: "Sorry, this training is no longer in the catalogue.",
  noSupervisor: "No supervisor is recorded for you yet, so the request cannot be sent. Please contact HR.",
  askWhich: "Which training have you finished? Choose below, or type its catalogue code (e.g. PLT-01).",
  unknownCode: (code: string) =>
    `The code "${code}" is not in the training catalogue. Check it and type it again, or /batal.`,
  askDate: (code: string, name: string) =>
    `When did you finish ${code} ${name}? Type the date, e.g. 24-11-2026 or yesterday.`,
  badDate: "I could not read that date. Write it like 24-11-2026, 2026-11-24 or yesterday.",
  futureDate: "The date finished cannot be after today. Please type it again.",
  tooOld: (earliest: string) => `The date finished can be ${earliest} at the earliest. Please type it again.`,
  askCertificate: "Send the certificate as a photo or a PDF file (at most 20 MB).",
  certificateWrongType: "The certificate must be a photo (JPG, PNG, WebP) or a PDF. Please send it again.",
  certificateTooLarge: "The file is too large (at most 20 MB). Please send a smaller one.",
  certificateNotText: "Please send the certificate as a photo or a PDF, or /batal.",
  fileNotNow: "To report a finished training, type /pelatihan and press Report finished.",
  completionSent: (code: string, name: string) =>
    `Thank you. Your report of ${code} ${name} and its certificate went to your supervisor; the JP count once approved.`,
  completionPending: "Your report of this training still awaits your supervisor's approval.",
  completionApproved: "This training is approved and its JP are counted.",
  completionRejected:
    "Your supervisor rejected this completion; it cannot be reported again. Please talk to your supervisor.",
  requestMessage: (f: { employee: string; training: string; jp: string; organizer: string; url: string }) =>
    [
      "A training request awaits your approval:",
      `• Employee: ${f.employee}`,
      `• Training: ${f.training}`,
      `• JP: ${f.jp}`,
      `• Organiser: ${f.organizer}`,
      ...(f.url ? [`• Link: ${f.url}`] : []),
    ].join("\n"),
  completionMessage: (f: {
    employee: string;
    training: string;
    jp: string;
    date: string;
    certificate: string;
    resubmitted: boolean;
  }) =>
    [
      f.resubmitted
        ? "A corrected training certificate was sent again:"
        : "A finished training awaits your approval:",
      `• Employee: ${f.employee}`,
      `• Training: ${f.training}`,
      `• JP: ${f.jp}`,
      `• Finished: ${f.date}`,
      `• Certificate: ${f.certificate}`,
    ].join("\n"),
  certificatePhoto: "photo",
  certificateDocument: (name: string) => (name ? `document ${name}` : "document"),
  none: "-",
  approve: "Approve",
  decline: "Decline",
  revise: "Ask for a correction",
  reject: "Reject",
  decisionStatus: {
    DISETUJUI: "Approved",
    DITOLAK: "Declined",
    REVISI: "Correction requested",
    DIAJUKAN: "Waiting",
  },
  decided: (status: string, by: string, at: string) => `${status} by ${by}, ${at}.`,
  reasonLine: (reason: string) => `Reason: ${reason}`,
  askRevisionReason: "What needs correcting on this certificate? Write the reason (3–500 characters).",
  revisionTitle: "Ask for a correction",
  askRejectionReason:
    "Why is this completion rejected? Write the reason (3–500 characters). A rejection is final: its JP do not count.",
  rejectionTitle: "Reject the completion",
  badReason: "The reason must be 3 to 500 characters. Please write it again.",
  done: "Saved; the employee will be told.",
  notYourTeam: "Sorry, you can only decide for members of your own team.",
  alreadyDecided: (status: string, by: string, at: string) =>
    `Already decided: ${status} by ${by}, ${at}. Nothing was changed.`,
  requestApproved: (training: string, by: string) =>
    `Your request for ${training} was approved by ${by}. Once finished, report it with the certificate.`,
  requestDeclined: (training: string, by: string) =>
    `Your request for ${training} was not approved by ${by}. Please talk it over with your supervisor, or see other options in /pelatihan.`,
  completionApprovedTold: (training: string, jp: string, year: number) =>
    `Your certificate for ${training} is approved. ${jp} JP count for ${year}. Thank you!`,
  completionRevisionTold: (training: string, reason: string) =>
    `Your certificate for ${training} needs a correction.\nReason: ${reason}\nPress Send a new certificate to send it again.`,
  completionRejectedTold: (training: string, reason: string) =>
    `Your supervisor rejected the completion of ${training}; its JP do not count.\nReason: ${reason}`,
};
