// The questionnaire as a respondent walks it: one page per sub-dimension, the
// task list by dimension with its statuses, the next and previous page, and
// what is still missing before the response can be submitted.
import type { Dimension, Framework, PlacedItem, Subdimension } from '../frameworks/index.ts';
import { type AnswerContent, isAnswered } from './answer.ts';

export type TaskStatus = 'not_started' | 'in_progress' | 'completed';

export interface QuestionnairePage {
  /** The sub-dimension's code, which names the page: /r/<token>/s/<code>. */
  code: string;
  /** 1-based position among all pages. */
  number: number;
  dimension: Dimension;
  subdimension: Subdimension;
}

export interface Task {
  page: QuestionnairePage;
  status: TaskStatus;
  answered: number;
  total: number;
}

export interface TaskSection {
  dimension: Dimension;
  status: TaskStatus;
  tasks: Task[];
}

export interface TaskList {
  sections: TaskSection[];
  answered: number;
  total: number;
}

export type AnswersByItem = ReadonlyMap<string, AnswerContent>;

export function questionnairePages(framework: Framework): QuestionnairePage[] {
  let number = 0;
  return framework.dimensions.flatMap((dimension) =>
    dimension.subdimensions.map((subdimension) => ({
      code: subdimension.code,
      number: ++number,
      dimension,
      subdimension,
    })),
  );
}

export function findPage(framework: Framework, code: string): QuestionnairePage | undefined {
  return questionnairePages(framework).find((page) => page.code === code);
}

export function nextPage(framework: Framework, code: string): QuestionnairePage | undefined {
  const pages = questionnairePages(framework);
  const index = pages.findIndex((page) => page.code === code);
  return index === -1 ? undefined : pages[index + 1];
}

export function previousPage(framework: Framework, code: string): QuestionnairePage | undefined {
  const pages = questionnairePages(framework);
  const index = pages.findIndex((page) => page.code === code);
  return index <= 0 ? undefined : pages[index - 1];
}

function statusOf(answered: number, total: number): TaskStatus {
  if (answered === 0) return 'not_started';
  return answered === total ? 'completed' : 'in_progress';
}

/**
 * A page is in progress as soon as one item has a value or "not applicable"
 * (a comment alone does not count), completed when every item has; a
 * dimension's section likewise over all its items.
 */
export function taskList(framework: Framework, answers: AnswersByItem): TaskList {
  const pages = questionnairePages(framework);
  const sections = framework.dimensions.map((dimension) => {
    const tasks = pages
      .filter((page) => page.dimension === dimension)
      .map((page) => {
        const total = page.subdimension.items.length;
        const answered = page.subdimension.items.filter((item) =>
          isAnswered(answers.get(item.code)),
        ).length;
        return { page, status: statusOf(answered, total), answered, total };
      });
    const answered = tasks.reduce((sum, task) => sum + task.answered, 0);
    const total = tasks.reduce((sum, task) => sum + task.total, 0);
    return { dimension, status: statusOf(answered, total), tasks };
  });
  const answered = sections.flatMap((s) => s.tasks).reduce((sum, t) => sum + t.answered, 0);
  const total = sections.flatMap((s) => s.tasks).reduce((sum, t) => sum + t.total, 0);
  return { sections, answered, total };
}

/** The page to continue on: the first one not completed, else the first. */
export function pageToContinue(list: TaskList): QuestionnairePage | undefined {
  const tasks = list.sections.flatMap((section) => section.tasks);
  return (tasks.find((task) => task.status !== 'completed') ?? tasks[0])?.page;
}

/** Items without a value or "not applicable": a response is submitted only when there are none. */
export function missingItems(framework: Framework, answers: AnswersByItem): PlacedItem[] {
  return questionnairePages(framework).flatMap(({ dimension, subdimension }) =>
    subdimension.items
      .filter((item) => !isAnswered(answers.get(item.code)))
      .map((item) => ({ item, dimension, subdimension })),
  );
}
