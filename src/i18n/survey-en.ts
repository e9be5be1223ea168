import type { SurveyMessages } from "./survey-id.ts";

/** Texts of the citizens' survey, English (same keys as survey-id.ts). */
export const surveyEn: SurveyMessages = {
  unsur: [
    { name: "Requirements", question: "How well do the requirements fit the service you received?" },
    { name: "System, mechanism and procedure", question: "How easy is the service procedure at this unit?" },
    { name: "Completion time", question: "How quickly was the service delivered?" },
    { name: "Cost/fee", question: "How reasonable is the cost or fee of the service?" },
    {
      name: "Service product",
      question: "How well does the result match what the service standard promises?",
    },
    { name: "Staff competence", question: "How capable were the staff in delivering the service?" },
    { name: "Staff conduct", question: "How polite and friendly were the staff?" },
    {
      name: "Complaints, suggestions and feedback",
      question: "How are complaints, suggestions and feedback handled at this unit?",
    },
    { name: "Facilities", question: "How good are the service facilities?" },
  ],
  scale: ["Poor", "Fair", "Good", "Very good"],
  title: "How was our service?",
  surveyName: "Public Satisfaction Survey",
  anonymous: "No name and no login. Your answers are not tied to you.",
  servedBy: (name) => `Served by ${name}`,

  chatIntro: (unit, servedBy) =>
    [
      `Public Satisfaction Survey: ${unit}`,
      ...(servedBy ? [`Served by ${servedBy}`] : []),
      "9 short questions; choose 1 (poor) to 4 (very good). No name: your answers are not tied to your account.",
    ].join("\n"),
  chatQuestion: (n, name, question) => `${n}/9 · ${name}\n${question}`,
  askComment:
    "Thank you. Any suggestion or feedback for this unit? Write it here (at most 1,000 characters), or press Skip.",
  commentTooLong: (max) => `That is too long. Write at most ${max} characters, or press Skip.`,
  useButtons: "Please choose one of the buttons 1–4 above.",
  chatThanks: (unit) => `Thank you for rating ${unit}. Your answers help us improve the service.`,
  chatAlready: (unit) =>
    `You have already answered the survey of ${unit} today. Thank you! You can answer again tomorrow.`,
  chatUnknown:
    "This survey link is not known. Please scan the QR code at the service unit again, or ask the staff.",
  chatCancelled: "Survey cancelled; no answer was kept.",

  language: "Bahasa Indonesia",
  intro: "9 short questions. Choose one answer for each.",
  commentLabel: "Suggestions and feedback (optional)",
  commentHint: (max) => `At most ${max} characters. Please do not write personal data.`,
  honeypotLabel: "Leave this field empty",
  submit: "Send my rating",
  errorsHeading: "Please check these answers:",
  missing: (name) => `${name}: not chosen yet.`,
  invalid: (name) => `${name}: choose one of 1 to 4.`,
  commentError: (max) => `Suggestions and feedback: at most ${max} characters.`,
  thanksTitle: "Thank you",
  thanksText: (unit) => `We have received your rating for ${unit}. Your answers help us improve the service.`,
  alreadyTitle: "Already answered today",
  alreadyText: (unit) =>
    `This device has already answered the survey of ${unit} today. Thank you! You can answer again tomorrow.`,
  notFoundTitle: "Survey not found",
  notFoundText:
    "This survey address is not known. Please scan the QR code at the service unit again, or ask the staff.",
  crossSiteTitle: "Not accepted",
  crossSiteText:
    "The survey can only be answered on the service unit's own survey page. Please scan the QR code at the counter.",
  tooManyTitle: "Too many submissions",
  tooManyText: "Too many submissions from this network. Please try again later. Thank you for your patience.",
  tooLargeTitle: "Submission too large",
  tooLargeText: (max) =>
    `The submission is too large. Suggestions may have at most ${max} characters; please go back and shorten them.`,
  badRequestTitle: "Submission not readable",
  badRequestText: "The submission could not be read. Please open the survey page again and fill it in.",
  back: "Back to the survey",

  posterScan: "Scan the QR code with your phone's camera, or open:",
  posterStaff: (name) => `Staff: ${name}`,
  posterTelegram: (link) => `On Telegram: ${link}`,
  posterFooter: "No name, no login · 9 short questions · PermenPANRB 14/2017",
};
