import { describe, expect, it } from 'vitest';
import { MAX_RESPONDENTS, readRespondentList } from './respondent-list.ts';

describe('reading a respondent list', () => {
  it('takes typed addresses one per line, or several on a line, in the default language', () => {
    expect(
      readRespondentList(
        'ana@health.gov.example\n\nben@health.gov.example, cy@x.example dee@x.example',
        'es',
      ),
    ).toEqual({
      ok: true,
      respondents: [
        { row: 1, email: 'ana@health.gov.example', language: 'es' },
        { row: 3, email: 'ben@health.gov.example', language: 'es' },
        { row: 3, email: 'cy@x.example', language: 'es' },
        { row: 3, email: 'dee@x.example', language: 'es' },
      ],
    });
  });

  it('takes a CSV with a header row, an email column anywhere and an optional language', () => {
    const csv = '\uFEFFname;Email;Language\n"Reyes; Ana";ana@x.example;ES\nBen;ben@x.example;\n';
    expect(readRespondentList(csv, 'en')).toEqual({
      ok: true,
      respondents: [
        { row: 2, email: 'ana@x.example', language: 'es' },
        { row: 3, email: 'ben@x.example', language: 'en' },
      ],
    });
  });

  it('names the row of every malformed address, duplicate and unknown language', () => {
    const csv =
      'email,language\nana@x.example,en\nnot-an-address,en\nANA@x.example,es\ncy@x.example,klingon\n';
    expect(readRespondentList(csv, 'en')).toEqual({
      ok: false,
      problems: [
        { row: 3, problem: 'invalid_email', value: 'not-an-address' },
        { row: 4, problem: 'duplicate', value: 'ANA@x.example', firstRow: 2 },
        { row: 5, problem: 'invalid_language', value: 'klingon' },
      ],
    });
  });

  it('counts rows as lines of the text, blank lines included', () => {
    const result = readRespondentList('ana@x.example\n\n\nana at x.example', 'en');
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 4, problem: 'invalid_email', value: 'ana at x.example' }],
    });
  });

  it('refuses a CSV whose quotes do not close, an empty list and an oversized one', () => {
    const broken = readRespondentList('email\n"ana@x.example\n', 'en');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]?.problem).toBe('invalid_csv');
    expect(readRespondentList('  \n ', 'en')).toEqual({
      ok: false,
      problems: [{ row: 0, problem: 'empty', value: '' }],
    });
    const many = Array.from({ length: MAX_RESPONDENTS + 1 }, (_, i) => `r${i}@x.example`);
    expect(readRespondentList(many.join('\n'), 'en')).toMatchObject({
      ok: false,
      problems: [{ problem: 'too_many' }],
    });
  });
});
