/**
 * Writes a validated import: units, then people and their supervisors, then SKPs and holidays, then
 * evaluation periods and the capaian kinerja organisasi that names them.
 */
import { applyCapaian } from "./apply-capaian.ts";
import { applyHolidays } from "./apply-holidays.ts";
import { applyPeople } from "./apply-people.ts";
import { applyPeriods } from "./apply-periods.ts";
import { applySkp } from "./apply-skp.ts";
import { applySupervisors } from "./apply-supervisors.ts";
import { applyTrainings } from "./apply-trainings.ts";
import { applyUnits } from "./apply-units.ts";
import { emptyCounts, type ImportCounts, tally } from "./counts.ts";
import type { Existing } from "./load-existing.ts";
import type { ParsedRows } from "./parse-rows.ts";
import type { Tx } from "./transaction-client.ts";

/** Must run inside the import transaction, after `validateImport` found nothing wrong. */
export async function applyImport(
  tx: Tx,
  rows: ParsedRows,
  existing: Existing,
  now: Date,
): Promise<ImportCounts> {
  const units = await applyUnits(tx, rows.unit, existing);
  const people = await applyPeople(tx, rows.pegawai, existing, units.unitByCode);
  const supervisors = await applySupervisors(tx, rows.pegawai, people.personIdByNip, units.unitByCode, now);
  const pelatihan = await applyTrainings(tx, rows.pelatihan);
  const pegawai = emptyCounts();
  for (const { record } of rows.pegawai) {
    if (people.created.has(record.nip)) tally(pegawai, "created");
    else if (people.updated.has(record.nip) || supervisors.changed.has(record.nip)) tally(pegawai, "updated");
    else tally(pegawai, "unchanged");
  }
  return {
    unit: units.counts,
    pegawai,
    skp: await applySkp(tx, rows.skp, people.personIdByNip),
    libur: await applyHolidays(tx, rows.libur, units.unitByCode),
    periode: await applyPeriods(tx, rows.periode, existing.periods, units.unitByCode),
    capaian_organisasi: await applyCapaian(tx, rows.capaian_organisasi, units.unitByCode),
    pelatihan: pelatihan.counts,
    pelatihanDeactivated: pelatihan.deactivated,
    atasan: { opened: supervisors.opened, closed: supervisors.closed },
  };
}
