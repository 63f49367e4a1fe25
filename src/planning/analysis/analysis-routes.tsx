// The analysis pages of a plan: its SWOT (with the draft drawn from the
// baseline results) and its PESTLE, the forms that change them, and their
// CSV and XLSX exports. They save through the -changes modules, as the API does.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import { changedBy } from '../../platform/audit/changed-by.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type Table,
  type TableFormat,
  tableContentTypes,
  tableFile,
} from '../../platform/exports/table-file.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { type Plan, requirePlan } from '../plans/index.ts';
import { analysisTables } from './analysis-tables.ts';
import {
  type PestleFormValues,
  PestleFormView,
  PestleView,
  problemErrors,
  SwotDraftView,
  type SwotFormValues,
  SwotFormView,
  SwotView,
} from './analysis-views.tsx';
import { evidenceLabels } from './evidence-labels.ts';
import { evidenceSources } from './evidence-store.ts';
import { deletePestleFactor, savePestleFactor } from './pestle-changes.ts';
import { findPestleFactor, listPestleFactors, type PestleFactor } from './pestle-store.ts';
import {
  acceptProposal,
  type ChangeOutcome,
  deleteSwotEntry,
  saveSwotEntry,
} from './swot-changes.ts';
import { planProposals } from './swot-draft.ts';
import { openProposals } from './swot-proposals.ts';
import { evidenceValue, parseEvidence } from './swot-rules.ts';
import {
  acceptedProposalKeys,
  findSwotEntry,
  listSwotEntries,
  type SwotEntry,
} from './swot-store.ts';

const planParams = z.object({ id: z.uuid() });
const entryParams = planParams.extend({ entryId: z.uuid() });
const factorParams = planParams.extend({ factorId: z.uuid() });
const formatParams = planParams.extend({ format: z.enum(['csv', 'xlsx']) });
// A form posts strings; the rules judge them, so every problem is shown beside its field.
const formText = z.string().optional();
const swotForm = z.object({
  quadrant: formText,
  text: formText,
  importance: formText,
  evidence: formText,
  version: formText,
});
const pestleForm = z.object({
  heading: formText,
  description: formText,
  impact: formText,
  likelihood: formText,
  trend: formText,
  horizon: formText,
  version: formText,
});
const versionForm = z.object({ version: formText });
const keyList = z
  .union([z.string().max(300), z.array(z.string().max(300)).max(200)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
const draftQuery = z.object({ dropped: keyList });
const acceptForm = z.object({
  proposalKey: z.string().max(300),
  text: formText,
  importance: formText,
  dropped: keyList,
});
const newQuery = z.object({ quadrant: z.string().max(20).optional() });

const mayEditAnalysis = (request: FastifyRequest) =>
  request.signedIn?.member !== undefined && roleHas(request.signedIn.member.role, 'plans.edit');

function versionOf(raw: string | undefined): number {
  const version = Number(raw);
  if (raw === undefined || !Number.isInteger(version))
    throw new AppError('invalid_request', 'The form has no version', [
      { path: 'version', message: 'must be the version the form was opened at' },
    ]);
  return version;
}

async function labelsFor(deps: FeatureDeps, request: FastifyRequest, plan: Plan) {
  const roundIds = plan.baselineRounds.map((round) => round.id);
  const sources = await evidenceSources(deps.database.db, {
    workspaceId: workspaceOf(request).id,
    planId: plan.id,
    roundIds,
  });
  return evidenceLabels(request.messages, sources, roundIds);
}

async function showSwot(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { describe } = await labelsFor(deps, request, plan);
  return sendPage(request, reply, {
    title: `${request.messages.t('swot.title')} · ${plan.title}`,
    body: (
      <SwotView
        messages={request.messages}
        plan={plan}
        entries={await listSwotEntries(deps.database.db, plan.id)}
        describe={describe}
        mayEdit={mayEditAnalysis(request)}
      />
    ),
  });
}

async function renderSwotForm(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  options: {
    entryId?: string;
    values: SwotFormValues;
    errors: FieldErrors;
    conflict?: SwotEntry;
  },
) {
  const { describe, choices } = await labelsFor(deps, request, plan);
  const base = `/plans/${plan.id}/swot`;
  return sendPage(request, reply, {
    title: request.messages.t(options.entryId ? 'swot.editTitle' : 'swot.newTitle'),
    body: (
      <SwotFormView
        messages={request.messages}
        plan={plan}
        action={options.entryId ? `${base}/${options.entryId}/edit` : `${base}/new`}
        deleteAction={options.entryId ? `${base}/${options.entryId}/delete` : undefined}
        values={options.values}
        errors={options.errors}
        evidenceChoices={choices}
        conflict={options.conflict}
        describe={describe}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

/** After a change: to the list, or the form again with its problems or the other person's change. */
function afterSwotChange(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  outcome: ChangeOutcome<SwotEntry>,
  values: SwotFormValues,
  entryId?: string,
) {
  if (outcome.ok) return reply.redirect(`/plans/${plan.id}/swot`, 303);
  if ('conflict' in outcome)
    return renderSwotForm(deps, request, reply.status(409), plan, {
      ...(entryId ? { entryId } : {}),
      // What was typed stays; the next save starts from the version now stored.
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderSwotForm(deps, request, reply.status(400), plan, {
    ...(entryId ? { entryId } : {}),
    values,
    errors: problemErrors(request.messages, outcome.problems),
  });
}

function rawSwot(body: z.infer<typeof swotForm>) {
  return {
    quadrant: body.quadrant,
    text: body.text,
    importance: body.importance,
    evidence: parseEvidence(body.evidence),
  };
}

function swotValues(body: z.infer<typeof swotForm>): SwotFormValues {
  const { version, ...fields } = body;
  return {
    quadrant: fields.quadrant ?? '',
    text: fields.text ?? '',
    importance: fields.importance ?? '',
    evidence: fields.evidence ?? '',
    ...(version === undefined ? {} : { version }),
  };
}

async function showDraft(
  deps: FeatureDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  dropped: readonly string[],
  errors: Record<string, FieldErrors> = {},
  typed?: { key: string; text: string },
) {
  const shown = await planProposals(deps.database.db, {
    workspaceId: workspaceOf(request).id,
    plan,
    threshold: deps.resultsMinRespondents,
    messages: request.messages,
  });
  const open = new Set(
    openProposals(
      shown.map((item) => item.proposal),
      await acceptedProposalKeys(deps.database.db, plan.id),
      new Set(dropped),
    ).map((proposal) => proposal.key),
  );
  const { describe } = await labelsFor(deps, request, plan);
  return sendPage(request, reply, {
    title: `${request.messages.t('swot.draft.title')} · ${plan.title}`,
    body: (
      <SwotDraftView
        messages={request.messages}
        plan={plan}
        proposals={shown
          .filter((item) => open.has(item.proposal.key))
          .map((item) =>
            typed && item.proposal.key === typed.key ? { ...item, text: typed.text } : item,
          )}
        dropped={dropped.filter((key) => shown.some((item) => item.proposal.key === key))}
        describe={describe}
        csrfToken={request.signedIn?.csrfToken}
        errors={errors}
        noBaseline={plan.baselineRounds.length === 0}
      />
    ),
  });
}

async function acceptFromForm(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; body: typeof acceptForm }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { proposalKey, dropped, text, importance } = request.body;
  const shown = await planProposals(deps.database.db, {
    workspaceId: workspaceOf(request).id,
    plan,
    threshold: deps.resultsMinRespondents,
    messages: request.messages,
  });
  const found = shown.find((item) => item.proposal.key === proposalKey);
  if (!found)
    throw new AppError('invalid_request', 'The baseline results make no such proposal', [
      { path: 'proposalKey', message: 'is not a proposal of this plan’s baseline rounds' },
    ]);
  const outcome = await acceptProposal(
    deps.database.db,
    plan.id,
    found.proposal,
    { text, importance },
    changedBy(request),
  );
  const back = `/plans/${plan.id}/swot/draft${
    dropped.length > 0
      ? `?${dropped.map((key) => `dropped=${encodeURIComponent(key)}`).join('&')}`
      : ''
  }`;
  if (outcome.ok) return reply.redirect(back, 303);
  const problems = 'problems' in outcome ? outcome.problems : [];
  return showDraft(
    deps,
    request,
    reply.status(400),
    plan,
    dropped,
    { [proposalKey]: problemErrors(request.messages, problems) },
    { key: proposalKey, text: text ?? '' },
  );
}

async function renderPestleForm(
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  options: {
    factorId?: string;
    values: PestleFormValues;
    errors: FieldErrors;
    conflict?: PestleFactor;
  },
) {
  const base = `/plans/${plan.id}/pestle`;
  return sendPage(request, reply, {
    title: request.messages.t(options.factorId ? 'pestle.editTitle' : 'pestle.newTitle'),
    body: (
      <PestleFormView
        messages={request.messages}
        plan={plan}
        action={options.factorId ? `${base}/${options.factorId}/edit` : `${base}/new`}
        deleteAction={options.factorId ? `${base}/${options.factorId}/delete` : undefined}
        values={options.values}
        errors={options.errors}
        conflict={options.conflict}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

function afterPestleChange(
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  outcome: ChangeOutcome<PestleFactor>,
  values: PestleFormValues,
  factorId?: string,
) {
  if (outcome.ok) return reply.redirect(`/plans/${plan.id}/pestle`, 303);
  if ('conflict' in outcome)
    return renderPestleForm(request, reply.status(409), plan, {
      ...(factorId ? { factorId } : {}),
      values: { ...values, version: String(outcome.conflict.version) },
      errors: {},
      conflict: outcome.conflict,
    });
  return renderPestleForm(request, reply.status(400), plan, {
    ...(factorId ? { factorId } : {}),
    values,
    errors: problemErrors(request.messages, outcome.problems),
  });
}

function pestleValues(body: z.infer<typeof pestleForm>): PestleFormValues {
  const values: PestleFormValues = {};
  for (const [field, value] of Object.entries(body))
    if (value !== undefined) values[field as keyof PestleFormValues] = value;
  return values;
}

async function sendTable(reply: FastifyReply, table: Table, name: string, format: TableFormat) {
  return reply
    .header('content-type', tableContentTypes[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(await tableFile(format, table));
}

async function exportPart(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof formatParams }>,
  reply: FastifyReply,
  part: 'swot' | 'pestle',
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const { describe } = await labelsFor(deps, request, plan);
  const tables = analysisTables(request.messages, describe);
  const table =
    part === 'swot'
      ? tables.swot(await listSwotEntries(deps.database.db, plan.id))
      : tables.pestle(await listPestleFactors(deps.database.db, plan.id));
  return sendTable(reply, table, part, request.params.format);
}

export async function analysisRoutes(app: App, deps: FeatureDeps) {
  const { db } = deps.database;
  const read = { access: 'workspace.read' as const };
  const edit = { access: 'plans.edit' as const };
  const hidden = { hide: true };
  app.get(
    '/plans/:id/swot',
    { schema: { ...hidden, params: planParams }, config: read },
    (request, reply) => showSwot(deps, request, reply),
  );
  app.get(
    '/plans/:id/swot.:format',
    { schema: { ...hidden, params: formatParams }, config: read },
    (request, reply) => exportPart(deps, request, reply, 'swot'),
  );
  app.get(
    '/plans/:id/swot/new',
    { schema: { ...hidden, params: planParams, querystring: newQuery }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return renderSwotForm(deps, request, reply, plan, {
        values: { quadrant: request.query.quadrant ?? 'strength', importance: 'medium' },
        errors: {},
      });
    },
  );
  app.post(
    '/plans/:id/swot/new',
    { schema: { ...hidden, params: planParams, body: swotForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await saveSwotEntry(db, plan.id, rawSwot(request.body), changedBy(request));
      return afterSwotChange(deps, request, reply, plan, outcome, swotValues(request.body));
    },
  );
  app.get(
    '/plans/:id/swot/:entryId/edit',
    { schema: { ...hidden, params: entryParams }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const entry = await findSwotEntry(db, plan.id, request.params.entryId);
      if (!entry) throw new AppError('not_found', 'There is no such SWOT entry');
      return renderSwotForm(deps, request, reply, plan, {
        entryId: entry.id,
        values: {
          quadrant: entry.quadrant,
          text: entry.text,
          importance: entry.importance,
          evidence: evidenceValue(entry.evidence),
          version: String(entry.version),
        },
        errors: {},
      });
    },
  );
  app.post(
    '/plans/:id/swot/:entryId/edit',
    { schema: { ...hidden, params: entryParams, body: swotForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await saveSwotEntry(db, plan.id, rawSwot(request.body), changedBy(request), {
        entryId: request.params.entryId,
        version: versionOf(request.body.version),
      });
      return afterSwotChange(
        deps,
        request,
        reply,
        plan,
        outcome,
        swotValues(request.body),
        request.params.entryId,
      );
    },
  );
  app.post(
    '/plans/:id/swot/:entryId/delete',
    { schema: { ...hidden, params: entryParams, body: versionForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deleteSwotEntry(
        db,
        plan.id,
        request.params.entryId,
        versionOf(request.body.version),
        changedBy(request),
      );
      if (outcome.ok || !('conflict' in outcome))
        return reply.redirect(`/plans/${plan.id}/swot`, 303);
      const entry = outcome.conflict;
      return renderSwotForm(deps, request, reply.status(409), plan, {
        entryId: entry.id,
        values: {
          quadrant: entry.quadrant,
          text: entry.text,
          importance: entry.importance,
          evidence: evidenceValue(entry.evidence),
          version: String(entry.version),
        },
        errors: {},
        conflict: entry,
      });
    },
  );
  app.get(
    '/plans/:id/swot/draft',
    { schema: { ...hidden, params: planParams, querystring: draftQuery }, config: edit },
    async (request, reply) =>
      showDraft(
        deps,
        request,
        reply,
        await requirePlan(request, deps, request.params.id),
        request.query.dropped,
      ),
  );
  app.post(
    '/plans/:id/swot/draft',
    { schema: { ...hidden, params: planParams, body: acceptForm }, config: edit },
    (request, reply) => acceptFromForm(deps, request, reply),
  );

  app.get(
    '/plans/:id/pestle',
    { schema: { ...hidden, params: planParams }, config: read },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      return sendPage(request, reply, {
        title: `${request.messages.t('pestle.title')} · ${plan.title}`,
        body: (
          <PestleView
            messages={request.messages}
            plan={plan}
            factors={await listPestleFactors(db, plan.id)}
            mayEdit={mayEditAnalysis(request)}
          />
        ),
      });
    },
  );
  app.get(
    '/plans/:id/pestle.:format',
    { schema: { ...hidden, params: formatParams }, config: read },
    (request, reply) => exportPart(deps, request, reply, 'pestle'),
  );
  app.get(
    '/plans/:id/pestle/new',
    { schema: { ...hidden, params: planParams }, config: edit },
    async (request, reply) =>
      renderPestleForm(request, reply, await requirePlan(request, deps, request.params.id), {
        values: {},
        errors: {},
      }),
  );
  app.post(
    '/plans/:id/pestle/new',
    { schema: { ...hidden, params: planParams, body: pestleForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await savePestleFactor(db, plan.id, request.body, changedBy(request));
      return afterPestleChange(request, reply, plan, outcome, pestleValues(request.body));
    },
  );
  app.get(
    '/plans/:id/pestle/:factorId/edit',
    { schema: { ...hidden, params: factorParams }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const factor = await findPestleFactor(db, plan.id, request.params.factorId);
      if (!factor) throw new AppError('not_found', 'There is no such PESTLE factor');
      const { id: _id, planId: _plan, position: _p, updatedAt: _u, version, ...fields } = factor;
      return renderPestleForm(request, reply, plan, {
        factorId: factor.id,
        values: { ...fields, version: String(version) },
        errors: {},
      });
    },
  );
  app.post(
    '/plans/:id/pestle/:factorId/edit',
    { schema: { ...hidden, params: factorParams, body: pestleForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await savePestleFactor(db, plan.id, request.body, changedBy(request), {
        factorId: request.params.factorId,
        version: versionOf(request.body.version),
      });
      return afterPestleChange(
        request,
        reply,
        plan,
        outcome,
        pestleValues(request.body),
        request.params.factorId,
      );
    },
  );
  app.post(
    '/plans/:id/pestle/:factorId/delete',
    { schema: { ...hidden, params: factorParams, body: versionForm }, config: edit },
    async (request, reply) => {
      const plan = await requirePlan(request, deps, request.params.id);
      const outcome = await deletePestleFactor(
        db,
        plan.id,
        request.params.factorId,
        versionOf(request.body.version),
        changedBy(request),
      );
      if (outcome.ok || !('conflict' in outcome))
        return reply.redirect(`/plans/${plan.id}/pestle`, 303);
      const {
        id,
        planId: _plan,
        position: _p,
        updatedAt: _u,
        version,
        ...fields
      } = outcome.conflict;
      return renderPestleForm(request, reply.status(409), plan, {
        factorId: id,
        values: { ...fields, version: String(version) },
        errors: {},
        conflict: outcome.conflict,
      });
    },
  );
}
