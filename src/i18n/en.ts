import { chartsEn } from "./charts-en.ts";
import { colleagueEn } from "./colleague-en.ts";
/**
 * English texts. Must have the same keys and signatures as `id.ts` (the reference catalog).
 * Tone (DOMAIN.md): polite, short, encouraging, never shaming; say what to do next.
 */
import { evaluationEn } from "./evaluation-en.ts";
import type { Messages } from "./id.ts";
import { recognitionEn } from "./recognition-en.ts";
import { surveyEn } from "./survey-en.ts";
import { trainingEn } from "./training-en.ts";

export const en: Messages = {
  localeName: "English",
  commands: {
    start: "Start and link your account",
    lapor: "Report today's work",
    hari_ini: "My reports today",
    riwayat: "Report history",
    target: "SKP target progress",
    rekap: "Monthly recap of working minutes",
    umpan_balik: "Feedback from supervisor",
    izin: "Request leave/official travel",
    bahasa: "Change language",
    bantuan: "Help",
    batal: "Cancel the conversation",
    antrian: "Approval queue (supervisors)",
    tim: "Team board for today (supervisors)",
    umpan_balik_tim: "Feedback to a team member (supervisors)",
    penilaian: "My performance ratings",
    keberatan: "Object to a performance rating",
    masukan: "Input on a colleague (anonymous)",
    apresiasi: "Thank a colleague",
    pelatihan: "Competency development (training hours)",
    penilaian_tim: "Rate the team for a period (supervisors)",
  },
  evaluation: evaluationEn,
  colleague: colleagueEn,
  training: trainingEn,
  recognition: recognitionEn,
  charts: chartsEn,
  kudos: {
    pick: "Who are you thanking? Choose a colleague, your supervisor or a team member:",
    askText: (name: string) => `Write your thanks to ${name} (3–500 characters). Your name goes with it.`,
    badText: "The thanks must be 3 to 500 characters.",
    sent: (name: string) => `Thank you! Your kudos to ${name} has been sent.`,
    nobody: "There is no colleague, supervisor or team member you can thank yet.",
    notFound: (ref: string) => `"${ref}" is not among your colleagues, supervisor or team. Please choose:`,
    notEligible: "Sorry, kudos can go to colleagues in your unit, your supervisor or your team members only.",
    received: (from: string, text: string) => `${from} thanks you:\n“${text}”`,
    line: (from: string, date: string, text: string) => `• ${date} kudos from ${from}: ${text}`,
    count: (n: number, year: number) => `Kudos you received in ${year}: ${n}.`,
  },
  survey: surveyEn,
  common: {
    cancel: "Cancel",
    back: "Back",
    skip: "Skip",
    yes: "Yes",
    no: "No",
    otherTask: "Other task",
    staleButton: "This button is no longer valid. Please start again.",
    cancelled: "OK, cancelled. Nothing was saved.",
    nothingToCancel: "There is no conversation in progress.",
    unknownInput:
      "Sorry, I didn't understand that. Type /lapor to report your work, or /bantuan to see the commands.",
    unknownCommand: "I don't know that command. Type /bantuan to see the list of commands.",
    error: "Sorry, something went wrong on our side. Please try again in a moment.",
    expired: "The previous conversation has ended. Please start again.",
    status: {
      DIAJUKAN: "Awaiting approval",
      DISETUJUI: "Approved",
      REVISI: "Needs revision",
      DITOLAK: "Rejected",
    },
    minutes: (n: number) => `${n} min`,
    weekend: "not a working day of your unit",
  },
  link: {
    notLinked:
      "Your account is not linked to your employee record yet. Send /start followed by the link code from your HR admin, for example: /start K7QM2XRD",
    askCode:
      "Welcome to kinerja-bot. Please send the link code (8 letters/digits) you received from your HR admin.",
    wrongCode: (left: number) =>
      `Unknown code. Please check the code from your HR admin again.${left > 0 ? ` Attempts left: ${left}.` : ""}`,
    expiredCode: "This code has expired. Please ask your HR admin for a new code.",
    usedCode: "This code has already been used. Please ask your HR admin for a new code.",
    tooManyTries: (minutes: number) =>
      `Too many wrong codes. Please try again in ${minutes} minutes, or contact your HR admin.`,
    linked: (name: string) =>
      `Thank you, ${name}. Your account is now linked.\nType /lapor to report today's work, or /bantuan to see all commands.`,
    alreadyLinked: (name: string) =>
      `Hello, ${name}. Your account is already linked. Type /bantuan to see the commands.`,
  },
  report: {
    askDate: "Which date is this report for? Choose below, or type the date (e.g. 24-11-2026).",
    today: (date: string) => `Today (${date})`,
    yesterday: (date: string) => `Yesterday (${date})`,
    badDate: "I couldn't read that date. Correct example: 24-11-2026.",
    futureDate: "That date hasn't happened yet. Please report work you have already done.",
    tooOld: (earliest: string) => `That date is past the reporting limit. Earliest allowed: ${earliest}.`,
    askIndicator: "Which indicator (IKI) does this work serve?",
    noSkp: (year: number) => `You don't have an SKP for ${year} yet. The report is recorded as "Other task".`,
    askDescription: "What did you do? Write it short and clear (3–500 characters).",
    badDescription:
      "The description must be 3 to 500 characters. Example: Verified 12 e-KTP files for residents of Ciroyom.",
    askQuantity: (unit: string) =>
      `What was the result (in ${unit})? Type a whole number, e.g. 12. Type 0 if there is no countable result.`,
    badQuantity: (unit: string) => `The amount must be a whole number, 0 or more (in ${unit}). Example: 12`,
    askTime: "How long did you work on it? Example: 90 (minutes), 1.5 hours, or a time range 08.00-10.30.",
    badTime: "I couldn't read that time. Example: 90, 1.5 hours, or 08.00-10.30.",
    zeroTime: "The duration must be more than 0 minutes. Example: 90, 1.5 hours, or 08.00-10.30.",
    moreThanADay: "Time spent cannot be more than 24 hours. Examples: 90, 1.5 hours, or 08.00-10.30.",
    rangeReversed: "The end time must be after the start time. Example: 08.00-10.30.",
    rangeInFuture:
      "That time range hasn't finished yet. Report after the work is done, or enter times that have passed.",
    rangeOverlaps: (range: string) =>
      `That time range overlaps another report on the same day (${range}). Please enter a range that doesn't overlap.`,
    overDailyLimit: (claimed: number, limit: number) =>
      `The minutes for that day would exceed the ${limit}-minute limit (${claimed} minutes already recorded). Please enter a shorter time.`,
    askEvidence: "Attach supporting evidence: send a photo, a document, or a link (http/https). Or tap Skip.",
    badEvidence:
      "Evidence must be a photo, a document, or a link starting with http:// or https://. Or tap Skip.",
    evidencePhoto: "photo",
    evidenceDocument: (name: string) => (name ? `document ${name}` : "document"),
    evidenceNone: "no evidence",
    summary: (fields: {
      date: string;
      dayNote: string;
      indicator: string;
      description: string;
      quantity: string;
      time: string;
      evidence: string;
    }) =>
      [
        "Report summary:",
        `• Date: ${fields.date}${fields.dayNote ? ` (${fields.dayNote})` : ""}`,
        `• Indicator: ${fields.indicator}`,
        `• Description: ${fields.description}`,
        `• Result: ${fields.quantity}`,
        `• Time: ${fields.time}`,
        `• Evidence: ${fields.evidence}`,
        "",
        "Send this report to your supervisor?",
      ].join("\n"),
    send: "Send",
    change: "Change",
    askWhatToChange: "Which part would you like to change?",
    fieldDate: "Date",
    fieldIndicator: "Indicator",
    fieldDescription: "Description",
    fieldQuantity: "Amount",
    fieldTime: "Time",
    fieldEvidence: "Evidence",
    submitted: (minutesToday: number, limit: number) =>
      `Thank you, your report has been sent and is awaiting your supervisor's approval.\nTotal for that day: ${minutesToday} of ${limit} minutes.`,
    resubmitted: "Thank you, your correction has been sent and is awaiting your supervisor's approval.",
    addAnother: "Report more",
    useButtons: "Please choose using the buttons below.",
    fileNotNow: "You can send files later, at the evidence step. Please answer this question first.",
    otherTaskUnit: "activities",
    notEditable: "This report can no longer be changed (it has already been decided or resubmitted).",
  },
  today: {
    header: (date: string) => `Your reports today, ${date}:`,
    empty: "No reports yet today. Type /lapor to start.",
    line: (n: number, time: string, description: string, quantity: string, minutes: number, status: string) =>
      `${n}. ${time}${description} — ${quantity}, ${minutes} min · ${status}`,
    total: (claimed: number, limit: number) => `Total: ${claimed} of ${limit} minutes.`,
    holiday: (name: string) => `Today is a holiday: ${name}.`,
    weekend: "Today is not a working day of your unit.",
    absence: "You are recorded as on leave/absent today.",
  },
  history: {
    header: (page: number) => `Report history (page ${page}):`,
    empty: "No reports in this period yet.",
    line: (date: string, description: string, status: string, reason: string | null) =>
      `• ${date} — ${description} · ${status}${reason ? `\n   Reason: ${reason}` : ""}`,
    older: "Older",
    newer: "Newer",
    filterWeek: "This week",
    filterToday: "Today",
    filterAll: "All",
    fix: (n: number) => `Fix #${n}`,
    fixHint: "Reports that need revision can be fixed with the buttons below.",
  },
  target: {
    header: (year: number) => `SKP progress ${year}:`,
    noSkp: (year: number) => `You don't have an SKP for ${year} yet. Please contact your HR admin.`,
    indicator: (code: string, name: string) => `${code} ${name}`,
    figures: (approved: string, target: string, unit: string, percent: string, pending: string) =>
      `   Approved ${approved} of ${target} ${unit} (${percent}%)${pending !== "0" ? `, ${pending} awaiting approval` : ""}`,
    pace: { AHEAD: "ahead of plan", ON_TRACK: "on track", BEHIND: "needs catching up" },
    minutes: (approved: number, target: number) =>
      `Working minutes this month (approved): ${approved} of ${target} minutes.`,
  },
  feedback: {
    header: "Feedback for you (newest first):",
    empty: "No feedback yet. Keep up the good work!",
    general: (from: string, date: string, text: string) => `• ${date} — ${from}: ${text}`,
    onActivity: (from: string, date: string, activity: string, text: string) =>
      `• ${date} — ${from} on "${activity}": ${text}`,
    decision: (date: string, activity: string, status: string, reason: string) =>
      `• ${date} — "${activity}" ${status}: ${reason}`,
    rating: (period: string, predikat: string) => `• Rating ${period}: ${predikat}`,
    received: (from: string, text: string) => `Feedback from ${from}:\n${text}`,
    open: "See all feedback",
  },
  absence: {
    askKind: "What kind of absence?",
    kinds: {
      CUTI: "Leave",
      SAKIT: "Sick leave",
      DINAS_LUAR: "Official travel",
      TUGAS_BELAJAR: "Study assignment",
      DIKLAT: "Training",
    },
    askStart: "From which date? Choose, or type the date (e.g. 24-11-2026).",
    askEnd: "Until which date? Choose, or type the date (e.g. 26-11-2026).",
    sameDay: "That day only",
    badDate: "I couldn't read that date. Correct example: 24-11-2026.",
    endBeforeStart: "The end date cannot be before the start date.",
    tooLong: "The range can be at most 90 days. For longer periods, please contact your HR admin.",
    tooFarBack: "The start date can be at most 30 days ago.",
    overlaps: (from: string, to: string) =>
      `There is already an overlapping absence from ${from} to ${to}. Please choose other dates.`,
    overlapsAtSave: (from: string, to: string) =>
      `Sorry, meanwhile an absence from ${from} to ${to} was saved that overlaps this one, so this one was not saved. Please choose other dates.`,
    confirm: (kind: string, from: string, to: string, days: number) =>
      `${kind}: ${from} to ${to} (${days} working days). Save?`,
    save: "Save",
    saved: "Saved. Your supervisor has been notified, and report reminders will not be sent on those days.",
    supervisorTold: (name: string, kind: string, from: string, to: string) =>
      `${name} has requested ${kind} from ${from} to ${to}.`,
  },
  language: {
    ask: "Choose a language:",
    changed: "Language changed to English.",
  },
  help: {
    text: (admin: string, cmd: (name: string) => string) =>
      [
        "kinerja-bot helps you report your daily work against your SKP and see your progress.",
        "",
        `${cmd("lapor")} — report your work`,
        `${cmd("hari_ini")} — today's reports`,
        `${cmd("riwayat")} — report history and fixes`,
        `${cmd("target")} — SKP target progress`,
        `${cmd("rekap")} — monthly recap of working minutes (e.g. ${cmd("rekap")} 2026-11)`,
        `${cmd("umpan_balik")} — feedback from your supervisor`,
        `${cmd("izin")} — request leave, sick leave, official travel`,
        `${cmd("penilaian")} — your periodic performance ratings`,
        `${cmd("keberatan")} — object to a rating (within 14 days)`,
        `${cmd("masukan")} — anonymous input on a colleague`,
        `${cmd("apresiasi")} — thank a colleague`,
        `${cmd("pelatihan")} — this year's training hours, recommendations, reporting one finished`,
        `${cmd("bahasa")} — change language`,
        `${cmd("batal")} — cancel the conversation`,
        "",
        `Problems with your data (NIP, supervisor, SKP)? Contact ${admin}.`,
      ].join("\n"),
    defaultAdmin: "your HR admin (BKPSDM)",
    supervisor: (cmd: (name: string) => string) =>
      [
        "For supervisors:",
        `${cmd("antrian")} — team reports waiting for your approval`,
        `${cmd("tim")} — your team today`,
        `${cmd("umpan_balik_tim")} — send feedback to a team member`,
        `${cmd("penilaian_tim")} — rate your team for a period`,
      ].join("\n"),
  },
  review: {
    request: (f: {
      employee: string;
      date: string;
      indicator: string;
      description: string;
      quantity: string;
      minutes: number;
      time: string;
      evidence: string;
      resubmitted: boolean;
    }) =>
      [
        f.resubmitted ? "Report corrected and resubmitted:" : "New report awaiting your approval:",
        `• Employee: ${f.employee}`,
        `• Date: ${f.date}`,
        `• Indicator: ${f.indicator}`,
        `• Description: ${f.description}`,
        `• Result: ${f.quantity}`,
        `• Time: ${f.minutes} min${f.time ? ` (${f.time})` : ""}`,
        `• Evidence: ${f.evidence}`,
      ].join("\n"),
    approve: "Approve",
    revise: "Request revision",
    reject: "Reject",
    askReason: (what: "REVISI" | "DITOLAK"): string =>
      what === "REVISI"
        ? "Please write the reason for revision so the employee knows what to fix (3–500 characters)."
        : "Please write the reason for rejection (3–500 characters), e.g.: duplicate, doesn't match the evidence.",
    reasonInFormOnly:
      "The reason goes in the window that opens after pressing Request revision or Reject; the report is not decided yet. Press the button again to decide.",
    badReason: "The reason must be 3 to 500 characters.",
    decided: (status: string, by: string, at: string) => `${status} by ${by}, ${at}.`,
    reasonLine: (reason: string) => `Reason: ${reason}`,
    alreadyDecided: (status: string, by: string, at: string) =>
      `This report has already been decided: ${status} by ${by}, ${at}.`,
    notYourTeam: "Sorry, this report is not from a member of your team, so you cannot decide on it.",
    done: "Saved.",
    employeeApproved: (date: string, description: string) =>
      `Your report of ${date} "${description}" was approved by your supervisor. Thank you!`,
    employeeRevision: (date: string, description: string, reason: string) =>
      `Your report of ${date} "${description}" needs revision.\nReason: ${reason}\nTap Fix to correct it.`,
    employeeRejected: (date: string, description: string, reason: string) =>
      `Your report of ${date} "${description}" was rejected.\nReason: ${reason}`,
    fix: "Fix",
  },
  queue: {
    empty: "Nothing is waiting for your approval. Thank you!",
    header: (count: number, people: number) =>
      `Approval queue: ${count} ${count === 1 ? "report" : "reports"} from ${people} ${people === 1 ? "employee" : "employees"} (longest waiting first).`,
    employee: (name: string, count: number) =>
      `${name} — ${count} ${count === 1 ? "report" : "reports"} waiting:`,
    day: (date: string) => `${date}:`,
    line: (description: string, quantity: string, minutes: number) =>
      `• ${description} — ${quantity}, ${minutes} min`,
    approveDay: (date: string, n: number) => `Approve all ${date} (${n})`,
    reviewDay: (date: string) => `Review ${date} one by one`,
    moreDays: (n: number) =>
      `… and ${n} more ${n === 1 ? "day" : "days"}. Finish the ones above, then open /antrian again.`,
    morePeople: (n: number) =>
      `… and ${n} more ${n === 1 ? "employee" : "employees"}. Finish the ones above, then open /antrian again.`,
    confirm: (n: number, name: string, date: string) =>
      `Approve ${n} ${n === 1 ? "report" : "reports"} of ${name} for ${date}?`,
    nothingOnDay: (name: string, date: string) =>
      `Nothing of ${name} for ${date} is waiting for approval any more.`,
    result: (name: string, date: string, approved: number, already: number) =>
      `Reports of ${name} for ${date}: ${approved} approved, ${already} already decided before.`,
    refused: (n: number) =>
      `${n} could not be decided by you because this employee is no longer in your team.`,
    cancelled: "OK, nothing was approved.",
    notYourTeam: "Sorry, this employee is not in your team, so you cannot decide on their reports.",
    useButtons: "Please choose Yes or Cancel on the question above.",
    open: (n: number) => `Queue (${n})`,
    back: "Open the queue",
    moreLines: (n: number) => `• … and ${n} more`,
    noReports: "No activity report is waiting for your approval.",
    training: (requests: number, completions: number) =>
      `Training awaiting your decision: ${[
        requests > 0 ? `${requests} ${requests === 1 ? "request" : "requests"}` : "",
        completions > 0
          ? `${completions} finished ${completions === 1 ? "training" : "trainings"} with a certificate`
          : "",
      ]
        .filter(Boolean)
        .join(" and ")} (longest waiting first).`,
    moreTraining: (n: number) =>
      `… and ${n} more training ${n === 1 ? "item" : "items"} awaiting your decision. Decide the ones above, then open /antrian again.`,
  },
  team: {
    noTeam:
      "There is nobody you supervise or who was delegated to you at the moment. If that is wrong, please contact your HR admin.",
    header: (date: string) => `Your team today, ${date}:`,
    counts: (c: { reported: number; notYet: number; absence: number; off: number }) =>
      `Reported ${c.reported} · Not yet ${c.notYet} · On leave ${c.absence} · Day off ${c.off}`,
    pendingTotal: (n: number) => `Waiting for your approval: ${n} ${n === 1 ? "report" : "reports"}.`,
    trainingPending: (n: number) => `Trainings waiting for your decision: ${n} (see the queue).`,
    reported: (n: number, minutes: number) =>
      `reported: ${n} ${n === 1 ? "activity" : "activities"}, ${minutes} min`,
    notYet: "not reported yet",
    absence: (kind: string) => `on leave: ${kind}`,
    holiday: (name: string) => `holiday: ${name}`,
    weekend: "not a working day",
    pending: (n: number) => `${n} awaiting approval`,
    delegated: (by: string) => `delegated by ${by}`,
    line: (name: string, parts: string[]) => `• ${name} — ${parts.join(" · ")}`,
    giveFeedback: "Give feedback",
  },
  teamFeedback: {
    pick: "Who is this feedback for? Choose a team member:",
    askText: (name: string) =>
      `Write your feedback for ${name} (3–1000 characters). Please keep it kind and constructive.`,
    badText: "Feedback must be 3 to 1000 characters.",
    sent: (name: string) => `Thank you, your feedback for ${name} has been sent.`,
    notYourTeam:
      "Sorry, that employee is not in your team, so you cannot send them feedback through this bot.",
    notFound: (ref: string) =>
      `No one called "${ref}" was found in your team. Write their NIP, or send just /umpan_balik_tim to choose from the list.`,
    ambiguous: (ref: string) => `Several team members are called "${ref}". Please choose:`,
  },
  reminder: {
    report: "You haven't reported your work today yet. Report now, it only takes a minute.",
    reportButton: "Report now",
    escalation: (names: string[], date: string, more = 0) =>
      [
        `For your information: no daily report for ${date} has come in yet from ${names.length + more} member${names.length + more === 1 ? "" : "s"} of your team:`,
        ...names.map((name) => `• ${name}`),
        ...(more > 0 ? [`• … and ${more} more`] : []),
        "If it helps, you could check in with them. Thank you for supporting your team.",
      ].join("\n"),
    escalationButton: "View team",
    pendingReview: (n: number) =>
      n === 1
        ? "1 report from your team has been waiting for your approval for more than 1 working day. Please take a moment to review it, thank you."
        : `${n} reports from your team have been waiting for your approval for more than 1 working day. Please take a moment to review them, thank you.`,
    pendingReviewButton: "Open queue",
  },
  evaluationReminders: {
    request: (period: string, count: number, deadline: string) =>
      `Performance rating for ${period} is now open. ${count === 1 ? "1 member of your team is" : `${count} members of your team are`} waiting for your rating; the rating deadline is ${deadline}. Thank you for supporting your team.`,
    reminder: (period: string, count: number, deadline: string) =>
      `A friendly reminder: the rating deadline for ${period} is ${deadline}, and ${count === 1 ? "1 member of your team is" : `${count} members of your team are`} still waiting for your rating. Thank you.`,
    boardButton: "Rate the team",
    escalation: (
      period: string,
      deadline: string,
      groups: { rater: string; names: string[] }[],
      more = 0,
    ) => {
      const total = groups.reduce((n, g) => n + g.names.length, 0) + more;
      return [
        `For your information: the rating deadline for ${period} (${deadline}) has passed, and ${total} ${total === 1 ? "employee has" : "employees have"} not been rated yet:`,
        ...groups.flatMap((g) => [`Rater: ${g.rater}`, ...g.names.map((name) => `• ${name}`)]),
        ...(more > 0 ? [`… and ${more} more`] : []),
        "Rating is still possible (recorded as late). If it helps, you could check in with the raters. Thank you.",
      ].join("\n");
    },
  },
  colleagueInvitation: {
    invitation: (period: string, end: string, max: number) =>
      `The period ${period} ends soon (${end}). You may give input on up to ${max} colleagues in your unit — without your name, as a consideration for their supervisors. Entirely optional.`,
    startButton: "Give input",
    declineButton: "No, thank you",
  },
};
