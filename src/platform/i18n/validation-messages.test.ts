import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messagesFor } from './messages.ts';
import { fieldLabel, issueProblem } from './validation-messages.ts';

const en = messagesFor('en');
const es = messagesFor('es');

/** The problem a schema finds with a value, as the reader is told it. */
function problemOf(schema: z.ZodType, value: unknown, messages = en): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('the value was accepted');
  const [issue] = result.error.issues;
  if (!issue) throw new Error('no issue');
  return issueProblem(messages, issue, value !== undefined);
}

describe('a refused value in plain words', () => {
  it('says what kind of problem it is, with its limit', () => {
    expect(problemOf(z.string(), undefined)).toBe('is required');
    expect(problemOf(z.string(), 4)).toBe('must be text');
    expect(problemOf(z.string().min(1), '')).toBe('is required');
    expect(problemOf(z.string().max(200), 'x'.repeat(201))).toBe(
      'must be at most 200 characters long',
    );
    expect(problemOf(z.number().positive(), 0)).toBe('must be more than 0');
    expect(problemOf(z.number().int().min(1).max(500), 501)).toBe('must be 500 or less');
    expect(problemOf(z.array(z.string()).min(1), [])).toBe('must have at least 1 entry');
    expect(problemOf(z.enum(['national', 'local']), 'galactic')).toBe(
      'must be one of: national, local',
    );
    expect(problemOf(z.email(), 'nobody')).toBe(
      'must be an email address, such as name@example.org',
    );
    expect(problemOf(z.iso.date(), '31/03/2027')).toBe(
      'must be a date written as YYYY-MM-DD, such as 2027-03-31',
    );
    expect(problemOf(z.strictObject({}), { extra: 1 })).toBe(
      'has a field that is not accepted: extra',
    );
  });

  it('reads a union by the branch that says most', () => {
    const optionalLevel = z.union([z.enum(['national', 'local']), z.literal('')]);
    expect(problemOf(optionalLevel, 'galactic')).toBe('must be one of: national, local');
  });

  it('is in the reader’s language', () => {
    expect(problemOf(z.string().max(20), 'x'.repeat(21), es)).toBe(
      'debe tener como máximo 20 caracteres',
    );
  });

  it('names a field as a person would, leaving out positions in a list', () => {
    expect(fieldLabel(en, ['closesOn'])).toBe('Closing date');
    expect(fieldLabel(en, ['answers', '3', 'evidenceUrl'])).toBe('Evidence link');
    expect(fieldLabel(en, ['someNewField'])).toBe('some new field');
    expect(fieldLabel(es, ['name'])).toBe('Nombre');
  });
});
