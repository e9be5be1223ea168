import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textUpdate } from "../../adapters/simulator/telegram-updates.ts";
import { id as messages } from "../../src/i18n/id.ts";
import { redeemLinkCode } from "../../src/services/account-linking.ts";
import { DEMO, TelegramTestApp, type TelegramTestUser, WEBHOOK_SECRET } from "../support/telegram-app.ts";

const NAMES = {
  siti: "Siti Nurhaliza, S.AP.",
  budi: "Budi Santoso",
  dewi: "Dewi Lestari, A.Md.",
  agus: "Agus Firmansyah",
  nurAini: "Nur Aini, S.H.",
  rizky: "Rizky Pratama",
  camat: "Drs. Asep Sunandar, M.Si.",
};

/** The person a Telegram account is linked to now, if any. */
async function linkedNip(t: TelegramTestApp, user: TelegramTestUser): Promise<string | null> {
  const account = await t.db.platformAccount.findUnique({
    where: { platform_externalId: { platform: "TELEGRAM", externalId: String(user.userId) } },
    include: { person: { select: { nip: true } } },
  });
  return account?.person.nip ?? null;
}

/** "K7QM2XRD" as someone might type it from a deep link or a letter: "k7qm-2xrd". */
const lowerWithDash = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`.toLowerCase();

describe("linking a Telegram account to a person", () => {
  let t: TelegramTestApp;
  beforeAll(async () => {
    // Tuesday 24 November 2026, 10.00 WIB
    t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("an unlinked user gets the short explanation whatever they send", async () => {
    const stranger = t.user(8001);
    expect(await stranger.say("halo, saya mau lapor")).toBe(200);
    expect(stranger.lastText()).toBe(messages.link.notLinked);
    expect(await stranger.say("/lapor")).toBe(200);
    expect(await stranger.say("/hari_ini")).toBe(200);
    expect(await stranger.sendPhoto("photo-stranger-1")).toBe(200);
    expect(await stranger.sendDocument("doc-stranger-1", "laporan.pdf")).toBe(200);
    // A button (e.g. one the person kept from an earlier chat): answered, and explained.
    const answersBefore = t.botApi.callsTo("answerCallbackQuery").length;
    expect(await stranger.pressData("m:lapor", 1)).toBe(200);
    expect(await stranger.pressData("r:send", 1)).toBe(200);
    expect(t.botApi.callsTo("answerCallbackQuery")).toHaveLength(answersBefore + 2);

    expect(stranger.texts()).toEqual(Array(7).fill(messages.link.notLinked));
    expect(messages.link.notLinked).toContain("/start");
    expect(await linkedNip(t, stranger)).toBeNull();
    // Nothing of this was offered as a code, so nothing counts against the account.
    expect(await t.db.linkAttempt.count({ where: { externalId: "8001" } })).toBe(0);
  });

  it("links with /start, then the code in a second message", async () => {
    const user = t.user(8002);
    const code = await t.linkCode(DEMO.siti);
    await user.say("/start");
    expect(user.lastText()).toBe(messages.link.askCode);
    expect(await linkedNip(t, user)).toBeNull();
    await user.say(code);
    expect(user.lastText()).toBe(messages.link.linked(NAMES.siti));
    expect(user.lastText()).toContain("sudah tertaut");
    expect(await linkedNip(t, user)).toBe(DEMO.siti);
    // The link dialog is over: the next message is handled as a linked person's.
    await user.say("/lapor");
    expect(user.lastText()).toContain("Untuk tanggal berapa");
  });

  it("links with /start CODE in one message", async () => {
    const user = t.user(8003);
    const code = await t.linkCode(DEMO.budi);
    await user.say(`/start ${code}`);
    expect(user.lastText()).toBe(messages.link.linked(NAMES.budi));
    expect(await linkedNip(t, user)).toBe(DEMO.budi);
  });

  it("links from the deep link t.me/<bot>?start=CODE, in lower case and with a dash", async () => {
    // Telegram turns the deep link into the message "/start <payload>" in the private chat.
    const user = t.user(8004);
    const code = await t.linkCode(DEMO.dewi);
    await user.say(`/start ${lowerWithDash(code)}`);
    expect(user.lastText()).toBe(messages.link.linked(NAMES.dewi));
    expect(await linkedNip(t, user)).toBe(DEMO.dewi);

    // Typed by hand after /start, with spaces, or addressed to the bot by name, it works too.
    const second = t.user(8005);
    await second.say("/start");
    await second.say(`  ${(await t.linkCode(DEMO.camat)).replace(/(....)/, "$1 ")}  `);
    expect(second.lastText()).toBe(messages.link.linked(NAMES.camat));
    const third = t.user(8006);
    await third.say(`/start@${t.botApi.botInfo.username} ${await t.linkCode(DEMO.kasiPemerintahan)}`);
    expect(third.lastText()).toContain("sudah tertaut");
    expect(await linkedNip(t, third)).toBe(DEMO.kasiPemerintahan);
    // Only the hash of a code is stored.
    const stored = await t.db.linkCode.findFirstOrThrow({ where: { person: { nip: DEMO.dewi } } });
    expect(stored.codeHash).not.toContain(code);
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a wrong code is refused and the dialog asks again, counting down the tries", async () => {
    const user = t.user(8010);
    await user.say("/start ZZZZ2222");
    expect(user.lastText()).toBe(messages.link.wrongCode(4));
    expect(user.lastText()).toContain("Kode tidak dikenal");
    expect(user.lastText()).toContain("Sisa percobaan: 4.");
    await user.say("bukan kode");
    expect(user.lastText()).toBe(messages.link.wrongCode(3));
    expect(await linkedNip(t, user)).toBeNull();
    expect(await t.db.linkAttempt.count({ where: { externalId: "8010", succeeded: false } })).toBe(2);
  });

  it("an expired code gets its own answer and stays unused", async () => {
    const user = t.user(8011);
    const code = await t.linkCode(DEMO.nurAini, { expiresAt: new Date(t.clock.now.getTime() - 60_000) });
    await user.say(`/start ${code}`);
    expect(user.lastText()).toBe(messages.link.expiredCode);
    expect(user.lastText()).toContain("kedaluwarsa");
    expect(await linkedNip(t, user)).toBeNull();
    const row = await t.db.linkCode.findFirstOrThrow({ where: { person: { nip: DEMO.nurAini } } });
    expect(row.usedAt).toBeNull();
  });

  it("a code links whichever account uses it first; a second account gets 'sudah pernah dipakai'", async () => {
    const first = t.user(8012);
    const second = t.user(8013);
    const code = await t.linkCode(DEMO.agus);
    await first.say(`/start ${code}`);
    expect(first.lastText()).toBe(messages.link.linked(NAMES.agus));

    await second.say(`/start ${code}`);
    expect(second.lastText()).toBe(messages.link.usedCode);
    expect(second.lastText()).toContain("sudah pernah dipakai");
    expect(await linkedNip(t, second)).toBeNull();
    expect(await linkedNip(t, first)).toBe(DEMO.agus);

    const agus = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.agus } });
    const row = await t.db.linkCode.findFirstOrThrow({ where: { personId: agus.id } });
    expect(row).toMatchObject({
      usedAt: t.clock.now,
      usedByPlatform: "TELEGRAM",
      usedByExternalId: "8012",
    });
    const audits = await t.db.auditLog.findMany({ where: { action: "account.linked", entityId: agus.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: agus.id, via: "TELEGRAM", entity: "person" });
    expect(await t.db.platformAccount.count({ where: { personId: agus.id } })).toBe(1);
  });

  it("two accounts offering the same code at the same moment, on two web processes: one links", async () => {
    const secondUrl = await t.startExtraProcess("web");
    const code = await t.linkCode(DEMO.kasiPelayanan);
    const row = await t.db.linkCode.findFirstOrThrow({ where: { person: { nip: DEMO.kasiPelayanan } } });
    const [a, b] = [t.user(8040), t.user(8041)];
    const start = (user: TelegramTestUser) =>
      textUpdate({ updateId: t.updateId(), userId: user.userId, text: `/start ${code}` });
    // The code's row is held until both turns have found it unused and wait to claim it.
    const { deliveries } = await t.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM link_code WHERE id = ${row.id}::uuid FOR UPDATE`;
        const deliveries = Promise.all([t.deliver(start(a)), t.deliver(start(b), WEBHOOK_SECRET, secondUrl)]);
        await t.eventually(async () => (await t.sessionsWaitingForLocks()) >= 2, "both turns waiting");
        return { deliveries };
      },
      { timeout: 15_000 },
    );
    expect(await deliveries).toEqual([200, 200]);

    const answers = [a.lastText(), b.lastText()].sort();
    expect(answers).toEqual([messages.link.usedCode, messages.link.linked("Rina Marlina, S.Sos.")].sort());
    const winner = a.lastText() === messages.link.usedCode ? b : a;
    const loser = winner === a ? b : a;
    expect(await linkedNip(t, winner)).toBe(DEMO.kasiPelayanan);
    expect(await linkedNip(t, loser)).toBeNull();
    expect(await t.db.linkCode.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      usedByExternalId: String(winner.userId),
    });
    expect(await t.db.auditLog.count({ where: { action: "account.linked", entityId: row.personId } })).toBe(
      1,
    );
  });

  it("a code first used on Slack is used up for Telegram too", async () => {
    const code = await t.linkCode(DEMO.rizky);
    // What the Slack adapter does with `/kinerja tautkan KODE` (the conversation core is shared).
    const onSlack = await t.db.$transaction((tx) =>
      redeemLinkCode(tx, { platform: "SLACK", externalId: "U0RIZKY", address: "D0RIZKY" }, code, t.clock.now),
    );
    expect(onSlack.ok).toBe(true);
    const user = t.user(8014);
    await user.say(`/start ${code}`);
    expect(user.lastText()).toBe(messages.link.usedCode);
    expect(await linkedNip(t, user)).toBeNull();
    const row = await t.db.linkCode.findFirstOrThrow({ where: { person: { nip: DEMO.rizky } } });
    expect(row).toMatchObject({ usedByPlatform: "SLACK", usedByExternalId: "U0RIZKY" });
  });

  it("a new code moves a person's link to a new Telegram account; the old code does not move it back", async () => {
    const oldPhone = t.user(8020);
    const newPhone = t.user(8021);
    const first = await t.linkCode(DEMO.nurAini);
    await oldPhone.say(`/start ${first}`);
    expect(oldPhone.lastText()).toBe(messages.link.linked(NAMES.nurAini));

    // The old code cannot link the new account: re-linking needs a new code.
    await newPhone.say(`/start ${first}`);
    expect(newPhone.lastText()).toBe(messages.link.usedCode);
    expect(await linkedNip(t, newPhone)).toBeNull();

    const second = await t.linkCode(DEMO.nurAini);
    await newPhone.say(`/start ${second}`);
    expect(newPhone.lastText()).toBe(messages.link.linked(NAMES.nurAini));
    expect(await linkedNip(t, newPhone)).toBe(DEMO.nurAini);
    expect(await linkedNip(t, oldPhone)).toBeNull();
    const nur = await t.db.person.findUniqueOrThrow({
      where: { nip: DEMO.nurAini },
      include: { accounts: true },
    });
    expect(nur.accounts.map((a) => [a.platform, a.externalId])).toEqual([["TELEGRAM", "8021"]]);
    expect(await t.db.auditLog.count({ where: { action: "account.linked", entityId: nur.id } })).toBe(2);

    // The old account is now a stranger, and neither code brings the link back.
    await oldPhone.say("/lapor");
    expect(oldPhone.lastText()).toBe(messages.link.notLinked);
    await oldPhone.say(`/start ${second}`);
    expect(oldPhone.lastText()).toBe(messages.link.usedCode);
    expect(await linkedNip(t, newPhone)).toBe(DEMO.nurAini);
  });

  it("an already linked user sending /start gets the 'sudah tertaut' greeting", async () => {
    const user = t.user(8030);
    await user.linkTo(DEMO.rizky);
    await user.say("/start");
    expect(user.lastText()).toBe(messages.link.alreadyLinked(NAMES.rizky));
    expect(user.lastText()).toContain("sudah tertaut");
    expect(user.findButton(messages.commands.lapor)).toBeDefined();
    const state = await t.db.conversationState.findUnique({
      where: { platform_externalId: { platform: "TELEGRAM", externalId: "8030" } },
    });
    expect(state === null || state.flow === "").toBe(true);
    expect(await t.db.linkAttempt.count({ where: { externalId: "8030" } })).toBe(0);
  });
});

describe("too many wrong codes", () => {
  let t: TelegramTestApp;
  const T0 = Date.parse("2026-11-24T03:00:00Z");
  const at = (minutes: number, seconds = 0) =>
    t.clock.set(new Date(T0 + minutes * 60_000 + seconds * 1000).toISOString());
  beforeAll(async () => {
    t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses every try after 5 wrong ones, valid or not, until an hour after the first", async () => {
    const user = t.user(9001);
    const valid = await t.linkCode(DEMO.siti);
    at(0);
    await user.say("/start");
    const wrong = ["AAAA2222", "halo", "BBBB3333", "K7QM2XRD", "CCCC4444"];
    for (const [index, text] of wrong.entries()) {
      at(index * 10); // tries at 0, 10, 20, 30 and 40 minutes
      await user.say(text);
      expect(user.lastText()).toBe(messages.link.wrongCode(4 - index));
    }
    expect(user.lastText()).not.toContain("Sisa percobaan");

    // The 6th try, with a valid code, in either form: refused.
    at(45);
    await user.say(valid);
    expect(user.lastText()).toBe(messages.link.tooManyTries(15));
    expect(user.lastText()).toContain("Terlalu banyak percobaan");
    at(59, 30);
    await user.say(`/start ${valid}`);
    expect(user.lastText()).toBe(messages.link.tooManyTries(1));
    expect(await linkedNip(t, user)).toBeNull();
    const code = await t.db.linkCode.findFirstOrThrow({ where: { person: { nip: DEMO.siti } } });
    expect(code.usedAt).toBeNull();

    // Another account is not affected by this one's tries.
    const other = t.user(9002);
    await other.say(`/start ${await t.linkCode(DEMO.budi)}`);
    expect(other.lastText()).toBe(messages.link.linked(NAMES.budi));

    // An hour after the first wrong try, the valid code links.
    at(60, 1);
    await user.say(valid);
    expect(user.lastText()).toBe(messages.link.linked(NAMES.siti));
    expect(await linkedNip(t, user)).toBe(DEMO.siti);
  });
});
