// Bad input at every API route: malformed, oversized and wrongly typed bodies
// and parameters must each get a 4xx answer naming what is wrong, never a 5xx.
// The routes come from the OpenAPI document, so a new route is fuzzed too.
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';

interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema?: { type?: string; format?: string; enum?: unknown[]; pattern?: string };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
}
interface Case {
  name: string;
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  expectField?: string;
}

/** A value the parameter's schema refuses, or undefined when it accepts any string. */
function wrongValueFor(parameter: Parameter): string | undefined {
  const schema = parameter.schema ?? {};
  if (schema.enum) return 'not-one-of-them';
  if (schema.format === 'uuid') return 'not-a-uuid';
  if (schema.type === 'integer' || schema.type === 'number') return 'twelve';
  if (schema.pattern) return '%20%00..';
  return undefined;
}

// Valid values for the parameters a case does not fuzz, so the request reaches
// the part it means to test (a live invitation link reaches body validation).
const sampleId = '00000000-0000-4000-8000-000000000000';
const validSample: Record<string, string> = {
  id: sampleId,
  key: 'dgca',
  version: '1.0.0',
};

function casesFor(path: string, method: string, operation: Operation): Case[] {
  const parameters = operation.parameters ?? [];
  const fill = (wrong?: Parameter) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
      if (parameter && parameter === wrong)
        return encodeURIComponent(wrongValueFor(parameter) ?? '');
      // An identifier not fuzzed is a well-formed one, so the case reaches the part it tests.
      if (parameter?.schema?.format === 'uuid') return sampleId;
      return validSample[name] ?? 'sample';
    });
  const verb = method.toUpperCase();
  const cases: Case[] = [];
  for (const parameter of parameters) {
    const wrong = wrongValueFor(parameter);
    if (wrong === undefined) continue;
    if (parameter.in === 'path') {
      cases.push({
        name: `path ${parameter.name}`,
        method: verb,
        url: fill(parameter),
        expectField: `params.${parameter.name}`,
      });
    } else {
      cases.push({
        name: `query ${parameter.name}`,
        method: verb,
        url: `${fill()}?${parameter.name}=${encodeURIComponent(wrong)}`,
        expectField: `querystring.${parameter.name}`,
      });
    }
  }
  if (operation.requestBody) {
    const url = fill();
    const json = 'application/json';
    cases.push(
      {
        name: 'body that is not JSON',
        method: verb,
        url,
        payload: '{"unfinished": ',
        contentType: json,
      },
      {
        name: 'body of the wrong type (array)',
        method: verb,
        url,
        payload: '[1, 2, 3]',
        contentType: json,
      },
      {
        name: 'body of the wrong type (string)',
        method: verb,
        url,
        payload: '"text"',
        contentType: json,
      },
      {
        name: 'body of the wrong type (null)',
        method: verb,
        url,
        payload: 'null',
        contentType: json,
      },
      {
        name: 'object with wrongly typed fields',
        method: verb,
        url,
        payload: JSON.stringify(wronglyTyped()),
        contentType: json,
      },
      {
        name: 'oversized body',
        method: verb,
        url,
        payload: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }),
        contentType: json,
      },
      {
        name: 'unsupported content type',
        method: verb,
        url,
        payload: '<xml/>',
        contentType: 'application/xml',
      },
    );
  }
  return cases;
}

/** Every common field name, each with a value of a type no schema expects there. */
function wronglyTyped(): Record<string, unknown> {
  const names = [
    'name',
    'email',
    'key',
    'version',
    'level',
    'sector',
    'answers',
    'itemCode',
    'value',
    'comment',
    'emails',
    'agencyId',
    'status',
    'opensOn',
    'closesOn',
    'dimensions',
    'csv',
  ];
  return Object.fromEntries(
    names.map((name, i) => [name, i % 2 === 0 ? { nested: [true] } : 12345]),
  );
}

describe('bad input at every API route', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  let cases: Case[] = [];
  beforeAll(async () => {
    headers = headersOf(await signInAs(context.database, 'admin'));
    validSample.token = (await buildInvitation(context.database.db)).token;
    const document = (
      await context.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    cases = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        casesFor(path, method, operation),
      ),
    );
  });

  it('gets a 4xx JSON error for each case, naming the field where one is at fault', async () => {
    expect(cases.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const testCase of cases) {
      const response = await context.app.inject({
        method: testCase.method as 'GET',
        url: testCase.url,
        headers: {
          ...headers,
          ...(testCase.contentType ? { 'content-type': testCase.contentType } : {}),
        },
        ...(testCase.payload !== undefined ? { payload: testCase.payload } : {}),
      });
      const where = `${testCase.method} ${testCase.url.slice(0, 80)} (${testCase.name})`;
      if (response.statusCode < 400 || response.statusCode >= 500) {
        failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        continue;
      }
      const error = response.json().error as
        | { code?: string; fields?: { path: string }[] }
        | undefined;
      if (!error?.code) failures.push(`${where}: no error code`);
      if (
        testCase.expectField &&
        !error?.fields?.some((field) => field.path === testCase.expectField)
      ) {
        failures.push(`${where}: no error for ${testCase.expectField}: ${JSON.stringify(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
