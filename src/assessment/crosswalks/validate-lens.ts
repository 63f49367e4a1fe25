// Validates a lens file and reports every problem at once, each with its
// path, as framework files are validated: structure by the zod schema, and
// here the rules that tie the file together (unique codes and level keys,
// levels ascending over the lens's range, text in the default language).
import { type FrameworkProblem, problemsOfIssue } from '../frameworks/index.ts';
import { type Lens, lensSchema } from './lens-schema.ts';
import { defaultLanguageText, isRecord, records, uniqueProblems } from './validation-parts.ts';

export type LensValidation = { ok: true; lens: Lens } | { ok: false; problems: FrameworkProblem[] };

export function validateLens(input: unknown): LensValidation {
  const parsed = lensSchema.safeParse(input, { reportInput: true });
  const problems = uniqueProblems([
    ...(parsed.success ? [] : parsed.error.issues.flatMap(problemsOfIssue)),
    ...crossReferenceProblems(input),
  ]);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, lens: parsed.data };
}

function crossReferenceProblems(input: unknown): FrameworkProblem[] {
  if (!isRecord(input)) return [];
  const problems: FrameworkProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const checkText = defaultLanguageText(input.defaultLanguage, report);
  checkText(input.name, 'name');
  checkText(input.description, 'description');
  checkText(input.source, 'source');

  const scale = isRecord(input.scale) ? input.scale : {};
  const min = typeof scale.min === 'number' ? scale.min : undefined;
  const max = typeof scale.max === 'number' ? scale.max : undefined;
  if (min !== undefined && max !== undefined && min >= max)
    report('scale.max', `must be greater than min (${min})`);

  const codes = new Map<unknown, string>();
  for (const [dimension, d] of records(input.dimensions)) {
    const path = `dimensions[${d}]`;
    const first = codes.get(dimension.code);
    if (first)
      report(`${path}.code`, `duplicate code "${String(dimension.code)}", first used at ${first}`);
    else codes.set(dimension.code, `${path}.code`);
    checkText(dimension.name, `${path}.name`);
    checkText(dimension.description, `${path}.description`);
  }

  // Levels partition the lens's range: ascending, starting at its bottom.
  const keys = new Set<unknown>();
  let previous: number | undefined;
  for (const [level, l] of records(input.levels)) {
    const path = `levels[${l}]`;
    if (keys.has(level.key)) report(`${path}.key`, `duplicate level key "${String(level.key)}"`);
    keys.add(level.key);
    checkText(level.name, `${path}.name`);
    checkText(level.description, `${path}.description`);
    const minScore = level.minScore;
    if (typeof minScore !== 'number') continue;
    if (l === 0 && min !== undefined && minScore !== min)
      report(`${path}.minScore`, `the first level must start at the lowest score, ${min}`);
    if (previous !== undefined && minScore <= previous)
      report(
        `${path}.minScore`,
        `must be greater than the previous level's minScore (${previous})`,
      );
    if (max !== undefined && minScore > max)
      report(`${path}.minScore`, `${minScore} is above the highest score, ${max}`);
    previous = minScore;
  }
  return problems;
}
