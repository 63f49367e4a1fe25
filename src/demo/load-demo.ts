// Writes the generated Sumwhere demo (agencies, two closed rounds, accounts,
// the workshop's consensus, the targets set after it and the plan that rests
// on it, with its analysis, vision and roadmap) into an empty database.
import type { Kysely } from 'kysely';
import { findFramework } from '../assessment/frameworks/index.ts';
import { createUser, setMembership } from '../platform/accounts/account-store.ts';
import { hashPassword } from '../platform/accounts/passwords.ts';
import type { Schema } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { createWorkspace } from '../platform/workspaces/workspace-store.ts';
import type { DemoRoundRecords } from './demo-records.ts';
import { generateSumwhere, type SumwhereDemo } from './sumwhere.ts';
import { DEMO_PASSWORD, demoAccounts } from './sumwhere-accounts.ts';
import { insertSumwhereAnalysis } from './sumwhere-analysis.ts';
import { sumwherePlan } from './sumwhere-plan.ts';
import { insertSumwhereRoadmap } from './sumwhere-roadmap.ts';
import { insertSumwhereStakeholders } from './sumwhere-stakeholders.ts';
import { sumwhereTargets } from './sumwhere-targets.ts';
import { insertSumwhereVision } from './sumwhere-vision.ts';

// Rows per INSERT: large enough to be quick, small enough to stay far below
// PostgreSQL's limit of 65,535 parameters per statement.
const BATCH = 1000;

export async function isEmpty(db: Kysely<Schema>): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Loads the demo; needs the reference frameworks installed and an empty database. */
export async function loadDemo(db: Kysely<Schema>): Promise<SumwhereDemo> {
  const dgca = await findFramework(db, 'dgca');
  if (!dgca)
    throw new AppError(
      'not_found',
      'The demo needs the dgca framework; install the reference frameworks first',
    );
  const demo = generateSumwhere(dgca.framework);
  const accounts = demoAccounts(demo.agencies);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    if (!(await isEmpty(tx)))
      throw new AppError('conflict', 'The demo is only created in an empty database');
    const { workspace, agencies } = demo;
    await createWorkspace(tx, workspace);
    // Parents first, so every parent_id refers to a row already there.
    const ordered = [...agencies].sort(
      (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
    );
    for (const batch of batches(ordered)) {
      await tx
        .insertInto('agencies')
        .values(
          batch.map((agency) => ({
            id: agency.id,
            workspace_id: workspace.id,
            name: agency.name,
            acronym: agency.acronym,
            level: agency.level,
            sector: agency.sector,
            parent_id: agency.parentId,
            focal_point_email: agency.focalPointEmail,
          })),
        )
        .execute();
    }
    for (const records of [demo.baseline, demo])
      await insertRound(tx, { workspaceId: workspace.id, frameworkId: dgca.id }, records);
    for (const account of accounts) {
      await createUser(tx, {
        id: account.id,
        email: account.email,
        name: account.name,
        passwordHash,
      });
      await setMembership(tx, {
        workspaceId: workspace.id,
        userId: account.id,
        role: account.role,
        agencyIds: account.agencyIds,
      });
    }
    // The demo's facilitator ran the workshops, so the pages name them beside each consensus.
    const facilitator = accounts.find((account) => account.role === 'facilitator');
    if (!facilitator) throw new Error('The demo has no facilitator to record its workshop');
    for (const batch of batches(demo.consensus)) {
      await tx
        .insertInto('consensus')
        .values(
          batch.map((consensus) => ({
            id: consensus.id,
            round_id: consensus.roundId,
            item_code: consensus.itemCode,
            agency_id: consensus.agencyId,
            value: consensus.value,
            not_applicable: false,
            rationale: consensus.rationale,
            recorded_by: facilitator.id,
            recorded_at: consensus.recordedAt,
          })),
        )
        .execute();
    }
    const admin = accounts.find((account) => account.role === 'admin');
    await tx
      .insertInto('targets')
      .values(
        sumwhereTargets.map((target) => ({
          workspace_id: workspace.id,
          framework_key: dgca.key,
          node_code: target.nodeCode,
          level_key: target.levelKey,
          due_on: target.dueOn,
          updated_by: admin?.id ?? null,
        })),
      )
      .execute();
    await tx
      .insertInto('plans')
      .values({
        id: sumwherePlan.id,
        workspace_id: workspace.id,
        title: sumwherePlan.title,
        starts_year: sumwherePlan.startsYear,
        ends_year: sumwherePlan.endsYear,
        updated_by: admin?.id ?? null,
      })
      .execute();
    await tx
      .insertInto('plan_baseline_rounds')
      .values({ plan_id: sumwherePlan.id, round_id: demo.round.id })
      .execute();
    const owner = (role: 'admin' | 'coordinator' | 'facilitator') =>
      accounts.find((account) => account.role === role)?.id;
    await insertSumwhereStakeholders(tx, {
      roundId: demo.round.id,
      owners: {
        admin: owner('admin'),
        coordinator: owner('coordinator'),
        facilitator: owner('facilitator'),
      },
    });
  });
  // The SWOT is drafted from the round's results, which are read (and their
  // tallies kept) in transactions of their own: so after the round is written.
  await insertSumwhereAnalysis(db, { workspaceId: demo.workspace.id, planId: sumwherePlan.id });
  // The vision's goals cite SWOT entries: so after the analysis.
  await db
    .transaction()
    .execute((tx) => insertSumwhereVision(tx, { planId: sumwherePlan.id, updatedBy: null }));
  // The roadmap's projects serve the vision's goals: so after the vision.
  const coordinator = accounts.find((account) => account.role === 'coordinator');
  await db.transaction().execute((tx) =>
    insertSumwhereRoadmap(tx, {
      workspaceId: demo.workspace.id,
      planId: sumwherePlan.id,
      roundId: demo.round.id,
      ownerId: coordinator?.id ?? null,
    }),
  );
  return demo;
}

/** A closed round: its scope, invitations, responses and answers. */
async function insertRound(
  tx: Kysely<Schema>,
  { workspaceId, frameworkId }: { workspaceId: string; frameworkId: string },
  { round, invitations, responses, answers }: DemoRoundRecords,
) {
  await tx
    .insertInto('rounds')
    .values({
      id: round.id,
      workspace_id: workspaceId,
      framework_id: frameworkId,
      name: round.name,
      opens_on: round.opensOn,
      closes_on: round.closesOn,
      status: round.status,
      // The demo's rounds ran their whole course, from opening date to closing date.
      opened_at: new Date(`${round.opensOn}T00:00:00Z`),
      closed_at: new Date(`${round.closesOn}T00:00:00Z`),
    })
    .execute();
  await tx
    .insertInto('round_agencies')
    .values(round.agencyIds.map((agencyId) => ({ round_id: round.id, agency_id: agencyId })))
    .execute();
  for (const batch of batches(invitations)) {
    await tx
      .insertInto('invitations')
      .values(
        batch.map((invitation) => ({
          id: invitation.id,
          round_id: invitation.roundId,
          agency_id: invitation.agencyId,
          email: invitation.email,
          token_hash: invitation.tokenHash,
          created_at: round.opensOn,
        })),
      )
      .execute();
  }
  for (const batch of batches(responses)) {
    await tx
      .insertInto('responses')
      .values(
        batch.map((response) => ({
          id: response.id,
          invitation_id: response.invitationId,
          round_id: response.roundId,
          agency_id: response.agencyId,
          status: response.status,
          started_at: response.startedAt,
          updated_at: response.updatedAt,
          submitted_at: response.submittedAt,
        })),
      )
      .execute();
  }
  for (const batch of batches(answers)) {
    await tx
      .insertInto('answers')
      .values(
        batch.map((answer) => ({
          response_id: answer.responseId,
          item_code: answer.itemCode,
          value: answer.value,
          not_applicable: answer.notApplicable,
          comment: answer.comment,
          updated_at: round.closesOn,
        })),
      )
      .execute();
  }
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += BATCH) yield rows.slice(start, start + BATCH);
}
