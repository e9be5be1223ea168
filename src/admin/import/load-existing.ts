/**
 * What the database already holds for the keys of an import, read in a few batched queries:
 * every unit (the tree is needed whole to find cycles), the people the import names and every
 * evaluation period (a capaian row's period may come from any unit above its own).
 */
import type { NipKind, PeriodKind } from "../../generated/prisma/enums.ts";
import type { ParsedRows } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

export interface ExistingUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  timeZone: string;
  slackChannel: string | null;
}

export interface ExistingPerson {
  id: string;
  nip: string;
  nipKind: NipKind;
  name: string;
  position: string;
  unitId: string;
  email: string | null;
  slackUserId: string | null;
}

export interface ExistingPeriod {
  id: string;
  code: string;
  name: string;
  kind: PeriodKind;
  startDate: Date;
  endDate: Date;
  ratingDeadline: Date;
  unitId: string | null;
  /** the unit's id, or "*" for every unit */
  scope: string;
}

export interface Existing {
  unitsByCode: Map<string, ExistingUnit>;
  unitsById: Map<string, ExistingUnit>;
  peopleByNip: Map<string, ExistingPerson>;
  /** Slack user ids held by people the import names or whose Slack id it uses. */
  nipBySlackUserId: Map<string, string>;
  periods: ExistingPeriod[];
}

const PERSON_FIELDS = {
  id: true,
  nip: true,
  nipKind: true,
  name: true,
  position: true,
  unitId: true,
  email: true,
  slackUserId: true,
} as const;

export async function loadExisting(tx: Tx, rows: ParsedRows): Promise<Existing> {
  const units = await tx.unit.findMany({
    select: { id: true, code: true, name: true, parentId: true, timeZone: true, slackChannel: true },
  });
  const nips = new Set<string>();
  const slackUserIds = new Set<string>();
  for (const { record } of rows.pegawai) {
    nips.add(record.nip);
    if (record.supervisorNip) nips.add(record.supervisorNip);
    if (record.slackUserId) slackUserIds.add(record.slackUserId);
  }
  for (const { record } of rows.skp) nips.add(record.nip);

  const people: ExistingPerson[] = [];
  for (const batch of inBatches([...nips])) {
    people.push(...(await tx.person.findMany({ where: { nip: { in: batch } }, select: PERSON_FIELDS })));
  }
  for (const batch of inBatches([...slackUserIds])) {
    people.push(
      ...(await tx.person.findMany({ where: { slackUserId: { in: batch } }, select: PERSON_FIELDS })),
    );
  }

  // Only a capaian row needs them all; a period row needs the ones with its codes.
  const periods =
    rows.capaian_organisasi.length > 0 || rows.periode.length > 0
      ? await tx.evaluationPeriod.findMany({
          ...(rows.capaian_organisasi.length === 0
            ? { where: { code: { in: [...new Set(rows.periode.map((row) => row.record.code))] } } }
            : {}),
          select: {
            id: true,
            code: true,
            name: true,
            kind: true,
            startDate: true,
            endDate: true,
            ratingDeadline: true,
            unitId: true,
            scope: true,
          },
        })
      : [];

  const existing: Existing = {
    unitsByCode: new Map(units.map((unit) => [unit.code, unit])),
    unitsById: new Map(units.map((unit) => [unit.id, unit])),
    peopleByNip: new Map(people.map((person) => [person.nip, person])),
    nipBySlackUserId: new Map(),
    periods,
  };
  for (const person of existing.peopleByNip.values()) {
    if (person.slackUserId !== null) existing.nipBySlackUserId.set(person.slackUserId, person.nip);
  }
  return existing;
}
