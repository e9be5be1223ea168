import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 15.31 WIB: the 15:30 reminder of Kecamatan Andir is due.
let t: TelegramTestApp;
let siti: TelegramTestUser;
let budi: TelegramTestUser;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T08:31:00Z" });
  siti = t.user(7301);
  budi = t.user(7302);
  await siti.linkTo(DEMO.siti);
  await budi.linkTo(DEMO.budi);
  // Budi reported this morning; Siti did not.
  const person = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
  await t.db.activity.create({
    data: {
      personId: person.id,
      date: new Date("2026-11-24T00:00:00Z"),
      description: "Memutakhirkan data penduduk",
      quantity: 5,
      unitLabel: "data",
      minutes: 120,
      status: "DIAJUKAN",
      submittedAt: new Date("2026-11-24T03:00:00Z"),
    },
  });
  // Now the scheduler role too: its first pass runs at start, at the test clock's instant.
  await t.restartWithRoles("web,worker,scheduler");
});
afterAll(async () => {
  await t.close();
});

describe("daily reminders through the scheduler and worker roles", () => {
  it("reminds the employee who has not reported, once, with a button to report", async () => {
    const reminder = await t.eventually(
      async () => siti.findButton("Lapor sekarang") && siti.last(),
      "reminder",
    );
    expect(reminder.text).toContain("Anda belum melaporkan pekerjaan hari ini");
    const row = await t.eventually(
      async () => t.db.reminderDelivery.findFirst({ where: { person: { nip: DEMO.siti }, status: "SENT" } }),
      "row SENT",
    );
    expect(row.slot).toBe("report-15:30");
    expect(row.date.toISOString().slice(0, 10)).toBe("2026-11-24");
  });

  it("does not remind the employee who already reported", async () => {
    expect(budi.texts()).toEqual([]);
    expect(await t.db.reminderDelivery.count({ where: { person: { nip: DEMO.budi } } })).toBe(0);
  });

  it("sends nothing twice when the process restarts within the same slot", async () => {
    await t.restart();
    await new Promise((r) => setTimeout(r, 500));
    expect(siti.texts().filter((x) => x.includes("belum melaporkan"))).toHaveLength(1);
    expect(await t.db.reminderDelivery.count({ where: { person: { nip: DEMO.siti } } })).toBe(1);
  });

  it("starts /lapor from the reminder's button", async () => {
    await siti.press("Lapor sekarang");
    expect(siti.lastText()).toContain("Untuk tanggal berapa");
  });
});
