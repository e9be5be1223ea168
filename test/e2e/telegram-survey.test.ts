import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { id as messages } from "../../src/i18n/id.ts";
import { staffCodeOf, surveyTokenOf } from "../../src/services/survey-access.ts";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

const t = messages.survey;
const UNIT = "Seksi Pelayanan Kecamatan Andir";

/**
 * The citizens' survey through the real webhook (grammY, the conversation core, PostgreSQL), for people with no
 * account in the product: the deep link t.me/<bot>?start=survei_<token> is all they need.
 */
let app: TelegramTestApp;
let token: string;
let budiCode: string;
let budiId: string;

beforeAll(async () => {
  // Tuesday 24 November 2026, 10.00 WIB
  app = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  const unit = await app.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
  token = await surveyTokenOf(app.db, unit.id);
  const budi = await app.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
  budiId = budi.id;
  budiCode = await staffCodeOf(app.db, budi.id);
});
afterAll(async () => {
  await app?.close();
});

/** Answers the nine questions with these scores, one button each, checking each question as it comes. */
async function answerAll(
  user: TelegramTestUser,
  scores: number[],
  words = t.scale,
  catalog = t,
): Promise<void> {
  for (const [i, score] of scores.entries()) {
    const unsur = catalog.unsur[i]!;
    expect(user.lastText()).toBe(catalog.chatQuestion(i + 1, unsur.name, unsur.question));
    expect(await user.press(`${score} ${words[score - 1]}`)).toBe(200);
  }
}

const responses = () => app.db.surveyResponse.findMany({ orderBy: { comment: "asc" } });

describe("the survey on Telegram, for anyone", () => {
  it("an unlinked account answers the nine unsur by buttons and a typed comment; nothing ties it to the answer", async () => {
    const citizen = app.user(9101);
    expect(await citizen.say(`/start survei_${token}`)).toBe(200);
    const texts = citizen.texts();
    expect(texts.at(-2)).toBe(t.chatIntro(UNIT, null));
    await answerAll(citizen, [4, 3, 4, 2, 3, 4, 4, 1, 3]);
    expect(citizen.lastText()).toBe(t.askComment);
    // Each answered question stays readable, with its choice and no buttons left.
    const answered = citizen
      .chat()
      .visible()
      .find((m) => m.text?.startsWith("8/9"));
    expect(answered?.text).toContain("→ 1 Tidak baik");
    expect(answered?.inlineKeyboard.flat()).toEqual([]);
    expect(await citizen.say("Loketnya ramah, tapi antrian panjang.")).toBe(200);
    expect(citizen.lastText()).toBe(t.chatThanks(UNIT));

    const rows = await app.db.surveyResponse.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: "TELEGRAM",
      servedById: null,
      comment: "Loketnya ramah, tapi antrian panjang.",
      u1: 4,
      u4: 2,
      u8: 1,
      u9: 3,
    });
    // No account was made for the citizen, their dialog row is gone, and no survey row holds the account id.
    expect(await app.db.platformAccount.count({ where: { externalId: "9101" } })).toBe(0);
    expect(await app.db.conversationState.count({ where: { externalId: "9101" } })).toBe(0);
    const dump = JSON.stringify(
      await app.db.$queryRaw`SELECT (SELECT json_agg(r) FROM survey_response r) AS r,
                                    (SELECT json_agg(a) FROM survey_answered a) AS a`,
    );
    expect(dump).not.toContain("9101");
    expect(await app.db.surveyAnswered.count()).toBe(1);
  });

  it("refuses the same account's second answer to the unit that day, before asking anything", async () => {
    const citizen = app.user(9101);
    await citizen.say(`/start survei_${token}`);
    expect(citizen.lastText()).toBe(t.chatAlready(UNIT));
    // No question follows, and no button is left to press.
    expect(citizen.findButton("4 Sangat baik")).toBeUndefined();
    expect(await app.db.surveyResponse.count()).toBe(1);
  });

  it("names the staff member of the deep link's code; Lewati leaves the comment out", async () => {
    const citizen = app.user(9102);
    await citizen.say(`/start survei_${token}_${budiCode}`);
    expect(citizen.texts().at(-2)).toBe(t.chatIntro(UNIT, "Budi Santoso"));
    await answerAll(citizen, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    await citizen.press("Lewati");
    expect(citizen.lastText()).toBe(t.chatThanks(UNIT));
    const row = await app.db.surveyResponse.findFirstOrThrow({ where: { servedById: budiId } });
    expect(row).toMatchObject({ comment: null, channel: "TELEGRAM", u5: 3 });
  });

  it("keeps to the question on screen: an older button is stale, typed text asks for a button", async () => {
    const citizen = app.user(9103);
    await citizen.say(`/start survei_${token}`);
    const first = citizen.findButton("4 Sangat baik")!;
    await citizen.press("4 Sangat baik");
    // The first question's button again (a double tap): changes nothing.
    const answersBefore = app.botApi.callsTo("answerCallbackQuery").length;
    await citizen.pressData(first.data, first.messageId);
    const answers = app.botApi.callsTo("answerCallbackQuery");
    expect(answers).toHaveLength(answersBefore + 1);
    expect(JSON.stringify(answers.at(-1))).toContain(messages.common.staleButton);
    const second = t.unsur[1]!;
    expect(citizen.lastText()).toBe(t.chatQuestion(2, second.name, second.question));
    // Typing where a button is asked: the same question again.
    await citizen.say("bagus sekali");
    expect(citizen.texts().at(-2)).toBe(t.useButtons);
    expect(citizen.lastText()).toBe(t.chatQuestion(2, second.name, second.question));
    // A made-up score is stale too.
    await citizen.pressData("s:n:2:5", first.messageId);
    expect(citizen.lastText()).toBe(t.chatQuestion(2, second.name, second.question));
    // /batal ends it; nothing is kept.
    await citizen.say("/batal");
    expect(citizen.lastText()).toBe(t.chatCancelled);
    expect(await app.db.surveyResponse.count()).toBe(2);
    // Afterwards the account is an unlinked one as before.
    await citizen.say("halo");
    expect(citizen.lastText()).toBe(messages.link.notLinked);
  });

  it("refuses a comment over 1,000 characters and asks again", async () => {
    const citizen = app.user(9104);
    await citizen.say(`/start survei_${token}`);
    await answerAll(citizen, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await citizen.say("x".repeat(1001));
    expect(citizen.texts().at(-2)).toBe(t.commentTooLong(1000));
    expect(citizen.lastText()).toBe(t.askComment);
    await citizen.say("Singkat saja.");
    expect(citizen.lastText()).toBe(t.chatThanks(UNIT));
    expect(await app.db.surveyResponse.count({ where: { comment: "Singkat saja." } })).toBe(1);
  });

  it("speaks English to an unlinked account whose Telegram is in English", async () => {
    const visitor = app.user(9105, "en");
    await visitor.say(`/start survei_${token}`);
    expect(visitor.texts().at(-2)).toBe(en.survey.chatIntro(UNIT, null));
    await answerAll(visitor, [4, 4, 4, 4, 4, 4, 4, 4, 4], en.survey.scale, en.survey);
    await visitor.press("Skip");
    expect(visitor.lastText()).toBe(en.survey.chatThanks(UNIT));
  });

  it("says so for an unknown survey link", async () => {
    const citizen = app.user(9106);
    await citizen.say("/start survei_aaaaaaaaaaaa");
    expect(citizen.lastText()).toBe(t.chatUnknown);
    await citizen.say("/start survei_bukan-token");
    expect(citizen.lastText()).toBe(t.chatUnknown);
  });

  it("works for a linked employee too, and their own dialogs go on afterwards", async () => {
    const budi = app.user(9107);
    await budi.linkTo(DEMO.budi);
    await budi.say(`/start survei_${token}`);
    await answerAll(budi, [3, 4, 3, 4, 3, 4, 3, 4, 3]);
    await budi.press("Lewati");
    expect(budi.lastText()).toBe(t.chatThanks(UNIT));
    await budi.say("/lapor");
    expect(budi.lastText()).toContain("Untuk tanggal berapa");
    // A link code still links with /start as before.
    const newcomer = app.user(9108);
    const code = await app.linkCode(DEMO.dewi);
    await newcomer.say(`/start ${code}`);
    expect(newcomer.lastText()).toContain("sudah tertaut");
  });

  it("the web survey is served by the same web process", async () => {
    const page = await fetch(`${app.url}/survei/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(t.title);
    expect((await responses()).length).toBe(5);
  });
  it("does not let a staff member raise their own served-citizen average with their own code", async () => {
    const budi = app.user(9107);
    const andir = await app.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR" } });
    const parentToken = await surveyTokenOf(app.db, andir.id);
    await budi.say(`/start survei_${parentToken}_${budiCode}`);
    await answerAll(budi, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    await budi.press("Lewati");
    const row = await app.db.surveyResponse.findFirstOrThrow({ where: { unitId: andir.id } });
    expect(row.servedById).toBeNull();
  });
});
