// Framework documents for tests: the reference files and a small valid one to vary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkItems } from '../src/assessment/frameworks/framework.ts';
import { type Framework, frameworkSchema } from '../src/assessment/frameworks/framework-schema.ts';

const frameworksDir = path.join(import.meta.dirname, '..', 'frameworks');

export function readReferenceFramework(key: 'dgca' | 'nine-pillars'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(frameworksDir, `${key}.json`), 'utf8'));
}

/** The codes of dgca's 94 items, in the framework's order. */
export const dgcaItemCodes: readonly string[] = frameworkItems(
  frameworkSchema.parse(readReferenceFramework('dgca')),
).map(({ item }) => item.code);

/** A minimal valid framework: two dimensions of one sub-dimension each. */
export function buildFramework(overrides: Record<string, unknown> = {}) {
  const item = (code: string) => ({
    code,
    statement: { en: `Statement ${code}` },
    scale: 'agreement',
  });
  return {
    key: 'tiny',
    version: '1.0.0',
    defaultLanguage: 'en',
    name: { en: 'Tiny framework' },
    scales: [
      {
        key: 'agreement',
        type: 'likert',
        min: 1,
        max: 5,
        labels: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: `Label ${value}` } })),
        notApplicable: true,
      },
    ],
    maturityLevels: [
      { key: 'low', name: { en: 'Low' }, minScore: 1 },
      { key: 'high', name: { en: 'High' }, minScore: 3 },
    ],
    dimensions: [
      {
        code: 'AAA',
        name: { en: 'First' },
        subdimensions: [
          { code: 'AAA-G', name: { en: 'General' }, items: [item('AAA01'), item('AAA02')] },
        ],
      },
      {
        code: 'BBB',
        name: { en: 'Second' },
        subdimensions: [{ code: 'BBB-G', name: { en: 'General' }, items: [item('BBB01')] }],
      },
    ],
    ...overrides,
  };
}

/**
 * A valid framework of the given shape, dimension code → sub-dimension code →
 * item codes, on buildFramework's 1–5 agreement scale, ready to score.
 */
export function frameworkOf(shape: Record<string, Record<string, string[]>>): Framework {
  const item = (code: string) => ({ code, statement: { en: code }, scale: 'agreement' });
  return frameworkSchema.parse(
    buildFramework({
      dimensions: Object.entries(shape).map(([code, subdimensions]) => ({
        code,
        name: { en: code },
        subdimensions: Object.entries(subdimensions).map(([subcode, items]) => ({
          code: subcode,
          name: { en: subcode },
          items: items.map(item),
        })),
      })),
    }),
  );
}
