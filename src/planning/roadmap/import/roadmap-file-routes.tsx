// The roadmap as files: initiatives and steps as CSV or XLSX, both in one
// workbook, and the page that imports such a file back — all of it or, on any
// problem, nothing — with a summary of what it added, changed and left alone.
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import {
  type Table,
  type TableFormat,
  tableContentTypes,
  tableFile,
  workbookFile,
} from '../../../platform/exports/table-file.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { sendPage } from '../../../platform/http/page.tsx';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { requirePlan } from '../../plans/index.ts';
import { listSteps } from '../action-plan/index.ts';
import { listInitiatives } from '../initiative-store.ts';
import { importRoadmap } from './roadmap-import-changes.ts';
import { sheetsOfUpload, uploadOf } from './roadmap-import-file.ts';
import type { ImportProblem } from './roadmap-import-rows.ts';
import { RoadmapImportedView, RoadmapImportView } from './roadmap-import-views.tsx';
import { initiativeTable, stepTable } from './roadmap-table.ts';

const planParams = z.object({ id: z.uuid() });

/** The plan's initiatives and steps as the two tables of its files. */
export async function roadmapTables(
  db: Kysely<Schema>,
  workspaceId: string,
  planId: string,
): Promise<{ initiatives: Table; steps: Table }> {
  const initiatives = await listInitiatives(db, { planId });
  const [steps, agencies, members, goals] = await Promise.all([
    listSteps(
      db,
      initiatives.map((initiative) => initiative.id),
    ),
    db
      .selectFrom('agencies')
      .select(['id', 'name', 'acronym'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'email'])
      .where(
        'id',
        'in',
        db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId),
      )
      .execute(),
    db.selectFrom('vision_goals').select(['id', 'title']).where('plan_id', '=', planId).execute(),
  ]);
  const names = {
    agencies: new Map(agencies.map(({ id, name, acronym }) => [id, { name, acronym }])),
    memberEmails: new Map(members.map(({ id, email }) => [id, email])),
    goalTitles: new Map(goals.map(({ id, title }) => [id, title])),
  };
  return { initiatives: initiativeTable(initiatives, names), steps: stepTable(initiatives, steps) };
}

function sendFile(reply: FastifyReply, name: string, format: TableFormat, file: Buffer) {
  return reply
    .header('content-type', tableContentTypes[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(file);
}

export async function roadmapFileRoutes(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };

  async function tablesOf(request: RouteRequest<{ params: typeof planParams }>) {
    const plan = await requirePlan(request, deps, request.params.id);
    return roadmapTables(db, workspaceOf(request).id, plan.id);
  }
  // Fixed names, so none is taken for an initiative's id by /plans/:id/roadmap/:initiativeId.
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/plans/:id/roadmap/initiatives.${format}`,
      { schema: { hide: true, params: planParams }, config: read },
      async (request, reply) =>
        sendFile(
          reply,
          'initiatives',
          format,
          await tableFile(format, (await tablesOf(request)).initiatives),
        ),
    );
    app.get(
      `/plans/:id/roadmap/steps.${format}`,
      { schema: { hide: true, params: planParams }, config: read },
      async (request, reply) =>
        sendFile(reply, 'steps', format, await tableFile(format, (await tablesOf(request)).steps)),
    );
  }
  app.get(
    '/plans/:id/roadmap/export.xlsx',
    { schema: { hide: true, params: planParams }, config: read },
    async (request, reply) => {
      const { initiatives, steps } = await tablesOf(request);
      return sendFile(reply, 'roadmap', 'xlsx', await workbookFile([initiatives, steps]));
    },
  );

  async function renderForm(
    request: RouteRequest<{ params: typeof planParams }>,
    reply: FastifyReply,
    problems: readonly ImportProblem[],
  ) {
    const plan = await requirePlan(request, deps, request.params.id);
    return sendPage(request, reply, {
      title: `${request.messages.t('roadmapImport.title')} · ${plan.title}`,
      body: (
        <RoadmapImportView
          messages={request.messages}
          plan={plan}
          csrfToken={request.signedIn?.csrfToken}
          problems={problems}
        />
      ),
    });
  }

  app.get(
    '/plans/:id/roadmap/import',
    { schema: { hide: true, params: planParams }, config: edit },
    (request, reply) => renderForm(request, reply, []),
  );
  app.post(
    '/plans/:id/roadmap/import',
    { schema: { hide: true, params: planParams }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const read = await sheetsOfUpload(uploadOf(request.body));
      const outcome = read.ok
        ? await importRoadmap(db, plan.id, read.sheets, changedBy(request))
        : read;
      if (!outcome.ok) return renderForm(request, reply.status(400), outcome.problems);
      return sendPage(request, reply, {
        title: `${request.messages.t('roadmapImport.doneTitle')} · ${plan.title}`,
        body: (
          <RoadmapImportedView messages={request.messages} plan={plan} counts={outcome.counts} />
        ),
      });
    },
  );
}
