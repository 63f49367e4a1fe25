// Changing agencies: create, edit and import, each checked against the rules
// and written with its audit entry in one transaction, for pages and API alike.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { ChangedBy } from '../../platform/audit/changed-by.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { listAgencyRefs } from '../../platform/workspaces/agency-directory.ts';
import { type ImportProblem, type PlannedAgency, planAgencyImport } from './agency-import.ts';
import {
  type AgencyProblem,
  checkAgencyFields,
  isAcronymTaken,
  isNameTaken,
  parentProblem,
  type RawAgencyFields,
} from './agency-rules.ts';
import {
  type AgencyValues,
  insertAgency,
  isDuplicateName,
  lockAgencies,
  updateAgency,
} from './agency-store.ts';

export type AgencyInput = RawAgencyFields & { parentId?: string | null | undefined };

const nameOf = (input: AgencyInput) => (input.name ?? '').trim().replace(/\s+/g, ' ');

export type SaveOutcome = { ok: true; id: string } | { ok: false; problems: AgencyProblem[] };

/** Creates an agency, or edits `agencyId`; reports every problem instead of saving. */
export async function saveAgency(
  db: Kysely<Schema>,
  input: AgencyInput,
  by: ChangedBy,
  agencyId?: string,
): Promise<SaveOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      await lockAgencies(tx, by.workspaceId);
      const agencies = await listAgencyRefs(tx, by.workspaceId);
      const before = agencyId ? agencies.find((agency) => agency.id === agencyId) : undefined;
      if (agencyId && !before) throw new AppError('not_found', `There is no agency ${agencyId}`);

      const { fields, problems } = checkAgencyFields(input);
      // A taken name is worth knowing even while other fields are still wrong.
      const name = nameOf(input);
      if (
        !problems.some((problem) => problem.field === 'name') &&
        isNameTaken(name, agencies, agencyId)
      )
        problems.unshift({ field: 'name', rule: 'nameTaken', values: { name } });
      if (fields && isAcronymTaken(fields.acronym, agencies, agencyId))
        problems.push({
          field: 'acronym',
          rule: 'acronymTaken',
          values: { acronym: fields.acronym ?? '' },
        });
      const parentId = input.parentId || null;
      if (parentId) {
        const parentOf = new Map(agencies.map((agency) => [agency.id, agency.parentId]));
        if (!parentOf.has(parentId)) problems.push({ field: 'parent', rule: 'parentNotFound' });
        else if (agencyId) {
          const problem = parentProblem(agencyId, parentId, parentOf);
          if (problem) problems.push(problem);
        }
      }
      if (!fields || problems.length > 0) return { ok: false, problems };

      const values: AgencyValues = { ...fields, parentId };
      if (!before) {
        const id = await insertAgency(tx, by.workspaceId, values);
        await recordAudit(tx, {
          workspaceId: by.workspaceId,
          actor: by.actor,
          action: 'agency.created',
          entityType: 'agency',
          entityId: id,
          details: { name: values.name },
        });
        return { ok: true, id };
      }
      await updateAgency(tx, by.workspaceId, before.id, values);
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'agency.updated',
        entityType: 'agency',
        entityId: before.id,
        details: {
          name: values.name,
          ...(before.name !== values.name ? { was: before.name } : {}),
        },
      });
      return { ok: true, id: before.id };
    });
  } catch (error) {
    // Another request took the name between our check and our write.
    if (isDuplicateName(error))
      return {
        ok: false,
        problems: [
          { field: 'name', rule: 'nameTaken', values: { name: String(input.name ?? '').trim() } },
        ],
      };
    throw error;
  }
}

export type ImportOutcome =
  | { ok: true; imported: { id: string; name: string; row: number }[] }
  | { ok: false; problems: ImportProblem[] };

/** Imports every agency of a CSV file, or none: one transaction, one audit entry per agency. */
export async function importAgencies(
  db: Kysely<Schema>,
  csv: string,
  by: ChangedBy,
): Promise<ImportOutcome> {
  return db.transaction().execute(async (tx) => {
    await lockAgencies(tx, by.workspaceId);
    const plan = planAgencyImport(csv, await listAgencyRefs(tx, by.workspaceId));
    if (!plan.ok) return plan;
    // Ids are chosen here so a row's children can point at it before it is read back.
    const idOfRow = new Map(plan.agencies.map((agency) => [agency.row, randomUUID()]));
    const parentIdOf = (agency: PlannedAgency) =>
      !agency.parent
        ? null
        : 'agencyId' in agency.parent
          ? agency.parent.agencyId
          : (idOfRow.get(agency.parent.row) ?? null);
    const imported = [];
    for (const agency of plan.agencies) {
      const id = idOfRow.get(agency.row) as string;
      const { row, parent: _parent, ...fields } = agency;
      await insertAgency(tx, by.workspaceId, { ...fields, id, parentId: parentIdOf(agency) });
      await recordAudit(tx, {
        workspaceId: by.workspaceId,
        actor: by.actor,
        action: 'agency.imported',
        entityType: 'agency',
        entityId: id,
        details: { name: agency.name, row },
      });
      imported.push({ id, name: agency.name, row });
    }
    return { ok: true, imported: imported.sort((a, b) => a.row - b.row) };
  });
}
