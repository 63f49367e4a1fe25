// What the lens and crosswalk validators share: reading raw input before the
// schema has vouched for it, text in the file's default language, and one
// report per problem.
import type { FrameworkProblem } from '../frameworks/index.ts';

export type Raw = Record<string, unknown>;

export const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entries of an array that are objects, with their indices. */
export const records = (value: unknown): [Raw, number][] =>
  Array.isArray(value)
    ? value.flatMap((entry, index) => (isRecord(entry) ? [[entry, index] as [Raw, number]] : []))
    : [];

export const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A check that a text has the default language, reporting where it has not. */
export function defaultLanguageText(
  defaultLanguage: unknown,
  report: (path: string, message: string) => void,
) {
  const language = stringOf(defaultLanguage);
  return (value: unknown, path: string) => {
    if (language && isRecord(value) && Object.keys(value).length > 0 && !(language in value))
      report(path, `missing text in the default language "${language}"`);
  };
}

export function uniqueProblems(problems: readonly FrameworkProblem[]): FrameworkProblem[] {
  return [...new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p])).values()];
}
