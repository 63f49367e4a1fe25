import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { countItems, frameworkItems } from './framework.ts';
import type { Framework } from './framework-schema.ts';
import { validateFramework } from './validate-framework.ts';

function load(key: 'dgca' | 'nine-pillars'): Framework {
  const result = validateFramework(readReferenceFramework(key));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.framework;
}

describe('the dgca reference framework', () => {
  const dgca = load('dgca');

  it('has the six dimensions and twenty sub-dimensions of the DGCA, with their item counts', () => {
    const counts = Object.fromEntries(
      dgca.dimensions.map((dimension) => [
        dimension.code,
        dimension.subdimensions.map((sub) => [sub.code, sub.items.length]),
      ]),
    );
    expect(counts).toEqual({
      LEA: [
        ['LEA-VIS', 4],
        ['LEA-POL', 4],
        ['LEA-DAT', 3],
      ],
      STR: [
        ['STR-GEN', 8],
        ['STR-INT', 3],
        ['STR-DAT', 4],
      ],
      GOV: [
        ['GOV-GEN', 6],
        ['GOV-CAB', 5],
        ['GOV-PAR', 2],
        ['GOV-DAT', 2],
        ['GOV-ORG', 4],
      ],
      LEG: [
        ['LEG-LAW', 5],
        ['LEG-POL', 13],
        ['LEG-DAT', 3],
        ['LEG-PRO', 4],
      ],
      TEC: [
        ['TEC-GEN', 2],
        ['TEC-CAB', 5],
        ['TEC-PUB', 3],
        ['TEC-CYB', 7],
      ],
      PWD: [['PWD-GEN', 7]],
    });
    expect(countItems(dgca)).toBe(94);
  });

  it('numbers items within each dimension, so the seed codes land where the DGCA has them', () => {
    const place = Object.fromEntries(
      frameworkItems(dgca).map(({ item, subdimension }) => [item.code, subdimension.code]),
    );
    expect(place).toMatchObject({
      LEA04: 'LEA-VIS',
      LEA07: 'LEA-POL',
      STR07: 'STR-GEN',
      STR09: 'STR-INT',
      GOV01: 'GOV-GEN',
      GOV18: 'GOV-ORG',
      LEG06: 'LEG-POL',
      LEG24: 'LEG-PRO',
      TEC02: 'TEC-GEN',
      TEC12: 'TEC-CYB',
      PWD03: 'PWD-GEN',
    });
  });

  it('asks every item on a labelled 1–5 agreement scale that allows "not applicable"', () => {
    expect(dgca.scales).toHaveLength(1);
    const [scale] = dgca.scales;
    expect(scale).toMatchObject({ type: 'likert', min: 1, max: 5, notApplicable: true });
    if (scale?.type === 'likert') expect(scale.labels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(frameworkItems(dgca).map(({ item }) => item.scale))).toEqual(
      new Set([scale?.key]),
    );
  });

  it('has a distinct statement for every item, in English and Spanish', () => {
    const statements = frameworkItems(dgca).map(({ item }) => item.statement);
    expect(new Set(statements.map((s) => s.en)).size).toBe(94);
    expect(statements.every((s) => s.en && s.es)).toBe(true);
  });

  it('maps the 1–5 mean onto maturity levels starting at 1', () => {
    expect(dgca.maturityLevels[0]?.minScore).toBe(1);
    expect(dgca.maturityLevels.length).toBeGreaterThanOrEqual(4);
  });

  it('guides every sub-dimension at every level, in English and Spanish, and says how to reach the next', () => {
    const levels = dgca.maturityLevels.map((level) => level.key);
    for (const subdimension of dgca.dimensions.flatMap((d) => d.subdimensions)) {
      const guidance = subdimension.guidance ?? {};
      expect(Object.keys(guidance), subdimension.code).toEqual(levels);
      for (const [index, key] of levels.entries()) {
        const level = guidance[key];
        expect(Object.keys(level?.looksLike ?? {}), `${subdimension.code} ${key}`).toEqual([
          'en',
          'es',
        ]);
        const last = index === levels.length - 1;
        expect(Object.keys(level?.toReachNext ?? {}), `${subdimension.code} ${key}`).toEqual(
          last ? [] : ['en', 'es'],
        );
      }
    }
  });

  it('recommends at least three things for each of its 20 sub-dimensions, one at least for every level below the top', () => {
    const subdimensions = dgca.dimensions.flatMap((d) => d.subdimensions);
    expect(subdimensions).toHaveLength(20);
    const belowTop = dgca.maturityLevels.slice(0, -1).map((level) => level.key);
    for (const subdimension of subdimensions) {
      const recommendations = subdimension.recommendations ?? [];
      expect(recommendations.length, subdimension.code).toBeGreaterThanOrEqual(3);
      for (const level of belowTop)
        expect(
          recommendations.some((r) => r.levels.includes(level)),
          `${subdimension.code} at ${level}`,
        ).toBe(true);
      for (const recommendation of recommendations) {
        expect(recommendation.code.startsWith(`${subdimension.code}-R`)).toBe(true);
        for (const text of [recommendation.title, recommendation.text])
          expect(Object.keys(text), recommendation.code).toEqual(['en', 'es']);
      }
    }
  });
});

describe('the nine-pillars reference framework', () => {
  const pillars = load('nine-pillars');

  it('has nine pillars, each one stage-choice item with a descriptor for each of the four stages', () => {
    expect(pillars.dimensions).toHaveLength(9);
    const scale = pillars.scales[0];
    expect(scale?.type).toBe('stages');
    if (scale?.type !== 'stages') return;
    expect(scale.stages.map((stage) => stage.key)).toEqual([
      'online-presence',
      'transactional',
      'connected',
      'transformative',
    ]);
    for (const { item } of frameworkItems(pillars)) {
      expect(Object.keys(item.descriptors ?? {}).sort()).toEqual(
        scale.stages.map((s) => s.key).sort(),
      );
    }
    expect(countItems(pillars)).toBe(9);
  });

  it('says for each pillar how to reach each next stage, in English and Spanish', () => {
    const belowTop = pillars.maturityLevels.slice(0, -1).map((level) => level.key);
    for (const subdimension of pillars.dimensions.flatMap((d) => d.subdimensions)) {
      expect(Object.keys(subdimension.guidance ?? {}), subdimension.code).toEqual(belowTop);
      for (const key of belowTop)
        expect(Object.keys(subdimension.guidance?.[key]?.toReachNext ?? {})).toEqual(['en', 'es']);
    }
  });
});
