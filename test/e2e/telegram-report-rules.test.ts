import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, TelegramTestApp, type TelegramTestUser } from "../support/telegram-app.ts";

/**
 * Every validation rule of /lapor (SPEC sections 5 and 8) driven through the real webhook: the user gets
 * a short message saying what was wrong, the same question again (the dialog did not advance), and
 * nothing is saved.
 */

const NUR_AINI = "199304182020122001";
const RIZKY = "199701012023211007";

// The questions and answers of src/i18n/id.ts, as the user reads them.
const ID = {
  askDate: "Untuk tanggal berapa laporan ini? Pilih di bawah, atau ketik tanggalnya (contoh: 24-11-2026).",
  badDate: "Tanggal tidak terbaca. Contoh yang benar: 24-11-2026.",
  futureDate: "Tanggal itu belum terjadi. Laporkan pekerjaan yang sudah dikerjakan.",
  tooOld: (earliest: string) => `Tanggal itu sudah melewati batas pelaporan. Paling awal: ${earliest}.`,
  askIndicator: "Pekerjaan ini mendukung indikator (IKI) yang mana?",
  useButtons: "Silakan pilih dengan tombol di bawah.",
  askDescription: "Apa yang Anda kerjakan? Tulis singkat dan jelas (3–500 karakter).",
  badDescription:
    "Uraian harus 3 sampai 500 karakter. Contoh: Memverifikasi 12 berkas KTP-el warga Kelurahan Ciroyom.",
  askQuantity: (unit: string) =>
    `Berapa hasilnya (dalam ${unit})? Ketik angka bulat, misalnya 12. Ketik 0 bila tidak ada hasil yang bisa dihitung.`,
  badQuantity: (unit: string) => `Jumlah harus angka bulat 0 atau lebih (dalam ${unit}). Contoh: 12`,
  askTime: "Berapa lama Anda mengerjakannya? Contoh: 90 (menit), 1,5 jam, atau rentang jam 08.00-10.30.",
  badTime: "Waktu tidak terbaca. Contoh: 90, 1,5 jam, atau 08.00-10.30.",
  zeroTime: "Lamanya harus lebih dari 0 menit. Contoh: 90, 1,5 jam, atau 08.00-10.30.",
  rangeReversed: "Jam selesai harus setelah jam mulai. Contoh: 08.00-10.30.",
  rangeInFuture:
    "Rentang jam itu belum selesai. Laporkan setelah pekerjaan selesai, atau tulis jam yang sudah lewat.",
  rangeOverlaps: (range: string) =>
    `Rentang jam itu bertumpuk dengan laporan lain di hari yang sama (${range}). Tulis rentang yang tidak bertumpuk.`,
  overDailyLimit: (claimed: number, limit: number) =>
    `Jumlah menit hari itu akan melebihi batas ${limit} menit (sudah tercatat ${claimed} menit). Tulis waktu yang lebih singkat.`,
  askEvidence: "Lampirkan bukti dukung: kirim foto, dokumen, atau tautan (http/https). Atau tekan Lewati.",
  badEvidence:
    "Bukti harus berupa foto, dokumen, atau tautan yang diawali http:// atau https://. Atau tekan Lewati.",
  fileNotNow: "Berkas bisa dikirim nanti pada langkah bukti dukung. Silakan jawab pertanyaan ini dulu.",
  askWhatToChange: "Bagian mana yang ingin diubah?",
  submitted: (minutes: number, limit: number) =>
    `Terima kasih, laporan terkirim dan menunggu persetujuan atasan.\nTotal hari itu: ${minutes} dari ${limit} menit.`,
  cancelled: "Baik, dibatalkan. Tidak ada yang disimpan.",
  nothingToCancel: "Tidak ada percakapan yang sedang berjalan.",
  unknownInput:
    "Maaf, saya belum paham. Ketik /lapor untuk melapor pekerjaan, atau /bantuan untuk melihat perintah.",
  unknownCommand: "Perintah itu tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.",
  staleButton: "Tombol ini sudah tidak berlaku. Silakan mulai lagi.",
  expired: "Percakapan sebelumnya sudah berakhir. Silakan mulai lagi.",
};

// The same texts from src/i18n/en.ts.
const EN = {
  askDate: "Which date is this report for? Choose below, or type the date (e.g. 24-11-2026).",
  badDate: "I couldn't read that date. Correct example: 24-11-2026.",
  askIndicator: "Which indicator (IKI) does this work serve?",
  askDescription: "What did you do? Write it short and clear (3–500 characters).",
  badDescription:
    "The description must be 3 to 500 characters. Example: Verified 12 e-KTP files for residents of Ciroyom.",
  askQuantity: (unit: string) =>
    `What was the result (in ${unit})? Type a whole number, e.g. 12. Type 0 if there is no countable result.`,
  badQuantity: (unit: string) => `The amount must be a whole number, 0 or more (in ${unit}). Example: 12`,
  askTime: "How long did you work on it? Example: 90 (minutes), 1.5 hours, or a time range 08.00-10.30.",
  badTime: "I couldn't read that time. Example: 90, 1.5 hours, or 08.00-10.30.",
  askEvidence: "Attach supporting evidence: send a photo, a document, or a link (http/https). Or tap Skip.",
  badEvidence:
    "Evidence must be a photo, a document, or a link starting with http:// or https://. Or tap Skip.",
  useButtons: "Please choose using the buttons below.",
};

/** A text of exactly `length` characters that does not start or end with a space. */
const textOfLength = (length: number) =>
  `${"Menyusun notulen rapat koordinasi kewilayahan Kecamatan Andir. ".repeat(10).slice(0, length - 1)}.`;

interface Dialog {
  step: string;
  data: Record<string, unknown>;
}

/** The user's unfinished dialog as stored ("r:date", …), or null when there is none (ended or expired). */
async function dialogOf(t: TelegramTestApp, user: TelegramTestUser): Promise<Dialog | null> {
  const row = await t.db.conversationState.findUnique({
    where: { platform_externalId: { platform: "TELEGRAM", externalId: String(user.userId) } },
  });
  if (!row || row.flow === "" || row.expiresAt <= t.clock.now) return null;
  // The question token changes with every question asked; it is not an answer.
  const { question: _question, ...data } = row.data as Record<string, unknown>;
  return { step: `${row.flow}:${row.step}`, data };
}

const activitiesOf = (t: TelegramTestApp, nip: string) => t.db.activity.count({ where: { person: { nip } } });

/** Runs one user action and returns the texts of the messages the bot sent in answer, in order. */
async function turn(user: TelegramTestUser, act: () => Promise<number>): Promise<string[]> {
  const before = user.chat().messages.length;
  expect(await act()).toBe(200);
  return user
    .chat()
    .messages.slice(before)
    .map((m) => m.text ?? "");
}

/**
 * Sends a wrong answer and checks the whole contract of SPEC section 8: exactly the error, then the same
 * question again (with its buttons), the stored dialog unchanged (same step, same answers), nothing saved.
 */
async function expectRefused(
  t: TelegramTestApp,
  user: TelegramTestUser,
  nip: string,
  input: string | (() => Promise<number>),
  error: string,
  question: string,
): Promise<void> {
  const dialog = await dialogOf(t, user);
  expect(dialog, "a dialog is running before the wrong answer").not.toBeNull();
  const saved = await activitiesOf(t, nip);
  const replies = await turn(user, typeof input === "string" ? () => user.say(input) : input);
  expect(replies).toEqual([error, question]);
  expect(user.chat().messages.at(-2)?.inlineKeyboard).toEqual([]);
  expect(user.last()?.inlineKeyboard.length).toBeGreaterThan(0);
  expect(await dialogOf(t, user)).toEqual(dialog);
  expect(await activitiesOf(t, nip)).toBe(saved);
}

async function expectStep(t: TelegramTestApp, user: TelegramTestUser, step: string | null): Promise<void> {
  expect((await dialogOf(t, user))?.step ?? null).toBe(step);
}

function lastCallbackAnswer(t: TelegramTestApp): { text?: string } | undefined {
  return t.botApi.callsTo("answerCallbackQuery").at(-1)?.payload as { text?: string } | undefined;
}

describe("/lapor rules on Tuesday 24 Nov 2026, 10.00 WIB (a working day)", () => {
  let t: TelegramTestApp;
  let siti: TelegramTestUser;
  let budi: TelegramTestUser;
  let dewi: TelegramTestUser;
  let agus: TelegramTestUser;
  let nur: TelegramTestUser;
  let rizky: TelegramTestUser;

  beforeAll(async () => {
    t = await TelegramTestApp.start({ now: "2026-11-24T03:00:00Z" });
    siti = t.user(7101);
    budi = t.user(7102);
    dewi = t.user(7103);
    agus = t.user(7104);
    nur = t.user(7105);
    rizky = t.user(7106);
    await siti.linkTo(DEMO.siti);
    await budi.linkTo(DEMO.budi);
    await dewi.linkTo(DEMO.dewi);
    await agus.linkTo(DEMO.agus);
    await nur.linkTo(NUR_AINI);
    await rizky.linkTo(RIZKY);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("date", () => {
    it("accepts a typed date and 'kemarin'", async () => {
      expect(await turn(siti, () => siti.say("/lapor"))).toEqual([ID.askDate]);
      expect(siti.findButton("Hari ini (24 Nov)")).toBeDefined();
      expect(siti.findButton("Kemarin (23 Nov)")).toBeDefined();
      await expectStep(t, siti, "r:date");

      expect(await turn(siti, () => siti.say("24-11-2026"))).toEqual([ID.askIndicator]);
      expect((await dialogOf(t, siti))?.step).toBe("r:iki");
      expect((await dialogOf(t, siti))?.data.date).toBe("2026-11-24");

      await siti.say("/lapor");
      expect(await turn(siti, () => siti.say("kemarin"))).toEqual([ID.askIndicator]);
      expect((await dialogOf(t, siti))?.data.date).toBe("2026-11-23");
      expect(await activitiesOf(t, DEMO.siti)).toBe(0);
    });

    it("refuses an unreadable date and a future date, and asks again", async () => {
      await siti.say("/lapor");
      await expectRefused(t, siti, DEMO.siti, "besok pagi", ID.badDate, ID.askDate);
      await expectRefused(t, siti, DEMO.siti, "31-02-2026", ID.badDate, ID.askDate);
      await expectRefused(t, siti, DEMO.siti, "25-11-2026", ID.futureDate, ID.askDate);
      await expectRefused(t, siti, DEMO.siti, "besok", ID.futureDate, ID.askDate);
      // A typo in the year is an unreadable date, not a system error.
      await expectRefused(t, siti, DEMO.siti, "24-11-0026", ID.badDate, ID.askDate);
      // Button data is input too: a date button that never was (forged or garbled, but carrying the
      // current question's token) is refused politely.
      const forge = (date: string) => {
        const today = siti.findButton("Hari ini (24 Nov)")!;
        return () => siti.pressData(today.data.replace(/date:.*$/, `date:${date}`), today.messageId);
      };
      await expectRefused(t, siti, DEMO.siti, forge("2026-02-30"), ID.badDate, ID.askDate);
      await expectRefused(t, siti, DEMO.siti, forge("x"), ID.badDate, ID.askDate);
      // The re-asked question still offers today and yesterday.
      expect(siti.findButton("Hari ini (24 Nov)")?.messageId).toBe(siti.last()?.messageId);
      await siti.say("/batal");
    });
  });

  describe("indicator, description and quantity", () => {
    it("re-asks the indicator with its buttons when text is typed", async () => {
      await budi.say("/lapor");
      await budi.press("Hari ini (24 Nov)");
      expect(budi.lastText()).toBe(ID.askIndicator);
      await expectRefused(t, budi, DEMO.budi, "IKI-1.1", ID.useButtons, ID.askIndicator);
      const last = budi.last()!.messageId;
      expect(budi.findButton(/^IKI-1\.1 Data penduduk/)?.messageId).toBe(last);
      expect(budi.findButton(/^IKI-2\.1 Pengaduan warga/)?.messageId).toBe(last);
      expect(budi.findButton("Tugas lain")?.messageId).toBe(last);
    });

    it("'Tugas lain' gives the unit 'kegiatan'; the description must be 3–500 characters", async () => {
      expect(await turn(budi, () => budi.press("Tugas lain"))).toEqual([ID.askDescription]);
      await expectRefused(t, budi, DEMO.budi, "ab", ID.badDescription, ID.askDescription);
      await expectRefused(t, budi, DEMO.budi, "   ab   ", ID.badDescription, ID.askDescription);
      await expectRefused(t, budi, DEMO.budi, textOfLength(501), ID.badDescription, ID.askDescription);
      expect(await turn(budi, () => budi.say("abc"))).toEqual([ID.askQuantity("kegiatan")]);
      expect((await dialogOf(t, budi))?.data).toMatchObject({ ikiId: null, description: "abc" });
    });

    it("takes only whole numbers ≥ 0 as quantity", async () => {
      for (const wrong of ["abc", "1.5", "-1", "1,5", "12 berkas"]) {
        await expectRefused(
          t,
          budi,
          DEMO.budi,
          wrong,
          ID.badQuantity("kegiatan"),
          ID.askQuantity("kegiatan"),
        );
      }
      expect(await turn(budi, () => budi.say("0"))).toEqual([ID.askTime]);
      expect((await dialogOf(t, budi))?.data.quantity).toBe(0);
    });

    it("accepts '1.5 jam', skips evidence and shows the summary; 500 characters are accepted", async () => {
      expect(await turn(budi, () => budi.say("1.5 jam"))).toEqual([ID.askEvidence]);
      expect(await turn(budi, () => budi.press("Lewati"))).toEqual([
        [
          "Ringkasan laporan:",
          "• Tanggal: Selasa, 24 Nov 2026",
          "• Indikator: Tugas lain",
          "• Uraian: abc",
          "• Hasil: 0 kegiatan",
          "• Waktu: 90 menit",
          "• Bukti: tanpa bukti",
          "",
          "Kirim laporan ini ke atasan?",
        ].join("\n"),
      ]);
      await budi.press("Ubah");
      expect(budi.lastText()).toBe(ID.askWhatToChange);
      expect(await turn(budi, () => budi.press("Uraian"))).toEqual([ID.askDescription]);
      const longest = textOfLength(500);
      const summary = await turn(budi, () => budi.say(longest));
      expect(summary).toHaveLength(1);
      expect(summary[0]).toContain(`• Uraian: ${longest}\n`);
      expect(summary[0]).toContain("• Hasil: 0 kegiatan");
      expect(await activitiesOf(t, DEMO.budi)).toBe(0);

      expect(await turn(budi, () => budi.press("Kirim"))).toEqual([ID.submitted(90, 450)]);
      const saved = await t.db.activity.findFirstOrThrow({
        where: { person: { nip: DEMO.budi } },
        include: { evidence: true },
      });
      expect(saved).toMatchObject({
        ikiId: null,
        unitLabel: "kegiatan",
        description: longest,
        quantity: 0,
        minutes: 90,
        startMinute: null,
        endMinute: null,
        onNonWorkingDay: false,
        status: "DIAJUKAN",
        evidence: [],
      });
      await expectStep(t, budi, null);
    });

    it("uses the indicator's unit in the quantity question and answer", async () => {
      await budi.say("/lapor");
      await budi.press("Hari ini (24 Nov)");
      await budi.press(/^IKI-1\.1 Data penduduk/);
      expect(await turn(budi, () => budi.say("Memutakhirkan data penduduk RW 03"))).toEqual([
        ID.askQuantity("data"),
      ]);
      await expectRefused(t, budi, DEMO.budi, "sepuluh", ID.badQuantity("data"), ID.askQuantity("data"));
      await budi.say("/batal");
    });
  });

  describe("time spent", () => {
    it("refuses unreadable, zero, reversed and future ranges; accepts '1,5 jam'", async () => {
      await dewi.say("/lapor");
      await dewi.press("Hari ini (24 Nov)");
      await dewi.press(/^IKI-1\.1 Warga yang dilayani/);
      await dewi.say("Melayani warga di loket pelayanan terpadu");
      expect(await turn(dewi, () => dewi.say("25"))).toEqual([ID.askTime]);

      await expectRefused(t, dewi, DEMO.dewi, "sebentar", ID.badTime, ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "0", ID.zeroTime, ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "0 jam", ID.zeroTime, ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "10.30-08.00", ID.rangeReversed, ID.askTime);
      // 10.00 WIB now: a range ending at 11.00 has not finished yet.
      await expectRefused(t, dewi, DEMO.dewi, "09.00-11.00", ID.rangeInFuture, ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "09.30-10.01", ID.rangeInFuture, ID.askTime);

      expect(await turn(dewi, () => dewi.say("1,5 jam"))).toEqual([ID.askEvidence]);
      expect((await dialogOf(t, dewi))?.data).toMatchObject({ minutes: 90 });
      expect((await dialogOf(t, dewi))?.data.startMinute).toBeUndefined();
    });

    it("changes the time to a clock range from the summary and submits", async () => {
      await dewi.press("Lewati");
      expect(dewi.lastText()).toContain("• Waktu: 90 menit\n");
      await dewi.press("Ubah");
      expect(await turn(dewi, () => dewi.press("Waktu"))).toEqual([ID.askTime]);
      const summary = await turn(dewi, () => dewi.say("08:00-09:30"));
      expect(summary).toHaveLength(1);
      expect(summary[0]).toContain("• Waktu: 90 menit (08.00–09.30)");
      expect(await turn(dewi, () => dewi.press("Kirim"))).toEqual([ID.submitted(90, 450)]);
      expect(await activitiesOf(t, DEMO.dewi)).toBe(1);
    });

    it("refuses a range overlapping an earlier report of the day, and a day over 450 minutes", async () => {
      await dewi.press("Lapor lagi");
      expect(dewi.lastText()).toBe(ID.askDate);
      await dewi.press("Hari ini (24 Nov)");
      await dewi.press(/^IKI-1\.2 Survei/);
      await dewi.say("Mengumpulkan survei kepuasan layanan");
      await dewi.say("8");
      await expectRefused(t, dewi, DEMO.dewi, "09.00-09.45", ID.rangeOverlaps("08.00–09.30"), ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "07.30-08.01", ID.rangeOverlaps("08.00–09.30"), ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "400", ID.overDailyLimit(90, 450), ID.askTime);
      await expectRefused(t, dewi, DEMO.dewi, "6 jam 1 menit", ID.overDailyLimit(90, 450), ID.askTime);
      // Touching ranges do not overlap.
      expect(await turn(dewi, () => dewi.say("09.30-10.00"))).toEqual([ID.askEvidence]);
      await dewi.press("Lewati");
      expect(await turn(dewi, () => dewi.press("Kirim"))).toEqual([ID.submitted(120, 450)]);
    });

    it("adds several activities of a day up to exactly the limit, then refuses one more minute", async () => {
      await dewi.press("Lapor lagi");
      await dewi.press("Hari ini (24 Nov)");
      await dewi.press(/^IKI-1\.1 Warga yang dilayani/);
      await dewi.say("Melayani warga secara daring");
      await dewi.say("40");
      expect(await turn(dewi, () => dewi.say("90"))).toEqual([ID.askEvidence]);
      await dewi.press("Lewati");
      expect(await turn(dewi, () => dewi.press("Kirim"))).toEqual([ID.submitted(210, 450)]);

      await dewi.press("Lapor lagi");
      await dewi.press("Hari ini (24 Nov)");
      await dewi.press("Tugas lain");
      await dewi.say("Rapat internal seksi");
      await dewi.say("1");
      await dewi.say("240");
      await dewi.press("Lewati");
      expect(await turn(dewi, () => dewi.press("Kirim"))).toEqual([ID.submitted(450, 450)]);

      await dewi.press("Lapor lagi");
      await dewi.press("Hari ini (24 Nov)");
      await dewi.press("Tugas lain");
      await dewi.say("Merapikan arsip");
      await dewi.say("1");
      await expectRefused(t, dewi, DEMO.dewi, "1", ID.overDailyLimit(450, 450), ID.askTime);
      await dewi.say("/batal");

      expect(await activitiesOf(t, DEMO.dewi)).toBe(4);
      await dewi.say("/hari_ini");
      expect(dewi.lastText()).toContain("Total: 450 dari 450 menit.");
    });
  });

  describe("evidence, summary and cancelling", () => {
    it("refuses a file before the evidence step", async () => {
      await agus.say("/lapor");
      await agus.press("Hari ini (24 Nov)");
      await agus.press(/^IKI-1\.1 Kajian kebijakan/);
      t.botApi.registerFile("photo-early", Buffer.from("jpeg"), "image/jpeg");
      await expectRefused(
        t,
        agus,
        DEMO.agus,
        () => agus.sendPhoto("photo-early"),
        ID.fileNotNow,
        ID.askDescription,
      );
    });

    it("takes only http(s) links as evidence", async () => {
      await agus.say("Menyusun kajian tata kelola pasar");
      expect(await turn(agus, () => agus.say("1"))).toEqual([ID.askTime]);
      expect(await turn(agus, () => agus.say("08:00-08:45"))).toEqual([ID.askEvidence]);
      await expectRefused(t, agus, DEMO.agus, "ftp://x", ID.badEvidence, ID.askEvidence);
      await expectRefused(t, agus, DEMO.agus, "bukan link", ID.badEvidence, ID.askEvidence);
      await expectRefused(t, agus, DEMO.agus, "javascript:alert(1)", ID.badEvidence, ID.askEvidence);
      expect(agus.findButton("Lewati")?.messageId).toBe(agus.last()?.messageId);
      const summary = await turn(agus, () => agus.say("https://drive.example.com/x"));
      expect(summary).toHaveLength(1);
      expect(summary[0]).toContain("• Indikator: IKI-1.1 Kajian kebijakan yang disusun\n");
      expect(summary[0]).toContain("• Hasil: 1 kajian\n");
      expect(summary[0]).toContain("• Waktu: 45 menit (08.00–08.45)\n");
      expect(summary[0]).toContain("• Bukti: https://drive.example.com/x\n");
    });

    it("'Ubah' changes the evidence to a document and the quantity, then returns to the summary", async () => {
      await agus.press("Ubah");
      expect(await turn(agus, () => agus.press("Bukti"))).toEqual([ID.askEvidence]);
      const withDocument = await turn(agus, () => agus.sendDocument("doc-kajian", "kajian-pasar.pdf"));
      expect(withDocument).toHaveLength(1);
      expect(withDocument[0]).toContain("• Bukti: dokumen kajian-pasar.pdf\n");
      expect(withDocument[0]).toContain("• Hasil: 1 kajian\n");

      await agus.press("Ubah");
      expect(await turn(agus, () => agus.press("Jumlah"))).toEqual([ID.askQuantity("kajian")]);
      await expectRefused(t, agus, DEMO.agus, "2,0", ID.badQuantity("kajian"), ID.askQuantity("kajian"));
      const summary = await turn(agus, () => agus.say("3"));
      expect(summary).toHaveLength(1);
      expect(summary[0]).toMatch(/^Ringkasan laporan:/);
      expect(summary[0]).toContain("• Hasil: 3 kajian\n");
      // Everything else is as before.
      expect(summary[0]).toContain("• Uraian: Menyusun kajian tata kelola pasar\n");
      expect(summary[0]).toContain("• Waktu: 45 menit (08.00–08.45)\n");
      expect(summary[0]).toContain("• Bukti: dokumen kajian-pasar.pdf\n");
      await expectStep(t, agus, "r:summary");
      expect(await activitiesOf(t, DEMO.agus)).toBe(0);
    });

    it("'Batal' on the summary saves nothing and ends the dialog", async () => {
      expect(await turn(agus, () => agus.press("Batal"))).toEqual([ID.cancelled]);
      await expectStep(t, agus, null);
      expect(await activitiesOf(t, DEMO.agus)).toBe(0);
      expect(await turn(agus, () => agus.say("3"))).toEqual([ID.unknownInput]);
      expect(agus.findButton("Laporkan pekerjaan hari ini")?.messageId).toBe(agus.last()?.messageId);
    });

    it("stores a document as evidence", async () => {
      await agus.say("/lapor");
      await agus.press("Hari ini (24 Nov)");
      await agus.press(/^IKI-1\.2 Notulen/);
      await agus.say("Menyusun notulen rapat minggon");
      await agus.say("1");
      await agus.say("08.00-08.45");
      const summary = await turn(agus, () => agus.sendDocument("doc-notulen", "notulen.pdf"));
      expect(summary[0]).toContain("• Bukti: dokumen notulen.pdf\n");
      expect(await turn(agus, () => agus.press("Kirim"))).toEqual([ID.submitted(45, 450)]);
      const saved = await t.db.activity.findFirstOrThrow({
        where: { person: { nip: DEMO.agus } },
        include: { evidence: true },
      });
      expect(saved.evidence).toMatchObject([
        {
          kind: "DOCUMENT",
          platform: "TELEGRAM",
          fileId: "doc-notulen",
          fileName: "notulen.pdf",
          mimeType: "application/pdf",
          sizeBytes: 2048,
          url: null,
        },
      ]);
    });

    it("stores a link as evidence; several activities of a day add up", async () => {
      await siti.say("/lapor");
      await siti.press("Hari ini (24 Nov)");
      await siti.press(/^IKI-1\.1/);
      await siti.say("Memverifikasi berkas KTP-el warga Kelurahan Ciroyom");
      await siti.say("12");
      await siti.say("08.00-09.30");
      await siti.press("Lewati");
      expect(await turn(siti, () => siti.press("Kirim"))).toEqual([ID.submitted(90, 450)]);

      await siti.press("Lapor lagi");
      await siti.press("Hari ini (24 Nov)");
      await siti.press(/^IKI-1\.2/);
      await siti.say("Melayani warga di loket");
      expect(await turn(siti, () => siti.say("15"))).toEqual([ID.askTime]);
      await siti.say("60");
      await siti.say("  https://drive.example.com/loket  ");
      expect(siti.lastText()).toContain("• Bukti: https://drive.example.com/loket\n");
      expect(await turn(siti, () => siti.press("Kirim"))).toEqual([ID.submitted(150, 450)]);
      const link = await t.db.evidence.findFirstOrThrow({
        where: { activity: { person: { nip: DEMO.siti }, minutes: 60 } },
      });
      expect(link).toMatchObject({ kind: "LINK", url: "https://drive.example.com/loket", fileId: null });
      expect(await activitiesOf(t, DEMO.siti)).toBe(2);
      await siti.say("/hari_ini");
      expect(siti.lastText()).toContain("Total: 150 dari 450 menit.");
    });
  });

  describe("commands and buttons in the middle of the dialog", () => {
    it("an old button after the dialog moved on is refused with a callback answer", async () => {
      await nur.say("/lapor");
      const dateQuestion = nur.last()!;
      const yesterday = nur.findButton("Kemarin (23 Nov)")!;
      await nur.press("Hari ini (24 Nov)");
      await expectStep(t, nur, "r:iki");
      const dialog = await dialogOf(t, nur);

      const replies = await turn(nur, () => nur.pressData(yesterday.data, dateQuestion.messageId));
      expect(replies).toEqual([]);
      expect(lastCallbackAnswer(t)).toMatchObject({ text: ID.staleButton });
      expect(await dialogOf(t, nur)).toEqual(dialog);
    });

    it("an unknown command gets its answer and the dialog goes on", async () => {
      const dialog = await dialogOf(t, nur);
      expect(await turn(nur, () => nur.say("/halo"))).toEqual([ID.unknownCommand]);
      expect(await dialogOf(t, nur)).toEqual(dialog);
      expect(await turn(nur, () => nur.press(/^IKI-1\.1 Berkas pertanahan/))).toEqual([ID.askDescription]);
    });

    it("/batal ends the dialog; nothing is saved; old buttons and text find no dialog", async () => {
      await nur.say("Memverifikasi berkas pertanahan");
      expect(nur.lastText()).toBe(ID.askQuantity("berkas"));
      expect(await turn(nur, () => nur.say("/batal"))).toEqual([ID.cancelled]);
      await expectStep(t, nur, null);
      expect(await activitiesOf(t, NUR_AINI)).toBe(0);

      const oldIndicator = nur.findButton(/^IKI-2\.1/)!;
      expect(await turn(nur, () => nur.pressData(oldIndicator.data, oldIndicator.messageId))).toEqual([]);
      expect(lastCallbackAnswer(t)).toMatchObject({ text: ID.staleButton });
      expect(await turn(nur, () => nur.say("5"))).toEqual([ID.unknownInput]);
      expect(await turn(nur, () => nur.say("/batal"))).toEqual([ID.nothingToCancel]);
      expect(await activitiesOf(t, NUR_AINI)).toBe(0);
    });
  });

  describe("in English", () => {
    it("asks the /lapor questions and answers errors in English after choosing English", async () => {
      expect(await turn(rizky, () => rizky.say("/bahasa"))).toEqual(["Pilih bahasa:"]);
      expect(await turn(rizky, () => rizky.press("English"))).toEqual(["Language changed to English."]);

      expect(await turn(rizky, () => rizky.say("/lapor"))).toEqual([EN.askDate]);
      expect(rizky.findButton("Cancel")).toBeDefined();
      await expectRefused(t, rizky, RIZKY, "besok pagi", EN.badDate, EN.askDate);
      expect(await turn(rizky, () => rizky.press("Today (24 Nov)"))).toEqual([EN.askIndicator]);
      await expectRefused(t, rizky, RIZKY, "IKI-1.1", EN.useButtons, EN.askIndicator);
      expect(rizky.findButton(/^IKI-1\.1 Permintaan dukungan TI/)).toBeDefined();
      expect(await turn(rizky, () => rizky.press("Other task"))).toEqual([EN.askDescription]);
      await expectRefused(t, rizky, RIZKY, "ok", EN.badDescription, EN.askDescription);
      await rizky.say("Set up the projector for the sub-district meeting");
      expect(rizky.lastText()).toBe(EN.askQuantity("activities"));
      await expectRefused(t, rizky, RIZKY, "1.5", EN.badQuantity("activities"), EN.askQuantity("activities"));
      await rizky.say("1");
      await expectRefused(t, rizky, RIZKY, "a while", EN.badTime, EN.askTime);
      expect(await turn(rizky, () => rizky.say("1.5 hours"))).toEqual([EN.askEvidence]);
      await expectRefused(t, rizky, RIZKY, "not a link", EN.badEvidence, EN.askEvidence);
      await rizky.press("Skip");
      expect(rizky.lastText()).toContain("Report summary:\n• Date: Tuesday, 24 Nov 2026\n");
      expect(rizky.lastText()).toContain("• Indicator: Other task\n");
      expect(rizky.lastText()).toContain("• Result: 1 activities\n");
      expect(rizky.lastText()).toContain("• Time: 90 min\n");
      expect(rizky.lastText()).toContain("• Evidence: no evidence\n");
      expect(await turn(rizky, () => rizky.press("Send"))).toEqual([
        "Thank you, your report has been sent and is awaiting your supervisor's approval.\nTotal for that day: 90 of 450 minutes.",
      ]);
      // What is stored (and shown to the supervisor, exported to e-Kinerja) does not depend on the
      // language the employee chose: "tugas lain" is counted in "kegiatan".
      const saved = await t.db.activity.findFirstOrThrow({ where: { person: { nip: RIZKY } } });
      expect(saved).toMatchObject({ ikiId: null, unitLabel: "kegiatan", quantity: 1, minutes: 90 });
    });

    it("cancels in English", async () => {
      await rizky.say("/lapor");
      expect(await turn(rizky, () => rizky.press("Cancel"))).toEqual(["OK, cancelled. Nothing was saved."]);
      await expectStep(t, rizky, null);
      expect(await turn(rizky, () => rizky.say("/batal"))).toEqual(["There is no conversation in progress."]);
      expect(await activitiesOf(t, RIZKY)).toBe(1);
    });

    it("goes back to Indonesian with /bahasa id", async () => {
      expect(await turn(rizky, () => rizky.say("/bahasa id"))).toEqual([
        "Bahasa diganti ke Bahasa Indonesia.",
      ]);
      expect(await turn(rizky, () => rizky.say("/lapor"))).toEqual([ID.askDate]);
      await rizky.say("/batal");
    });
  });
});

describe("/lapor back-dating on Monday 30 Nov 2026, 10.00 WIB (limit: 2 working days)", () => {
  let t: TelegramTestApp;
  let siti: TelegramTestUser;
  let budi: TelegramTestUser;
  let agus: TelegramTestUser;
  const monday = "2026-11-30T03:00:00Z";

  beforeAll(async () => {
    t = await TelegramTestApp.start({ now: monday });
    siti = t.user(7201);
    budi = t.user(7202);
    agus = t.user(7203);
    await siti.linkTo(DEMO.siti);
    await budi.linkTo(DEMO.budi);
    await agus.linkTo(DEMO.agus);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("allows Thursday to Sunday and refuses Wednesday, naming the earliest date", async () => {
    t.clock.set(monday);
    for (const [typed, date] of [
      ["26-11-2026", "2026-11-26"],
      ["27/11/2026", "2026-11-27"],
      ["2026-11-28", "2026-11-28"],
      ["29-11", "2026-11-29"],
      ["kemarin", "2026-11-29"],
      ["hari ini", "2026-11-30"],
    ] as const) {
      await siti.say("/lapor");
      expect(await turn(siti, () => siti.say(typed)), typed).toEqual([ID.askIndicator]);
      expect((await dialogOf(t, siti))?.data.date).toBe(date);
    }
    await siti.say("/lapor");
    const tooOld = ID.tooOld("Kamis, 26 Nov 2026");
    await expectRefused(t, siti, DEMO.siti, "25-11-2026", tooOld, ID.askDate);
    await expectRefused(t, siti, DEMO.siti, "01-11-2026", tooOld, ID.askDate);
    await expectRefused(t, siti, DEMO.siti, "01-12-2026", ID.futureDate, ID.askDate);
    expect(await activitiesOf(t, DEMO.siti)).toBe(0);
  });

  it("allows work on a weekend day, notes it in the summary and stores it as such", async () => {
    t.clock.set(monday);
    await siti.say("29-11-2026");
    await siti.press(/^IKI-1\.2/);
    await siti.say("Melayani warga pada kegiatan pelayanan keliling hari Minggu");
    await siti.say("30");
    await siti.say("08.00-11.00");
    const summary = await turn(siti, () => siti.press("Lewati"));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain("• Tanggal: Minggu, 29 Nov 2026 (bukan hari kerja unit)\n");
    expect(await turn(siti, () => siti.press("Kirim"))).toEqual([ID.submitted(180, 450)]);
    const saved = await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.siti } } });
    expect(saved.date.toISOString().slice(0, 10)).toBe("2026-11-29");
    expect(saved).toMatchObject({ onNonWorkingDay: true, minutes: 180, startMinute: 480, endMinute: 660 });
  });

  it("applies the daily limit and the overlap rule on a non-working day too", async () => {
    t.clock.set(monday);
    await siti.press("Lapor lagi");
    await siti.say("29-11-2026");
    await siti.press("Tugas lain");
    await siti.say("Menyiapkan tenda pelayanan keliling");
    await siti.say("1");
    await expectRefused(t, siti, DEMO.siti, "300", ID.overDailyLimit(180, 450), ID.askTime);
    await expectRefused(t, siti, DEMO.siti, "10.00-12.00", ID.rangeOverlaps("08.00–11.00"), ID.askTime);
    // A range on a past day may end later than the clock's time today.
    expect(await turn(siti, () => siti.say("13.00-14.00"))).toEqual([ID.askEvidence]);
    await siti.say("/batal");
  });

  it("shows no note for a working day, and stores it as a working day", async () => {
    t.clock.set(monday);
    await budi.say("/lapor");
    await budi.say("26-11-2026");
    await budi.press(/^IKI-2\.1/);
    await budi.say("Menanggapi pengaduan warga lewat WhatsApp");
    await budi.say("4");
    await budi.say("60");
    const summary = await turn(budi, () => budi.press("Lewati"));
    expect(summary[0]).toContain("• Tanggal: Kamis, 26 Nov 2026\n");
    expect(summary[0]).toContain("• Hasil: 4 pengaduan\n");
    expect(await turn(budi, () => budi.press("Kirim"))).toEqual([ID.submitted(60, 450)]);
    expect(await t.db.activity.findFirstOrThrow({ where: { person: { nip: DEMO.budi } } })).toMatchObject({
      onNonWorkingDay: false,
    });
  });

  it("checks the date again on Kirim: a date that fell past the limit asks for the date again", async () => {
    t.clock.set(monday);
    await budi.say("/lapor");
    await budi.say("26-11-2026");
    await budi.press(/^IKI-1\.1/);
    await budi.say("Memutakhirkan data penduduk pindah datang");
    await budi.say("20");
    await budi.say("09.00-10.00");
    await budi.press("Lewati");
    await expectStep(t, budi, "r:summary");
    // Tuesday 1 Dec, 09.30 WIB: the earliest date is now Friday 27 Nov.
    t.clock.set("2026-12-01T02:30:00Z");
    expect(await turn(budi, () => budi.press("Kirim"))).toEqual([
      ID.tooOld("Jumat, 27 Nov 2026"),
      ID.askDate,
    ]);
    await expectStep(t, budi, "r:date");
    expect(await activitiesOf(t, DEMO.budi)).toBe(1);
    // The other answers are kept: a new date leads straight back to the summary.
    const summary = await turn(budi, () => budi.say("27-11-2026"));
    expect(summary[0]).toContain("• Tanggal: Jumat, 27 Nov 2026\n");
    expect(summary[0]).toContain("• Waktu: 60 menit (09.00–10.00)\n");
    expect(await turn(budi, () => budi.press("Kirim"))).toEqual([ID.submitted(60, 450)]);
    expect(await activitiesOf(t, DEMO.budi)).toBe(2);
  });

  it("24 hours of silence end the dialog", async () => {
    t.clock.set("2026-12-01T02:30:00Z");
    await agus.say("/lapor");
    await expectStep(t, agus, "r:date");
    const oldYesterday = agus.findButton("Kemarin (30 Nov)")!;
    // 23 hours later the dialog is still there.
    t.clock.set("2026-12-02T01:30:00Z");
    expect(await turn(agus, () => agus.say("kemarin"))).toEqual([ID.askIndicator]);
    expect((await dialogOf(t, agus))?.data.date).toBe("2026-12-01");
    const indicatorButton = agus.findButton(/^IKI-1\.1/)!;
    // 25 hours after the last answer it is over: the first answer is told so, later ones get the usual help.
    t.clock.set("2026-12-03T02:30:00Z");
    await expectStep(t, agus, null);
    expect(await turn(agus, () => agus.say("Menyusun kajian"))).toEqual([ID.expired]);
    expect(await turn(agus, () => agus.say("Menyusun kajian"))).toEqual([ID.unknownInput]);
    expect(await turn(agus, () => agus.pressData(indicatorButton.data, indicatorButton.messageId))).toEqual(
      [],
    );
    expect(lastCallbackAnswer(t)).toMatchObject({ text: ID.staleButton });
    expect(await activitiesOf(t, DEMO.agus)).toBe(0);
    // A new /lapor starts afresh.
    expect(await turn(agus, () => agus.say("/lapor"))).toEqual([ID.askDate]);
    expect((await dialogOf(t, agus))?.data).toEqual({ offered: [] });
    // A button of Tuesday's question is stale now; a date from that time is checked against today's limit.
    expect(await turn(agus, () => agus.pressData(oldYesterday.data, oldYesterday.messageId))).toEqual([]);
    expect(lastCallbackAnswer(t)).toMatchObject({ text: ID.staleButton });
    const current = agus.findButton(/^Kemarin/)!;
    await expectRefused(
      t,
      agus,
      DEMO.agus,
      () => agus.pressData(current.data.replace(/date:.*$/, "date:2026-11-30"), current.messageId),
      ID.tooOld("Selasa, 1 Des 2026"),
      ID.askDate,
    );
    expect(await activitiesOf(t, DEMO.agus)).toBe(0);
  });
});
