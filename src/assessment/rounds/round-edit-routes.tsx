// The pages that create and edit a round, and those that confirm opening and
// closing one; the API (round-api.ts) makes the same changes, one call each,
// both through round-changes.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changedBy } from '../../platform/audit/changed-by.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { isoToday } from '../../platform/iso-day.ts';
import { listAgencyRefs } from '../../platform/workspaces/agency-directory.ts';
import { changeRoundStatus, type RoundOutcome, saveRound } from './round-changes.ts';
import {
  type RoundFormValues,
  RoundFormView,
  roundFormErrors,
  roundProblemText,
} from './round-form-views.tsx';
import { requireRound } from './round-lookup.ts';
import { totalProgress } from './round-progress.ts';
import { sendRoundOverview } from './round-routes.tsx';
import type { RawRound, RoundAction } from './round-rules.ts';
import { nextStatus } from './round-rules.ts';
import { changeOf, RoundStatusConfirmView } from './round-status-views.tsx';
import { roundProgress } from './round-store.ts';
import { listFrameworkOptions, listScope } from './round-write-store.ts';

const idParams = z.object({ id: z.uuid() });

// A form posts strings (several agencyIds when several boxes are ticked); the
// rules judge them so each problem, a value too long included, shows beside its
// field with what was typed (the body limit bounds a form's size).
const formText = z.string().optional();
const roundForm = z.object({
  name: formText,
  frameworkId: formText,
  scope: formText,
  agencyIds: z.union([z.string().max(100), z.array(z.string().max(100)).max(10_000)]).optional(),
  opensOn: formText,
  closesOn: formText,
});
type RoundForm = z.infer<typeof roundForm>;

function formValues(form: RoundForm): RoundFormValues {
  const { agencyIds, ...rest } = form;
  return { ...rest, agencyIds: agencyIds === undefined ? [] : [agencyIds].flat() };
}

function rawOfForm(values: RoundFormValues): RawRound {
  return {
    name: values.name,
    frameworkId: values.frameworkId,
    agencies: values.scope === 'chosen' ? (values.agencyIds ?? []) : 'all',
    opensOn: values.opensOn,
    closesOn: values.closesOn,
  };
}

async function renderForm(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { roundId?: string; values: RoundFormValues; errors: FieldErrors },
) {
  const workspace = workspaceOf(request);
  const [frameworks, agencies] = await Promise.all([
    listFrameworkOptions(database.db),
    listAgencyRefs(database.db, workspace.id),
  ]);
  const { t } = request.messages;
  const heading = options.roundId ? t('rounds.editTitle') : t('rounds.createTitle');
  return sendPage(request, reply, {
    title: heading,
    body: (
      <RoundFormView
        messages={request.messages}
        action={options.roundId ? `/rounds/${options.roundId}/edit` : '/rounds/new'}
        heading={heading}
        values={options.values}
        errors={options.errors}
        frameworks={frameworks}
        agencies={agencies}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

async function submitForm(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  form: RoundForm,
  roundId?: string,
) {
  const values = formValues(form);
  const outcome = await saveRound(database.db, rawOfForm(values), changedBy(request), roundId);
  if (outcome.ok) return reply.redirect(`/rounds/${outcome.id}`, 303);
  if (roundId && outcome.problems.some((problem) => problem.field === 'status'))
    return showRefusal(database, request, reply, roundId, outcome);
  const errors = roundFormErrors(request.messages, outcome.problems);
  return renderForm(database, request, reply.status(400), {
    ...(roundId ? { roundId } : {}),
    values,
    errors,
  });
}

function showRefusal(
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  roundId: string,
  outcome: RoundOutcome,
) {
  const problem = outcome.ok ? undefined : outcome.problems[0];
  const refusal = problem && roundProblemText(request.messages, problem);
  return sendRoundOverview(request, reply.status(409), database, roundId, {
    ...(refusal ? { refusal } : {}),
  });
}

/** The empty form of a new round, over every agency. */
function showNewForm({ database }: FeatureDeps) {
  return (request: FastifyRequest, reply: FastifyReply) =>
    renderForm(database, request, reply, { values: { scope: 'all' }, errors: {} });
}

/** Creates the round the form describes, or shows the form again with its problems. */
function createFromForm({ database }: FeatureDeps) {
  return (request: RouteRequest<{ body: typeof roundForm }>, reply: FastifyReply) =>
    submitForm(database, request, reply, request.body);
}

/** The form of a draft round as it stands; a round no longer draft shows why it cannot be edited. */
function showEditForm({ database }: FeatureDeps) {
  return async (request: RouteRequest<{ params: typeof idParams }>, reply: FastifyReply) => {
    const round = await requireRound(request, database, request.params.id);
    if (round.status !== 'draft')
      return showRefusal(database, request, reply, round.id, {
        ok: false,
        problems: [{ field: 'status', rule: 'notDraft' }],
      });
    const values: RoundFormValues = {
      name: round.name,
      frameworkId: round.frameworkId,
      scope: 'chosen',
      agencyIds: await listScope(database.db, round.id),
      opensOn: round.opensOn,
      closesOn: round.closesOn,
    };
    return renderForm(database, request, reply, { roundId: round.id, values, errors: {} });
  };
}

/** Saves the draft round as the form says, or shows the form again with its problems. */
function editFromForm({ database }: FeatureDeps) {
  return (
    request: RouteRequest<{ params: typeof idParams; body: typeof roundForm }>,
    reply: FastifyReply,
  ) => submitForm(database, request, reply, request.body, request.params.id);
}

/** What opening or closing the round will do, or why it cannot be done now. */
function confirmStatusChange({ database }: FeatureDeps, action: RoundAction) {
  return async (request: RouteRequest<{ params: typeof idParams }>, reply: FastifyReply) => {
    const round = await requireRound(request, database, request.params.id);
    const today = isoToday();
    const next = nextStatus(round.status, action, { closesOn: round.closesOn, today });
    if (!next.ok)
      return showRefusal(database, request, reply, round.id, {
        ok: false,
        problems: [next.problem],
      });
    const totals = totalProgress(await roundProgress(database.db, round.id));
    return sendPage(request, reply, {
      title: request.messages.t(`rounds.confirm.${action}.title`, { name: round.name }),
      body: (
        <RoundStatusConfirmView
          messages={request.messages}
          round={round}
          action={action}
          totals={totals}
          today={today}
          csrfToken={request.signedIn?.csrfToken}
        />
      ),
    });
  };
}

/** Opens or closes the round, back to its overview saying so, or showing why not. */
function changeStatusFromForm({ database }: FeatureDeps, action: RoundAction) {
  return async (request: RouteRequest<{ params: typeof idParams }>, reply: FastifyReply) => {
    const outcome = await changeRoundStatus(
      database.db,
      request.params.id,
      action,
      changedBy(request),
    );
    if (!outcome.ok) return showRefusal(database, request, reply, request.params.id, outcome);
    return reply.redirect(`/rounds/${request.params.id}?changed=${changeOf[action]}`, 303);
  };
}

export async function roundEditRoutes(app: App, deps: FeatureDeps) {
  app.get(
    '/rounds/new',
    { schema: { hide: true }, config: { access: 'rounds.manage' } },
    showNewForm(deps),
  );
  app.post(
    '/rounds/new',
    { schema: { hide: true, body: roundForm }, config: { access: 'rounds.manage' } },
    createFromForm(deps),
  );
  app.get(
    '/rounds/:id/edit',
    { schema: { hide: true, params: idParams }, config: { access: 'rounds.manage' } },
    showEditForm(deps),
  );
  app.post(
    '/rounds/:id/edit',
    {
      schema: { hide: true, params: idParams, body: roundForm },
      config: { access: 'rounds.manage' },
    },
    editFromForm(deps),
  );
  for (const action of ['open', 'close'] as const satisfies readonly RoundAction[]) {
    // The overview's button leads here: what opening or closing will do, asked
    // before it is done; the change happens only when this page's form is posted.
    app.get(
      `/rounds/:id/${action}`,
      { schema: { hide: true, params: idParams }, config: { access: 'rounds.manage' } },
      confirmStatusChange(deps, action),
    );
    app.post(
      `/rounds/:id/${action}`,
      { schema: { hide: true, params: idParams }, config: { access: 'rounds.manage' } },
      changeStatusFromForm(deps, action),
    );
  }
}
