// Lenses and crosswalks as JSON: the stored versions, the export of one as
// the file that was imported, the import of a file (every problem reported
// with its path, nothing stored unless valid), and a round's results read
// through a crosswalk, under the same small-number protection as the pages.
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import { errorBodySchema } from '../../platform/http/errors.ts';
import type { App, FeatureDeps, RouteReply, RouteRequest } from '../../platform/http/feature.ts';
import { agencyFilterSchema } from '../agencies/index.ts';
import { localized, versionNumber } from '../frameworks/index.ts';
import { filterOf, rounded } from '../results/index.ts';
import { crosswalkScoreRowSchema, crosswalkScoreRows } from './crosswalk-exports.ts';
import { crosswalkKey, openCrosswalkResults } from './crosswalk-lookup.ts';
import { crosswalkSchema } from './crosswalk-schema.ts';
import type { TargetScore } from './crosswalk-scoring.ts';
import {
  findCrosswalk,
  findLens,
  listCrosswalks,
  listLenses,
  type StoredCrosswalk,
  type StoredLens,
} from './crosswalk-store.ts';
import { importCrosswalk, importLens } from './import-crosswalk.ts';
import { lensSchema } from './lens-schema.ts';

const keyParam = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a key such as "dgra"');
const versionParams = z.object({ key: keyParam, version: versionNumber });

const lensSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    version: z.string(),
    name: z.string(),
    dimensions: z.array(z.string()).describe('The codes of its dimensions'),
    importedAt: z.iso.datetime(),
  })
  .meta({ id: 'LensSummary' });

const crosswalkSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    version: z.string(),
    name: z.string(),
    from: z.object({ framework: z.string(), version: z.string() }),
    to: z.object({
      kind: z.enum(['framework', 'lens']),
      key: z.string(),
      version: z.string(),
    }),
    mappings: z.number().int(),
    importedAt: z.iso.datetime(),
  })
  .meta({ id: 'CrosswalkSummary' });

const coverageSchema = z
  .object({
    unmappedItems: z
      .array(z.string())
      .describe('Items of the framework read that no mapping reaches: information, not a problem'),
    targetsWithoutMappings: z.array(z.string()).describe('Target dimensions that get no score'),
  })
  .meta({ id: 'CrosswalkCoverage' });

function summariseLens({ id, key, version, lens, importedAt }: StoredLens) {
  return {
    id,
    key,
    version,
    name: localized(lens.name, lens.defaultLanguage, lens.defaultLanguage),
    dimensions: lens.dimensions.map((dimension) => dimension.code),
    importedAt: importedAt.toISOString(),
  };
}

function summariseCrosswalk({ id, key, version, crosswalk, importedAt }: StoredCrosswalk) {
  const { to } = crosswalk;
  return {
    id,
    key,
    version,
    name: localized(crosswalk.name, crosswalk.defaultLanguage, crosswalk.defaultLanguage),
    from: crosswalk.from,
    to: to.lens
      ? { kind: 'lens' as const, key: to.lens, version: to.version }
      : { kind: 'framework' as const, key: to.framework ?? '', version: to.version },
    mappings: crosswalk.mappings.length,
    importedAt: importedAt.toISOString(),
  };
}

const lensDocumentSchema = lensSchema.meta({ id: 'Lens' });
const crosswalkDocumentSchema = crosswalkSchema.meta({ id: 'Crosswalk' });

// Import bodies are validated by the importer, which reports every problem at
// once (references included) and stores the file exactly as sent.
const passThrough = () => (body: unknown) => ({ value: body });

const getLensSchema = {
  tags: ['crosswalks'],
  summary: 'Export one version of a lens, as the file that was imported',
  params: versionParams,
  response: { 200: lensDocumentSchema, 404: errorBodySchema },
};
const postLensSchema = {
  tags: ['crosswalks'],
  summary: 'Import a lens file',
  description:
    'Validates the whole file and reports every problem with its path (422); stores nothing unless the file is valid. The same file again answers 200; another file under a stored version 409.',
  body: lensDocumentSchema,
  response: {
    200: lensSummarySchema,
    201: lensSummarySchema,
    409: errorBodySchema,
    422: errorBodySchema,
  },
};
const getCrosswalkSchema = {
  tags: ['crosswalks'],
  summary: 'Export one version of a crosswalk, as the file that was imported',
  params: versionParams,
  response: { 200: crosswalkDocumentSchema, 404: errorBodySchema },
};
const crosswalkImportedSchema = crosswalkSummarySchema.extend({ coverage: coverageSchema });
const postCrosswalkSchema = {
  tags: ['crosswalks'],
  summary: 'Import a crosswalk file',
  description:
    'The framework it reads and the framework or lens it reads through must be stored. Validates the whole file and reports every problem with its path (422): unknown items, sub-dimensions or target dimensions, duplicate mappings, weights not above 0; stores nothing unless the file is valid. Answers with the items no mapping reaches.',
  body: crosswalkDocumentSchema,
  response: {
    200: crosswalkImportedSchema,
    201: crosswalkImportedSchema,
    409: errorBodySchema,
    422: errorBodySchema,
  },
};

const targetScoreSchema = z.object({
  code: z.string().nullable().describe('null: the overall score'),
  name: z.string(),
  value: z
    .number()
    .nullable()
    .describe('On the target’s range, to 3 decimals; null: no score or withheld'),
  standardError: z.number().nullable(),
  maturityLevel: z.string().nullable().describe('The key of the target’s level'),
  scoredSources: z.number().int(),
  sources: z.number().int(),
  withheld: z.boolean().describe('Small-number protection withholds an input of this score'),
});
const readingResponseSchema = z
  .object({
    round: z.object({ id: z.uuid(), name: z.string() }),
    crosswalk: z.object({ key: z.string(), version: z.string(), name: z.string() }),
    target: z.object({
      kind: z.enum(['framework', 'lens']),
      key: z.string(),
      version: z.string(),
      range: z.object({ min: z.number(), max: z.number() }),
      levels: z.array(z.object({ key: z.string(), name: z.string(), minScore: z.number() })),
    }),
    filter: z.object({ level: z.string().nullable(), sector: z.string().nullable() }),
    protection: z.object({
      threshold: z.number().int(),
      hiddenAgencies: z.number().int().describe('Agencies chosen that count only inside the total'),
    }),
    total: z
      .array(targetScoreSchema)
      .nullable()
      .describe('Each agency chosen counting once; null when withheld or nobody answered'),
    rows: z
      .array(crosswalkScoreRowSchema)
      .describe('As in the download: the total, then each agency shown'),
  })
  .meta({ id: 'CrosswalkReading' });
const getReadingSchema = {
  tags: ['results'],
  summary: 'A round’s results read through a crosswalk of its framework, by target dimension',
  params: z.object({ id: z.uuid(), key: crosswalkKey }),
  querystring: agencyFilterSchema,
  response: { 200: readingResponseSchema, 400: errorBodySchema, 404: errorBodySchema },
};

export async function crosswalkApi(app: App, deps: FeatureDeps) {
  const { database } = deps;
  const open = { access: 'public' as const };
  const manage = { access: 'rounds.manage' as const };
  app.get(
    '/api/lenses',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'List every stored lens version',
        response: { 200: z.object({ lenses: z.array(lensSummarySchema) }) },
      },
      config: open,
    },
    async () => ({ lenses: (await listLenses(database.db)).map(summariseLens) }),
  );
  app.get(
    '/api/lenses/:key/versions/:version',
    { schema: getLensSchema, config: open },
    getLens(deps),
  );
  app.post(
    '/api/lenses',
    { schema: postLensSchema, validatorCompiler: passThrough, config: manage },
    postLens(deps),
  );
  app.get(
    '/api/crosswalks',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'List every stored crosswalk version',
        response: { 200: z.object({ crosswalks: z.array(crosswalkSummarySchema) }) },
      },
      config: open,
    },
    async () => ({ crosswalks: (await listCrosswalks(database.db)).map(summariseCrosswalk) }),
  );
  app.get(
    '/api/crosswalks/:key/versions/:version',
    { schema: getCrosswalkSchema, config: open },
    getCrosswalk(deps),
  );
  app.post(
    '/api/crosswalks',
    { schema: postCrosswalkSchema, validatorCompiler: passThrough, config: manage },
    postCrosswalk(deps),
  );
  app.get(
    '/api/rounds/:id/results/crosswalks/:key',
    { schema: getReadingSchema, config: { access: 'workspace.read' } },
    getReading(deps),
  );
}

function getLens({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof getLensSchema>,
    reply: RouteReply<typeof getLensSchema>,
  ) => {
    const { key, version } = request.params;
    const stored = await findLens(database.db, key, version);
    if (!stored) throw new AppError('not_found', `Lens "${key}" has no version ${version}`);
    return reply.serializer(JSON.stringify).send(stored.document as z.infer<typeof lensSchema>);
  };
}

function postLens({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postLensSchema>,
    reply: RouteReply<typeof postLensSchema>,
  ) => {
    const { stored, outcome } = await importLens(database.db, request.body, changedBy(request));
    return reply.status(outcome === 'created' ? 201 : 200).send(summariseLens(stored));
  };
}

function getCrosswalk({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof getCrosswalkSchema>,
    reply: RouteReply<typeof getCrosswalkSchema>,
  ) => {
    const { key, version } = request.params;
    const stored = await findCrosswalk(database.db, key, version);
    if (!stored) throw new AppError('not_found', `Crosswalk "${key}" has no version ${version}`);
    return reply
      .serializer(JSON.stringify)
      .send(stored.document as z.infer<typeof crosswalkSchema>);
  };
}

function postCrosswalk({ database }: FeatureDeps) {
  return async (
    request: RouteRequest<typeof postCrosswalkSchema>,
    reply: RouteReply<typeof postCrosswalkSchema>,
  ) => {
    const { stored, outcome, coverage } = await importCrosswalk(
      database.db,
      request.body,
      changedBy(request),
    );
    return reply
      .status(outcome === 'created' ? 201 : 200)
      .send({ ...summariseCrosswalk(stored), coverage });
  };
}

function getReading({ database, resultsMinRespondents: threshold }: FeatureDeps) {
  return async (request: RouteRequest<typeof getReadingSchema>) => {
    const { query, messages } = request;
    const filter = filterOf(query);
    const opened = await openCrosswalkResults(database.db, {
      roundId: request.params.id,
      threshold,
      query: { ...query, crosswalk: request.params.key },
      field: 'params.key',
    });
    const { results, chosen, selection } = opened;
    if (!chosen) throw new AppError('not_found', 'No crosswalk reads this round’s framework');
    const { reading, read } = chosen;
    const { target, crosswalk } = reading;
    const text = (value: Record<string, string>) =>
      localized(value, messages.language, target.defaultLanguage);
    const present = (score: TargetScore, name: string) => ({
      code: score.targetCode === 'overall' ? null : score.targetCode,
      name,
      value: rounded(score.value),
      standardError: rounded(score.standardError),
      maturityLevel: score.level?.key ?? null,
      scoredSources: score.scoredSources,
      sources: score.sources,
      withheld: score.withheld === true,
    });
    return {
      round: { id: results.round.id, name: results.round.name },
      crosswalk: {
        key: crosswalk.key,
        version: crosswalk.version,
        name: localized(crosswalk.name, messages.language, crosswalk.defaultLanguage),
      },
      target: {
        kind: target.kind,
        key: target.key,
        version: target.version,
        range: target.range,
        levels: target.levels.map((level) => ({
          key: level.key,
          name: text(level.name),
          minScore: level.minScore,
        })),
      },
      filter: { level: filter.level ?? null, sector: filter.sector ?? null },
      protection: { threshold, hiddenAgencies: selection.hiddenCount },
      total: read.total
        ? [
            ...read.total.targets.map((score, t) =>
              present(score, text(target.dimensions[t]?.name ?? {})),
            ),
            present(read.total.overall, messages.t('resultsExport.overall')),
          ]
        : null,
      rows: crosswalkScoreRows(messages, reading, read, filter),
    };
  };
}
