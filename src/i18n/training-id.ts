/** Texts of competency development (pengembangan kompetensi, `/pelatihan`, SPEC section 14), Indonesian: the reference. */
export const trainingId = {
  header: (year: number) => `Pengembangan kompetensi ${year}`,
  jp: (approved: string, target: number, year: number) =>
    `JP disetujui tahun ${year}: ${approved} dari ${target} JP (PP 17/2020: sedikitnya ${target} JP setahun).`,
  jpPending: (pending: string) => `Menunggu persetujuan atasan: ${pending} JP.`,
  jpReached: "Target JP tahun ini sudah tercapai. Terima kasih atas komitmen Anda!",
  noCatalogue: "Katalog pelatihan belum diimpor oleh admin kepegawaian.",
  recommendationsHeader: "Rekomendasi untuk Anda:",
  noRecommendations:
    "Belum ada rekomendasi khusus saat ini. Anda tetap dapat melaporkan pelatihan yang sudah selesai.",
  trainingLine: (code: string, name: string, jp: string, organizer: string | null) =>
    `${code} ${name} — ${jp} JP${organizer ? `, ${organizer}` : ""}`,
  why: (reasons: string) => `   Mengapa: ${reasons}`,
  link: (url: string) => `   Tautan: ${url}`,
  reasonEvaluation: (value: string | null, period: string) =>
    value
      ? `Perilaku ${value} dinilai Di Bawah Ekspektasi pada ${period}`
      : `Perilaku kerja dinilai Di Bawah Ekspektasi pada ${period}`,
  reasonColleagues: (value: string, period: string) =>
    `masukan rekan kerja menilai ${value} Di Bawah Ekspektasi pada ${period}`,
  reasonIki: (code: string) => `${/^IKI/i.test(code) ? code : `IKI ${code}`} tertinggal dari laju`,
  mineHeader: "Pelatihan Anda:",
  mineLine: (code: string, name: string, status: string) => `• ${code} ${name}: ${status}`,
  requestStatus: {
    DIAJUKAN: "diajukan, menunggu atasan",
    DISETUJUI: "disetujui atasan, laporkan setelah selesai",
    DITOLAK: "belum disetujui atasan",
  },
  completionStatus: {
    DIAJUKAN: (jp: string) => `selesai, sertifikat menunggu persetujuan (${jp} JP)`,
    DISETUJUI: (jp: string) => `selesai, ${jp} JP dihitung`,
    REVISI: (reason: string) => `sertifikat perlu diperbaiki: ${reason}`,
    DITOLAK: (reason: string) => `ditolak atasan, tidak dihitung: ${reason}`,
  },
  askButton: (code: string) => `Ajukan ${code}`,
  doneButton: "Laporkan selesai",
  resendButton: "Kirim sertifikat baru",
  catalogueButton: "Katalog pelatihan",
  catalogueHeader: (page: number, pages: number, total: number) =>
    `Katalog pelatihan: ${total} pelatihan, halaman ${page} dari ${pages}. Tekan Ajukan untuk meminta persetujuan atasan.`,
  catalogueTaken: "   Sudah Anda ajukan atau laporkan (statusnya di /pelatihan).",
  previousPage: "Sebelumnya",
  nextPage: "Berikutnya",
  requested: (code: string, name: string) =>
    `Permintaan pelatihan ${code} ${name} sudah dikirim ke atasan Anda. Anda akan diberi tahu keputusannya.`,
  alreadyPending: "Pelatihan ini sudah Anda ajukan dan masih menunggu keputusan atasan.",
  alreadyApproved: "Pelatihan ini sudah disetujui atasan. Setelah selesai, tekan Laporkan selesai.",
  alreadyReported: "Pelatihan ini sudah Anda laporkan selesai.",
  notInCatalogue: "Maaf, pelatihan ini tidak ada lagi di katalog.",
  noSupervisor:
    "Atasan Anda belum tercatat, jadi permintaan belum dapat dikirim. Silakan hubungi admin kepegawaian.",
  askWhich:
    "Pelatihan mana yang sudah selesai? Pilih di bawah, atau ketik kode pelatihan dari katalog (mis. PLT-01).",
  unknownCode: (code: string) =>
    `Kode "${code}" tidak ada di katalog pelatihan. Periksa kodenya lalu ketik lagi, atau /batal.`,
  askDate: (code: string, name: string) =>
    `Kapan ${code} ${name} selesai? Ketik tanggalnya, mis. 24-11-2026 atau kemarin.`,
  badDate: "Tanggal tidak terbaca. Tulis seperti 24-11-2026, 2026-11-24 atau kemarin.",
  futureDate: "Tanggal selesai tidak boleh setelah hari ini. Silakan ketik lagi.",
  tooOld: (earliest: string) => `Tanggal selesai paling awal ${earliest}. Silakan ketik lagi.`,
  askCertificate: "Kirim sertifikatnya sebagai foto atau berkas PDF (paling besar 20 MB).",
  certificateWrongType: "Sertifikat harus berupa foto (JPG, PNG, WebP) atau PDF. Silakan kirim lagi.",
  certificateTooLarge: "Berkasnya terlalu besar (paling besar 20 MB). Silakan kirim yang lebih kecil.",
  certificateNotText: "Silakan kirim sertifikatnya sebagai foto atau PDF, atau /batal.",
  fileNotNow: "Untuk melaporkan pelatihan yang sudah selesai, ketik /pelatihan lalu tekan Laporkan selesai.",
  completionSent: (code: string, name: string) =>
    `Terima kasih. Laporan selesai ${code} ${name} dan sertifikatnya sudah dikirim ke atasan Anda; JP dihitung setelah disetujui.`,
  completionPending: "Laporan selesai pelatihan ini masih menunggu persetujuan atasan.",
  completionApproved: "Pelatihan ini sudah disetujui dan JP-nya sudah dihitung.",
  completionRejected:
    "Laporan selesai pelatihan ini sudah ditolak atasan dan tidak dapat dilaporkan lagi. Silakan bicarakan dengan atasan Anda.",
  // ---- the supervisor's messages
  requestMessage: (f: { employee: string; training: string; jp: string; organizer: string; url: string }) =>
    [
      "Permintaan pelatihan menunggu persetujuan Anda:",
      `• Pegawai: ${f.employee}`,
      `• Pelatihan: ${f.training}`,
      `• JP: ${f.jp}`,
      `• Penyelenggara: ${f.organizer}`,
      ...(f.url ? [`• Tautan: ${f.url}`] : []),
    ].join("\n"),
  completionMessage: (f: {
    employee: string;
    training: string;
    jp: string;
    date: string;
    certificate: string;
    resubmitted: boolean;
  }) =>
    [
      f.resubmitted
        ? "Sertifikat pelatihan diperbaiki dan dikirim ulang:"
        : "Laporan selesai pelatihan menunggu persetujuan Anda:",
      `• Pegawai: ${f.employee}`,
      `• Pelatihan: ${f.training}`,
      `• JP: ${f.jp}`,
      `• Selesai: ${f.date}`,
      `• Sertifikat: ${f.certificate}`,
    ].join("\n"),
  certificatePhoto: "foto",
  certificateDocument: (name: string) => (name ? `dokumen ${name}` : "dokumen"),
  none: "-",
  approve: "Setujui",
  decline: "Tolak",
  revise: "Minta perbaikan",
  reject: "Tolak",
  decisionStatus: {
    DISETUJUI: "Disetujui",
    DITOLAK: "Ditolak",
    REVISI: "Perbaikan diminta",
    DIAJUKAN: "Menunggu",
  },
  decided: (status: string, by: string, at: string) => `${status} oleh ${by}, ${at}.`,
  reasonLine: (reason: string) => `Alasan: ${reason}`,
  askRevisionReason: "Apa yang perlu diperbaiki pada sertifikat ini? Tulis alasannya (3–500 karakter).",
  revisionTitle: "Minta perbaikan",
  askRejectionReason:
    "Mengapa laporan selesai ini ditolak? Tulis alasannya (3–500 karakter). Penolakan bersifat final: JP-nya tidak dihitung.",
  rejectionTitle: "Tolak laporan",
  badReason: "Alasan harus 3 sampai 500 karakter. Silakan tulis lagi.",
  done: "Tersimpan, pegawai akan diberi tahu.",
  notYourTeam: "Maaf, Anda hanya dapat memutuskan untuk anggota tim Anda sendiri.",
  alreadyDecided: (status: string, by: string, at: string) =>
    `Sudah diputuskan sebelumnya: ${status} oleh ${by}, ${at}. Tidak ada yang diubah.`,
  // ---- the employee told
  requestApproved: (training: string, by: string) =>
    `Permintaan pelatihan ${training} disetujui oleh ${by}. Setelah selesai, laporkan dengan sertifikatnya.`,
  requestDeclined: (training: string, by: string) =>
    `Permintaan pelatihan ${training} belum disetujui oleh ${by}. Silakan bicarakan dengan atasan, atau lihat pilihan lain di /pelatihan.`,
  completionApprovedTold: (training: string, jp: string, year: number) =>
    `Sertifikat ${training} disetujui. ${jp} JP dihitung untuk tahun ${year}. Terima kasih!`,
  completionRevisionTold: (training: string, reason: string) =>
    `Sertifikat ${training} perlu diperbaiki.\nAlasan: ${reason}\nTekan Kirim sertifikat baru untuk mengirimnya lagi.`,
  completionRejectedTold: (training: string, reason: string) =>
    `Laporan selesai ${training} ditolak atasan; JP-nya tidak dihitung.\nAlasan: ${reason}`,
};

export type TrainingMessages = typeof trainingId;
