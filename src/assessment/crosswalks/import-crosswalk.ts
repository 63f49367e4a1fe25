// Importing lens and crosswalk files, the one path for the API and the
// reference files under frameworks/lenses and frameworks/crosswalks: look up
// what a file refers to, validate everything, then write or write nothing.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit-store.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type FrameworkProblem, findFramework, readFrameworkFile } from '../frameworks/index.ts';
import {
  findLens,
  type ImportOutcome,
  type StoredCrosswalk,
  type StoredLens,
  storeCrosswalk,
  storeLens,
} from './crosswalk-store.ts';
import { type CrosswalkCoverage, referencesOf, validateCrosswalk } from './validate-crosswalk.ts';
import { validateLens } from './validate-lens.ts';

const referenceDir = path.join(import.meta.dirname, '..', '..', '..', 'frameworks');

type By = { workspaceId: string | null; actor: AuditEntry['actor'] };

function refuse(what: string, problems: FrameworkProblem[]): never {
  const count = problems.length;
  throw new AppError(
    'invalid_framework',
    `The ${what} file has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
    problems,
  );
}

export async function importLens(
  db: Kysely<Schema>,
  document: unknown,
  by: By,
): Promise<{ stored: StoredLens; outcome: ImportOutcome }> {
  const validation = validateLens(document);
  if (!validation.ok) refuse('lens', validation.problems);
  const { lens } = validation;
  return db.transaction().execute(async (tx) => {
    const result = await storeLens(tx, lens, document);
    if (result.outcome === 'created')
      await recordAudit(tx, {
        ...by,
        action: 'lens.imported',
        entityType: 'lens',
        entityId: result.stored.id,
        details: { key: lens.key, version: lens.version },
      });
    return result;
  });
}

export async function importCrosswalk(
  db: Kysely<Schema>,
  document: unknown,
  by: By,
): Promise<{ stored: StoredCrosswalk; outcome: ImportOutcome; coverage: CrosswalkCoverage }> {
  return db.transaction().execute(async (tx) => {
    const references = referencesOf(document);
    const source =
      references.from &&
      (await findFramework(tx, references.from.framework, references.from.version));
    const to = references.to;
    const targetFramework =
      to?.kind === 'framework' ? await findFramework(tx, to.key, to.version) : undefined;
    const targetLens = to?.kind === 'lens' ? await findLens(tx, to.key, to.version) : undefined;
    const validation = validateCrosswalk(document, {
      source: source?.framework,
      target: targetFramework?.framework ?? targetLens?.lens,
    });
    if (!validation.ok) refuse('crosswalk', validation.problems);
    const { crosswalk, coverage } = validation;
    // Validation found both ends stored, or it would have refused the file.
    if (!source) throw new Error('A validated crosswalk names a stored framework');
    const result = await storeCrosswalk(tx, crosswalk, document, {
      sourceFrameworkId: source.id,
      targetFrameworkId: targetFramework?.id ?? null,
      targetLensId: targetLens?.id ?? null,
    });
    if (result.outcome === 'created')
      await recordAudit(tx, {
        ...by,
        action: 'crosswalk.imported',
        entityType: 'crosswalk',
        entityId: result.stored.id,
        details: { key: crosswalk.key, version: crosswalk.version },
      });
    return { ...result, coverage };
  });
}

function jsonFiles(folder: string): string[] {
  const dir = path.join(referenceDir, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}

/**
 * Imports each reference lens, then each reference crosswalk, whose version
 * is not stored yet; after the reference frameworks, which crosswalks read.
 */
export async function installReferenceCrosswalks(db: Kysely<Schema>): Promise<void> {
  const by = { workspaceId: null, actor: { system: 'reference crosswalks' } };
  for (const file of jsonFiles('lenses')) await importLens(db, readFrameworkFile(file), by);
  for (const file of jsonFiles('crosswalks'))
    await importCrosswalk(db, readFrameworkFile(file), by);
}
