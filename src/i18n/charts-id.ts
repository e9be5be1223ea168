/** Texts of the charts (`/target`, `/rekap`) and of the monthly recap, Indonesian: the reference. */
export const chartsId = {
  approved: "Disetujui",
  pending: "Menunggu persetujuan",
  available: "Menit tersedia",
  targetLine: "Target 100%",
  percentAxis: "% dari target (disetujui)",
  minutesAxis: "menit",
  targetTitle: (year: number) => `Capaian SKP ${year}`,
  moreIndicators: (n: number) => `+${n} indikator lain ada di teks`,
  targetAlt: (year: number, entries: string[]) => `Grafik capaian SKP ${year}: ${entries.join(", ")}.`,
  targetAltEntry: (code: string, percent: string) => `${code} ${percent}%`,
  monthTitle: (month: string, approved: string, available: string) =>
    `Menit kerja ${month}: ${approved} dari ${available} menit disetujui`,
  monthAlt: (month: string, approved: string, available: string, reported: number) =>
    `Grafik menit kerja ${month}: ${approved} dari ${available} menit disetujui, ${reported} hari dilaporkan.`,
  recap: {
    header: (month: string) => `Rekap kinerja ${month}:`,
    day: (date: string, approved: string, pending: string, available: string) =>
      `• ${date}: disetujui ${approved}${pending !== "0" ? `, menunggu ${pending}` : ""} dari ${available} menit`,
    dayAbsent: (date: string, approved: string) =>
      `• ${date}: izin/cuti${approved !== "0" ? `, disetujui ${approved} menit` : ""}`,
    dayOff: (date: string, approved: string) => `• ${date}: hari libur, disetujui ${approved} menit`,
    total: (approved: string, available: string, percent: string) =>
      `Total disetujui: ${approved} dari ${available} menit tersedia (${percent}%).`,
    pendingTotal: (pending: string) => `Masih menunggu persetujuan: ${pending} menit.`,
    reported: (days: number, workingDays: number) =>
      `Hari dilaporkan: ${days} dari ${workingDays} hari kerja.`,
    noReports: "Belum ada laporan pada bulan ini.",
    badMonth: (command: string) =>
      `Maaf, bulan itu tidak saya kenali. Tulis misalnya ${command} 2026-11 atau ${command} november (tanpa apa pun: bulan ini).`,
    futureMonth: (month: string) =>
      `${month} belum dimulai. Rekap tersedia untuk bulan ini dan bulan sebelumnya.`,
  },
};

export type ChartMessages = typeof chartsId;
