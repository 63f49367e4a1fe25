// Validates a framework file and reports every problem at once, each with the
// path of the offending value, e.g. `dimensions[2].subdimensions[0].items[3].code:
// duplicate code "GOV01"`. Structure is checked by the zod schema; the rules that
// tie parts of a file together (unique codes, known scales, complete stage
// descriptors, ordered maturity levels, text in the default language) are
// checked here on the raw input, so a file with both kinds of problem hears of all.
import type { z } from 'zod';
import { messagesFor } from '../../platform/i18n/messages.ts';
import { issueProblem } from '../../platform/i18n/validation-messages.ts';
import { type Framework, frameworkSchema } from './framework-schema.ts';

// Problems are read by the framework's author with their paths, in English like the file's keys.
const english = messagesFor('en');

export interface FrameworkProblem {
  path: string;
  message: string;
}

export type FrameworkValidation =
  | { ok: true; framework: Framework }
  | { ok: false; problems: FrameworkProblem[] };

export function validateFramework(input: unknown): FrameworkValidation {
  const parsed = frameworkSchema.safeParse(input, { reportInput: true });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap(problemsOfIssue)),
    ...crossReferenceProblems(input),
  ];
  const unique = [...new Map(problems.map((p) => [`${p.path}\u0000${p.message}`, p])).values()];
  if (unique.length > 0 || !parsed.success) return { ok: false, problems: unique };
  return { ok: true, framework: parsed.data };
}

export function describeProblem(problem: FrameworkProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

/** A zod issue as problems with paths, in the words of the schema where it has some. */
export function problemsOfIssue(issue: z.core.$ZodIssue): FrameworkProblem[] {
  // A value that fits no branch of a union reports why it failed each branch;
  // the branch whose `type` matches is the one the author meant.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors
      .flat()
      .flatMap((inner) =>
        problemsOfIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue),
      );
  }
  return [{ path: formatPath(issue.path), message: messageOfIssue(issue) }];
}

// zod's own wording ("Too small: expected number to be >0"), as opposed to the
// schema's ("must have at least one item"), which says more and is kept.
const zodWording = /^(Too small|Too big|Invalid|Unrecognized)/;

function messageOfIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' || zodWording.test(issue.message))
    return issueProblem(english, issue, issue.input !== undefined);
  return issue.message;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): [Raw, number][] =>
  Array.isArray(value)
    ? value.flatMap((entry, index) => (isRecord(entry) ? [[entry, index] as [Raw, number]] : []))
    : [];
const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

function crossReferenceProblems(input: unknown): FrameworkProblem[] {
  if (!isRecord(input)) return [];
  const problems: FrameworkProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const defaultLanguage = textOf(input.defaultLanguage);

  const checkText = (value: unknown, path: string) => {
    if (
      defaultLanguage &&
      isRecord(value) &&
      Object.keys(value).length > 0 &&
      !(defaultLanguage in value)
    ) {
      report(path, `missing text in the default language "${defaultLanguage}"`);
    }
  };
  checkText(input.name, 'name');
  checkText(input.description, 'description');
  checkText(input.source, 'source');

  // Scales: unique keys, a sensible range, and what items may answer.
  const scales = new Map<string, { stageKeys?: string[]; min: number; max: number }>();
  for (const [scale, s] of records(input.scales)) {
    const path = `scales[${s}]`;
    const key = textOf(scale.key);
    if (key && scales.has(key)) report(`${path}.key`, `duplicate scale key "${key}"`);
    if (scale.type === 'likert') {
      const min = scale.min;
      const max = scale.max;
      if (typeof min === 'number' && typeof max === 'number') {
        if (min >= max) report(`${path}.max`, `must be greater than min (${min})`);
        if (key && !scales.has(key)) scales.set(key, { min, max });
      }
      const seen = new Set<unknown>();
      for (const [label, l] of records(scale.labels)) {
        const value = label.value;
        if (typeof value === 'number' && typeof min === 'number' && typeof max === 'number') {
          if (value < min || value > max) {
            report(
              `${path}.labels[${l}].value`,
              `${value} is outside the scale (${min} to ${max})`,
            );
          }
        }
        if (seen.has(value)) report(`${path}.labels[${l}].value`, `duplicate label for ${value}`);
        seen.add(value);
        checkText(label.label, `${path}.labels[${l}].label`);
      }
    } else if (scale.type === 'stages') {
      const stages = records(scale.stages);
      const values = new Set<unknown>();
      const keys = new Set<unknown>();
      for (const [stage, st] of stages) {
        if (values.has(stage.value))
          report(`${path}.stages[${st}].value`, `duplicate stage value ${String(stage.value)}`);
        if (keys.has(stage.key))
          report(`${path}.stages[${st}].key`, `duplicate stage key "${String(stage.key)}"`);
        values.add(stage.value);
        keys.add(stage.key);
        checkText(stage.label, `${path}.stages[${st}].label`);
      }
      const numbers = stages
        .map(([stage]) => stage.value)
        .filter((v): v is number => typeof v === 'number');
      if (key && !scales.has(key) && numbers.length > 0) {
        scales.set(key, {
          stageKeys: stages
            .map(([stage]) => stage.key)
            .filter((k): k is string => typeof k === 'string'),
          min: Math.min(...numbers),
          max: Math.max(...numbers),
        });
      }
    }
  }

  // Codes are unique across the whole framework, so a code alone names one thing.
  const firstUse = new Map<string, string>();
  const checkCode = (value: unknown, path: string) => {
    const code = textOf(value);
    if (!code) return;
    const earlier = firstUse.get(code);
    if (earlier) report(path, `duplicate code "${code}", first used at ${earlier}`);
    else firstUse.set(code, path);
  };

  // Guidance and recommendations speak of maturity levels by key.
  const levelOrder = records(input.maturityLevels)
    .map(([level]) => textOf(level.key))
    .filter((key): key is string => key !== undefined);
  const highestLevel = levelOrder.at(-1);
  const checkAdvice = (owner: Raw, path: string) => {
    if (isRecord(owner.guidance)) {
      for (const [levelKey, guidance] of Object.entries(owner.guidance)) {
        const gPath = `${path}.guidance.${levelKey}`;
        if (levelOrder.length > 0 && !levelOrder.includes(levelKey)) {
          report(gPath, unknownLevel(levelKey, levelOrder));
          continue;
        }
        if (!isRecord(guidance)) continue;
        if (guidance.looksLike === undefined && guidance.toReachNext === undefined)
          report(gPath, 'must have looksLike, toReachNext or both');
        if (levelKey === highestLevel && guidance.toReachNext !== undefined)
          report(
            `${gPath}.toReachNext`,
            `"${levelKey}" is the highest level: there is no next one`,
          );
        checkText(guidance.looksLike, `${gPath}.looksLike`);
        checkText(guidance.toReachNext, `${gPath}.toReachNext`);
      }
    }
    for (const [recommendation, r] of records(owner.recommendations)) {
      const rPath = `${path}.recommendations[${r}]`;
      checkCode(recommendation.code, `${rPath}.code`);
      checkText(recommendation.title, `${rPath}.title`);
      checkText(recommendation.text, `${rPath}.text`);
      const levels = Array.isArray(recommendation.levels) ? recommendation.levels : [];
      levels.forEach((levelKey, l) => {
        if (typeof levelKey === 'string' && levelOrder.length > 0 && !levelOrder.includes(levelKey))
          report(`${rPath}.levels[${l}]`, unknownLevel(levelKey, levelOrder));
        if (levels.indexOf(levelKey) !== l)
          report(`${rPath}.levels[${l}]`, `duplicate level "${String(levelKey)}"`);
      });
      for (const [reference, f] of records(recommendation.references))
        checkText(reference.title, `${rPath}.references[${f}].title`);
    }
  };

  for (const [dimension, d] of records(input.dimensions)) {
    const dPath = `dimensions[${d}]`;
    checkCode(dimension.code, `${dPath}.code`);
    checkText(dimension.name, `${dPath}.name`);
    checkText(dimension.description, `${dPath}.description`);
    for (const [subdimension, s] of records(dimension.subdimensions)) {
      const sPath = `${dPath}.subdimensions[${s}]`;
      checkCode(subdimension.code, `${sPath}.code`);
      checkText(subdimension.name, `${sPath}.name`);
      checkText(subdimension.description, `${sPath}.description`);
      for (const [item, i] of records(subdimension.items)) {
        const iPath = `${sPath}.items[${i}]`;
        checkCode(item.code, `${iPath}.code`);
        checkText(item.statement, `${iPath}.statement`);
        checkText(item.help, `${iPath}.help`);
        checkAdvice(item, iPath);
        const scaleKey = textOf(item.scale);
        const scale = scaleKey === undefined ? undefined : scales.get(scaleKey);
        if (scaleKey !== undefined && !scale && scales.size > 0) {
          report(
            `${iPath}.scale`,
            `unknown scale "${scaleKey}"; the scales are ${[...scales.keys()].map((k) => `"${k}"`).join(', ')}`,
          );
        }
        if (!scale) continue;
        if (scale.stageKeys) {
          const descriptors = isRecord(item.descriptors) ? item.descriptors : {};
          for (const stageKey of scale.stageKeys) {
            if (!(stageKey in descriptors))
              report(`${iPath}.descriptors`, `missing descriptor for stage "${stageKey}"`);
            else checkText(descriptors[stageKey], `${iPath}.descriptors.${stageKey}`);
          }
          for (const extra of Object.keys(descriptors).filter(
            (k) => !scale.stageKeys?.includes(k),
          )) {
            report(
              `${iPath}.descriptors.${extra}`,
              `unknown stage "${extra}" for scale "${scaleKey}"`,
            );
          }
        } else if (item.descriptors !== undefined) {
          report(
            `${iPath}.descriptors`,
            `only items on a stage scale have descriptors; "${scaleKey}" is a Likert scale`,
          );
        }
      }
      // After its items, so a clash of codes names the item as the first use.
      checkAdvice(subdimension, sPath);
    }
  }

  // Maturity levels partition the score range: ascending, starting at its bottom.
  const bounds = [...scales.values()];
  const lowest = bounds.length > 0 ? Math.min(...bounds.map((b) => b.min)) : undefined;
  const highest = bounds.length > 0 ? Math.max(...bounds.map((b) => b.max)) : undefined;
  const levelKeys = new Set<unknown>();
  let previous: number | undefined;
  for (const [level, l] of records(input.maturityLevels)) {
    const path = `maturityLevels[${l}]`;
    if (levelKeys.has(level.key))
      report(`${path}.key`, `duplicate level key "${String(level.key)}"`);
    levelKeys.add(level.key);
    checkText(level.name, `${path}.name`);
    checkText(level.description, `${path}.description`);
    const minScore = level.minScore;
    if (typeof minScore !== 'number') continue;
    if (l === 0 && lowest !== undefined && minScore !== lowest) {
      report(`${path}.minScore`, `the first level must start at the lowest scale value, ${lowest}`);
    }
    if (previous !== undefined && minScore <= previous) {
      report(
        `${path}.minScore`,
        `must be greater than the previous level's minScore (${previous})`,
      );
    }
    if (highest !== undefined && minScore > highest) {
      report(`${path}.minScore`, `${minScore} is above the highest scale value, ${highest}`);
    }
    previous = minScore;
  }
  return problems;
}

function unknownLevel(key: string, levels: readonly string[]): string {
  return `unknown maturity level "${key}"; the levels are ${levels.map((k) => `"${k}"`).join(', ')}`;
}
