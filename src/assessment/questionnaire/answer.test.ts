import { describe, expect, it } from 'vitest';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import {
  type AnswerContent,
  checkAnswers,
  describeAnswerProblem,
  isAnswered,
  normalizeAnswer,
} from './answer.ts';

const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));
const pillars = frameworkSchema.parse(readReferenceFramework('nine-pillars'));

const answer = (itemCode: string, content: Partial<AnswerContent> = {}) => ({
  itemCode,
  value: null,
  notApplicable: false,
  comment: null,
  evidenceUrl: null,
  ...content,
});

const rules = (problems: ReturnType<typeof checkAnswers>) =>
  problems.map(({ index, field, rule }) => ({ index, field, rule }));

describe('checking answers against the questionnaire', () => {
  it('accepts every value of a Likert scale, "not applicable", and a blank answer', () => {
    const answers = [1, 2, 3, 4, 5].map((value) => answer('LEA01', { value }));
    for (const one of answers) expect(checkAnswers(dgca, [one])).toEqual([]);
    expect(checkAnswers(dgca, [answer('LEA02', { notApplicable: true })])).toEqual([]);
    expect(checkAnswers(dgca, [answer('LEA03')])).toEqual([]);
  });

  it('refuses a value outside the scale, naming the item and the field', () => {
    const problems = checkAnswers(dgca, [
      answer('LEA01', { value: 3 }),
      answer('LEA02', { value: 6 }),
      answer('LEA03', { value: 0 }),
      answer('LEA04', { value: Number.NaN }),
    ]);
    expect(rules(problems)).toEqual([
      { index: 1, field: 'value', rule: 'value_outside_scale' },
      { index: 2, field: 'value', rule: 'value_outside_scale' },
      { index: 3, field: 'value', rule: 'value_outside_scale' },
    ]);
    expect(describeAnswerProblem(problems[0]!)).toBe('LEA02: is not a value of the item’s scale');
  });

  it('takes a stage value for a stage scale, and refuses "not applicable" where the scale has none', () => {
    expect(checkAnswers(pillars, [answer('VLM01', { value: 4 })])).toEqual([]);
    expect(rules(checkAnswers(pillars, [answer('VLM01', { value: 5 })]))).toEqual([
      { index: 0, field: 'value', rule: 'value_outside_scale' },
    ]);
    expect(rules(checkAnswers(pillars, [answer('VLM01', { notApplicable: true })]))).toEqual([
      { index: 0, field: 'value', rule: 'not_applicable_not_allowed' },
    ]);
  });

  it('refuses a value and "not applicable" together', () => {
    expect(rules(checkAnswers(dgca, [answer('LEA01', { value: 2, notApplicable: true })]))).toEqual(
      [{ index: 0, field: 'value', rule: 'value_and_not_applicable' }],
    );
  });

  it('refuses an unknown item code and the same item twice in one save', () => {
    expect(
      rules(checkAnswers(dgca, [answer('XYZ99', { value: 1 }), answer('LEA01'), answer('LEA01')])),
    ).toEqual([
      { index: 0, field: 'itemCode', rule: 'unknown_item' },
      { index: 2, field: 'itemCode', rule: 'duplicate_item' },
    ]);
  });

  it('takes a comment of 2,000 characters and refuses one longer', () => {
    expect(checkAnswers(dgca, [answer('LEA01', { comment: 'x'.repeat(2000) })])).toEqual([]);
    expect(rules(checkAnswers(dgca, [answer('LEA01', { comment: 'x'.repeat(2001) })]))).toEqual([
      { index: 0, field: 'comment', rule: 'comment_too_long' },
    ]);
  });

  it('takes an http(s) evidence link of up to 2,000 characters and refuses anything else', () => {
    const ok = ['https://gov.example/plan.pdf', 'http://intranet.example/a?b=c'];
    for (const evidenceUrl of ok)
      expect(checkAnswers(dgca, [answer('LEA01', { evidenceUrl })])).toEqual([]);
    for (const evidenceUrl of [
      'www.example.org',
      'javascript:alert(1)',
      'ftp://x.example/f',
      'https://',
    ])
      expect(rules(checkAnswers(dgca, [answer('LEA01', { evidenceUrl })]))).toEqual([
        { index: 0, field: 'evidenceUrl', rule: 'evidence_not_url' },
      ]);
    const long = `https://example.org/${'a'.repeat(2000)}`;
    expect(rules(checkAnswers(dgca, [answer('LEA01', { evidenceUrl: long })]))).toEqual([
      { index: 0, field: 'evidenceUrl', rule: 'evidence_too_long' },
    ]);
  });

  it('reports every problem of a batch, not just the first', () => {
    const problems = checkAnswers(dgca, [
      answer('LEA01', { value: 9, comment: 'x'.repeat(2001), evidenceUrl: 'nope' }),
    ]);
    expect(problems.map((p) => p.field)).toEqual(['value', 'comment', 'evidenceUrl']);
  });
});

describe('the content of an answer', () => {
  it('counts as answered with a value or "not applicable", not with a comment alone', () => {
    expect(isAnswered(answer('A', { value: 1 }))).toBe(true);
    expect(isAnswered(answer('A', { notApplicable: true }))).toBe(true);
    expect(isAnswered(answer('A', { comment: 'thinking' }))).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });

  it('trims free text and stores empty text as none', () => {
    expect(normalizeAnswer(answer('A', { comment: '  ok  ', evidenceUrl: '   ' }))).toMatchObject({
      comment: 'ok',
      evidenceUrl: null,
    });
  });
});
