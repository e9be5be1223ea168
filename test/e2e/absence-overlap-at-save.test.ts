import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 10.00 WIB.
let t: TelegramTestApp;
let budi: TelegramTestUser;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
  budi = t.user(5101);
  await budi.linkTo(DEMO.budi);
});
afterAll(async () => {
  await t.close();
});

describe("/izin checks the overlap again when it saves", () => {
  it("does not save over an absence saved between the dates and the confirmation, and says so politely", async () => {
    await budi.say("/izin");
    await budi.press("Cuti");
    await budi.say("26-11-2026");
    await budi.say("30-11-2026");
    expect(budi.lastText()).toContain("Simpan?");

    // Meanwhile another absence of Budi's is saved (from his other chat, or by the other platform's turn).
    const person = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    await t.db.absence.create({
      data: {
        personId: person.id,
        kind: "SAKIT",
        startDate: new Date("2026-11-27T00:00:00Z"),
        endDate: new Date("2026-11-27T00:00:00Z"),
      },
    });

    await budi.press("Simpan");
    expect(budi.texts().at(-2)).toBe(
      "Maaf, sementara itu sudah tersimpan izin pada 27 Nov s.d. 27 Nov yang bertumpuk dengan ini, jadi izin ini belum disimpan. Pilih tanggal lain.",
    );
    expect(budi.lastText()).toContain("Mulai tanggal berapa");
    const absences = await t.db.absence.findMany({ where: { personId: person.id } });
    expect(absences.map((a) => a.kind)).toEqual(["SAKIT"]);
    expect(await t.db.outboxEvent.count()).toBe(0);

    // Other dates still go through.
    await budi.say("01-12-2026");
    await budi.say("02-12-2026");
    await budi.press("Simpan");
    expect(budi.lastText()).toContain("Tersimpan");
    expect(await t.db.absence.count({ where: { personId: person.id } })).toBe(2);
  });
});
