/** Texts of the monthly recognition (penghargaan bulanan, SPEC section 14), Indonesian: the reference. */
export const recognitionId = {
  header: (month: string, unit: string) => `🏅 Penghargaan bulanan — ${month}, ${unit}`,
  intro:
    "Usulan dari data bulan lalu, sebagai bahan Anda memilih pegawai yang layak diberi penghargaan. Ini bukan penilaian kinerja dan bukan predikat.",
  candidate: (rank: number, name: string, score: string) => `${rank}. ${name} — skor ${score} dari 100`,
  capaian: (percent: string) => `   • capaian output disetujui ${percent}% dari target bulanan`,
  noSkp: "   • capaian output: belum ada SKP tahun ini",
  days: (reported: number, working: number) => `   • melapor ${reported} dari ${working} hari kerja`,
  clean: (clean: number, approved: number) => `   • ${clean} dari ${approved} laporan disetujui tanpa revisi`,
  kudos: (n: number) => `   • ${n} apresiasi dari rekan`,
  served: (mean: string, n: number) => `   • dilayani warga: rata-rata ${mean} dari 4 (${n} penilaian)`,
  weights: (capaian: number, days: number, clean: number, kudos: number, served: number) =>
    `Skor: capaian ${capaian}%, hari melapor ${days}%, tanpa revisi ${clean}%, apresiasi ${kudos}%, layanan warga ${served}% (bila ada).`,
  howTo: "Tandai satu orang atau lebih lalu tekan Lanjut, atau pilih Tidak ada bulan ini.",
  mark: (name: string, chosen: boolean) => `${chosen ? "✅" : "☐"} ${name}`,
  next: "Lanjut",
  none: "Tidak ada bulan ini",
  answeredPicked: (names: string[], note: string) =>
    `Sudah dijawab: penghargaan untuk ${names.join(", ")}.\nCatatan: ${note}`,
  answeredNone: (note: string) => `Sudah dijawab: tidak ada penghargaan bulan ini.\nCatatan: ${note}`,
  askPickNote: (names: string[]) =>
    `Tulis catatan singkat untuk ${names.join(", ")} (3–500 karakter). Catatan ini ikut disampaikan kepada mereka.`,
  askNoneNote: "Tulis catatan singkat mengapa tidak ada penghargaan bulan ini (3–500 karakter).",
  noteTitle: "Catatan penghargaan",
  badNote: "Catatan harus 3 sampai 500 karakter. Silakan tulis lagi.",
  nothingChosen: "Tandai dulu sedikitnya satu orang, atau pilih Tidak ada bulan ini.",
  notHead: "Maaf, hanya pimpinan unit yang ditanya yang dapat menjawab penghargaan ini.",
  alreadyAnswered: "Penghargaan bulan ini sudah dijawab.",
  thanksPicked: (names: string[]) => `Terima kasih. Ucapan selamat untuk ${names.join(", ")} sedang dikirim.`,
  thanksNone: "Terima kasih, jawaban Anda tersimpan.",
  congratulations: (month: string, head: string, note: string) =>
    `🏅 Selamat! ${head} memilih Anda untuk penghargaan bulanan ${month}.\nCatatan: “${note}”\nTerima kasih atas kerja Anda.`,
  announcement: (month: string, unit: string, names: string[], head: string, note: string) =>
    `🏅 Penghargaan bulanan ${unit} — ${month}: selamat kepada ${names.join(", ")}!\n${head}: “${note}”`,
};

export type RecognitionMessages = typeof recognitionId;
