import { chartsId } from "./charts-id.ts";
import { colleagueId } from "./colleague-id.ts";
/**
 * Indonesian texts: the reference catalog. `en.ts` must have the same keys (the type system checks).
 * Tone (DOMAIN.md): polite (Anda), short, encouraging, never shaming; say what to do next.
 */
import { evaluationId } from "./evaluation-id.ts";
import { recognitionId } from "./recognition-id.ts";
import { surveyId } from "./survey-id.ts";
import { trainingId } from "./training-id.ts";

export const id = {
  localeName: "Bahasa Indonesia",
  commands: {
    start: "Mulai dan tautkan akun",
    lapor: "Laporkan pekerjaan hari ini",
    hari_ini: "Laporan saya hari ini",
    riwayat: "Riwayat laporan",
    target: "Capaian target SKP",
    rekap: "Rekap menit kerja bulanan",
    umpan_balik: "Umpan balik dari atasan",
    izin: "Ajukan izin/cuti/dinas luar",
    bahasa: "Ganti bahasa",
    bantuan: "Bantuan",
    batal: "Batalkan percakapan",
    antrian: "Antrian persetujuan (atasan)",
    tim: "Papan tim hari ini (atasan)",
    umpan_balik_tim: "Umpan balik untuk anggota tim (atasan)",
    penilaian: "Hasil penilaian kinerja saya",
    keberatan: "Ajukan keberatan atas hasil penilaian",
    masukan: "Masukan untuk rekan kerja (tanpa nama)",
    apresiasi: "Ucapkan terima kasih kepada rekan",
    pelatihan: "Pengembangan kompetensi (JP pelatihan)",
    penilaian_tim: "Penilaian kinerja tim per periode (atasan)",
  },
  evaluation: evaluationId,
  colleague: colleagueId,
  training: trainingId,
  recognition: recognitionId,
  charts: chartsId,
  kudos: {
    pick: "Untuk siapa apresiasi ini? Pilih rekan, atasan atau anggota tim Anda:",
    askText: (name: string) =>
      `Tulis ucapan terima kasih untuk ${name} (3–500 karakter). Nama Anda ikut disampaikan.`,
    badText: "Ucapan harus 3 sampai 500 karakter.",
    sent: (name: string) => `Terima kasih! Apresiasi Anda untuk ${name} sudah terkirim.`,
    nobody: "Belum ada rekan, atasan atau anggota tim yang dapat Anda beri apresiasi.",
    notFound: (ref: string) =>
      `"${ref}" tidak ditemukan di antara rekan, atasan atau anggota tim Anda. Silakan pilih:`,
    notEligible: "Maaf, apresiasi hanya untuk rekan di unit Anda, atasan Anda, atau anggota tim Anda.",
    received: (from: string, text: string) => `${from} mengucapkan terima kasih kepada Anda:\n“${text}”`,
    line: (from: string, date: string, text: string) => `• ${date} apresiasi dari ${from}: ${text}`,
    count: (n: number, year: number) => `Apresiasi yang Anda terima tahun ${year}: ${n}.`,
  },
  survey: surveyId,
  common: {
    cancel: "Batal",
    back: "Kembali",
    skip: "Lewati",
    yes: "Ya",
    no: "Tidak",
    otherTask: "Tugas lain",
    staleButton: "Tombol ini sudah tidak berlaku. Silakan mulai lagi.",
    cancelled: "Baik, dibatalkan. Tidak ada yang disimpan.",
    nothingToCancel: "Tidak ada percakapan yang sedang berjalan.",
    unknownInput:
      "Maaf, saya belum paham. Ketik /lapor untuk melapor pekerjaan, atau /bantuan untuk melihat perintah.",
    unknownCommand: "Perintah itu tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.",
    error: "Maaf, terjadi kendala di sistem kami. Silakan coba lagi sebentar lagi.",
    expired: "Percakapan sebelumnya sudah berakhir. Silakan mulai lagi.",
    status: {
      DIAJUKAN: "Menunggu persetujuan",
      DISETUJUI: "Disetujui",
      REVISI: "Perlu revisi",
      DITOLAK: "Ditolak",
    },
    minutes: (n: number) => `${n} menit`,
    weekend: "bukan hari kerja unit",
  },
  link: {
    notLinked:
      "Akun Anda belum tertaut ke data pegawai. Kirim /start diikuti kode tautan dari admin kepegawaian, misalnya: /start K7QM2XRD",
    askCode:
      "Selamat datang di kinerja-bot. Silakan kirim kode tautan (8 huruf/angka) yang Anda terima dari admin kepegawaian.",
    wrongCode: (left: number) =>
      `Kode tidak dikenal. Periksa kembali kode dari admin kepegawaian.${left > 0 ? ` Sisa percobaan: ${left}.` : ""}`,
    expiredCode: "Kode ini sudah kedaluwarsa. Mintalah kode baru kepada admin kepegawaian.",
    usedCode: "Kode ini sudah pernah dipakai. Mintalah kode baru kepada admin kepegawaian.",
    tooManyTries: (minutes: number) =>
      `Terlalu banyak percobaan kode yang salah. Silakan coba lagi dalam ${minutes} menit, atau hubungi admin kepegawaian.`,
    linked: (name: string) =>
      `Terima kasih, ${name}. Akun Anda sudah tertaut.\nKetik /lapor untuk melaporkan pekerjaan hari ini, atau /bantuan untuk melihat semua perintah.`,
    alreadyLinked: (name: string) =>
      `Halo, ${name}. Akun Anda sudah tertaut. Ketik /bantuan untuk melihat perintah.`,
  },
  report: {
    askDate: "Untuk tanggal berapa laporan ini? Pilih di bawah, atau ketik tanggalnya (contoh: 24-11-2026).",
    today: (date: string) => `Hari ini (${date})`,
    yesterday: (date: string) => `Kemarin (${date})`,
    badDate: "Tanggal tidak terbaca. Contoh yang benar: 24-11-2026.",
    futureDate: "Tanggal itu belum terjadi. Laporkan pekerjaan yang sudah dikerjakan.",
    tooOld: (earliest: string) => `Tanggal itu sudah melewati batas pelaporan. Paling awal: ${earliest}.`,
    askIndicator: "Pekerjaan ini mendukung indikator (IKI) yang mana?",
    noSkp: (year: number) => `Belum ada SKP tahun ${year} untuk Anda. Laporan dicatat sebagai "Tugas lain".`,
    askDescription: "Apa yang Anda kerjakan? Tulis singkat dan jelas (3–500 karakter).",
    badDescription:
      "Uraian harus 3 sampai 500 karakter. Contoh: Memverifikasi 12 berkas KTP-el warga Kelurahan Ciroyom.",
    askQuantity: (unit: string) =>
      `Berapa hasilnya (dalam ${unit})? Ketik angka bulat, misalnya 12. Ketik 0 bila tidak ada hasil yang bisa dihitung.`,
    badQuantity: (unit: string) => `Jumlah harus angka bulat 0 atau lebih (dalam ${unit}). Contoh: 12`,
    askTime: "Berapa lama Anda mengerjakannya? Contoh: 90 (menit), 1,5 jam, atau rentang jam 08.00-10.30.",
    badTime: "Waktu tidak terbaca. Contoh: 90, 1,5 jam, atau 08.00-10.30.",
    zeroTime: "Lamanya harus lebih dari 0 menit. Contoh: 90, 1,5 jam, atau 08.00-10.30.",
    moreThanADay: "Lamanya tidak mungkin lebih dari 24 jam. Contoh: 90, 1,5 jam, atau 08.00-10.30.",
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
    evidencePhoto: "foto",
    evidenceDocument: (name: string) => (name ? `dokumen ${name}` : "dokumen"),
    evidenceNone: "tanpa bukti",
    summary: (fields: {
      date: string;
      dayNote: string;
      indicator: string;
      description: string;
      quantity: string;
      time: string;
      evidence: string;
    }) =>
      [
        "Ringkasan laporan:",
        `• Tanggal: ${fields.date}${fields.dayNote ? ` (${fields.dayNote})` : ""}`,
        `• Indikator: ${fields.indicator}`,
        `• Uraian: ${fields.description}`,
        `• Hasil: ${fields.quantity}`,
        `• Waktu: ${fields.time}`,
        `• Bukti: ${fields.evidence}`,
        "",
        "Kirim laporan ini ke atasan?",
      ].join("\n"),
    send: "Kirim",
    change: "Ubah",
    askWhatToChange: "Bagian mana yang ingin diubah?",
    fieldDate: "Tanggal",
    fieldIndicator: "Indikator",
    fieldDescription: "Uraian",
    fieldQuantity: "Jumlah",
    fieldTime: "Waktu",
    fieldEvidence: "Bukti",
    submitted: (minutesToday: number, limit: number) =>
      `Terima kasih, laporan terkirim dan menunggu persetujuan atasan.\nTotal hari itu: ${minutesToday} dari ${limit} menit.`,
    resubmitted: "Terima kasih, perbaikan terkirim dan menunggu persetujuan atasan.",
    addAnother: "Lapor lagi",
    useButtons: "Silakan pilih dengan tombol di bawah.",
    fileNotNow: "Berkas bisa dikirim nanti pada langkah bukti dukung. Silakan jawab pertanyaan ini dulu.",
    otherTaskUnit: "kegiatan",
    notEditable: "Laporan ini tidak bisa diubah lagi (sudah diputuskan atau sudah dikirim ulang).",
  },
  today: {
    header: (date: string) => `Laporan Anda hari ini, ${date}:`,
    empty: "Belum ada laporan hari ini. Ketik /lapor untuk mulai.",
    line: (n: number, time: string, description: string, quantity: string, minutes: number, status: string) =>
      `${n}. ${time}${description} — ${quantity}, ${minutes} menit · ${status}`,
    total: (claimed: number, limit: number) => `Total: ${claimed} dari ${limit} menit.`,
    holiday: (name: string) => `Hari ini libur: ${name}.`,
    weekend: "Hari ini bukan hari kerja unit Anda.",
    absence: "Hari ini Anda tercatat izin/cuti.",
  },
  history: {
    header: (page: number) => `Riwayat laporan (halaman ${page}):`,
    empty: "Belum ada laporan pada rentang ini.",
    line: (date: string, description: string, status: string, reason: string | null) =>
      `• ${date} — ${description} · ${status}${reason ? `\n   Alasan: ${reason}` : ""}`,
    older: "Sebelumnya",
    newer: "Sesudahnya",
    filterWeek: "Minggu ini",
    filterToday: "Hari ini",
    filterAll: "Semua",
    fix: (n: number) => `Perbaiki #${n}`,
    fixHint: "Laporan yang perlu revisi bisa diperbaiki dengan tombol di bawah.",
  },
  target: {
    header: (year: number) => `Capaian SKP ${year}:`,
    noSkp: (year: number) => `Belum ada SKP tahun ${year} untuk Anda. Hubungi admin kepegawaian.`,
    indicator: (code: string, name: string) => `${code} ${name}`,
    figures: (approved: string, target: string, unit: string, percent: string, pending: string) =>
      `   Disetujui ${approved} dari ${target} ${unit} (${percent}%)${pending !== "0" ? `, menunggu ${pending}` : ""}`,
    pace: { AHEAD: "di atas rencana", ON_TRACK: "sesuai rencana", BEHIND: "perlu dikejar" },
    minutes: (approved: number, target: number) =>
      `Menit kerja bulan ini (disetujui): ${approved} dari ${target} menit.`,
  },
  feedback: {
    header: "Umpan balik untuk Anda (terbaru dulu):",
    empty: "Belum ada umpan balik. Tetap semangat!",
    general: (from: string, date: string, text: string) => `• ${date} — ${from}: ${text}`,
    onActivity: (from: string, date: string, activity: string, text: string) =>
      `• ${date} — ${from} tentang "${activity}": ${text}`,
    decision: (date: string, activity: string, status: string, reason: string) =>
      `• ${date} — "${activity}" ${status}: ${reason}`,
    rating: (period: string, predikat: string) => `• Penilaian ${period}: ${predikat}`,
    received: (from: string, text: string) => `Umpan balik dari ${from}:\n${text}`,
    open: "Lihat semua umpan balik",
  },
  absence: {
    askKind: "Jenis ketidakhadiran apa?",
    kinds: {
      CUTI: "Cuti",
      SAKIT: "Sakit",
      DINAS_LUAR: "Dinas luar",
      TUGAS_BELAJAR: "Tugas belajar",
      DIKLAT: "Diklat",
    },
    askStart: "Mulai tanggal berapa? Pilih, atau ketik tanggalnya (contoh: 24-11-2026).",
    askEnd: "Sampai tanggal berapa? Pilih, atau ketik tanggalnya (contoh: 26-11-2026).",
    sameDay: "Hari itu saja",
    badDate: "Tanggal tidak terbaca. Contoh yang benar: 24-11-2026.",
    endBeforeStart: "Tanggal selesai tidak boleh sebelum tanggal mulai.",
    tooLong: "Rentang paling lama 90 hari. Untuk yang lebih lama, hubungi admin kepegawaian.",
    tooFarBack: "Tanggal mulai paling lama 30 hari yang lalu.",
    overlaps: (from: string, to: string) =>
      `Sudah ada izin pada ${from} s.d. ${to} yang bertumpuk. Pilih tanggal lain.`,
    overlapsAtSave: (from: string, to: string) =>
      `Maaf, sementara itu sudah tersimpan izin pada ${from} s.d. ${to} yang bertumpuk dengan ini, jadi izin ini belum disimpan. Pilih tanggal lain.`,
    confirm: (kind: string, from: string, to: string, days: number) =>
      `${kind}: ${from} s.d. ${to} (${days} hari kerja). Simpan?`,
    save: "Simpan",
    saved:
      "Tersimpan. Atasan Anda sudah diberi tahu, dan pengingat laporan tidak dikirim pada hari-hari itu.",
    supervisorTold: (name: string, kind: string, from: string, to: string) =>
      `${name} mengajukan ${kind} pada ${from} s.d. ${to}.`,
  },
  language: {
    ask: "Pilih bahasa:",
    changed: "Bahasa diganti ke Bahasa Indonesia.",
  },
  help: {
    text: (admin: string, cmd: (name: string) => string) =>
      [
        "kinerja-bot membantu Anda melaporkan pekerjaan harian sesuai SKP dan melihat capaian Anda.",
        "",
        `${cmd("lapor")} — laporkan pekerjaan`,
        `${cmd("hari_ini")} — laporan hari ini`,
        `${cmd("riwayat")} — riwayat dan perbaikan laporan`,
        `${cmd("target")} — capaian target SKP`,
        `${cmd("rekap")} — rekap menit kerja bulanan (misalnya ${cmd("rekap")} 2026-11)`,
        `${cmd("umpan_balik")} — umpan balik atasan`,
        `${cmd("izin")} — ajukan cuti, sakit, dinas luar`,
        `${cmd("penilaian")} — hasil penilaian kinerja periodik Anda`,
        `${cmd("keberatan")} — ajukan keberatan atas hasil penilaian (14 hari)`,
        `${cmd("masukan")} — masukan tanpa nama untuk rekan kerja`,
        `${cmd("apresiasi")} — ucapkan terima kasih kepada rekan`,
        `${cmd("pelatihan")} — JP pelatihan tahun ini, rekomendasi dan laporan selesai`,
        `${cmd("bahasa")} — ganti bahasa`,
        `${cmd("batal")} — batalkan percakapan`,
        "",
        `Ada kendala data (NIP, atasan, SKP)? Hubungi ${admin}.`,
      ].join("\n"),
    defaultAdmin: "admin kepegawaian (BKPSDM) di unit Anda",
    supervisor: (cmd: (name: string) => string) =>
      [
        "Untuk atasan:",
        `${cmd("antrian")} — laporan tim yang menunggu persetujuan`,
        `${cmd("tim")} — papan tim hari ini`,
        `${cmd("umpan_balik_tim")} — kirim umpan balik ke anggota tim`,
        `${cmd("penilaian_tim")} — nilai kinerja tim per periode`,
      ].join("\n"),
  },
  review: {
    request: (f: {
      employee: string;
      date: string;
      indicator: string;
      description: string;
      quantity: string;
      minutes: number;
      time: string;
      evidence: string;
      resubmitted: boolean;
    }) =>
      [
        f.resubmitted ? "Laporan diperbaiki dan dikirim ulang:" : "Laporan baru menunggu persetujuan Anda:",
        `• Pegawai: ${f.employee}`,
        `• Tanggal: ${f.date}`,
        `• Indikator: ${f.indicator}`,
        `• Uraian: ${f.description}`,
        `• Hasil: ${f.quantity}`,
        `• Waktu: ${f.minutes} menit${f.time ? ` (${f.time})` : ""}`,
        `• Bukti: ${f.evidence}`,
      ].join("\n"),
    approve: "Setujui",
    revise: "Minta revisi",
    reject: "Tolak",
    askReason: (what: "REVISI" | "DITOLAK"): string =>
      what === "REVISI"
        ? "Tuliskan alasan revisi agar pegawai tahu apa yang perlu diperbaiki (3–500 karakter)."
        : "Tuliskan alasan penolakan (3–500 karakter), misalnya: duplikat, tidak sesuai bukti.",
    reasonInFormOnly:
      "Alasan diisi di jendela yang muncul setelah menekan Minta revisi atau Tolak; laporan belum diputuskan. Tekan tombolnya lagi bila ingin memutuskan.",
    badReason: "Alasan harus 3 sampai 500 karakter.",
    decided: (status: string, by: string, at: string) => `${status} oleh ${by}, ${at}.`,
    reasonLine: (reason: string) => `Alasan: ${reason}`,
    alreadyDecided: (status: string, by: string, at: string) =>
      `Laporan ini sudah diputuskan: ${status} oleh ${by}, ${at}.`,
    notYourTeam: "Maaf, laporan ini bukan dari anggota tim Anda, jadi Anda tidak dapat memutuskannya.",
    done: "Tersimpan.",
    employeeApproved: (date: string, description: string) =>
      `Laporan ${date} "${description}" disetujui atasan. Terima kasih!`,
    employeeRevision: (date: string, description: string, reason: string) =>
      `Laporan ${date} "${description}" perlu direvisi.\nAlasan: ${reason}\nTekan Perbaiki untuk memperbaikinya.`,
    employeeRejected: (date: string, description: string, reason: string) =>
      `Laporan ${date} "${description}" ditolak.\nAlasan: ${reason}`,
    fix: "Perbaiki",
  },
  queue: {
    empty: "Tidak ada laporan yang menunggu persetujuan Anda. Terima kasih!",
    header: (count: number, people: number) =>
      `Antrian persetujuan: ${count} laporan dari ${people} pegawai (yang terlama di atas).`,
    employee: (name: string, count: number) => `${name} — ${count} laporan menunggu:`,
    day: (date: string) => `${date}:`,
    line: (description: string, quantity: string, minutes: number) =>
      `• ${description} — ${quantity}, ${minutes} menit`,
    approveDay: (date: string, n: number) => `Setujui semua ${date} (${n})`,
    reviewDay: (date: string) => `Tinjau ${date} satu per satu`,
    moreDays: (n: number) => `… dan ${n} hari lainnya. Selesaikan yang di atas, lalu buka /antrian lagi.`,
    morePeople: (n: number) =>
      `… dan ${n} pegawai lainnya. Selesaikan yang di atas, lalu buka /antrian lagi.`,
    confirm: (n: number, name: string, date: string) => `Setujui ${n} laporan ${name} tanggal ${date}?`,
    nothingOnDay: (name: string, date: string) =>
      `Tidak ada lagi laporan ${name} tanggal ${date} yang menunggu persetujuan.`,
    result: (name: string, date: string, approved: number, already: number) =>
      `Laporan ${name} tanggal ${date}: ${approved} disetujui, ${already} sudah diputuskan sebelumnya.`,
    refused: (n: number) => `${n} tidak dapat Anda putuskan karena pegawai ini bukan lagi anggota tim Anda.`,
    cancelled: "Baik, tidak ada yang disetujui.",
    notYourTeam: "Maaf, pegawai ini bukan anggota tim Anda, jadi Anda tidak dapat memutuskan laporannya.",
    useButtons: "Silakan pilih Ya atau Batal pada pertanyaan di atas.",
    open: (n: number) => `Antrian (${n})`,
    back: "Buka antrian",
    moreLines: (n: number) => `• … dan ${n} lainnya`,
    noReports: "Tidak ada laporan kegiatan yang menunggu persetujuan Anda.",
    training: (requests: number, completions: number) =>
      `Pelatihan menunggu keputusan Anda: ${[
        requests > 0 ? `${requests} permintaan` : "",
        completions > 0 ? `${completions} laporan selesai dengan sertifikat` : "",
      ]
        .filter(Boolean)
        .join(" dan ")} (yang terlama di atas).`,
    moreTraining: (n: number) =>
      `… dan ${n} pelatihan lainnya menunggu keputusan. Putuskan yang di atas, lalu buka /antrian lagi.`,
  },
  team: {
    noTeam:
      "Saat ini tidak ada pegawai yang Anda bimbing atau yang didelegasikan kepada Anda. Bila ini keliru, hubungi admin kepegawaian.",
    header: (date: string) => `Tim Anda hari ini, ${date}:`,
    counts: (c: { reported: number; notYet: number; absence: number; off: number }) =>
      `Sudah lapor ${c.reported} · Belum lapor ${c.notYet} · Izin/cuti ${c.absence} · Libur ${c.off}`,
    pendingTotal: (n: number) => `Menunggu persetujuan Anda: ${n} laporan.`,
    trainingPending: (n: number) => `Pelatihan menunggu persetujuan Anda: ${n} (lihat Antrian).`,
    reported: (n: number, minutes: number) => `sudah lapor: ${n} kegiatan, ${minutes} menit`,
    notYet: "belum lapor",
    absence: (kind: string) => `izin: ${kind}`,
    holiday: (name: string) => `libur: ${name}`,
    weekend: "bukan hari kerja",
    pending: (n: number) => `menunggu persetujuan ${n}`,
    delegated: (by: string) => `delegasi dari ${by}`,
    line: (name: string, parts: string[]) => `• ${name} — ${parts.join(" · ")}`,
    giveFeedback: "Beri umpan balik",
  },
  teamFeedback: {
    pick: "Untuk siapa umpan balik ini? Pilih anggota tim:",
    askText: (name: string) =>
      `Tulis umpan balik untuk ${name} (3–1000 karakter). Sampaikan dengan santun dan membangun.`,
    badText: "Umpan balik harus 3 sampai 1000 karakter.",
    sent: (name: string) => `Terima kasih, umpan balik untuk ${name} sudah terkirim.`,
    notYourTeam:
      "Maaf, pegawai itu bukan anggota tim Anda, jadi Anda tidak dapat mengirim umpan balik kepadanya melalui bot ini.",
    notFound: (ref: string) =>
      `Pegawai "${ref}" tidak ditemukan di tim Anda. Tulis NIP-nya, atau kirim /umpan_balik_tim saja untuk memilih dari daftar.`,
    ambiguous: (ref: string) => `Ada beberapa anggota tim dengan nama "${ref}". Silakan pilih:`,
  },
  reminder: {
    report: "Anda belum melaporkan pekerjaan hari ini. Yuk lapor sekarang, hanya perlu satu menit.",
    reportButton: "Lapor sekarang",
    /** To a supervisor, the morning after: who has no report for `date` (names already capped by the caller). */
    escalation: (names: string[], date: string, more = 0) =>
      [
        `Sekadar informasi: laporan harian ${date} belum masuk dari ${names.length + more} anggota tim Anda:`,
        ...names.map((name) => `• ${name}`),
        ...(more > 0 ? [`• … dan ${more} lainnya`] : []),
        "Bila perlu, Anda dapat menyapa mereka. Terima kasih atas pendampingan Anda.",
      ].join("\n"),
    escalationButton: "Lihat tim",
    pendingReview: (n: number) =>
      `Ada ${n} laporan tim Anda yang menunggu persetujuan lebih dari 1 hari kerja. Mohon luangkan waktu untuk meninjaunya, terima kasih.`,
    pendingReviewButton: "Buka antrian",
  },
  /** Evaluation requests and reminders (SPEC section 12): `period` is its name, `deadline` formatted. */
  evaluationReminders: {
    /** To a rater, the first working day after the period ended. */
    request: (period: string, count: number, deadline: string) =>
      `Penilaian kinerja ${period} sudah dibuka. ${count} anggota tim Anda menunggu penilaian, dengan batas penilaian ${deadline}. Terima kasih atas pendampingan Anda.`,
    /** To a rater, 3 working days before the deadline, while someone is unrated. */
    reminder: (period: string, count: number, deadline: string) =>
      `Pengingat yang ramah: batas penilaian ${period} jatuh pada ${deadline}, dan masih ada ${count} anggota tim yang menunggu penilaian Anda. Terima kasih.`,
    boardButton: "Buka penilaian tim",
    /** To the rater's own supervisor, the working day after the deadline (names already capped). */
    escalation: (period: string, deadline: string, groups: { rater: string; names: string[] }[], more = 0) =>
      [
        `Sekadar informasi: batas penilaian ${period} (${deadline}) sudah lewat, dan ${groups.reduce((n, g) => n + g.names.length, 0) + more} pegawai belum dinilai:`,
        ...groups.flatMap((g) => [`Penilai: ${g.rater}`, ...g.names.map((name) => `• ${name}`)]),
        ...(more > 0 ? [`… dan ${more} lainnya`] : []),
        "Penilaian masih dapat dilakukan (tercatat terlambat). Bila perlu, Anda dapat menyapa pejabat penilainya. Terima kasih.",
      ].join("\n"),
  },
  colleagueInvitation: {
    /** To each employee, once in the period's last 5 working days; optional, one tap to decline. */
    invitation: (period: string, end: string, max: number) =>
      `Periode ${period} segera berakhir (${end}). Anda dapat memberi masukan untuk hingga ${max} rekan kerja di unit Anda — tanpa nama, sebagai bahan pertimbangan atasan. Sukarela.`,
    startButton: "Beri masukan",
    declineButton: "Tidak, terima kasih",
  },
};

export type Messages = typeof id;
