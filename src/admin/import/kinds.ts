/**
 * The kinds of admin import files and their columns (SPEC sections 3 and 12, a contract), in the order
 * they are applied: units before people, periods before the capaian that names them.
 * A column whose value may be empty may also be left out of the header; see `ColumnSpec.required`.
 */
export const IMPORT_KINDS = [
  "unit",
  "pegawai",
  "skp",
  "libur",
  "periode",
  "capaian_organisasi",
  "pelatihan",
] as const;

export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnSpec {
  name: string;
  /**
   * Must appear in the header. An optional column may be absent: its values are then left unchanged
   * (`libur.unit_kode` and `periode.unit_kode` are part of the key: absent means every unit, like an empty
   * cell; an absent `periode.batas_penilaian` is an empty one too: `selesai` + 14 days).
   */
  required: boolean;
}

const required = (name: string): ColumnSpec => ({ name, required: true });
const optional = (name: string): ColumnSpec => ({ name, required: false });

/** Columns of each kind, in the order of the contract. */
export const KIND_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  unit: [
    required("kode"),
    required("nama"),
    optional("induk_kode"),
    required("zona_waktu"),
    optional("slack_channel"),
  ],
  pegawai: [
    required("nip"),
    required("nama"),
    required("jabatan"),
    required("unit_kode"),
    optional("atasan_nip"),
    optional("email"),
    optional("slack_user_id"),
  ],
  skp: [
    required("nip"),
    required("tahun"),
    required("kode_rhk"),
    required("rencana_hasil_kerja"),
    required("jenis"),
    required("kode_iki"),
    required("indikator"),
    required("aspek"),
    required("target"),
    required("satuan"),
  ],
  libur: [required("tanggal"), required("nama"), required("jenis"), optional("unit_kode")],
  periode: [
    required("kode"),
    required("nama"),
    required("jenis"),
    required("mulai"),
    required("selesai"),
    optional("batas_penilaian"),
    optional("unit_kode"),
  ],
  capaian_organisasi: [required("unit_kode"), required("periode_kode"), required("capaian")],
  pelatihan: [
    required("kode"),
    required("nama"),
    required("kompetensi"),
    required("jp"),
    optional("penyelenggara"),
    optional("tautan"),
  ],
};

/** Columns holding a NIP: a spreadsheet number cell there has lost digits and is refused. */
export const NIP_COLUMNS: ReadonlySet<string> = new Set(["nip", "atasan_nip"]);

export function isImportKind(name: string): name is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(name);
}
