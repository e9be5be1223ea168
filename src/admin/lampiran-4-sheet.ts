/**
 * One person's evaluation as a worksheet in the layout of the PermenPANRB 6/2022 evaluation form
 * (Lampiran 4, quantitative approach; research/domain-brief.md 3.5): the header with the period, the
 * person, the rater, the capaian kinerja organisasi and its pola distribusi; the results table grouped
 * "A. Utama" then "B. Tambahan"; the perilaku kerja table (BerAKHLAK) with the rater's notes; the ratings.
 */
import type ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { OrganisationResult, PolaDistribusi, PolaRule } from "../domain/pola-distribusi.ts";
import type { Predikat, Rating } from "../domain/predikat.ts";
import { formatNumber } from "../i18n/format.ts";
import type { IkiEvidence, PeriodEvidence } from "../services/evaluation-evidence.ts";
import type { EvaluationExportRow, PeriodFeedback } from "../services/evaluation-export.ts";

/** Column headers of the results table, (1) to (7). */
export const LAMPIRAN_COLUMNS = [
  "No",
  "Rencana Hasil Kerja",
  "Indikator Kinerja Individu",
  "Target",
  "Realisasi berdasarkan bukti dukung",
  "Capaian %",
  "Umpan balik",
] as const;

/** The seven BerAKHLAK core values in their official order: `behaviour_notes` key → label. */
export const BERAKHLAK_LABELS = [
  ["BERORIENTASI_PELAYANAN", "Berorientasi Pelayanan"],
  ["AKUNTABEL", "Akuntabel"],
  ["KOMPETEN", "Kompeten"],
  ["HARMONIS", "Harmonis"],
  ["LOYAL", "Loyal"],
  ["ADAPTIF", "Adaptif"],
  ["KOLABORATIF", "Kolaboratif"],
] as const;

const RATING_LABEL: Record<Rating, string> = {
  DI_ATAS: "Di Atas Ekspektasi",
  SESUAI: "Sesuai Ekspektasi",
  DI_BAWAH: "Di Bawah Ekspektasi",
};
const PREDIKAT_LABEL: Record<Predikat, string> = {
  SANGAT_BAIK: "Sangat Baik",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG_MISCONDUCT: "Kurang/Misconduct",
  SANGAT_KURANG: "Sangat Kurang",
};
const CAPAIAN_LABEL: Record<OrganisationResult, string> = {
  ISTIMEWA: "Istimewa",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG: "Kurang",
  SANGAT_KURANG: "Sangat Kurang",
};
const STATUS_LABEL = {
  belum_dinilai: "belum dinilai",
  dinilai: "dinilai",
  keberatan: "keberatan diajukan, menunggu keputusan atasan pejabat penilai",
  final: "final",
} as const;
const OBJECTION_LABEL = { "": "tidak ada", diajukan: "diajukan", tetap: "tetap", diubah: "diubah" } as const;

const LAST_COLUMN = LAMPIRAN_COLUMNS.length;
const WIDTHS = [6, 38, 38, 16, 32, 11, 42];

export interface LampiranInput {
  row: EvaluationExportRow;
  evidence: PeriodEvidence;
  feedback: PeriodFeedback;
  pola: PolaDistribusi;
  /** the rating instant as written in the summary (ISO 8601 with the unit's offset), or "" */
  ratedAt: string;
}

/** "1 Januari 2026" */
export function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("id-ID").toFormat("d LLLL yyyy");
}

/** "Baik paling banyak 70 %; Butuh Perbaikan/Kurang/Misconduct paling sedikit 1 orang" */
export function describePola(pola: PolaDistribusi, result: OrganisationResult): string {
  const rules = pola.rules[result] ?? [];
  return rules.map(describeRule).join("; ") || "-";
}

function describeRule(rule: PolaRule): string {
  const who = rule.predikat.map((p) => PREDIKAT_LABEL[p]).join("/");
  const parts: string[] = [];
  if (rule.maxPercent === 0) return `tidak ada ${who}`;
  if (rule.minPercent !== undefined) parts.push(`paling sedikit ${rule.minPercent} %`);
  if (rule.maxPercent !== undefined) parts.push(`paling banyak ${rule.maxPercent} %`);
  if (rule.minCount !== undefined) parts.push(`paling sedikit ${rule.minCount} orang`);
  return `${who} ${parts.join(" dan ")}`;
}

/** A worksheet name: at most 31 characters, none of `[]:*?/\` and no apostrophe. */
export function sheetName(nip: string, name: string): string {
  return `${nip} ${name}`
    .replace(/[[\]:*?/\\']/g, "")
    .slice(0, 31)
    .trim();
}

export function addLampiranSheet(workbook: ExcelJS.Workbook, input: LampiranInput): ExcelJS.Worksheet {
  const { row, evidence, feedback, pola } = input;
  const sheet = workbook.addWorksheet(sheetName(row.person.nip, row.person.name));
  WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const line = (values: (string | number | null)[]) => sheet.addRow(values);
  const wide = (text: string, bold = false) => {
    const added = line([text]);
    sheet.mergeCells(added.number, 1, added.number, LAST_COLUMN);
    added.getCell(1).font = { bold };
    added.getCell(1).alignment = { wrapText: true, vertical: "top" };
    return added;
  };
  const field = (label: string, value: string) => {
    const added = line([null, label, value]);
    sheet.mergeCells(added.number, 3, added.number, LAST_COLUMN);
    added.getCell(3).numFmt = "@";
    added.getCell(3).alignment = { wrapText: true, vertical: "top" };
    return added;
  };

  const { period } = row;
  wide("EVALUASI KINERJA PEGAWAI", true);
  wide(`PERIODE: ${period.name.toUpperCase()} (${period.code})`, true);
  wide(`Periode penilaian: ${longDate(period.startDate)} s.d. ${longDate(period.endDate)}`);
  line([]);
  wide("Pegawai yang dinilai", true);
  field("Nama", row.person.name);
  field("NIP", row.person.nip);
  field("Jabatan", row.person.position);
  field("Unit kerja", row.unit.name);
  wide("Pejabat penilai kinerja", true);
  field("Nama", row.rater?.name ?? "-");
  field("NIP", row.rater?.nip ?? "-");
  field("Capaian kinerja organisasi", row.capaian ? CAPAIAN_LABEL[row.capaian] : "belum ditetapkan");
  field("Pola distribusi", row.capaian ? describePola(pola, row.capaian) : "-");
  line([]);

  const header = line([...LAMPIRAN_COLUMNS]);
  const numbers = line(LAMPIRAN_COLUMNS.map((_, index) => `(${index + 1})`));
  for (const added of [header, numbers]) {
    added.font = { bold: added === header };
    added.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  }
  for (const [title, kind] of [
    ["A. Utama", "UTAMA"],
    ["B. Tambahan", "TAMBAHAN"],
  ] as const) {
    wide(title, true);
    resultRows(
      sheet,
      evidence.ikis.filter((iki) => iki.rhkKind === kind),
      feedback,
    );
  }
  if (feedback.other.length > 0) {
    wide(`Umpan balik berkelanjutan lainnya:\n${feedback.other.map(feedbackLine).join("\n")}`);
  }
  wide(
    `Menit kerja disetujui dalam periode: ${formatNumber(evidence.approvedMinutes, "id")} dari ` +
      `${formatNumber(evidence.availableMinutes, "id")} menit tersedia (${evidence.approvedActivities} kegiatan disetujui)`,
  );
  line([]);

  const behaviourHeader = line(["No", "Perilaku Kerja (BerAKHLAK)", "Catatan pejabat penilai"]);
  sheet.mergeCells(behaviourHeader.number, 3, behaviourHeader.number, LAST_COLUMN);
  behaviourHeader.font = { bold: true };
  BERAKHLAK_LABELS.forEach(([key, label], index) => {
    const added = line([index + 1, label, row.evaluation?.behaviourNotes[key] ?? ""]);
    sheet.mergeCells(added.number, 3, added.number, LAST_COLUMN);
    added.getCell(3).alignment = { wrapText: true, vertical: "top" };
  });
  line([]);

  const evaluation = row.evaluation;
  const headNote = evaluation?.unitHead ? " (mengikuti capaian kinerja organisasi)" : "";
  const rated = (text: string) => (evaluation ? text : "belum dinilai");
  field("Rating hasil kerja", rated(`${labelOf(evaluation?.ratingHasilKerja)}${headNote}`)).font = {
    bold: true,
  };
  field("Rating perilaku kerja", rated(labelOf(evaluation?.ratingPerilaku))).font = { bold: true };
  field(
    "Predikat kinerja",
    rated(evaluation ? `${PREDIKAT_LABEL[evaluation.predikat]} (${evaluation.predikat})` : ""),
  ).font = { bold: true };
  field("Umpan balik pejabat penilai", evaluation?.feedback ?? "-");
  field("Status", STATUS_LABEL[row.status] + (evaluation?.late ? " (dinilai setelah batas penilaian)" : ""));
  field("Keberatan", OBJECTION_LABEL[row.objection]);
  field("Ditetapkan pada", input.ratedAt || "-");
  return sheet;
}

const labelOf = (rating: Rating | undefined) => (rating ? `${RATING_LABEL[rating]} (${rating})` : "");

const feedbackLine = (entry: { at: Date; fromName: string; text: string }) =>
  `• ${entry.text} (${entry.fromName})`;

/** One row per IKI; the No and RHK cells of an RHK with several IKIs are merged down. */
function resultRows(sheet: ExcelJS.Worksheet, ikis: readonly IkiEvidence[], feedback: PeriodFeedback): void {
  if (ikis.length === 0) {
    const added = sheet.addRow(["-", "Tidak ada"]);
    added.getCell(2).font = { italic: true };
    return;
  }
  let number = 0;
  for (let start = 0; start < ikis.length; ) {
    const rhkCode = ikis[start]!.rhkCode;
    let end = start;
    while (end + 1 < ikis.length && ikis[end + 1]!.rhkCode === rhkCode) end++;
    number += 1;
    const first = sheet.lastRow ? sheet.lastRow.number + 1 : 1;
    for (let index = start; index <= end; index++) {
      const iki = ikis[index]!;
      const added = sheet.addRow([
        index === start ? number : null,
        index === start ? iki.rhkDescription : null,
        iki.indicator,
        `${formatNumber(iki.target, "id")} ${iki.unitLabel}`,
        `${formatNumber(iki.realisedInPeriod, "id")} ${iki.unitLabel} pada periode ini; ` +
          `${formatNumber(iki.realisedToEnd, "id")} ${iki.unitLabel} sejak 1 Januari`,
        iki.percent,
        (feedback.byIki.get(iki.ikiCode) ?? []).map(feedbackLine).join("\n"),
      ]);
      added.getCell(6).numFmt = "0.0";
      added.alignment = { wrapText: true, vertical: "top" };
    }
    if (end > start) {
      sheet.mergeCells(first, 1, first + end - start, 1);
      sheet.mergeCells(first, 2, first + end - start, 2);
    }
    start = end + 1;
  }
}
