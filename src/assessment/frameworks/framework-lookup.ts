// A framework named in a path, as the pages and the API take it: its key and
// version, and the stored framework they name or a 404.
import { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findFramework } from './framework-store.ts';

export const frameworkKey = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be a framework key such as "dgca"');
export const frameworkVersion = z
  .string()
  .regex(/^\d+\.\d+(\.\d+)?$/, 'must be a version number such as "1.0.0"');

export async function requireFramework(database: Database, key: string, version?: string) {
  const stored = await findFramework(database.db, key, version);
  if (!stored) {
    throw new AppError(
      'not_found',
      version ? `Framework "${key}" has no version ${version}` : `There is no framework "${key}"`,
    );
  }
  return stored;
}
