import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Friday 2 October 2026, 10.00 WIB; triwulan III is open. Rina's team grows to 26 people.
let t: TelegramTestApp;
let rina: TelegramTestUser;
let dedi: TelegramTestUser;

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-10-02T03:00:00Z" });
  const rinaRow = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } });
  for (let i = 1; i <= 23; i++) {
    const person = await t.db.person.create({
      data: {
        nip: `1990010120150110${String(i).padStart(2, "0")}`,
        nipKind: "PNS",
        name: `Pegawai Uji ${String(i).padStart(2, "0")}`,
        position: "Pengadministrasi",
        unitId: rinaRow.unitId,
      },
    });
    await t.db.supervisorRelation.create({
      data: { personId: person.id, supervisorId: rinaRow.id, validFrom: new Date("2026-01-01T00:00:00Z") },
    });
  }
  rina = t.user(8301);
  await rina.linkTo(DEMO.kasiPelayanan);
  dedi = t.user(8302);
  await dedi.linkTo(DEMO.kasiPemerintahan);
});
afterAll(async () => {
  await t.close();
});

describe("a large team's board", () => {
  it("pages the people (20 a page) so the message and its buttons stay within the platforms' limits", async () => {
    await rina.say("/penilaian_tim");
    const first = rina.last();
    expect(first?.text).toContain("Halaman 1 dari 2");
    const rateButtons = (first?.inlineKeyboard ?? []).flat().filter((b) => b.text.startsWith("Nilai "));
    expect(rateButtons).toHaveLength(20);
    expect((first?.text ?? "").match(/ — belum dinilai/g)).toHaveLength(20);
    expect(first?.text).toContain("Sangat Baik 0");
    await rina.press("Berikutnya ›");
    const second = rina.last();
    expect(second?.text).toContain("Halaman 2 dari 2");
    expect((second?.text ?? "").match(/ — belum dinilai/g)).toHaveLength(6);
    expect((second?.inlineKeyboard ?? []).flat().map((b) => b.text)).toContain("‹ Sebelumnya");
  });
});

describe("a delegate rating", () => {
  it("rates in the supervisor's place; the supervisor stays the rater of record", async () => {
    const rinaRow = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPelayanan } });
    const dediRow = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.kasiPemerintahan } });
    const budi = await t.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    await dedi.pressData(`e:rate:${budi.id}:2026-TW3`, 1);
    expect(dedi.lastText()).toContain("bukan pejabat penilai");
    await t.db.delegation.create({
      data: {
        fromId: rinaRow.id,
        toId: dediRow.id,
        validFrom: new Date("2026-10-01T00:00:00Z"),
        validTo: new Date("2026-10-09T00:00:00Z"),
        reason: "cuti",
      },
    });
    await dedi.pressData(`e:rate:${budi.id}:2026-TW3`, 1);
    await dedi.press("Sesuai");
    await dedi.press("Di atas");
    await dedi.press("Lanjut");
    await dedi.press("Lewati");
    expect(dedi.lastText()).toContain("Predikat: Baik");
    await dedi.press("Tetapkan");
    const saved = await t.db.evaluation.findUniqueOrThrow({
      where: { personId_periodCode: { personId: budi.id, periodCode: "2026-TW3" } },
    });
    expect(saved).toMatchObject({ raterId: rinaRow.id, ratedById: dediRow.id, predikat: "BAIK" });
  });
});

describe("a large unit's colleagues", () => {
  it("pages the colleagues of /masukan (20 a page)", async () => {
    await rina.say("/masukan");
    const first = rina.last();
    const names = (message: typeof first) =>
      (message?.inlineKeyboard ?? [])
        .flat()
        .filter((b) => "callback_data" in b && String(b.callback_data).startsWith("c:to:"));
    expect(names(first)).toHaveLength(20);
    expect(first?.text).toContain("Halaman 1 dari 2");
    await rina.press("Berikutnya ›");
    expect(names(rina.last())).toHaveLength(6);
  });
});
