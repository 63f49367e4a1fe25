// The home page: what this workspace holds and where to go next; for a focal
// point, first their agencies' progress and what to do about it.
import { listAgencies } from '../assessment/agencies/index.ts';
import { listFrameworks } from '../assessment/frameworks/index.ts';
import { listRounds, roundProgress } from '../assessment/rounds/index.ts';
import type { App, FeatureDeps } from '../platform/http/feature.ts';
import { sendPage } from '../platform/http/page.tsx';
import { workspaceOf } from '../platform/http/request-workspace.ts';
import { type FocalPointAgency, focalPointAgencies, roundsThatMatter } from './focal-point-home.ts';
import { HomeView } from './home-views.tsx';

export async function homeRoutes(app: App, { database }: FeatureDeps) {
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const workspace = workspaceOf(request);
    const [agencies, frameworks, rounds] = await Promise.all([
      listAgencies(database.db, workspace.id),
      listFrameworks(database.db),
      listRounds(database.db, workspace.id),
    ]);
    const levels = { national: 0, subnational: 0, local: 0 };
    for (const agency of agencies) levels[agency.level] += 1;
    const member = request.signedIn?.member;
    let yourAgencies: FocalPointAgency[] | undefined;
    if (member?.role === 'focal_point') {
      const matter = roundsThatMatter(rounds);
      const progress = [];
      for (const round of matter)
        progress.push({ round, progress: await roundProgress(database.db, round.id) });
      yourAgencies = focalPointAgencies(
        agencies.filter((agency) => member.agencyIds.includes(agency.id)),
        progress,
      );
    }
    return sendPage(request, reply, {
      title: request.messages.t('home.title'),
      body: (
        <HomeView
          messages={request.messages}
          workspaceName={workspace.name}
          agencyCount={agencies.length}
          levels={levels}
          frameworkCount={new Set(frameworks.map((f) => f.key)).size}
          rounds={rounds}
          yourAgencies={yourAgencies}
        />
      ),
    });
  });
}
