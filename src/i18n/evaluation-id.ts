/**
 * Texts of the periodic evaluation (SPEC section 12), Indonesian: the reference. Assessment is for
 * development, not punishment (DOMAIN.md "Tone"): plain, polite, never shaming.
 */
export const evaluationId = {
  rating: { DI_ATAS: "Di atas ekspektasi", SESUAI: "Sesuai ekspektasi", DI_BAWAH: "Di bawah ekspektasi" },
  ratingShort: { DI_ATAS: "Di atas", SESUAI: "Sesuai", DI_BAWAH: "Di bawah" },
  predikat: {
    SANGAT_BAIK: "Sangat Baik",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG_MISCONDUCT: "Kurang/Misconduct",
    SANGAT_KURANG: "Sangat Kurang",
  },
  capaian: {
    ISTIMEWA: "Istimewa",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang",
    SANGAT_KURANG: "Sangat Kurang",
  },
  values: {
    BERORIENTASI_PELAYANAN: "Berorientasi Pelayanan",
    AKUNTABEL: "Akuntabel",
    KOMPETEN: "Kompeten",
    HARMONIS: "Harmonis",
    LOYAL: "Loyal",
    ADAPTIF: "Adaptif",
    KOLABORATIF: "Kolaboratif",
  },
  status: { BELUM: "belum dinilai", DINILAI: "dinilai", KEBERATAN: "keberatan", FINAL: "final" },
  // ---- the rater's board
  noOpenPeriod: "Belum ada periode penilaian yang dibuka. Penilaian dibuka sehari setelah periode berakhir.",
  unknownPeriod: (code: string) =>
    `Periode "${code}" tidak dikenal untuk unit Anda. Kirim perintah tanpa kode untuk periode terbaru.`,
  boardHeader: (period: string, start: string, end: string, deadline: string) =>
    `Penilaian kinerja ${period} (${start} – ${end})\nBatas penilaian: ${deadline}`,
  boardLate: "Batas penilaian sudah lewat; penilaian masih dapat diberikan dan dicatat terlambat.",
  noRatees: (period: string) => `Tidak ada pegawai yang Anda nilai untuk ${period}.`,
  boardLine: (name: string, status: string, predikat: string | null) =>
    `• ${name} — ${status}${predikat ? ` · ${predikat}` : ""}`,
  distribution: (unit: string, capaian: string | null, counts: string) =>
    `Distribusi ${unit}${capaian ? ` (capaian organisasi: ${capaian})` : " (capaian organisasi belum ditetapkan)"}: ${counts}`,
  warningMax: (predikat: string, max: number, now: number) =>
    `⚠ Pola distribusi: ${predikat} paling banyak ${max}% (kini ${now}%).`,
  warningMin: (predikat: string, min: number, now: number) =>
    `⚠ Pola distribusi: ${predikat} paling sedikit ${min}% (kini ${now}%).`,
  warningMinCount: (predikat: string, min: number) =>
    `⚠ Pola distribusi: perlu sedikitnya ${min} orang dengan predikat ${predikat}.`,
  warningNote: "Peringatan ini bukan larangan: keputusan tetap di tangan Anda sebagai pejabat penilai.",
  page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
  previousPage: "‹ Sebelumnya",
  nextPage: "Berikutnya ›",
  rateButton: (name: string) => `Nilai ${name}`,
  changeButton: (name: string) => `Ubah ${name}`,
  or: " atau ",
  // ---- rating one person
  evidenceHeader: (name: string, nip: string, position: string, period: string) =>
    `Penilaian ${name} (NIP ${nip}, ${position}) — ${period}\nBukti kinerja periode ini:`,
  groupUtama: "A. Utama",
  groupTambahan: "B. Tambahan",
  iki: (code: string, indicator: string) => `${code} ${indicator}`,
  ikiFigures: (inPeriod: string, toEnd: string, target: string, unit: string, percent: string) =>
    `   realisasi periode ${inPeriod} · s.d. akhir periode ${toEnd} dari target ${target} ${unit} (${percent}%)`,
  noSkp: (year: number) => `Belum ada SKP ${year} untuk pegawai ini.`,
  minutes: (approved: number, available: number, activities: number) =>
    `Menit kerja disetujui: ${approved} dari ${available} menit tersedia (${activities} kegiatan disetujui).`,
  feedbackHeader: "Umpan balik yang diberikan dalam periode ini:",
  feedbackLine: (date: string, from: string, text: string) => `• ${date} ${from}: ${text}`,
  noFeedback: "Belum ada umpan balik dalam periode ini.",
  headRule: (capaian: string, rating: string) =>
    `Sebagai kepala unit, rating hasil kerjanya mengikuti capaian organisasi (${capaian}): ${rating}.`,
  neverAutomatic: "Bot tidak menilai sendiri: angka di atas adalah bahan pertimbangan Anda.",
  askHasil: "Bagaimana rating hasil kerjanya?",
  askPerilaku: "Bagaimana rating perilaku kerjanya (nilai-nilai BerAKHLAK)?",
  notesPrompt:
    "Catatan per nilai BerAKHLAK (opsional): pilih nilai untuk menulis catatan, atau tekan Lanjut.",
  askNote: (value: string) => `Tulis catatan untuk nilai ${value} (paling banyak 500 karakter).`,
  noteSaved: (value: string) => `Catatan ${value} disimpan.`,
  next: "Lanjut",
  askFeedback: (name: string, required: boolean) =>
    required
      ? `Tulis umpan balik untuk ${name}. Wajib diisi karena ada rating di bawah ekspektasi: sampaikan apa yang perlu diperbaiki dan dukungan yang Anda tawarkan.`
      : `Tulis umpan balik untuk ${name} (opsional), atau tekan Lewati.`,
  feedbackRequired:
    "Umpan balik wajib diisi bila ada rating di bawah ekspektasi (paling sedikit 3 karakter).",
  feedbackTooLong: "Umpan balik paling banyak 2.000 karakter.",
  noteTooLong: "Catatan per nilai paling banyak 500 karakter.",
  summary: (input: {
    name: string;
    period: string;
    hasil: string;
    perilaku: string;
    predikat: string;
    feedback: string | null;
    notes: string[];
    late: boolean;
  }) =>
    [
      `Ringkasan penilaian ${input.name} — ${input.period}`,
      `Rating hasil kerja: ${input.hasil}`,
      `Rating perilaku kerja: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      ...(input.notes.length > 0 ? ["Catatan perilaku:", ...input.notes] : []),
      `Umpan balik: ${input.feedback ?? "-"}`,
      ...(input.late ? ["(Dinilai setelah batas penilaian; dicatat terlambat.)"] : []),
      "Periksa kembali, lalu tekan Tetapkan. Pegawai akan langsung diberi tahu.",
    ].join("\n"),
  noteLine: (value: string, note: string) => `• ${value}: ${note}`,
  confirm: "Tetapkan",
  change: "Ubah",
  saved: (name: string, predikat: string, until: string) =>
    `Penilaian ${name} ditetapkan: predikat ${predikat}. ${name} diberi tahu dan dapat mengajukan keberatan s.d. ${until}.`,
  notRater:
    "Maaf, Anda bukan pejabat penilai pegawai ini untuk periode tersebut, jadi tidak dapat menilainya.",
  notOpen: (period: string, end: string) =>
    `Penilaian ${period} baru dibuka setelah periode berakhir (${end}).`,
  locked:
    "Penilaian ini tidak dapat diubah lagi: pegawai sudah mengajukan keberatan atau hasilnya sudah final.",
  headNeedsCapaian: (period: string, contact: string) =>
    `Capaian kinerja organisasi untuk ${period} belum ditetapkan, padahal rating hasil kerja kepala unit mengikutinya. Mohon minta admin kepegawaian (${contact}) mengimpor capaian_organisasi.`,
  stale: "Penilaian ini baru saja berubah di tempat lain. Silakan buka lagi dari papan penilaian.",
  formTitle: "Penilaian kinerja",
  formHasil: "Rating hasil kerja",
  formPerilaku: "Rating perilaku kerja",
  formNote: (value: string) => `Catatan ${value}`,
  formFeedback: "Umpan balik (wajib bila ada rating di bawah ekspektasi)",
  formSubmit: "Lanjut",
  // ---- the employee's side
  told: (input: {
    period: string;
    rater: string;
    hasil: string;
    perilaku: string;
    predikat: string;
    feedback: string | null;
    until: string;
    changed: boolean;
  }) =>
    [
      input.changed
        ? `Hasil penilaian kinerja ${input.period} Anda diperbarui oleh ${input.rater}.`
        : `Hasil penilaian kinerja ${input.period} Anda dari ${input.rater}:`,
      `Rating hasil kerja: ${input.hasil}`,
      `Rating perilaku kerja: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      `Umpan balik: ${input.feedback ?? "-"}`,
      `Bila Anda tidak sependapat, Anda dapat mengajukan keberatan sampai ${input.until}.`,
    ].join("\n"),
  objectButton: "Ajukan keberatan",
  myResultsHeader: "Hasil penilaian kinerja Anda:",
  myResultsEmpty: "Belum ada hasil penilaian kinerja untuk Anda.",
  myResultLine: (period: string, predikat: string, hasil: string, perilaku: string, status: string) =>
    `• ${period}: ${predikat} (hasil kerja ${hasil}, perilaku ${perilaku}) — ${status}`,
  objectableUntil: (until: string) => `   keberatan dapat diajukan s.d. ${until}`,
  objectionStatus: {
    diajukan: "keberatan diajukan",
    TETAP: "keberatan: hasil tetap",
    DIUBAH: "keberatan: hasil diubah",
  },
  // ---- keberatan
  askObjection: (period: string, until: string) =>
    `Tulis alasan keberatan Anda atas hasil ${period} (10–1.000 karakter), sertakan hal yang menurut Anda belum dipertimbangkan. Batas pengajuan: ${until}.`,
  objectionTitle: "Keberatan",
  badObjection: "Alasan keberatan harus 10 sampai 1.000 karakter. Silakan tulis lagi.",
  objectionSent: (decider: string) =>
    `Terima kasih. Keberatan Anda sudah dikirim ke ${decider} (atasan pejabat penilai). Anda akan diberi tahu keputusannya; keputusan itu bersifat final.`,
  alreadyObjected:
    "Anda sudah mengajukan keberatan atas hasil ini; satu hasil penilaian hanya dapat diajukan keberatan sekali.",
  lateObjection: (until: string, rater: string, contact: string) =>
    `Maaf, batas waktu keberatan sudah lewat (${until}). Bila ada yang ingin dibicarakan, silakan berdialog dengan ${rater} (pejabat penilai) atau admin kepegawaian (${contact}).`,
  finalObjection: (rater: string, contact: string) =>
    `Hasil penilaian ini sudah final, jadi keberatan tidak dapat diajukan lagi. Silakan berdialog dengan ${rater} atau admin kepegawaian (${contact}).`,
  noDecider: (rater: string, contact: string) =>
    `Maaf, tidak ada atasan pejabat penilai yang tercatat di atas ${rater}, jadi keberatan tidak dapat diteruskan lewat bot. Silakan hubungi admin kepegawaian (${contact}).`,
  noObjectable: "Saat ini tidak ada hasil penilaian yang dapat Anda ajukan keberatan.",
  pickObjection: "Hasil penilaian mana yang ingin Anda ajukan keberatan?",
  contactFallback: "BKPSDM/bagian kepegawaian",
  // ---- the decider (atasan pejabat penilai)
  objectionReceived: (input: {
    name: string;
    period: string;
    rater: string;
    hasil: string;
    perilaku: string;
    predikat: string;
    feedback: string | null;
    reason: string;
  }) =>
    [
      `Keberatan dari ${input.name} atas hasil penilaian ${input.period} oleh ${input.rater}.`,
      `Rating hasil kerja: ${input.hasil}`,
      `Rating perilaku kerja: ${input.perilaku}`,
      `Predikat: ${input.predikat}`,
      `Umpan balik pejabat penilai: ${input.feedback ?? "-"}`,
      `Alasan keberatan: ${input.reason}`,
      "Sebagai atasan pejabat penilai, keputusan Anda bersifat final. Tetapkan (hasil tetap) atau Ubah (rating baru); keduanya disertai alasan.",
    ].join("\n"),
  evidenceSummary: "Ringkasan bukti kinerja periode itu:",
  evidenceIki: (
    code: string,
    inPeriod: string,
    toEnd: string,
    target: string,
    unit: string,
    percent: string,
  ) =>
    `• ${code}: realisasi periode ${inPeriod}, s.d. akhir periode ${toEnd} dari ${target} ${unit} (${percent}%)`,
  keep: "Tetapkan",
  changeResult: "Ubah",
  askKeepReason: "Tulis alasan keputusan Anda menetapkan hasil ini (3–1.000 karakter).",
  askChangeReason: "Tulis alasan perubahan hasil (3–1.000 karakter).",
  keepTitle: "Hasil tetap",
  changeTitle: "Ubah hasil",
  badDecisionReason: "Alasan keputusan harus 3 sampai 1.000 karakter.",
  decisionSummary: (name: string, hasil: string, perilaku: string, predikat: string) =>
    `Hasil baru ${name}: hasil kerja ${hasil}, perilaku ${perilaku} → predikat ${predikat}.`,
  formReason: "Alasan keputusan",
  decided: (name: string, changed: boolean, predikat: string) =>
    changed
      ? `Keputusan tersimpan: hasil ${name} diubah menjadi ${predikat}. ${name} dan pejabat penilai diberi tahu.`
      : `Keputusan tersimpan: hasil ${name} tetap (${predikat}). ${name} dan pejabat penilai diberi tahu.`,
  notDecider: "Maaf, keberatan ini bukan untuk Anda putuskan.",
  alreadyDecided: "Keberatan ini sudah diputuskan.",
  decisionTold: (input: {
    period: string;
    decider: string;
    changed: boolean;
    predikat: string;
    reason: string;
  }) =>
    [
      input.changed
        ? `Keberatan Anda atas hasil ${input.period} dikabulkan sebagian/seluruhnya oleh ${input.decider}: predikat Anda kini ${input.predikat}.`
        : `Keberatan Anda atas hasil ${input.period} telah diputuskan oleh ${input.decider}: hasil tetap (${input.predikat}).`,
      `Alasan: ${input.reason}`,
      "Keputusan ini final. Terima kasih telah menyampaikan pandangan Anda.",
    ].join("\n"),
  decisionToldRater: (input: {
    name: string;
    period: string;
    decider: string;
    changed: boolean;
    predikat: string;
    reason: string;
  }) =>
    [
      input.changed
        ? `${input.decider} mengubah hasil penilaian ${input.name} (${input.period}) atas keberatannya: predikat kini ${input.predikat}.`
        : `${input.decider} menetapkan hasil penilaian ${input.name} (${input.period}) tetap (${input.predikat}) atas keberatannya.`,
      `Alasan: ${input.reason}`,
    ].join("\n"),
};

export type EvaluationMessages = typeof evaluationId;
