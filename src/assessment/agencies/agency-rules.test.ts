import { describe, expect, it } from 'vitest';
import { checkAgencyFields, isNameTaken, parentProblem, possibleParents } from './agency-rules.ts';

describe('checking an agency’s fields', () => {
  it('normalises what was typed: spaces, level in any case, sector as a key, empty optionals', () => {
    expect(
      checkAgencyFields({
        name: '  Ministry of   Health ',
        acronym: '',
        level: 'National',
        sector: 'Social Protection',
        focalPointEmail: ' ',
      }),
    ).toEqual({
      problems: [],
      fields: {
        name: 'Ministry of Health',
        acronym: null,
        level: 'national',
        sector: 'social-protection',
        focalPointEmail: null,
      },
    });
  });

  it('names every field that is wrong, not just the first', () => {
    const { fields, problems } = checkAgencyFields({
      name: '',
      acronym: 'X'.repeat(21),
      level: 'federal',
      sector: 'santé!',
      focalPointEmail: 'not-an-email',
    });
    expect(fields).toBeUndefined();
    expect(problems).toEqual([
      { field: 'name', rule: 'nameMissing' },
      { field: 'acronym', rule: 'tooLong', values: { max: 20 } },
      { field: 'level', rule: 'levelInvalid' },
      { field: 'sector', rule: 'sectorInvalid' },
      { field: 'focalPointEmail', rule: 'emailInvalid' },
    ]);
  });

  it('asks for a sector and refuses an overlong name', () => {
    const { problems } = checkAgencyFields({ name: 'N'.repeat(201), level: 'local', sector: '' });
    expect(problems.map((problem) => problem.rule)).toEqual(['tooLong', 'sectorMissing']);
  });
});

describe('one name per workspace', () => {
  const agencies = [
    { id: 'a', name: 'Ministry of Health' },
    { id: 'b', name: 'Tax Office' },
  ];
  it('sees a name taken whatever its case or spacing, except by the agency itself', () => {
    expect(isNameTaken('ministry of  HEALTH', agencies)).toBe(true);
    expect(isNameTaken('Ministry of Health', agencies, 'a')).toBe(false);
    expect(isNameTaken('Ministry of Finance', agencies)).toBe(false);
  });
});

describe('choosing a parent', () => {
  // ministry ← directorate ← unit; agency stands alone.
  const parentOf = new Map<string, string | null>([
    ['ministry', null],
    ['directorate', 'ministry'],
    ['unit', 'directorate'],
    ['agency', null],
  ]);

  it('refuses the agency itself and any agency below it', () => {
    expect(parentProblem('ministry', 'ministry', parentOf)?.rule).toBe('parentSelf');
    expect(parentProblem('ministry', 'unit', parentOf)?.rule).toBe('parentDescendant');
    expect(parentProblem('ministry', 'directorate', parentOf)?.rule).toBe('parentDescendant');
  });

  it('accepts an agency above or beside it', () => {
    expect(parentProblem('unit', 'ministry', parentOf)).toBeUndefined();
    expect(parentProblem('directorate', 'agency', parentOf)).toBeUndefined();
  });

  it('does not hang on a loop already in the data', () => {
    const looped = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(parentProblem('z', 'x', looped)).toBeUndefined();
  });

  it('offers as parents only agencies that would not make a loop', () => {
    const agencies = [...parentOf.keys()].map((id) => ({ id }));
    expect(possibleParents(agencies, parentOf, 'directorate').map(({ id }) => id)).toEqual([
      'ministry',
      'agency',
    ]);
    expect(possibleParents(agencies, parentOf)).toHaveLength(4);
  });
});
