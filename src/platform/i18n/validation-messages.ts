// A refused value in plain words from the catalogue (locales/<language>/validation.json):
// what kind of problem a schema found (missing, too long, not one of the choices, not
// a date…) with its limit, and the field it concerns named as a person would name it.
// The same words serve the API's `fields` and the pages. Pure.
import type { Messages } from './messages.ts';

/** The parts of a zod issue that say what was wrong (zod 4's `$ZodIssue`, loosely). */
export interface ValidationIssue {
  code: string;
  path: readonly PropertyKey[];
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number | bigint;
  /** Of a union: why the value fit none of its branches, branch by branch. */
  errors?: readonly (readonly ValidationIssue[])[];
}

// Of a union's branches, the problem that says most: a value outside the choices
// rather than "not text" from a branch that takes only an empty string.
const telling = ['invalid_value', 'invalid_format', 'too_big', 'too_small'];

// Keys and origins the catalogue has words for; anything else gets the general sentence.
const expectedKinds = new Set(['string', 'number', 'int', 'boolean', 'array', 'object', 'date']);
const sizedOrigins = new Set(['string', 'number', 'int', 'bigint', 'array', 'set', 'file', 'date']);
const formats = new Set(['email', 'uuid', 'guid', 'url', 'date', 'datetime', 'time', 'regex']);

/** What is wrong with a value, as the end of a sentence: "must be at most 200 characters". */
export function issueProblem(
  messages: Messages,
  issue: ValidationIssue,
  /** Whether the request held a value at the issue's path at all. */
  present: boolean,
): string {
  const { t } = messages;
  const limit = (value: number | bigint | undefined) => Number(value ?? 0);
  switch (issue.code) {
    case 'invalid_type':
      if (!present) return t('validation.required');
      {
        // A record is an object to whoever writes one.
        const expected = issue.expected === 'record' ? 'object' : (issue.expected ?? '');
        return expectedKinds.has(expected)
          ? t(`validation.type.${expected}`)
          : t('validation.invalid');
      }
    case 'too_small':
    case 'too_big': {
      const origin = sizedOrigins.has(issue.origin ?? '') ? issue.origin : 'number';
      const bound = issue.code === 'too_small' ? 'min' : 'max';
      const count = limit(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (origin === 'string' && bound === 'min' && count === 1) return t('validation.required');
      const kind = origin === 'int' || origin === 'bigint' ? 'number' : origin;
      return t(`validation.${bound}.${kind}`, {
        limit: count,
        inclusive: issue.inclusive === false ? 'no' : 'yes',
      });
    }
    case 'invalid_format':
      return formats.has(issue.format ?? '')
        ? t(`validation.format.${issue.format}`)
        : t('validation.format.other');
    case 'invalid_value':
      return t('validation.oneOf', {
        values: (issue.values ?? []).map((value) => String(value)).join(', '),
      });
    case 'unrecognized_keys':
      return t('validation.unknownFields', {
        count: issue.keys?.length ?? 0,
        keys: (issue.keys ?? []).join(', '),
      });
    case 'invalid_union': {
      const inner = (issue.errors ?? []).flat();
      const best = telling.flatMap((code) => inner.filter((each) => each.code === code))[0];
      return best
        ? issueProblem(messages, { ...best, path: issue.path }, present)
        : t('validation.invalid');
    }
    case 'not_multiple_of':
      return t('validation.multipleOf', { divisor: limit(issue.divisor) });
    default:
      return t('validation.invalid');
  }
}

const camelWords = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/** A field as a person names it: "the closing date" for `closesOn`; list positions are left out. */
export function fieldLabel(messages: Messages, path: readonly PropertyKey[]): string {
  const named = [...path]
    .reverse()
    .find((part): part is string => typeof part === 'string' && !/^\d+$/.test(part));
  if (named === undefined) return messages.t('validation.field.request');
  const label = messages.t(`validation.field.${named}`);
  return label === `validation.field.${named}` ? camelWords(named) : label;
}

/** The whole sentence a page shows: "Name: must be at most 200 characters". */
export function fieldSentence(messages: Messages, label: string, problem: string): string {
  return messages.t('validation.fieldProblem', { field: label, problem });
}

/** The API's summary of several problems: "2 values need correcting: …". */
export function problemsSummary(messages: Messages, sentences: readonly string[]): string {
  if (sentences.length === 1) return sentences[0] ?? '';
  return messages.t('validation.summary', {
    count: sentences.length,
    problems: sentences.join('; '),
  });
}

/** A schema's refusal as fastify-type-provider-zod reports it: one entry per zod issue. */
export interface SchemaRefusal {
  keyword: string;
  instancePath: string;
  params?: Record<string, unknown>;
}

function valueAt(source: unknown, path: readonly string[]): unknown {
  let value = source;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * A refused request part (body, querystring, params) in the reader's words: each
 * field's problem under its path (`body.name`, as the API has always named it),
 * the same as sentences that name the field, and a summary of them all.
 */
export function describeRefusal(
  messages: Messages,
  part: string,
  /** The part as the request sent it, to tell a missing value from a wrong one. */
  source: unknown,
  refusals: readonly SchemaRefusal[],
): { message: string; fields: { path: string; message: string }[]; sentences: string[] } {
  const described = refusals.map((refusal) => {
    const path = refusal.instancePath.split('/').filter(Boolean);
    const issue = { ...refusal.params, code: refusal.keyword, path } as ValidationIssue;
    const problem = issueProblem(messages, issue, valueAt(source, path) !== undefined);
    return {
      field: { path: [part, ...path].join('.'), message: problem },
      sentence: fieldSentence(messages, fieldLabel(messages, path), problem),
    };
  });
  const sentences = described.map(({ sentence }) => sentence);
  return {
    message: problemsSummary(messages, sentences),
    fields: described.map(({ field }) => field),
    sentences,
  };
}
