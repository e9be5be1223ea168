/**
 * Upserts people by NIP, writing only people that differ. An optional column left out of the header
 * (email, slack_user_id) keeps the stored value. Slack ids that move between people are released first,
 * so that a swap does not trip the unique index halfway.
 */
import { randomUUID } from "node:crypto";
import type { Existing, ExistingPerson } from "./load-existing.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

export interface PeopleApplied {
  /** NIPs of imported rows whose person was created or updated. */
  created: Set<string>;
  updated: Set<string>;
  /** Every person the import names (imported or referred to): NIP → id. */
  personIdByNip: Map<string, string>;
}

type PersonData = Omit<ExistingPerson, "id">;

export async function applyPeople(
  tx: Tx,
  rows: readonly ParsedRow<"pegawai">[],
  existing: Existing,
  unitByCode: ReadonlyMap<string, { id: string }>,
): Promise<PeopleApplied> {
  const applied: PeopleApplied = { created: new Set(), updated: new Set(), personIdByNip: new Map() };
  for (const person of existing.peopleByNip.values()) applied.personIdByNip.set(person.nip, person.id);

  const creates: (PersonData & { id: string })[] = [];
  const updates: { id: string; data: Partial<PersonData> }[] = [];
  const releaseSlackIds: string[] = [];
  for (const { record } of rows) {
    const before = existing.peopleByNip.get(record.nip);
    const after: PersonData = {
      nip: record.nip,
      nipKind: record.nipKind,
      name: record.name,
      position: record.position,
      unitId: unitByCode.get(record.unitCode)!.id,
      email: record.email === undefined ? (before?.email ?? null) : record.email,
      slackUserId: record.slackUserId === undefined ? (before?.slackUserId ?? null) : record.slackUserId,
    };
    if (before === undefined) {
      const id = randomUUID();
      applied.personIdByNip.set(record.nip, id);
      creates.push({ id, ...after });
      applied.created.add(record.nip);
      continue;
    }
    const data = changedFields(before, after);
    if (data === undefined) continue;
    updates.push({ id: before.id, data });
    applied.updated.add(record.nip);
    if (data.slackUserId !== undefined && before.slackUserId !== null) releaseSlackIds.push(before.id);
  }

  for (const batch of inBatches(releaseSlackIds)) {
    await tx.person.updateMany({ where: { id: { in: batch } }, data: { slackUserId: null } });
  }
  for (const batch of inBatches(creates)) await tx.person.createMany({ data: batch });
  for (const { id, data } of updates) await tx.person.update({ where: { id }, data });
  return applied;
}

function changedFields(before: ExistingPerson, after: PersonData): Partial<PersonData> | undefined {
  const data: Partial<PersonData> = {};
  let changed = false;
  for (const field of ["nipKind", "name", "position", "unitId", "email", "slackUserId"] as const) {
    if (before[field] !== after[field]) {
      Object.assign(data, { [field]: after[field] });
      changed = true;
    }
  }
  return changed ? data : undefined;
}
