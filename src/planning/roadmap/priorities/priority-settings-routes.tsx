// The settings pages of the workspace's lists: criteria and statuses, each
// shown as a form and saved whole through priority-settings-changes.ts, as
// the API does. A save refused re-renders what was typed with its errors; a
// save that came after another person's shows their list beside it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../../platform/audit/changed-by.ts';
import type { App, FeatureDeps, RouteRequest } from '../../../platform/http/feature.ts';
import { type FieldErrors, formValue } from '../../../platform/http/forms.tsx';
import { sendPage } from '../../../platform/http/page.tsx';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';
import { statusLabel } from '../roadmap-labels.ts';
import type { InitiativeStatus } from '../roadmap-statuses.ts';
import { listStatuses } from '../roadmap-statuses-store.ts';
import type { Criterion } from './prioritisation.ts';
import { criteriaSettingsHref, statusesSettingsHref } from './priority-parts.tsx';
import { saveCriteria, saveStatuses } from './priority-settings-changes.ts';
import { revisionOf } from './priority-settings-rules.ts';
import { listCriteria, statusUsage } from './priority-settings-store.ts';
import {
  CriteriaSettingsView,
  NEW_ROWS,
  type SettingsRow,
  StatusesSettingsView,
  settingsFormErrors,
} from './priority-settings-views.tsx';

// A form posts strings named `<field>.<row>`; the rules judge them.
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const savedQuery = z.object({ saved: z.string().optional() });
// More rows than a list may hold, and room to be told so.
const ROWS_READ = 100;

/** The rows of a posted list, in order, each field as typed. */
export function rowsOf(body: z.infer<typeof formBody>): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const [name, value] of Object.entries(body)) {
    const match = /^([a-zA-Z]+)\.(\d{1,3})$/.exec(name);
    if (!match) continue;
    const index = Number(match[2]);
    if (index >= ROWS_READ) continue;
    rows[index] ??= {};
    (rows[index] as Record<string, string>)[match[1] as string] = formValue(value);
  }
  return Array.from(rows, (row) => row ?? {});
}

const blankRows = (): SettingsRow[] => Array.from({ length: NEW_ROWS }, () => ({}));

const criterionRows = (criteria: readonly Criterion[]): SettingsRow[] => [
  ...criteria.map((criterion, index) => ({
    key: criterion.key,
    label: criterion.label ?? '',
    axis: criterion.axis,
    weight: String(criterion.weight),
    position: String(index + 1),
  })),
  ...blankRows(),
];

const statusRows = (statuses: readonly InitiativeStatus[]): SettingsRow[] => [
  ...statuses.map((status, index) => ({
    key: status.key,
    label: status.label ?? '',
    kind: status.kind,
    defaultProgress: String(status.defaultProgress),
    position: String(index + 1),
  })),
  ...blankRows(),
];

async function renderCriteria(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    rows: readonly SettingsRow[];
    revision: string;
    errors?: FieldErrors;
    saved?: boolean;
    conflict?: readonly Criterion[];
  },
) {
  return sendPage(request, reply, {
    title: request.messages.t('priorities.settings.criteria.title'),
    body: (
      <CriteriaSettingsView
        messages={request.messages}
        rows={options.rows}
        revision={options.revision}
        errors={options.errors ?? {}}
        saved={options.saved}
        conflict={options.conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function showCriteria(
  deps: FeatureDeps,
  request: RouteRequest<{ querystring: typeof savedQuery }>,
  reply: FastifyReply,
) {
  const criteria = await listCriteria(deps.database.db, workspaceOf(request).id);
  return renderCriteria(request, reply, {
    rows: criterionRows(criteria),
    revision: revisionOf(criteria),
    saved: request.query.saved !== undefined,
  });
}

async function saveCriteriaForm(
  deps: FeatureDeps,
  request: RouteRequest<{ body: typeof formBody }>,
  reply: FastifyReply,
) {
  const rows = rowsOf(request.body);
  const raw = rows.map((row) => ({ ...row, remove: row.remove === '1' }));
  const outcome = await saveCriteria(
    deps.database.db,
    raw,
    changedBy(request),
    formValue(request.body.revision),
  );
  if (outcome.ok) return reply.redirect(`${criteriaSettingsHref}?saved=1`, 303);
  if ('conflict' in outcome)
    return renderCriteria(request, reply.status(409), {
      rows,
      // The next save starts from the list now stored.
      revision: revisionOf(outcome.conflict),
      conflict: outcome.conflict,
    });
  return renderCriteria(request, reply.status(400), {
    rows,
    revision: formValue(request.body.revision),
    errors: settingsFormErrors(request.messages, outcome.problems, (key) => key),
  });
}

async function renderStatuses(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    rows: readonly SettingsRow[];
    revision: string;
    errors?: FieldErrors;
    saved?: boolean;
    conflict?: readonly InitiativeStatus[];
  },
) {
  return sendPage(request, reply, {
    title: request.messages.t('priorities.settings.statuses.title'),
    body: (
      <StatusesSettingsView
        messages={request.messages}
        rows={options.rows}
        usage={await statusUsage(deps.database.db, workspaceOf(request).id)}
        revision={options.revision}
        errors={options.errors ?? {}}
        saved={options.saved}
        conflict={options.conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function showStatuses(
  deps: FeatureDeps,
  request: RouteRequest<{ querystring: typeof savedQuery }>,
  reply: FastifyReply,
) {
  const statuses = await listStatuses(deps.database.db, workspaceOf(request).id);
  return renderStatuses(deps, request, reply, {
    rows: statusRows(statuses),
    revision: revisionOf(statuses),
    saved: request.query.saved !== undefined,
  });
}

async function saveStatusesForm(
  deps: FeatureDeps,
  request: RouteRequest<{ body: typeof formBody }>,
  reply: FastifyReply,
) {
  const rows = rowsOf(request.body);
  const raw = rows.map((row) => ({ ...row, remove: row.remove === '1' }));
  const outcome = await saveStatuses(
    deps.database.db,
    raw,
    changedBy(request),
    formValue(request.body.revision),
  );
  if (outcome.ok) return reply.redirect(`${statusesSettingsHref}?saved=1`, 303);
  if ('conflict' in outcome)
    return renderStatuses(deps, request, reply.status(409), {
      rows,
      revision: revisionOf(outcome.conflict),
      conflict: outcome.conflict,
    });
  const stored = await listStatuses(deps.database.db, workspaceOf(request).id);
  const labelOf = (key: string) => {
    const status = stored.find((entry) => entry.key === key);
    return status ? statusLabel(request.messages, status) : key;
  };
  return renderStatuses(deps, request, reply.status(400), {
    rows,
    revision: formValue(request.body.revision),
    errors: settingsFormErrors(request.messages, outcome.problems, labelOf),
  });
}

export async function prioritySettingsRoutes(app: App, deps: FeatureDeps) {
  const manage = { access: 'plans.manage' as const };
  app.get(
    criteriaSettingsHref,
    { schema: { hide: true, querystring: savedQuery }, config: manage },
    (request, reply) => showCriteria(deps, request, reply),
  );
  app.post(
    criteriaSettingsHref,
    { schema: { hide: true, body: formBody }, config: manage },
    (request, reply) => saveCriteriaForm(deps, request, reply),
  );
  app.get(
    statusesSettingsHref,
    { schema: { hide: true, querystring: savedQuery }, config: manage },
    (request, reply) => showStatuses(deps, request, reply),
  );
  app.post(
    statusesSettingsHref,
    { schema: { hide: true, body: formBody }, config: manage },
    (request, reply) => saveStatusesForm(deps, request, reply),
  );
}
