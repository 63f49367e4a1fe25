// Lens and crosswalk files: the reference ones are valid, and a broken file
// hears of every problem at once, each with its path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import { lensSchema } from './lens-schema.ts';
import { validateCrosswalk } from './validate-crosswalk.ts';
import { validateLens } from './validate-lens.ts';

const frameworksDir = path.join(import.meta.dirname, '..', '..', '..', 'frameworks');
const readJson = (file: string) =>
  JSON.parse(readFileSync(path.join(frameworksDir, file), 'utf8')) as Record<string, unknown>;

const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));
const ninePillars = frameworkSchema.parse(readReferenceFramework('nine-pillars'));
const lens = (key: string) => lensSchema.parse(readJson(`lenses/${key}.json`));
const targets = {
  'dgca-to-nine-pillars': ninePillars,
  'dgca-to-dgra': lens('dgra'),
  'dgca-to-oecd-dgi': lens('oecd-dgi'),
};

describe('the reference lenses and crosswalks', () => {
  it.each(['dgra', 'oecd-dgi'])('lens %s is valid, with English and Spanish text', (key) => {
    const document = readJson(`lenses/${key}.json`);
    expect(validateLens(document)).toMatchObject({ ok: true });
    const text = JSON.stringify(document);
    expect(text.match(/"en":/g)?.length).toBe(text.match(/"es":/g)?.length);
  });

  it('have the DGRA’s nine foundations and the OECD index’s six dimensions', () => {
    expect(lens('dgra').dimensions).toHaveLength(9);
    expect(lens('oecd-dgi').dimensions.map((d) => d.name.en)).toEqual([
      'Digital by design',
      'Data-driven public sector',
      'Government as a platform',
      'Open by default',
      'User-driven',
      'Proactiveness',
    ]);
  });

  it.each(
    Object.entries(targets),
  )('crosswalk %s is valid and reaches every target dimension', (key, target) => {
    const document = readJson(`crosswalks/${key}.json`);
    const validation = validateCrosswalk(document, { source: dgca, target });
    expect(validation).toMatchObject({ ok: true, coverage: { targetsWithoutMappings: [] } });
    const text = JSON.stringify(document);
    expect(text.match(/"en":/g)?.length).toBe(text.match(/"es":/g)?.length);
  });

  it('lists the dgca items the OECD index has no dimension for, as information', () => {
    const validation = validateCrosswalk(readJson('crosswalks/dgca-to-oecd-dgi.json'), {
      source: dgca,
      target: lens('oecd-dgi'),
    });
    if (!validation.ok) throw new Error('the reference crosswalk is valid');
    expect(validation.coverage.unmappedItems).toEqual(
      expect.arrayContaining(['TEC11', 'TEC17', 'PWD01', 'PWD07']),
    );
    expect(validation.coverage.unmappedItems).not.toContain('STR13');
  });
});

describe('a broken crosswalk', () => {
  const valid = () => readJson('crosswalks/dgca-to-nine-pillars.json');

  it('reports every problem at once with its path', () => {
    const document = valid();
    const mappings = document.mappings as Record<string, unknown>[];
    mappings[0] = { ...mappings[0], source: 'LEA99' };
    mappings[1] = { ...mappings[1], target: 'XYZ' };
    mappings[2] = { ...mappings[2], weight: 0 };
    mappings.push({ ...mappings[3] });
    // LEA10 is in LEA-DAT, which mappings[14] maps onto DAT.
    mappings.push({ source: 'LEA10', target: 'DAT', rationale: { es: 'sólo en español' } });
    const validation = validateCrosswalk(document, { source: dgca, target: ninePillars });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    const last = mappings.length - 1;
    expect(validation.problems).toEqual(
      expect.arrayContaining([
        {
          path: 'mappings[0].source',
          message: '"LEA99" is neither an item nor a sub-dimension of dgca',
        },
        {
          path: 'mappings[1].target',
          message: expect.stringMatching(
            /^"XYZ" is not a dimension of nine-pillars; the dimensions are "VLM"/,
          ),
        },
        { path: 'mappings[2].weight', message: 'must be greater than 0' },
        {
          path: `mappings[${last - 1}]`,
          message: 'duplicate mapping of "LEG-LAW" onto "LIF", first at mappings[3]',
        },
        {
          path: `mappings[${last}].source`,
          message:
            '"LEA10" is in "LEA-DAT", which mappings[14] maps onto "DAT" already: it would count twice',
        },
        {
          path: `mappings[${last}].rationale`,
          message: 'missing text in the default language "en"',
        },
      ]),
    );
    expect(validation.problems).toHaveLength(6);
  });

  it('names a framework or lens that is not stored, and a target naming both', () => {
    const document = {
      ...valid(),
      to: { framework: 'nine-pillars', lens: 'dgra', version: '1.0.0' },
    };
    const validation = validateCrosswalk(document, { source: undefined, target: undefined });
    expect(validation).toEqual({
      ok: false,
      problems: [
        { path: 'from', message: 'no framework "dgca" version 1.1.0 is stored; import it first' },
        { path: 'to', message: 'must name a framework or a lens, not both' },
      ],
    });
  });
});

describe('a broken lens', () => {
  it('reports duplicate codes, levels out of order and missing text with their paths', () => {
    const document = readJson('lenses/dgra.json');
    const dimensions = document.dimensions as Record<string, unknown>[];
    dimensions[1] = { ...dimensions[1], code: 'LGV' };
    const levels = document.levels as Record<string, unknown>[];
    levels[0] = { ...levels[0], minScore: 0 };
    levels[2] = { ...levels[2], minScore: 1.5, name: { es: 'Establecido' } };
    const validation = validateLens(document);
    expect(validation).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        {
          path: 'dimensions[1].code',
          message: 'duplicate code "LGV", first used at dimensions[0].code',
        },
        {
          path: 'levels[0].minScore',
          message: 'the first level must start at the lowest score, 1',
        },
        {
          path: 'levels[2].minScore',
          message: "must be greater than the previous level's minScore (1.75)",
        },
        { path: 'levels[2].name', message: 'missing text in the default language "en"' },
      ]),
    });
    if (!validation.ok) expect(validation.problems).toHaveLength(4);
  });
});
