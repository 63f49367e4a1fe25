// Importing a roadmap through the API: the rows as JSON, or the same file the
// import page takes (multipart, field `file`). The same checks as the page;
// every problem is answered at once with the place it concerns, and nothing
// is stored unless every row is right.
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorBodySchema } from '../../../platform/http/errors.ts';
import type { App, FeatureDeps } from '../../../platform/http/feature.ts';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { requirePlan } from '../../plans/index.ts';
import { importRoadmap } from './roadmap-import-changes.ts';
import { sheetsOfUpload, uploadOf } from './roadmap-import-file.ts';
import { IMPORT_MAX_ROWS, type ImportSheet, type SheetsRead } from './roadmap-import-rows.ts';
import { importProblemMessage } from './roadmap-import-views.tsx';
import { initiativeColumns, type SheetKind, stepColumns } from './roadmap-table.ts';

const planParams = z.object({ id: z.uuid() });
// API errors are read by programs and their authors, in English like the column names.
const english = messagesFor('en');

// A cell as a spreadsheet holds it; the rules judge it, naming the column.
const cell = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const rowSchema = (columns: readonly string[]) =>
  z.strictObject(Object.fromEntries(columns.map((column) => [column, cell.optional()])));

// Strict, so that a multipart body (a `file`) is not read as JSON rows without any.
const importBody = z
  .strictObject({
    initiatives: z
      .array(rowSchema(initiativeColumns))
      .max(IMPORT_MAX_ROWS)
      .optional()
      .describe(
        'Rows of the Initiatives sheet by column name; a column left out keeps what is stored',
      ),
    steps: z.array(rowSchema(stepColumns)).max(IMPORT_MAX_ROWS).optional(),
  })
  .meta({ id: 'RoadmapImportRows' });
const uploadBody = z
  .object({ file: z.any().meta({ type: 'string', format: 'binary' }) })
  .describe('A workbook (.xlsx) or a CSV file, as the export writes them');

const countsSchema = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
const importedSchema = z
  .object({ initiatives: countsSchema, steps: countsSchema })
  .meta({ id: 'RoadmapImport' });

/** JSON rows as the sheets of a file; the n-th row (from 0) stands on row n + 2, under a header. */
function sheetsOfJson(body: z.infer<typeof importBody>): SheetsRead {
  if (!body.initiatives?.length && !body.steps?.length)
    return { ok: false, problems: [{ rule: 'rowsMissing' }] };
  const sheets: ImportSheet[] = [];
  for (const kind of ['initiatives', 'steps'] as const) {
    const rows = body[kind];
    if (!rows) continue;
    sheets.push({
      kind,
      rows: rows.map((row, index) => ({
        row: index + 2,
        values: Object.fromEntries(
          Object.entries(row).map(([column, value]) => [
            column,
            value == null ? '' : String(value),
          ]),
        ),
      })),
    });
  }
  return { ok: true, sheets };
}

export async function roadmapImportApi(app: App, deps: FeatureDeps) {
  app.post(
    '/api/plans/:id/roadmap/import',
    {
      schema: {
        tags: ['roadmap'],
        summary: 'Imports initiatives and action-plan steps',
        description: `The rows as JSON (\`initiatives\` and \`steps\`, each an array of rows by column name: ${initiativeColumns.join(', ')}; and ${stepColumns.join(', ')}), or, as multipart/form-data, the field \`file\` holding an .xlsx workbook with Initiatives and Steps sheets or a CSV file of either, as the roadmap's export writes them. A row whose external_id is already in the plan updates it (an exported row without one carries its id), any other adds one; rows are never deleted. Every problem is answered at once (400) with its place, e.g. \`initiatives[3].ends_on\` or \`Initiatives row 5.ends_on\`; nothing is stored unless every row is right.`,
        consumes: ['application/json', 'multipart/form-data'],
        params: planParams,
        body: z.union([importBody, uploadBody]),
        response: {
          200: importedSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
      config: { access: 'plans.edit' },
    },
    async (request) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const upload = uploadOf(request.body);
      const { body } = request;
      const read = 'file' in body ? await sheetsOfUpload(upload) : sheetsOfJson(body);
      const outcome = read.ok
        ? await importRoadmap(deps.database.db, plan.id, read.sheets, changedBy(request))
        : read;
      if (outcome.ok) return outcome.counts;
      const count = outcome.problems.length;
      const pathOf = (sheet: SheetKind | undefined, row: number | undefined, column?: string) => {
        if (upload === undefined && sheet && row !== undefined)
          return `${sheet}[${row - 2}]${column ? `.${column}` : ''}`;
        if (!sheet) return row === undefined ? 'file' : `line ${row}`;
        return `${english.t(`roadmapImport.sheet.${sheet}`)} row ${row ?? 1}${column ? `.${column}` : ''}`;
      };
      throw new AppError(
        'invalid_request',
        `The import has ${count} ${count === 1 ? 'problem' : 'problems'}; nothing was imported`,
        outcome.problems.map((problem) => ({
          path: pathOf(problem.sheet, problem.row, problem.column),
          message: importProblemMessage(english, problem),
        })),
      );
    },
  );
}
