// Opens the roadmap published at a public address, as the public sees it
// (public-roadmap.ts), for the public page and its JSON alike.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../platform/db/schema.ts';
import { findPlan } from '../../plans/index.ts';
import { listMilestones } from '../milestone-store.ts';
import { openRoadmap } from '../open-roadmap.ts';
import { type PublicRoadmap, publicRoadmap } from './public-roadmap.ts';
import { findPublicationBySlug } from './publication-store.ts';

// A published roadmap is the same for everyone: shared caches may keep it a
// little while; a minute is how long an unpublished one may still be seen.
export const PUBLIC_CACHE = 'public, max-age=60';

/** The published roadmap at `slug`; undefined when nothing is published there (any more). */
export async function openPublicRoadmap(
  db: Kysely<Schema>,
  workspaceId: string,
  slug: string,
  today: string,
): Promise<PublicRoadmap | undefined> {
  const publication = await findPublicationBySlug(db, workspaceId, slug);
  const plan = publication && (await findPlan(db, workspaceId, publication.planId));
  if (!publication || !plan) return undefined;
  const roadmap = await openRoadmap(db, workspaceId, plan);
  const milestones = await listMilestones(
    db,
    roadmap.initiatives.map((initiative) => initiative.id),
  );
  return publicRoadmap(roadmap, milestones, publication.showBudgets, today);
}
