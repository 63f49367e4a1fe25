// The workshop's pages: the overview of a round, and a page per sub-dimension
// where the facilitator records the consensus of each item. Forms post, the
// server saves and redirects to the next item (post/redirect/get); a refused
// save re-renders the page with the errors beside the fields.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import { type FieldErrors, formValue } from '../../platform/http/forms.tsx';
import { sendPage } from '../../platform/http/page.tsx';
import { textOf } from '../frameworks/index.ts';
import {
  type ConsensusContent,
  type ConsensusProblem,
  checkConsensus,
  normalizeConsensus,
  RATIONALE_MAX,
} from './consensus.ts';
import { type OpenWorkshop, openWorkshop, workshopAnswerCounts } from './open-workshop.ts';
import { findSubdimension, nextPlace, workshopItems, workshopOverview } from './workshop.ts';
import {
  consensusFieldIds,
  NOT_APPLICABLE,
  SubdimensionWorkshopView,
} from './workshop-item-views.tsx';
import { consensusByItem, recordConsensus } from './workshop-store.ts';
import { roundWorkshopTitle, WorkshopOverviewView, workshopHref } from './workshop-views.tsx';

const roundParams = z.object({ id: z.uuid() });
const subdimensionParams = roundParams.extend({ subdimension: z.string().max(40) });
// The scope chooser sends an empty agency for the whole of government.
const agencyQuery = z
  .union([z.uuid(), z.literal('')])
  .optional()
  .transform((agency) => agency || undefined);
const pageQuery = z.object({ agency: agencyQuery, saved: z.string().max(40).optional() });
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The consensus as the form posted it; a value that is no number is kept so the rules refuse it. */
function consensusFromForm(body: Record<string, string | string[]>): ConsensusContent {
  const value = formValue(body.value);
  return normalizeConsensus({
    value:
      value === '' || value === NOT_APPLICABLE
        ? null
        : /^-?\d{1,6}$/.test(value)
          ? Number(value)
          : Number.NaN,
    notApplicable: value === NOT_APPLICABLE,
    rationale: formValue(body.rationale),
  });
}

const overviewSchema = { hide: true, params: roundParams, querystring: pageQuery } as const;
const subdimensionSchema = {
  hide: true,
  params: subdimensionParams,
  querystring: pageQuery,
} as const;
const consensusSchema = { ...subdimensionSchema, body: formBody } as const;

export async function workshopRoutes(app: App, deps: FeatureDeps) {
  const facilitate = { access: 'workshop.facilitate' as const };
  app.get(
    '/rounds/:id/workshop',
    { schema: overviewSchema, config: facilitate },
    (request, reply) => showOverview(deps, request, reply),
  );
  app.get(
    '/rounds/:id/workshop/:subdimension',
    { schema: subdimensionSchema, config: facilitate },
    (request, reply) => showSubdimension(deps, request, reply),
  );
  app.post(
    '/rounds/:id/workshop/:subdimension',
    { schema: consensusSchema, config: facilitate },
    (request, reply) => saveConsensus(deps, request, reply),
  );
}

/** The workshop of a round (or of one agency) for the member, under the results' small-number threshold. */
function open(
  { database, resultsMinRespondents: threshold }: FeatureDeps,
  request: FastifyRequest,
  roundId: string,
  agencyId: string | undefined,
) {
  return openWorkshop(database.db, {
    roundId,
    agencyId,
    agencyField: 'agency',
    member: request.signedIn?.member,
    threshold,
  });
}

/** Every sub-dimension with its items' answers and the consensus recorded so far. */
async function showOverview(
  deps: FeatureDeps,
  request: RouteRequest<typeof overviewSchema>,
  reply: FastifyReply,
) {
  const workshop = await open(deps, request, request.params.id, request.query.agency);
  const { round, framework } = workshop;
  const dimensions = workshopOverview(
    framework,
    await workshopAnswerCounts(deps.database.db, workshop),
    await consensusByItem(deps.database.db, {
      roundId: round.id,
      agencyId: workshop.agency?.agencyId ?? null,
    }),
  );
  return sendPage(request, reply, {
    title: roundWorkshopTitle(request.messages, round),
    body: (
      <WorkshopOverviewView
        messages={request.messages}
        workshop={workshop}
        dimensions={dimensions}
      />
    ),
  });
}

/** One sub-dimension, item by item, with the form for each item's consensus. */
async function showSubdimension(
  deps: FeatureDeps,
  request: RouteRequest<typeof subdimensionSchema>,
  reply: FastifyReply,
) {
  const workshop = await open(deps, request, request.params.id, request.query.agency);
  return renderSubdimension(deps.database, request, reply, workshop, {
    code: request.params.subdimension,
    saved: request.query.saved,
  });
}

/** Records an item's consensus and goes on to the next item, or shows the problems beside the fields. */
async function saveConsensus(
  deps: FeatureDeps,
  request: RouteRequest<typeof consensusSchema>,
  reply: FastifyReply,
) {
  const workshop = await open(deps, request, request.params.id, request.query.agency);
  const { framework, round } = workshop;
  const code = request.params.subdimension;
  const found = findSubdimension(framework, code);
  if (!found) throw new AppError('not_found', `There is no sub-dimension ${code}`);
  const itemCode = formValue(request.body.itemCode);
  if (!found.subdimension.items.some((item) => item.code === itemCode))
    throw new AppError('invalid_request', `${itemCode} is not an item of ${code}`, [
      { path: 'itemCode', message: 'is not an item of this sub-dimension' },
    ]);
  const content = consensusFromForm(request.body);
  const problems = checkConsensus(framework, itemCode, content);
  if (problems.length > 0) {
    const ids = consensusFieldIds(itemCode);
    const errors: FieldErrors = {};
    for (const problem of problems)
      errors[problem.field === 'rationale' ? ids.rationale : ids.value] = problemMessage(
        request.messages.t,
        itemCode,
        problem,
      );
    return renderSubdimension(deps.database, request, reply.status(400), workshop, {
      code,
      posted: { itemCode, content },
      errors,
    });
  }
  const agencyId = workshop.agency?.agencyId;
  await recordConsensus(deps.database.db, {
    workspaceId: workshop.workspace.id,
    roundId: round.id,
    itemCode,
    agencyId: agencyId ?? null,
    content,
    actor: actorOf(request.signedIn),
  });
  const next = nextPlace(framework, itemCode);
  return reply.redirect(
    next
      ? workshopHref(round.id, { ...next, agencyId, saved: itemCode })
      : workshopHref(round.id, { agencyId }),
    303,
  );
}

async function renderSubdimension(
  { db }: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  workshop: OpenWorkshop,
  options: {
    code: string;
    saved?: string | undefined;
    posted?: { itemCode: string; content: ConsensusContent };
    errors?: FieldErrors;
  },
) {
  const { round, framework } = workshop;
  const { messages } = request;
  const found = findSubdimension(framework, options.code);
  if (!found) throw new AppError('not_found', `There is no sub-dimension ${options.code}`);
  const { dimension, subdimension } = found;
  const itemCodes = subdimension.items.map((item) => item.code);
  const agencyId = workshop.agency?.agencyId;
  const items = workshopItems(
    framework,
    subdimension.items,
    await workshopAnswerCounts(db, workshop, itemCodes),
    await consensusByItem(db, {
      roundId: round.id,
      agencyId: agencyId ?? null,
      itemCodes,
    }),
  );
  const order = framework.dimensions.flatMap((each) => each.subdimensions.map((sub) => sub.code));
  const index = order.indexOf(subdimension.code);
  const hrefOf = (code: string | undefined) =>
    code && workshopHref(round.id, { subdimensionCode: code, agencyId });
  const submitLabels = new Map(
    itemCodes.map((code) => {
      const next = nextPlace(framework, code);
      const key = !next
        ? 'workshop.form.saveAndFinish'
        : next.subdimensionCode === subdimension.code
          ? 'workshop.form.saveAndNextItem'
          : 'workshop.form.saveAndNextSubdimension';
      return [code, messages.t(key)];
    }),
  );
  const text = textOf(messages, framework);
  return sendPage(request, reply, {
    title: text(subdimension.name),
    body: (
      <SubdimensionWorkshopView
        messages={messages}
        workshop={workshop}
        framework={framework}
        dimensionName={text(dimension.name)}
        subdimension={{ code: subdimension.code, name: text(subdimension.name) }}
        items={items}
        posted={options.posted}
        errors={options.errors ?? {}}
        saved={options.saved && itemCodes.includes(options.saved) ? options.saved : undefined}
        submitLabels={submitLabels}
        previousHref={hrefOf(order[index - 1])}
        nextHref={hrefOf(order[index + 1])}
        csrfToken={request.signedIn?.csrfToken}
      />
    ),
  });
}

function problemMessage(
  t: FastifyRequest['messages']['t'],
  code: string,
  problem: ConsensusProblem,
): string {
  return t(`workshop.error.${problem.rule}`, { code, max: RATIONALE_MAX });
}
