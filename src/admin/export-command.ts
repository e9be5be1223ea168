import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { EvidenceLinks } from "../conversation/review-message.ts";
import type { Db } from "../db/client.ts";
import type { AdminIo } from "./io.ts";
import { unitWithDescendants } from "./unit-tree.ts";

/**
 * Who did it, then the fields of e-Kinerja BKN's "Progres Harian" form in the form's order
 * (research/domain-brief.md 5.5: Rencana Aksi, tanggal kegiatan, jam mulai, jam selesai, kegiatan harian,
 * realisasi as a whole number, satuan, bukti dukung as links), then our minutes, status and supervisor.
 */
export const EXPORT_COLUMNS = [
  "nip",
  "nama",
  "rencana_aksi",
  "tanggal_kegiatan",
  "jam_mulai",
  "jam_selesai",
  "kegiatan_harian",
  "realisasi",
  "satuan",
  "bukti_dukung",
  "menit",
  "status",
  "atasan_nip",
  "atasan_nama",
] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number>;

const clock = (minute: number | null) =>
  minute === null
    ? ""
    : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export interface ExportDeps {
  db: Db;
  io: AdminIo;
  /** signed, long-lived links to photos and documents (see export-evidence-links.ts) */
  links: EvidenceLinks;
}

/**
 * `bukti_dukung`: each piece of evidence as a link, separated by spaces: a link the employee sent as it
 * is; a photo or document as the product's signed `/evidence/<id>` link (never a platform file URL).
 */
export function evidenceLinks(
  evidence: readonly { id: string; kind: string; url: string | null }[],
  links: EvidenceLinks,
): string {
  return evidence
    .map((e) => (e.kind === "LINK" ? e.url : links.evidenceUrl(e.id)))
    .filter((url): url is string => Boolean(url))
    .join(" ");
}

/**
 * `export --month YYYY-MM [--unit KODE] --format csv|xlsx --out FILE`: every activity dated in the month
 * (any status: only DISETUJUI counts), of people of the unit and the units below it, by NIP and time.
 */
export async function runExport({ db, io, links }: ExportDeps, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      month: { type: "string" },
      unit: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    },
  });
  const month = values.month ? DateTime.fromFormat(values.month, "yyyy-MM", { zone: "UTC" }) : undefined;
  const problems: string[] = [];
  if (!month?.isValid) problems.push("--month must be YYYY-MM");
  if (values.format !== "csv" && values.format !== "xlsx") problems.push("--format must be csv or xlsx");
  if (!values.out) problems.push("--out FILE is required");
  if (problems.length > 0 || !month || !values.out) {
    for (const p of problems) io.err.write(`export: ${p}\n`);
    return 2;
  }
  let unitIds: string[] | undefined;
  if (values.unit) {
    const unit = await db.unit.findUnique({ where: { code: values.unit } });
    if (!unit) {
      io.err.write(`export: --unit ${values.unit}: no such unit\n`);
      return 1;
    }
    unitIds = await unitWithDescendants(db, unit.id);
  }

  const from = month.startOf("month").toJSDate();
  const to = month.endOf("month").startOf("day").toJSDate();
  const activities = await db.activity.findMany({
    where: { date: { gte: from, lte: to }, ...(unitIds ? { person: { unitId: { in: unitIds } } } : {}) },
    include: {
      person: { select: { id: true, nip: true, name: true } },
      iki: { select: { indicator: true, rhk: { select: { description: true } } } },
      evidence: { select: { id: true, kind: true, url: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ person: { nip: "asc" } }, { date: "asc" }, { startMinute: "asc" }, { submittedAt: "asc" }],
  });
  const relations = await db.supervisorRelation.findMany({
    where: { personId: { in: [...new Set(activities.map((a) => a.personId))] }, validFrom: { lte: to } },
    include: { supervisor: { select: { nip: true, name: true } } },
  });
  const supervisorOn = (personId: string, date: Date) =>
    relations.find(
      (r) => r.personId === personId && r.validFrom <= date && (r.validTo === null || r.validTo > date),
    )?.supervisor;

  const rows: ExportRow[] = activities.map((a) => {
    const supervisor = supervisorOn(a.personId, a.date);
    return {
      nip: a.person.nip,
      nama: a.person.name,
      rencana_aksi: a.iki ? `${a.iki.rhk.description} — ${a.iki.indicator}` : "Tugas lain",
      tanggal_kegiatan: a.date.toISOString().slice(0, 10),
      jam_mulai: clock(a.startMinute),
      jam_selesai: clock(a.endMinute),
      kegiatan_harian: a.description,
      realisasi: a.quantity,
      satuan: a.unitLabel,
      bukti_dukung: evidenceLinks(a.evidence, links),
      menit: a.minutes,
      status: a.status,
      atasan_nip: supervisor?.nip ?? "",
      atasan_nama: supervisor?.name ?? "",
    };
  });

  if (values.format === "csv") {
    await writeFile(values.out, stringify(rows, { header: true, columns: [...EXPORT_COLUMNS] }));
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("progres_harian");
    sheet.columns = EXPORT_COLUMNS.map((key) => ({
      header: key,
      key,
      width: key === "kegiatan_harian" ? 60 : 18,
    }));
    sheet.getColumn("nip").numFmt = "@";
    sheet.getColumn("atasan_nip").numFmt = "@";
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(rows);
    // A single piece of evidence becomes a clickable link.
    sheet.getColumn("bukti_dukung").eachCell((cell, rowNumber) => {
      const text = String(cell.value ?? "");
      if (rowNumber > 1 && /^https?:\/\/\S+$/.test(text)) cell.value = { text, hyperlink: text };
    });
    await workbook.xlsx.writeFile(values.out);
  }
  io.out.write(`${rows.length} activities of ${values.month} written to ${values.out}\n`);
  return 0;
}
