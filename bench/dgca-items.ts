// The items of the dgca reference framework, read from its file: every item
// code, and the questionnaire's pages with the items each asks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkItems } from '../src/assessment/frameworks/framework.ts';
import { type Framework, frameworkSchema } from '../src/assessment/frameworks/framework-schema.ts';
import { questionnairePages } from '../src/assessment/questionnaire/task-list.ts';

function dgca(): Framework {
  const file = path.join(import.meta.dirname, '..', 'frameworks', 'dgca.json');
  return frameworkSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function frameworkItemCodes(): string[] {
  return frameworkItems(dgca()).map(({ item }) => item.code);
}

/** The questionnaire's pages in order: a sub-dimension's code and its items' codes. */
export function questionnairePageItems(): { code: string; itemCodes: string[] }[] {
  return questionnairePages(dgca()).map((page) => ({
    code: page.code,
    itemCodes: page.subdimension.items.map((item) => item.code),
  }));
}
