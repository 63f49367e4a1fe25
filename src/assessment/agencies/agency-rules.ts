// The rules an agency must meet, shared by the form, the API and the CSV
// import so all three say the same thing: checking each field, a name used
// once per workspace, and a parent that is neither the agency nor below it.
import { z } from 'zod';
import { type AgencyLevel, agencyLevels } from './agency-schema.ts';

export const NAME_MAX = 200;
export const ACRONYM_MAX = 20;
export const SECTOR_MAX = 64;
export const EMAIL_MAX = 320;

/** An agency's own fields, checked and normalised; the parent is resolved separately. */
export interface AgencyFields {
  name: string;
  acronym: string | null;
  level: AgencyLevel;
  sector: string;
  focalPointEmail: string | null;
}

/** The fields as typed in a form or a CSV row, before checking. */
export type RawAgencyFields = Partial<Record<keyof AgencyFields, string | null | undefined>>;

/**
 * One thing wrong with one field. `rule` names a message in the catalogue
 * (`agencies.error.<rule>`), and `values` fill its placeholders.
 */
export interface AgencyProblem {
  field: keyof AgencyFields | 'parent';
  rule: string;
  values?: Record<string, string | number>;
}

const blank = (value: string | null | undefined) => (value ?? '').trim();

/** "Social protection" and "social-protection" are the same sector key. */
export function sectorKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export function checkAgencyFields(raw: RawAgencyFields): {
  fields?: AgencyFields;
  problems: AgencyProblem[];
} {
  const problems: AgencyProblem[] = [];
  const name = blank(raw.name).replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', rule: 'nameMissing' });
  else if (name.length > NAME_MAX)
    problems.push({ field: 'name', rule: 'tooLong', values: { max: NAME_MAX } });

  const acronym = blank(raw.acronym);
  if (acronym.length > ACRONYM_MAX)
    problems.push({ field: 'acronym', rule: 'tooLong', values: { max: ACRONYM_MAX } });

  const level = blank(raw.level).toLowerCase();
  if (!agencyLevels.includes(level as AgencyLevel))
    problems.push({ field: 'level', rule: 'levelInvalid' });

  const sector = sectorKey(blank(raw.sector));
  if (!sector) problems.push({ field: 'sector', rule: 'sectorMissing' });
  else if (sector.length > SECTOR_MAX || !/^[a-z0-9-]+$/.test(sector))
    problems.push({ field: 'sector', rule: 'sectorInvalid' });

  const email = blank(raw.focalPointEmail);
  // The length first: an email pattern is slow on a long paste.
  if (email && (email.length > EMAIL_MAX || !z.email().safeParse(email).success))
    problems.push({ field: 'focalPointEmail', rule: 'emailInvalid' });

  if (problems.length > 0) return { problems };
  return {
    problems,
    fields: {
      name,
      acronym: acronym || null,
      level: level as AgencyLevel,
      sector,
      focalPointEmail: email || null,
    },
  };
}

/** Names compare without regard to case or spacing: "Ministry of Health" is "ministry of  health". */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Whether another agency than `selfId` already carries the name. */
export function isNameTaken(
  name: string,
  agencies: readonly { id: string; name: string }[],
  selfId?: string,
): boolean {
  const key = nameKey(name);
  return agencies.some((agency) => agency.id !== selfId && nameKey(agency.name) === key);
}

/**
 * Whether another agency than `selfId` already carries the acronym, whatever
 * its case: acronyms name parents in a CSV file and label agencies in charts,
 * so one must stand for one agency.
 */
export function isAcronymTaken(
  acronym: string | null,
  agencies: readonly { id: string; acronym: string | null }[],
  selfId?: string,
): boolean {
  if (!acronym) return false;
  const key = nameKey(acronym);
  return agencies.some(
    (agency) => agency.id !== selfId && agency.acronym !== null && nameKey(agency.acronym) === key,
  );
}

/**
 * Why `parentId` cannot be the parent of `agencyId`, if it cannot: the agency
 * itself, or one of its descendants (which would make a loop of parents).
 * `parentOf` maps each agency to its current parent.
 */
export function parentProblem(
  agencyId: string,
  parentId: string,
  parentOf: ReadonlyMap<string, string | null>,
): AgencyProblem | undefined {
  if (parentId === agencyId) return { field: 'parent', rule: 'parentSelf' };
  const seen = new Set<string>();
  for (let current: string | null = parentId; current; current = parentOf.get(current) ?? null) {
    if (current === agencyId) return { field: 'parent', rule: 'parentDescendant' };
    // A loop already in the data must not hang the check.
    if (seen.has(current)) break;
    seen.add(current);
  }
  return undefined;
}

/** The agencies that may become the parent of `agencyId` (all, for a new agency). */
export function possibleParents<T extends { id: string }>(
  agencies: readonly T[],
  parentOf: ReadonlyMap<string, string | null>,
  agencyId?: string,
): T[] {
  if (!agencyId) return [...agencies];
  return agencies.filter((agency) => !parentProblem(agencyId, agency.id, parentOf));
}
