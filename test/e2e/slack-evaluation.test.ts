import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type SlackTestUser, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

// Friday 2 October 2026, 10.00 WIB: triwulan III has ended and its rating is open. Dedi rates his team
// (Seksi Pemerintahan, capaian Baik) on Slack; the camat decides objections on Slack; staff are on Telegram.
let t: TelegramTestApp;
let dedi: SlackTestUser;
let camat: SlackTestUser;
let agus: TelegramTestUser;
let nurAini: TelegramTestUser;
let rizky: TelegramTestUser;
const ids: Record<keyof typeof DEMO, string> = {} as Record<keyof typeof DEMO, string>;

const evaluationOf = (key: keyof typeof DEMO) =>
  t.db.evaluation.findUnique({
    where: { personId_periodCode: { personId: ids[key], periodCode: "2026-TW3" } },
  });

const lastModal = () => {
  const opened = t.slack.views.opened.at(-1);
  if (!opened) throw new Error("no modal opened");
  return opened.view;
};

const received = (user: TelegramTestUser, text: string) =>
  t.eventually(async () => user.texts().find((x) => x.includes(text)), `"${text}"`);

/** Opens the board, clicks the person's button and waits for the modal it opens. */
async function openRating(name: string): Promise<void> {
  const before = t.slack.views.opened.length;
  await dedi.command("penilaian");
  await t.eventually(
    async () => dedi.findButton(new RegExp(`^(Nilai|Ubah) ${name}`)),
    `board button ${name}`,
  );
  await dedi.click(new RegExp(`^(Nilai|Ubah) ${name}`));
  await t.eventually(async () => t.slack.views.opened.length > before, "rating modal");
}

async function rateInModal(name: string, values: Record<string, string>, predikat: string): Promise<void> {
  await openRating(name);
  expect((await dedi.submitForm(values)).status).toBe(200);
  await dedi.waitForDm(
    (x) => x.includes(`Ringkasan penilaian ${name}`) && x.includes(`Predikat: ${predikat}`),
    "summary",
  );
  await dedi.click("Tetapkan");
  await dedi.waitForDm((x) => x.includes(`Penilaian ${name}`) && x.includes("ditetapkan"), "saved");
}

beforeAll(async () => {
  t = await TelegramTestApp.start({ now: "2026-10-02T03:00:00Z", slack: true });
  for (const key of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    ids[key] = (await t.db.person.findUniqueOrThrow({ where: { nip: DEMO[key] } })).id;
  }
  const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEM" } });
  await t.db.organisationAchievement.create({
    data: { unitId: unit.id, periodCode: "2026-TW3", result: "BAIK" },
  });
  dedi = t.slackUser("UDEMOKASIPEM");
  camat = t.slackUser("UDEMOCAMAT");
  agus = t.user(9101);
  nurAini = t.user(9102);
  rizky = t.user(9103);
  await agus.linkTo(DEMO.agus);
  await nurAini.linkTo(DEMO.nurAini);
  await rizky.linkTo(DEMO.rizky);
});
afterAll(async () => {
  await t.close();
});

describe("rating on Slack", () => {
  it("/kinerja penilaian shows the board; a person's button opens the rating as a modal with the evidence first", async () => {
    await openRating("Agus Firmansyah");
    const board =
      dedi
        .dm()
        .texts()
        .find((x) => x.includes("Penilaian kinerja Triwulan III 2026")) ?? "";
    expect(board).toContain("Agus Firmansyah — belum dinilai");
    const modal = lastModal();
    expect(modal.callback_id).toBe("kinerja_form");
    expect(modal.notify_on_close).toBe(true);
    const blocks = JSON.stringify(modal.blocks);
    expect(blocks).toContain("Penilaian Agus Firmansyah");
    expect(blocks).toContain("Bot tidak menilai sendiri");
    const radios = modal.blocks.filter(
      (b) => b.type === "input" && JSON.stringify(b).includes("radio_buttons"),
    );
    expect(radios.map((b) => b.block_id)).toEqual(["hasil", "perilaku"]);
  });

  it("a rating below expectations without umpan balik is not saved; Ubah reopens the form with what was chosen", async () => {
    await dedi.submitForm({ hasil: "DI_BAWAH", perilaku: "SESUAI" });
    await dedi.waitForDm((x) => x.includes("Umpan balik wajib diisi"), "feedback required");
    expect(await evaluationOf("agus")).toBeNull();
    const before = t.slack.views.opened.length;
    await dedi.click("Ubah");
    await t.eventually(async () => t.slack.views.opened.length > before, "form again");
    const hasil = lastModal().blocks.find((b) => b.block_id === "hasil") as {
      element: { initial_option?: { value: string } };
    };
    expect(hasil.element.initial_option?.value).toBe("DI_BAWAH");
    await dedi.submitForm({
      hasil: "DI_ATAS",
      perilaku: "DI_ATAS",
      "note-KOMPETEN": "Menguasai analisis kebijakan.",
    });
    await dedi.waitForDm((x) => x.includes("Predikat: Sangat Baik"), "summary");
    await dedi.click("Tetapkan");
    await dedi.waitForDm((x) => x.includes("Penilaian Agus Firmansyah ditetapkan"), "saved");
    expect(await evaluationOf("agus")).toMatchObject({
      predikat: "SANGAT_BAIK",
      behaviourNotes: { KOMPETEN: "Menguasai analisis kebijakan." },
    });
    await received(agus, "Predikat: Sangat Baik");
  });

  it("closing the modal (view_closed) saves nothing", async () => {
    await openRating("Rizky Pratama");
    expect((await dedi.closeModal())?.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await evaluationOf("rizky")).toBeNull();
  });

  it("warns when everyone of a unit with capaian Baik is rated Sangat Baik", async () => {
    await rateInModal("Nur Aini, S.H.", { hasil: "DI_ATAS", perilaku: "DI_ATAS" }, "Sangat Baik");
    await rateInModal("Rizky Pratama", { hasil: "DI_ATAS", perilaku: "DI_ATAS" }, "Sangat Baik");
    const count = dedi.dm().texts().length;
    await dedi.command("penilaian");
    const board = await dedi.waitForDm(
      (x) => x.includes("Penilaian kinerja Triwulan III 2026") && dedi.dm().texts().length > count,
      "board again",
    );
    expect(board).toContain("Sangat Baik 3 · Baik 0");
    expect(board).toContain(
      "⚠ Pola distribusi: perlu sedikitnya 1 orang dengan predikat Butuh Perbaikan atau Kurang/Misconduct.",
    );
    expect(board).toContain("bukan larangan");
  });
});

describe("objections decided on Slack", () => {
  it("the camat changes Agus's result in a modal; both are told", async () => {
    await agus.press("Ajukan keberatan");
    await agus.say("Dua kajian kebijakan saya belum diperhitungkan dalam penilaian ini.");
    await camat.waitForDm((x) => x.includes("Keberatan dari Agus Firmansyah"), "objection on Slack");
    const before = t.slack.views.opened.length;
    await camat.click("Ubah");
    await t.eventually(async () => t.slack.views.opened.length > before, "decision form");
    await camat.submitForm({
      hasil: "DI_ATAS",
      perilaku: "SESUAI",
      reason: "Perilaku sesuai ekspektasi, bukan di atas.",
    });
    await camat.waitForDm((x) => x.includes("hasil Agus Firmansyah diubah menjadi Baik"), "decided");
    expect(await evaluationOf("agus")).toMatchObject({ predikat: "BAIK", status: "FINAL" });
    await received(agus, "predikat Anda kini Baik");
    await dedi.waitForDm(
      (x) => x.includes("Drs. Asep Sunandar, M.Si. mengubah hasil penilaian Agus"),
      "rater told",
    );
  });

  it("the camat keeps Nur Aini's result with a reason given in the reason modal", async () => {
    await nurAini.press("Ajukan keberatan");
    await nurAini.say("Mohon ditinjau kembali catatan perilaku saya pada bulan Agustus.");
    await camat.waitForDm((x) => x.includes("Keberatan dari Nur Aini"), "objection");
    const before = t.slack.views.opened.length;
    await camat.click("Tetapkan");
    await t.eventually(async () => t.slack.views.opened.length > before, "reason modal");
    const input = lastModal().blocks.find((b) => b.type === "input") as { element: { max_length: number } };
    expect(input.element.max_length).toBe(1000);
    await camat.submitReason("Catatan Agustus sudah dipertimbangkan; hasil tetap.");
    await camat.waitForDm((x) => x.includes("hasil Nur Aini, S.H. tetap (Sangat Baik)"), "kept");
    expect(await evaluationOf("nurAini")).toMatchObject({ predikat: "SANGAT_BAIK", status: "FINAL" });
    await received(nurAini, "hasil tetap (Sangat Baik)");
  });
});
