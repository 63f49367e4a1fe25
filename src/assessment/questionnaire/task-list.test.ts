import { describe, expect, it } from 'vitest';
import { buildFramework, readReferenceFramework } from '../../../test/frameworks.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import type { AnswerContent } from './answer.ts';
import {
  findPage,
  missingItems,
  nextPage,
  pageToContinue,
  previousPage,
  questionnairePages,
  taskList,
} from './task-list.ts';

const tiny = frameworkSchema.parse(buildFramework());
const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));

const value = (v: number): AnswerContent => ({
  value: v,
  notApplicable: false,
  comment: null,
  evidenceUrl: null,
});
const commentOnly: AnswerContent = { ...value(1), value: null, comment: 'later' };
const notApplicable: AnswerContent = { ...value(1), value: null, notApplicable: true };

describe('the pages of a questionnaire', () => {
  it('has one page per sub-dimension, in the framework’s order, numbered from 1', () => {
    const pages = questionnairePages(dgca);
    expect(pages).toHaveLength(20);
    expect(pages[0]).toMatchObject({ code: 'LEA-VIS', number: 1 });
    expect(pages[19]).toMatchObject({ code: 'PWD-GEN', number: 20 });
    expect(findPage(dgca, 'GOV-CAB')?.dimension.code).toBe('GOV');
    expect(findPage(dgca, 'NOPE')).toBeUndefined();
  });

  it('goes to the next and previous page across dimensions, and stops at either end', () => {
    expect(nextPage(dgca, 'LEA-DAT')?.code).toBe('STR-GEN');
    expect(previousPage(dgca, 'STR-GEN')?.code).toBe('LEA-DAT');
    expect(nextPage(dgca, 'PWD-GEN')).toBeUndefined();
    expect(previousPage(dgca, 'LEA-VIS')).toBeUndefined();
    expect(nextPage(dgca, 'NOPE')).toBeUndefined();
  });
});

describe('the task list', () => {
  it('starts with every section not started', () => {
    const list = taskList(tiny, new Map());
    expect(list.sections.map((s) => s.status)).toEqual(['not_started', 'not_started']);
    expect(list).toMatchObject({ answered: 0, total: 3 });
    expect(pageToContinue(list)?.code).toBe('AAA-G');
  });

  it('marks a section in progress once one item has a value, completed when all have', () => {
    const list = taskList(tiny, new Map([['AAA01', value(3)]]));
    expect(list.sections[0]).toMatchObject({ status: 'in_progress' });
    expect(list.sections[0]!.tasks[0]).toMatchObject({
      status: 'in_progress',
      answered: 1,
      total: 2,
    });
    const done = taskList(
      tiny,
      new Map([
        ['AAA01', value(3)],
        ['AAA02', notApplicable],
      ]),
    );
    expect(done.sections.map((s) => s.status)).toEqual(['completed', 'not_started']);
    expect(pageToContinue(done)?.code).toBe('BBB-G');
  });

  it('does not count a comment without a value as progress', () => {
    const list = taskList(tiny, new Map([['AAA01', commentOnly]]));
    expect(list.sections[0]!.status).toBe('not_started');
  });

  it('offers the first page again once everything is answered', () => {
    const all = new Map(['AAA01', 'AAA02', 'BBB01'].map((code) => [code, value(2)]));
    expect(pageToContinue(taskList(tiny, all))?.code).toBe('AAA-G');
  });
});

describe('what is missing before submitting', () => {
  it('lists every item without a value or "not applicable", in order', () => {
    const missing = missingItems(
      tiny,
      new Map([
        ['AAA02', notApplicable],
        ['BBB01', commentOnly],
      ]),
    );
    expect(missing.map(({ item }) => item.code)).toEqual(['AAA01', 'BBB01']);
  });

  it('finds nothing missing once all 94 dgca items are answered', () => {
    const answers = new Map(
      questionnairePages(dgca).flatMap((page) =>
        page.subdimension.items.map((item) => [item.code, value(4)] as const),
      ),
    );
    expect(answers.size).toBe(94);
    expect(missingItems(dgca, answers)).toEqual([]);
  });
});
