// The roadmap page of a plan, in the view the reader chose.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { roleHas } from '../../platform/accounts/access.ts';
import type { App, FeatureDeps, RouteRequest } from '../../platform/http/feature.ts';
import { sendPage } from '../../platform/http/page.tsx';
import { workspaceOf } from '../../platform/http/request-workspace.ts';
import { isoToday } from '../../platform/iso-day.ts';
import { type Plan, requirePlan } from '../plans/index.ts';
import { listAgencyNames } from './agency-names.ts';
import { originChoices, unanswered } from './initiative-origins.ts';
import { listMilestones } from './milestone-store.ts';
import { openRoadmap, progressNodes } from './open-roadmap.ts';
import { dimensionsAddressed, openRoadmapEvidence } from './roadmap-evidence.ts';
import {
  groupings,
  groupRoadmap,
  levelTallies,
  milestoneTally,
  overallTally,
  type RoadmapFacts,
  treeRows,
} from './roadmap-summary.ts';
import { type RoadmapPage, RoadmapView } from './roadmap-views.tsx';

const planParams = z.object({ id: z.uuid() });
const roadmapQuery = z.object({ by: z.enum(groupings).default('tree') });

/** Everything the roadmap page shows, in the grouping asked for. */
export async function openRoadmapPage(
  deps: Pick<FeatureDeps, 'database' | 'resultsMinRespondents'>,
  workspaceId: string,
  plan: Plan,
  grouping: RoadmapPage['grouping'],
  today = isoToday(),
): Promise<RoadmapPage> {
  const { db } = deps.database;
  const [roadmap, evidence, agencies] = await Promise.all([
    openRoadmap(db, workspaceId, plan),
    openRoadmapEvidence(db, plan, deps.resultsMinRespondents),
    listAgencyNames(db, workspaceId),
  ]);
  const milestones = await listMilestones(
    db,
    roadmap.initiatives.map((initiative) => initiative.id),
  );
  const facts: RoadmapFacts = {
    initiatives: roadmap.initiatives,
    nodes: progressNodes(roadmap.initiatives, roadmap.statuses),
    progress: roadmap.progress,
    today,
  };
  const kinds = new Map(facts.nodes.map((node) => [node.id, node.statusKind]));
  return {
    roadmap,
    evidence,
    grouping,
    levels: levelTallies(facts),
    overall: overallTally(facts),
    rows: grouping === 'tree' ? treeRows(roadmap.initiatives) : [],
    groups:
      grouping === 'tree'
        ? []
        : groupRoadmap(facts, grouping, (initiative) =>
            dimensionsAddressed(evidence, initiative.codes),
          ),
    waiting: unanswered(originChoices(evidence), roadmap.initiatives),
    agencies: new Map(agencies.map((agency) => [agency.id, agency])),
    milestones,
    milestoneTally: milestoneTally(milestones, (id) => kinds.get(id) ?? 'proposed', today),
    today,
  };
}

async function showRoadmap(
  deps: FeatureDeps,
  request: RouteRequest<{ params: typeof planParams; querystring: typeof roadmapQuery }>,
  reply: FastifyReply,
) {
  const plan = await requirePlan(request, deps, request.params.id);
  const page = await openRoadmapPage(deps, workspaceOf(request).id, plan, request.query.by);
  const member = request.signedIn?.member;
  return sendPage(request, reply, {
    title: `${request.messages.t('roadmap.title')} · ${plan.title}`,
    body: (
      <RoadmapView
        messages={request.messages}
        page={page}
        mayEdit={member !== undefined && roleHas(member.role, 'plans.edit')}
      />
    ),
  });
}

export async function roadmapRoutes(app: App, deps: FeatureDeps) {
  app.get(
    '/plans/:id/roadmap',
    {
      schema: { hide: true, params: planParams, querystring: roadmapQuery },
      config: { access: 'workspace.read' },
    },
    (request, reply) => showRoadmap(deps, request, reply),
  );
}
