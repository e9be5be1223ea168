/** Texts of colleagues' input (masukan rekan kerja, SPEC section 13), Indonesian: the reference. */
export const colleagueId = {
  noPeriod: "Belum ada periode penilaian yang berjalan untuk unit Anda, jadi masukan belum dapat diberikan.",
  noColleagues: "Belum ada rekan kerja lain di unit Anda.",
  pick: (period: string) =>
    `Masukan rekan kerja untuk ${period}: tanpa nama, sebagai bahan pertimbangan atasan, bukan nilai. Untuk siapa?`,
  pickValue: (name: string) => `Nilai BerAKHLAK mana yang ingin Anda beri masukan untuk ${name}?`,
  askRating: (name: string, value: string) => `Menurut Anda, bagaimana ${value} ${name}?`,
  askNote: "Tulis catatan singkat (opsional, paling banyak 280 karakter), atau tekan Lewati.",
  noteTooLong: "Catatan paling banyak 280 karakter. Silakan tulis lebih singkat.",
  saved: (name: string, value: string) =>
    `Terima kasih. Masukan Anda tentang ${name} (${value}) tersimpan tanpa nama; atasan hanya melihat rangkuman dari sedikitnya 3 rekan.`,
  anotherValue: (name: string) => `Nilai lain untuk ${name}`,
  anotherColleague: "Rekan lain",
  declined:
    "Baik, terima kasih. Anda tetap dapat memberi masukan kapan saja selama periode berjalan dengan /masukan.",
  notColleague: "Maaf, masukan hanya dapat diberikan untuk rekan kerja di unit Anda.",
  formTitle: "Masukan rekan",
  formNote: "Catatan singkat",
  send: "Kirim",
  voicesHeader: (period: string) => `Suara rekan dan warga — ${period}:`,
  colleagueCounts: (names: string[]) => `Masukan rekan (cukup untuk ditampilkan): ${names.join(" · ")}`,
  colleagueCount: (name: string, givers: number) => `${name} (${givers} rekan)`,
  unitIkm: (unit: string, ikm: string, mutu: string, n: number) =>
    `IKM ${unit}: ${ikm} (mutu ${mutu}, ${n} responden)`,
  served: (entries: string[]) => `Dilayani warga (rata-rata 1–4): ${entries.join(" · ")}`,
  servedOne: (name: string, mean: string, n: number) => `${name} ${mean} (${n})`,
  evidenceSurvey: (unit: string, ikm: string | null, mutu: string | null, n: number) =>
    ikm
      ? `Survei warga (SKM): IKM ${unit} ${ikm}, mutu ${mutu} (${n} responden).`
      : `Survei warga (SKM): belum ada jawaban untuk ${unit} dalam periode ini.`,
  evidenceServed: (mean: string, n: number) =>
    `Warga yang dilayani langsung: rata-rata ${mean} dari 4 (${n} responden).`,
  aggregateHeader: (givers: number) =>
    `Masukan rekan kerja (${givers} rekan, tanpa nama; bahan pertimbangan, bukan nilai):`,
  aggregateValue: (value: string, above: number, meets: number, below: number) =>
    `• ${value}: di atas ${above} · sesuai ${meets} · di bawah ${below}`,
  aggregateNote: (note: string) => `   “${note}”`,
  belowThreshold: (min: number) =>
    `Masukan rekan kerja: belum ditampilkan (perlu masukan dari sedikitnya ${min} rekan).`,
};

export type ColleagueMessages = typeof colleagueId;
