/**
 * Texts of the citizens' survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017; SPEC section 13), Indonesian:
 * the reference. Read by citizens, not staff: plain words, polite, no jargon, and never a word asking who they are.
 */
export const surveyId = {
  /** The nine unsur in the regulation's order (domain/ikm.ts UNSUR): the name and the question asked */
  unsur: [
    {
      name: "Persyaratan",
      question: "Bagaimana kesesuaian persyaratan pelayanan dengan jenis layanan yang Anda terima?",
    },
    {
      name: "Sistem, mekanisme dan prosedur",
      question: "Bagaimana kemudahan prosedur pelayanan di unit ini?",
    },
    { name: "Waktu penyelesaian", question: "Bagaimana kecepatan waktu dalam memberikan pelayanan?" },
    { name: "Biaya/tarif", question: "Bagaimana kewajaran biaya/tarif dalam pelayanan?" },
    {
      name: "Produk spesifikasi jenis pelayanan",
      question: "Bagaimana kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?",
    },
    { name: "Kompetensi pelaksana", question: "Bagaimana kemampuan petugas dalam memberikan pelayanan?" },
    { name: "Perilaku pelaksana", question: "Bagaimana kesopanan dan keramahan petugas dalam pelayanan?" },
    {
      name: "Penanganan pengaduan, saran dan masukan",
      question: "Bagaimana penanganan pengaduan, saran dan masukan di unit ini?",
    },
    { name: "Sarana dan prasarana", question: "Bagaimana kualitas sarana dan prasarana pelayanan?" },
  ],
  /** The words of the scores 1–4 (nilai persepsi) */
  scale: ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"],
  title: "Bagaimana layanan kami?",
  surveyName: "Survei Kepuasan Masyarakat",
  anonymous: "Tanpa nama dan tanpa login. Jawaban Anda tidak dikaitkan dengan diri Anda.",
  servedBy: (name: string) => `Dilayani oleh ${name}`,

  // ---- Telegram (and any chat)
  chatIntro: (unit: string, servedBy: string | null) =>
    [
      `Survei Kepuasan Masyarakat: ${unit}`,
      ...(servedBy ? [`Dilayani oleh ${servedBy}`] : []),
      "Ada 9 pertanyaan singkat; pilih 1 (tidak baik) sampai 4 (sangat baik). Tanpa nama: jawaban Anda tidak dikaitkan dengan akun Anda.",
    ].join("\n"),
  chatQuestion: (n: number, name: string, question: string) => `${n}/9 · ${name}\n${question}`,
  askComment:
    "Terima kasih. Ada saran atau masukan untuk unit ini? Tulis di sini (paling banyak 1.000 karakter), atau tekan Lewati.",
  commentTooLong: (max: number) =>
    `Saran terlalu panjang. Tulis paling banyak ${max} karakter, atau tekan Lewati.`,
  useButtons: "Silakan pilih salah satu tombol 1–4 di atas.",
  chatThanks: (unit: string) =>
    `Terima kasih atas penilaian Anda untuk ${unit}. Jawaban Anda membantu kami memperbaiki pelayanan.`,
  chatAlready: (unit: string) =>
    `Anda sudah mengisi survei ${unit} hari ini. Terima kasih! Anda dapat mengisinya lagi besok.`,
  chatUnknown:
    "Tautan survei ini tidak dikenal. Silakan pindai lagi kode QR di unit layanan, atau tanyakan kepada petugas.",
  chatCancelled: "Survei dibatalkan; tidak ada jawaban yang disimpan.",

  // ---- the web page
  language: "English",
  intro: "Ada 9 pertanyaan singkat. Pilih satu jawaban untuk setiap pertanyaan.",
  commentLabel: "Saran dan masukan (boleh dikosongkan)",
  commentHint: (max: number) => `Paling banyak ${max} karakter. Jangan menulis data pribadi.`,
  honeypotLabel: "Jangan isi kolom ini",
  submit: "Kirim penilaian",
  errorsHeading: "Mohon periksa jawaban berikut:",
  missing: (name: string) => `${name}: belum dipilih.`,
  invalid: (name: string) => `${name}: pilih salah satu dari 1 sampai 4.`,
  commentError: (max: number) => `Saran dan masukan: paling banyak ${max} karakter.`,
  thanksTitle: "Terima kasih",
  thanksText: (unit: string) =>
    `Penilaian Anda untuk ${unit} sudah kami terima. Jawaban Anda membantu kami memperbaiki pelayanan.`,
  alreadyTitle: "Sudah diisi hari ini",
  alreadyText: (unit: string) =>
    `Perangkat ini sudah mengisi survei ${unit} hari ini. Terima kasih! Anda dapat mengisinya lagi besok.`,
  notFoundTitle: "Survei tidak ditemukan",
  notFoundText:
    "Alamat survei ini tidak dikenal. Silakan pindai lagi kode QR di unit layanan, atau tanyakan kepada petugas.",
  crossSiteTitle: "Kiriman tidak diterima",
  crossSiteText:
    "Survei hanya dapat diisi dari halaman survei resmi unit layanan. Silakan pindai kode QR di loket.",
  tooManyTitle: "Terlalu banyak kiriman",
  tooManyText:
    "Terlalu banyak kiriman dari jaringan ini. Silakan coba lagi nanti. Terima kasih atas kesabaran Anda.",
  tooLargeTitle: "Kiriman terlalu besar",
  tooLargeText: (max: number) =>
    `Kiriman terlalu besar. Saran dan masukan paling banyak ${max} karakter; silakan kembali dan persingkat.`,
  badRequestTitle: "Kiriman tidak terbaca",
  badRequestText: "Kiriman tidak dapat dibaca. Silakan buka kembali halaman survei dan isi lagi.",
  back: "Kembali ke survei",

  // ---- the printed poster (admin survei-qr)
  posterScan: "Pindai kode QR dengan kamera ponsel Anda, atau buka:",
  posterStaff: (name: string) => `Petugas: ${name}`,
  posterTelegram: (link: string) => `Lewat Telegram: ${link}`,
  posterFooter: "Tanpa nama, tanpa login · 9 pertanyaan singkat · PermenPANRB 14/2017",
};

export type SurveyMessages = typeof surveyId;
