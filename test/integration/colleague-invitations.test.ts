import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.ts";
import { isStillDue, reminderMessage } from "../../src/notifications/reminders.ts";
import { loadReminderTarget } from "../../src/services/reminder-deliveries.ts";
import { DAY_OVER, planDueReminders } from "../../src/services/reminder-planner.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The invitation to give colleagues' input (SPEC section 13) on the reminder planner. The default period
 * 2026-TW2 ends on Tuesday 30 June 2026; its last 5 working days are Wednesday 24, Thursday 25, Friday 26,
 * Monday 29 and Tuesday 30 June, so the invitation is due on Wednesday 24 June at 10:00 local.
 *
 * - WIB unit: ani and eko (eko gave input on 2 colleagues) are invited; budi declined, cici gave input on
 *   3 colleagues, fani has no linked account.
 * - WITA unit: wati (reads English) and wahyu. WIT unit: joko and jaya.
 * - A WIB unit where sola is alone with an inactive colleague (sepi).
 * - A WIB unit with a regional holiday on Friday 26 June and cuti bersama on Monday 29 June: its last 5
 *   working days are 22, 23, 24, 25 and 30 June (due Monday 22 June): hadi and hana.
 * - A WIB unit with a configured period only (2026-06-X, 1–28 June, ends on a Sunday: due Monday 22 June,
 *   the last 5 working days being 22–26 June): kiki and kurnia.
 * - A WIB unit with two configured periods ending on 30 June (2026-06 and 2026-S1): one invitation, for the
 *   shorter one: sari and sinta.
 */
let database: TestDatabase;
let second: Db;
const ids = new Map<string, string>();
const labels = new Map<string, string>();
const at = (iso: string) => new Date(iso);
const id = (label: string) => ids.get(label)!;
const TW2 = "2026-TW2";
const slotOf = (code: string) => `masukan-undangan:${code}`;
let wibUnit: string;

async function unit(code: string, timeZone: string): Promise<string> {
  const created = await database.db.unit.create({ data: { code, name: `Unit ${code}`, timeZone } });
  return created.id;
}

async function person(
  label: string,
  unitId: string,
  options: { account?: boolean; active?: boolean; locale?: "en" } = {},
): Promise<void> {
  const created = await database.db.person.create({
    data: {
      nip: `9200000000000000${String(ids.size).padStart(2, "0")}`,
      nipKind: "PNS",
      name: label,
      position: "Staf",
      unitId,
      active: options.active ?? true,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.account === false
        ? {}
        : {
            accounts: { create: { platform: "TELEGRAM", externalId: `t-${label}`, address: `t-${label}` } },
          }),
    },
  });
  ids.set(label, created.id);
  labels.set(created.id, label);
}

/** Input from `giver` on `receiver` for one BerAKHLAK value (what `/masukan` saves). */
async function input(giver: string, receiver: string, coreValue = "AKUNTABEL", periodCode = TW2) {
  await database.db.colleagueInput.create({
    data: { giverId: id(giver), receiverId: id(receiver), periodCode, coreValue, rating: "SESUAI" },
  });
}

async function configuredPeriod(code: string, unitId: string, startDate: string, endDate: string) {
  await database.db.evaluationPeriod.create({
    data: {
      code,
      name: `Periode ${code}`,
      kind: "BULANAN",
      startDate: new Date(startDate),
      endDate: new Date(endDate),
      ratingDeadline: new Date("2026-07-14"),
      unitId,
      scope: unitId,
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { poolSize: 2 });
  const { db } = database;
  wibUnit = await unit("U-WIB", "Asia/Jakarta");
  const wita = await unit("U-WITA", "Asia/Makassar");
  const wit = await unit("U-WIT", "Asia/Jayapura");
  const solo = await unit("U-SOLO", "Asia/Jakarta");
  const holiday = await unit("U-HOL", "Asia/Jakarta");
  const configured = await unit("U-KONF", "Asia/Jakarta");
  const same = await unit("U-SAMA", "Asia/Jakarta");
  for (const label of ["ani", "budi", "cici", "eko"]) await person(label, wibUnit);
  await person("fani", wibUnit, { account: false });
  await person("wati", wita, { locale: "en" });
  await person("wahyu", wita);
  for (const label of ["joko", "jaya"]) await person(label, wit);
  await person("sola", solo);
  await person("sepi", solo, { active: false });
  for (const label of ["hadi", "hana"]) await person(label, holiday);
  for (const label of ["kiki", "kurnia"]) await person(label, configured);
  for (const label of ["sari", "sinta"]) await person(label, same);
  await db.holiday.createMany({
    data: [
      {
        date: new Date("2026-06-26"),
        name: "Hari jadi",
        kind: "LIBUR_DAERAH",
        unitId: holiday,
        scope: holiday,
      },
      {
        date: new Date("2026-06-29"),
        name: "Cuti bersama",
        kind: "CUTI_BERSAMA",
        unitId: holiday,
        scope: holiday,
      },
    ],
  });
  await configuredPeriod("2026-06-X", configured, "2026-06-01", "2026-06-28");
  await configuredPeriod("2026-S1", same, "2026-01-01", "2026-06-30");
  await configuredPeriod("2026-06", same, "2026-06-01", "2026-06-30");
});

afterAll(async () => {
  await second.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  const { db } = database;
  await db.reminderDelivery.deleteMany();
  await db.colleagueInput.deleteMany();
  await db.colleagueInputDecline.deleteMany();
  await db.colleagueInputDecline.create({ data: { personId: id("budi"), periodCode: TW2 } });
  await input("cici", "ani");
  await input("cici", "budi");
  await input("cici", "eko", "HARMONIS");
  await input("eko", "ani");
  await input("eko", "ani", "LOYAL");
  await input("eko", "budi");
});

/** "label date slot" of every invitation row, sorted. */
async function rows(): Promise<string[]> {
  const all = await database.db.reminderDelivery.findMany({
    where: { slot: { startsWith: "masukan-undangan:" } },
  });
  return all.map((r) => `${labels.get(r.personId)} ${r.date.toISOString().slice(0, 10)} ${r.slot}`).sort();
}

const each = (labelList: string[], date: string, slot: string) =>
  labelList.map((l) => `${l} ${date} ${slot}`);

async function rowOf(label: string, slot = slotOf(TW2)) {
  return database.db.reminderDelivery.findFirstOrThrow({ where: { personId: id(label), slot } });
}

/** What the worker would decide for the row at `now`. */
async function checkAt(label: string, now: string, slot = slotOf(TW2)) {
  const row = await rowOf(label, slot);
  const target = await loadReminderTarget(database.db, row.id);
  return isStillDue(database.db, target!, at(now));
}

const plan = (now: string, db: Db = database.db) => planDueReminders(db, { now: at(now) });

describe("when the invitation falls due", () => {
  it("at 10:00 local on the 5th-last working day of the period: WIT, then WITA, then WIB; weekends and holidays not counted", async () => {
    const early = [
      ...each(["hadi", "hana"], "2026-06-22", slotOf(TW2)),
      ...each(["kiki", "kurnia"], "2026-06-22", slotOf("2026-06-X")),
    ];
    const wit = each(["jaya", "joko"], "2026-06-24", slotOf(TW2));
    const wita = each(["wahyu", "wati"], "2026-06-24", slotOf(TW2));
    const wib = [
      ...each(["ani", "eko"], "2026-06-24", slotOf(TW2)),
      ...each(["sari", "sinta"], "2026-06-24", slotOf("2026-06")),
    ];
    const steps: [string, string[]][] = [
      ["2026-06-19T03:00:00Z", []], // Friday 19 June, 10:00 WIB: no window yet
      ["2026-06-22T02:59:00Z", []], // Monday 22 June, 09:59 WIB
      ["2026-06-22T03:00:00Z", early],
      ["2026-06-23T03:00:00Z", early],
      ["2026-06-24T00:59:00Z", early], // 09:59 WIT
      ["2026-06-24T01:00:00Z", [...early, ...wit]], // 10:00 WIT
      ["2026-06-24T01:59:00Z", [...early, ...wit]],
      ["2026-06-24T02:00:00Z", [...early, ...wit, ...wita]], // 10:00 WITA
      ["2026-06-24T02:59:00Z", [...early, ...wit, ...wita]],
      ["2026-06-24T03:00:00Z", [...early, ...wit, ...wita, ...wib]], // 10:00 WIB
      ["2026-06-30T09:00:00Z", [...early, ...wit, ...wita, ...wib]], // the period's last day
      ["2026-07-01T03:00:00Z", [...early, ...wit, ...wita, ...wib]],
    ];
    for (const [now, expected] of steps) {
      await plan(now);
      expect(await rows(), now).toEqual(expected.sort());
    }
    expect((await rowOf("joko")).dueAt.toISOString()).toBe("2026-06-24T01:00:00.000Z");
    expect((await rowOf("wati")).dueAt.toISOString()).toBe("2026-06-24T02:00:00.000Z");
    expect((await rowOf("ani")).dueAt.toISOString()).toBe("2026-06-24T03:00:00.000Z");
    expect((await rowOf("hadi")).dueAt.toISOString()).toBe("2026-06-22T03:00:00.000Z");
  });

  it("after a scheduler that was down on the day: later that day, else on a later working day of the window, once", async () => {
    // Down all of Wednesday 24 June; Thursday before 10:00 WIB nothing yet, from 10:00 the invitation.
    await plan("2026-06-25T02:59:00Z");
    expect((await rows()).filter((r) => r.startsWith("ani"))).toEqual([]);
    await plan("2026-06-25T07:30:00Z");
    expect((await rows()).filter((r) => r.startsWith("ani"))).toEqual([`ani 2026-06-25 ${slotOf(TW2)}`]);
    const ani = await rowOf("ani");
    expect(ani.dueAt.toISOString()).toBe("2026-06-25T03:00:00.000Z");
    // Never sent (no worker): the next day closes it, and nobody is invited again in the window.
    const next = await planDueReminders(database.db, { now: at("2026-06-26T03:30:00Z"), sweepDays: 3 });
    expect(next.expired).toBeGreaterThan(0);
    expect((await rowOf("ani")).status).toBe("SKIPPED");
    expect((await rowOf("ani")).error).toBe(DAY_OVER);
    await plan("2026-06-29T03:30:00Z");
    await plan("2026-06-30T03:30:00Z");
    expect((await rows()).filter((r) => r.startsWith("ani"))).toEqual([`ani 2026-06-25 ${slotOf(TW2)}`]);
  });

  it("not on a weekend inside the window, nor once the period is over", async () => {
    await plan("2026-06-27T05:00:00Z"); // Saturday
    await plan("2026-06-28T05:00:00Z"); // Sunday
    expect(await rows()).toEqual([]);
    await plan("2026-07-01T05:00:00Z");
    await plan("2026-07-02T05:00:00Z");
    expect(await rows()).toEqual([]);
  });
});

describe("who is invited", () => {
  it("not someone who declined, gave input on 3 colleagues, is alone in their unit or has no account", async () => {
    await plan("2026-06-24T03:00:00Z");
    const invited = new Set((await rows()).map((r) => r.split(" ")[0]));
    expect(invited.has("ani")).toBe(true);
    expect(invited.has("eko")).toBe(true); // 2 colleagues (one of them on 2 values)
    expect(invited.has("budi")).toBe(false); // declined
    expect(invited.has("cici")).toBe(false); // 3 colleagues
    expect(invited.has("fani")).toBe(false); // no linked account
    expect(invited.has("sola")).toBe(false); // alone: sepi is inactive
    expect(invited.has("sepi")).toBe(false);
  });

  it("a decline or input of another period does not count", async () => {
    await database.db.colleagueInputDecline.create({ data: { personId: id("ani"), periodCode: "2026-TW1" } });
    await input("ani", "budi", "AKUNTABEL", "2026-TW1");
    await input("ani", "cici", "AKUNTABEL", "2026-TW1");
    await input("ani", "eko", "AKUNTABEL", "2026-TW1");
    await plan("2026-06-24T03:00:00Z");
    expect(await rows()).toContain(`ani 2026-06-24 ${slotOf(TW2)}`);
  });

  it("periods ending on the same day share one invitation, for the shorter period", async () => {
    await plan("2026-06-24T03:00:00Z");
    expect((await rows()).filter((r) => r.startsWith("s"))).toEqual(
      each(["sari", "sinta"], "2026-06-24", slotOf("2026-06")),
    );
  });
});

describe("the message and the worker's check", () => {
  it("names the period and its end, optional and anonymous, with the two buttons (id and en)", async () => {
    await plan("2026-06-24T03:00:00Z");
    const check = await checkAt("ani", "2026-06-24T03:00:00Z");
    expect(check).toEqual({
      due: true,
      content: {
        kind: "masukan-undangan",
        period: { code: TW2, name: "Triwulan II 2026", endDate: "2026-06-30" },
      },
    });
    if (!check.due) throw new Error("not due");
    const message = reminderMessage(check.content, "id");
    expect(message.text).toBe(
      "Periode Triwulan II 2026 segera berakhir (Selasa, 30 Jun 2026). Anda dapat memberi masukan untuk hingga 3 rekan kerja di unit Anda — tanpa nama, sebagai bahan pertimbangan atasan. Sukarela.",
    );
    expect(message.choices).toEqual([
      [
        { label: "Beri masukan", data: `c:start:${TW2}` },
        { label: "Tidak, terima kasih", data: `c:no:${TW2}` },
      ],
    ]);
    const english = reminderMessage(check.content, "en");
    expect(english.text).toContain("You may give input on up to 3 colleagues in your unit");
    expect(english.choices).toEqual([
      [
        { label: "Give input", data: `c:start:${TW2}` },
        { label: "No, thank you", data: `c:no:${TW2}` },
      ],
    ]);
  });

  it("skips the invitation of someone who declined or reached 3 colleagues after it was planned", async () => {
    await plan("2026-06-24T03:00:00Z");
    await database.db.colleagueInputDecline.create({ data: { personId: id("ani"), periodCode: TW2 } });
    expect(await checkAt("ani", "2026-06-24T03:01:00Z")).toEqual({ due: false, reason: "declined" });
    await input("eko", "cici");
    expect(await checkAt("eko", "2026-06-24T03:01:00Z")).toEqual({
      due: false,
      reason: "input given on 3 colleagues",
    });
    // wahyu's only colleague leaves.
    await database.db.person.update({ where: { id: id("wati") }, data: { active: false } });
    try {
      expect(await checkAt("wahyu", "2026-06-24T03:01:00Z")).toEqual({ due: false, reason: "no colleague" });
    } finally {
      await database.db.person.update({ where: { id: id("wati") }, data: { active: true } });
    }
    // Its own day over: never sent on a later day.
    expect(await checkAt("joko", "2026-06-24T15:00:00Z")).toEqual({ due: false, reason: "day over" });
  });
});

describe("exactly once per person and period", () => {
  it("two planners at once on separate connections make one row per person and period", async () => {
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([plan("2026-06-24T03:30:00Z"), plan("2026-06-24T03:30:00Z", second)]);
      if (round > 0) expect(results.map((r) => r.planned)).toEqual([0, 0]);
    }
    const all = await database.db.reminderDelivery.findMany({
      where: { slot: { startsWith: "masukan-undangan:" } },
    });
    expect(all).toHaveLength(12);
    expect(new Set(all.map((r) => `${r.personId} ${r.slot}`)).size).toBe(12);
  });

  it("a holiday imported after the invitation was planned does not plan it again on another day", async () => {
    await plan("2026-06-24T03:30:00Z");
    const before = await rows();
    const holiday = await database.db.holiday.create({
      data: {
        date: new Date("2026-06-24"),
        name: "Libur",
        kind: "LIBUR_DAERAH",
        unitId: wibUnit,
        scope: wibUnit,
      },
    });
    try {
      await plan("2026-06-25T03:30:00Z");
      await plan("2026-06-26T03:30:00Z");
      expect(await rows()).toEqual(before);
    } finally {
      await database.db.holiday.delete({ where: { id: holiday.id } });
    }
  });
});
