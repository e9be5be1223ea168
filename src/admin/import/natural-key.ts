/**
 * The natural key of each kind (SPEC section 3), read from the raw cells so that a duplicate is reported
 * even when one of the two rows has other errors. NIPs are compared normalised (spaces, apostrophe).
 */
import { normalizeNip } from "../../domain/nip.ts";
import type { ImportKind } from "./kinds.ts";

export interface KindKey {
  columns: readonly string[];
  /** The column a duplicate is reported against. */
  reportColumn: string;
  /** "kode unit ini" in "duplikat: kode unit ini sudah ada di baris 3". */
  description: string;
  /** A key column whose empty cell is a value of its own ("every unit"), not a missing key. */
  mayBeEmpty?: string;
}

export const KIND_KEYS: Record<ImportKind, KindKey> = {
  unit: { columns: ["kode"], reportColumn: "kode", description: "kode unit ini" },
  pegawai: { columns: ["nip"], reportColumn: "nip", description: "NIP ini" },
  skp: {
    columns: ["nip", "tahun", "kode_iki"],
    reportColumn: "kode_iki",
    description: "kombinasi nip, tahun dan kode_iki ini",
  },
  // An empty unit_kode (every unit) is a key of its own.
  libur: {
    columns: ["tanggal", "unit_kode"],
    reportColumn: "tanggal",
    description: "kombinasi tanggal dan unit_kode ini",
    mayBeEmpty: "unit_kode",
  },
  // Likewise: an empty unit_kode (every unit) is a key of its own.
  periode: {
    columns: ["kode", "unit_kode"],
    reportColumn: "kode",
    description: "kombinasi kode dan unit_kode ini",
    mayBeEmpty: "unit_kode",
  },
  capaian_organisasi: {
    columns: ["unit_kode", "periode_kode"],
    reportColumn: "periode_kode",
    description: "kombinasi unit_kode dan periode_kode ini",
  },
  pelatihan: { columns: ["kode"], reportColumn: "kode", description: "kode pelatihan ini" },
};

/** The key of a row, or undefined when a key cell other than the kind's `mayBeEmpty` one is empty. */
export function naturalKey(kind: ImportKind, input: Readonly<Record<string, string>>): string | undefined {
  const { columns, mayBeEmpty } = KIND_KEYS[kind];
  const parts: string[] = [];
  for (const column of columns) {
    const raw = input[column] ?? "";
    const value = column === "nip" ? normalizeNip(raw) : raw.trim();
    if (value === "" && column !== mayBeEmpty) return undefined;
    parts.push(value);
  }
  return parts.join("|");
}
