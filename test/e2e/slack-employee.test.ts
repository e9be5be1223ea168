import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directMessage, eventCallback, eventRequest } from "../../adapters/simulator/slack-requests.ts";
import { DEMO, SLACK_SIGNING_SECRET, type SlackTestUser, TelegramTestApp } from "../support/telegram-app.ts";

// Tuesday 24 November 2026, 15.00 WIB.
let t: TelegramTestApp;
let employee: SlackTestUser;
let rina: SlackTestUser;

/** A direct message to the bot, as the Events API delivers it; returns the event id. */
async function say(user: SlackTestUser, text: string, eventId?: string): Promise<string> {
  const body = eventCallback(directMessage({ userId: user.userId, text }), eventId ? { eventId } : {});
  const response = await user.post(
    eventRequest(SLACK_SIGNING_SECRET, body, { timestamp: Math.floor(t.clock.now.getTime() / 1000) }),
  );
  expect(response.status).toBe(200);
  return body.event_id;
}

const lastDm = (user: SlackTestUser) => user.dm().texts().at(-1) ?? "";

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-11-24T08:00:00Z", slack: true });
  employee = t.slackUser("USTRANGER01");
  rina = t.slackUser("UDEMOKASIPEL");
  await rina.command("bantuan");
});
afterAll(async () => {
  await t.close();
});

describe("an employee who uses Slack", () => {
  it("links with /kinerja tautkan KODE", async () => {
    await employee.command("lapor");
    await t.eventually(async () => lastDm(employee).includes("belum tertaut"), "not linked yet");
    const code = await t.linkCode(DEMO.dewi);
    await employee.command(`tautkan ${code}`);
    await t.eventually(async () => lastDm(employee).includes("Dewi Lestari, A.Md."), "linked");
    const account = await t.db.platformAccount.findFirstOrThrow({
      where: { platform: "SLACK", externalId: "USTRANGER01" },
    });
    expect(account.address).toBe("USTRANGER01");
  });

  it("reports with /kinerja lapor: buttons in the DM, answers as direct messages", async () => {
    /** Does something and waits for the bot's `count` new DM messages; returns their texts. */
    const answer = async (act: () => Promise<unknown>, count = 1): Promise<string[]> => {
      const before = employee.dm().texts().length;
      await act();
      await t.eventually(async () => employee.dm().texts().length >= before + count, "the bot's answer");
      return employee.dm().texts().slice(before);
    };
    expect(await answer(() => employee.command("lapor"))).toEqual([
      expect.stringContaining("Untuk tanggal berapa"),
    ]);
    expect(await answer(() => employee.click(/^Hari ini/))).toEqual([
      expect.stringContaining("indikator (IKI)"),
    ]);
    expect(await answer(() => employee.click(/^IKI-1\.1/))).toEqual([
      expect.stringContaining("Apa yang Anda kerjakan"),
    ]);
    expect(await answer(() => say(employee, "Melayani warga di loket terpadu"))).toEqual([
      expect.stringContaining("dalam orang"),
    ]);
    expect(await answer(() => say(employee, "dua belas"), 2)).toEqual([
      expect.stringContaining("Jumlah harus angka bulat"),
      expect.stringContaining("Berapa hasilnya"),
    ]);
    let eventId = "";
    expect(
      await answer(async () => {
        eventId = await say(employee, "12");
      }),
    ).toEqual([expect.stringContaining("Berapa lama")]);
    // Slack redelivers an event it thinks was lost: the same event id is handled once.
    const before = employee.dm().texts().length;
    await say(employee, "12", eventId);
    expect(await answer(() => say(employee, "1,5 jam"))).toEqual([expect.stringContaining("bukti dukung")]);
    expect(employee.dm().texts().length).toBe(before + 1);
    const summary = await answer(() => employee.click("Lewati"));
    expect(summary[0]).toContain("12 orang");
    expect(summary[0]).toContain("90 menit");
    expect(await answer(() => employee.click("Kirim"))).toEqual([
      expect.stringContaining("laporan terkirim"),
    ]);
    const activity = await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.dewi } } });
    expect(activity).toMatchObject({ status: "DIAJUKAN", quantity: 12, minutes: 90, source: "SLACK" });
    await t.eventually(
      async () => rina.findButton("Setujui")?.value === `v:ok:${activity.id}:1`,
      "supervisor notified on Slack",
    );
  });

  it("is told on Slack when the supervisor decides", async () => {
    await rina.click("Setujui");
    await t.eventually(async () => lastDm(employee).includes("disetujui atasan"), "decision on Slack");
  });
});
