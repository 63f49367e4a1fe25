// The item codes of the dgca reference framework, read from its file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkItems } from '../src/frameworks/framework.ts';
import { frameworkSchema } from '../src/frameworks/framework-schema.ts';

export function frameworkItemCodes(): string[] {
  const file = path.join(import.meta.dirname, '..', 'frameworks', 'dgca.json');
  const dgca = frameworkSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return frameworkItems(dgca).map(({ item }) => item.code);
}
