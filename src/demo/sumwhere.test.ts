// The Sumwhere demo: reproducible, believable in shape, and telling the seed's story in its scores.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkItems } from '../assessment/frameworks/framework.ts';
import { type Framework, frameworkSchema } from '../assessment/frameworks/framework-schema.ts';
import { checkConsensus } from '../assessment/workshop/consensus.ts';
import type { DemoRoundRecords } from './demo-records.ts';
import { generateSumwhere, type SumwhereDemo } from './sumwhere.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const dgcaPath = new URL('../../frameworks/dgca.json', import.meta.url);

/** A small framework with the dgca's six dimensions, for when the reference file is not at hand. */
function buildFramework(itemsPerDimension = 3): Framework {
  const dimensionCodes = ['LEA', 'STR', 'GOV', 'LEG', 'TEC', 'PWD'];
  return frameworkSchema.parse({
    key: 'mini-dgca',
    version: '1.0.0',
    defaultLanguage: 'en',
    name: { en: 'Miniature capability assessment' },
    scales: [
      {
        key: 'agreement',
        type: 'likert',
        min: 1,
        max: 5,
        labels: [
          { value: 1, label: { en: 'Strongly disagree' } },
          { value: 5, label: { en: 'Strongly agree' } },
        ],
        notApplicable: true,
      },
    ],
    maturityLevels: [{ key: 'initial', name: { en: 'Initial' }, minScore: 1 }],
    dimensions: dimensionCodes.map((code) => ({
      code,
      name: { en: `Dimension ${code}` },
      subdimensions: [
        {
          code: `${code}-GEN`,
          name: { en: `General ${code}` },
          items: Array.from({ length: itemsPerDimension }, (_, index) => ({
            code: `${code}0${index + 1}`,
            statement: { en: `Statement ${index + 1} about ${code}` },
            scale: 'agreement',
          })),
        },
      ],
    })),
  });
}

function answersByResponse(demo: SumwhereDemo): Map<string, SumwhereDemo['answers']> {
  const grouped = new Map<string, SumwhereDemo['answers']>();
  for (const answer of demo.answers) {
    const answers = grouped.get(answer.responseId) ?? [];
    answers.push(answer);
    grouped.set(answer.responseId, answers);
  }
  return grouped;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean of the answered values, grouped by a key taken from each answer. */
function meansBy(demo: SumwhereDemo, groupOf: (answer: SumwhereDemo['answers'][number]) => string) {
  const groups = new Map<string, number[]>();
  for (const answer of demo.answers) {
    if (answer.value === null) continue;
    const key = groupOf(answer);
    const values = groups.get(key) ?? [];
    values.push(answer.value);
    groups.set(key, values);
  }
  return new Map([...groups].map(([key, values]) => [key, mean(values)]));
}

/** Per dimension code, the mean of the values in a round's submitted responses. */
function dimensionMeans(framework: Framework, { responses, answers }: DemoRoundRecords) {
  const dimensionOf = new Map(
    frameworkItems(framework).map(({ item, dimension }) => [item.code, dimension.code]),
  );
  const submitted = new Set(
    responses.filter((response) => response.status === 'submitted').map((response) => response.id),
  );
  const values = new Map<string, number[]>();
  for (const answer of answers) {
    if (answer.value === null || !submitted.has(answer.responseId)) continue;
    const code = dimensionOf.get(answer.itemCode) ?? '';
    values.set(code, [...(values.get(code) ?? []), answer.value]);
  }
  return new Map([...values].map(([code, ofDimension]) => [code, mean(ofDimension)]));
}

/** The mean self-assessment of an item in the latest round: an agency's, or (null) everyone's. */
function meanSelfAssessment(demo: SumwhereDemo, itemCode: string, agencyId: string | null) {
  const inScope = new Set(
    demo.responses
      .filter(
        (response) =>
          response.status === 'submitted' && (agencyId === null || response.agencyId === agencyId),
      )
      .map((response) => response.id),
  );
  return mean(
    demo.answers
      .filter(
        (answer) =>
          answer.itemCode === itemCode && answer.value !== null && inScope.has(answer.responseId),
      )
      .map((answer) => answer.value as number),
  );
}

/** The consensus a point or more below the mean self-assessment of its item and scope. */
function loweredConsensus(demo: SumwhereDemo) {
  return demo.consensus.filter(
    (consensus) =>
      consensus.value <= meanSelfAssessment(demo, consensus.itemCode, consensus.agencyId) - 1,
  );
}

function behavesLikeSumwhere(framework: Framework) {
  const demo = generateSumwhere(framework);
  const items = frameworkItems(framework);
  const itemCodes = new Set(items.map(({ item }) => item.code));
  const answersOf = answersByResponse(demo);

  it('gives the same demo for the same seed and a different one for another seed', () => {
    expect(generateSumwhere(framework, 2026)).toEqual(demo);
    const other = generateSumwhere(framework, 7);
    expect(other.agencies.map((agency) => agency.id)).not.toEqual(
      demo.agencies.map((agency) => agency.id),
    );
    expect(other.answers).not.toEqual(demo.answers);
  });

  it('has 30 or more agencies at every level of government across several sectors', () => {
    expect(demo.workspace.name).toBe('Republic of Sumwhere');
    expect(demo.agencies.length).toBeGreaterThanOrEqual(30);
    expect(new Set(demo.agencies.map((agency) => agency.level))).toEqual(
      new Set(['national', 'subnational', 'local']),
    );
    expect(new Set(demo.agencies.map((agency) => agency.sector)).size).toBeGreaterThanOrEqual(6);
    const agencyIds = new Set(demo.agencies.map((agency) => agency.id));
    for (const agency of demo.agencies) {
      if (agency.parentId !== null) expect(agencyIds).toContain(agency.parentId);
      if (agency.focalPointEmail !== null)
        expect(agency.focalPointEmail).toMatch(/@[a-z]+\.sumwhere\.example$/);
    }
  });

  it('puts every agency in scope of the latest closed round', () => {
    expect(demo.round.name).toBe('Digital capability assessment 2025');
    expect(demo.round.status).toBe('closed');
    expect(demo.round.opensOn).toBe('2025-03-03');
    expect(demo.round.closesOn).toBe('2025-04-30');
    expect(demo.round.agencyIds).toEqual(demo.agencies.map((agency) => agency.id));
  });

  it('gives every agency, round, invitation, response and consensus its own UUID', () => {
    const ids = [
      ...demo.agencies.map((agency) => agency.id),
      ...[demo, demo.baseline].flatMap((records) => [
        records.round.id,
        ...records.invitations.map((invitation) => invitation.id),
        ...records.responses.map((response) => response.id),
      ]),
      ...demo.consensus.map((consensus) => consensus.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(uuidPattern);
  });

  it('invites a few hundred officers, each with their own address and a hashed link', () => {
    expect(demo.invitations.length).toBeGreaterThanOrEqual(300);
    expect(demo.invitations.length).toBeLessThanOrEqual(450);
    const emails = demo.invitations.map((invitation) => invitation.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const invitation of demo.invitations)
      expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has a few hundred responses, most of them submitted, all saved while the round was open', () => {
    const submitted = demo.responses.filter((response) => response.status === 'submitted');
    expect(demo.responses.length).toBeGreaterThanOrEqual(200);
    expect(submitted.length / demo.responses.length).toBeGreaterThan(0.75);
    const invitationIds = new Set(demo.invitations.map((invitation) => invitation.id));
    const opens = Date.parse('2025-03-03T00:00:00Z');
    const closes = Date.parse('2025-05-01T00:00:00Z');
    for (const response of demo.responses) {
      expect(invitationIds).toContain(response.invitationId);
      expect(response.startedAt.getTime()).toBeGreaterThanOrEqual(opens);
      expect(response.updatedAt.getTime()).toBeGreaterThanOrEqual(response.startedAt.getTime());
      expect(response.updatedAt.getTime()).toBeLessThan(closes);
      expect(response.submittedAt === null).toBe(response.status === 'draft');
    }
  });

  it('answers every item exactly once in a submitted response, within the scale or not applicable', () => {
    for (const response of demo.responses.filter((candidate) => candidate.status === 'submitted')) {
      const answered = (answersOf.get(response.id) ?? []).map((answer) => answer.itemCode);
      expect(answered.toSorted()).toEqual([...itemCodes].toSorted());
    }
    const outOfScale = demo.answers.filter((answer) =>
      answer.notApplicable
        ? answer.value !== null
        : answer.value === null ||
          !Number.isInteger(answer.value) ||
          answer.value < 1 ||
          answer.value > 5,
    );
    expect(outOfScale).toEqual([]);
  });

  it('leaves drafts part-way through, answering the first items in framework order', () => {
    const drafts = demo.responses.filter((response) => response.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const answered = (answersOf.get(draft.id) ?? []).map((answer) => answer.itemCode);
      expect(answered.length).toBeLessThan(items.length);
      expect(answered).toEqual(items.slice(0, answered.length).map(({ item }) => item.code));
    }
  });

  it('only answers items of the framework in responses that exist', () => {
    const responseIds = new Set(demo.responses.map((response) => response.id));
    const strays = demo.answers.filter(
      (answer) => !responseIds.has(answer.responseId) || !itemCodes.has(answer.itemCode),
    );
    expect(strays).toEqual([]);
  });

  it('marks a few answers not applicable and comments on a few', () => {
    const notApplicable =
      demo.answers.filter((answer) => answer.notApplicable).length / demo.answers.length;
    const commented =
      demo.answers.filter((answer) => answer.comment !== null).length / demo.answers.length;
    expect(notApplicable).toBeGreaterThan(0.02);
    expect(notApplicable).toBeLessThan(0.07);
    expect(commented).toBeGreaterThan(0.005);
    expect(commented).toBeLessThan(0.04);
  });

  it('spreads agencies apart, with the digital agency ahead of a small town council', () => {
    const agencyOfResponse = new Map(
      demo.responses.map((response) => [response.id, response.agencyId]),
    );
    const byAgency = meansBy(demo, (answer) => agencyOfResponse.get(answer.responseId) ?? '');
    const means = [...byAgency.values()];
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1);
    const idOf = (name: string) => demo.agencies.find((agency) => agency.name === name)?.id ?? '';
    expect(byAgency.get(idOf('National Digital Government Agency'))).toBeGreaterThan(
      (byAgency.get(idOf('Tallis Creek Town Council')) ?? 5) + 1,
    );
  });

  it('assessed most agencies two years earlier, in a closed baseline round answered by other officers', () => {
    const { round, invitations, responses, answers } = demo.baseline;
    expect(round).toMatchObject({
      name: 'Digital capability assessment 2023',
      opensOn: '2023-03-06',
      closesOn: '2023-04-28',
      status: 'closed',
    });
    const latestScope = new Set(demo.round.agencyIds);
    expect(round.agencyIds.every((id) => latestScope.has(id))).toBe(true);
    const notYetAssessed = demo.round.agencyIds.length - round.agencyIds.length;
    expect(notYetAssessed).toBeGreaterThanOrEqual(4);
    expect(notYetAssessed).toBeLessThanOrEqual(6);

    expect(responses.length).toBeGreaterThanOrEqual(200);
    const opens = Date.parse('2023-03-06T00:00:00Z');
    const closes = Date.parse('2023-04-29T00:00:00Z');
    for (const response of responses) {
      expect(response.roundId).toBe(round.id);
      expect(response.startedAt.getTime()).toBeGreaterThanOrEqual(opens);
      expect(response.updatedAt.getTime()).toBeLessThan(closes);
    }
    const responseIds = new Set(responses.map((response) => response.id));
    expect(answers.every((answer) => responseIds.has(answer.responseId))).toBe(true);

    // Other people, at the same agency's domain; and every link its own.
    const latestEmails = new Set(demo.invitations.map((invitation) => invitation.email));
    const domainOf = (agencyId: string, email: string) =>
      `${agencyId} ${email.slice(email.indexOf('@'))}`;
    const latestDomains = new Set(
      demo.invitations.map((invitation) => domainOf(invitation.agencyId, invitation.email)),
    );
    for (const invitation of invitations) {
      expect(invitation.roundId).toBe(round.id);
      expect(latestEmails).not.toContain(invitation.email);
      expect(latestDomains).toContain(domainOf(invitation.agencyId, invitation.email));
    }
    const hashes = [...demo.invitations, ...invitations].map((invitation) => invitation.tokenHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('shows progress since the baseline, most in technology and leadership, and governance slipping', () => {
    const before = dimensionMeans(framework, demo.baseline);
    const after = dimensionMeans(framework, demo);
    const change = (code: string) => (after.get(code) ?? 0) - (before.get(code) ?? 0);
    for (const code of ['LEA', 'TEC']) {
      expect(change(code)).toBeGreaterThan(0.4);
      expect(change(code)).toBeGreaterThan(Math.max(change('STR'), change('LEG')));
    }
    for (const code of ['STR', 'LEG']) expect(change(code)).toBeGreaterThan(0.2);
    expect(Math.abs(change('PWD'))).toBeLessThan(0.2);
    expect(change('GOV')).toBeLessThan(0);
    expect(change('GOV')).toBeGreaterThan(-0.3);
  });

  it('records the workshop’s consensus on every item of strategy, governance and the workforce', () => {
    const wholeOfGovernment = demo.consensus.filter((consensus) => consensus.agencyId === null);
    expect(wholeOfGovernment.map((consensus) => consensus.itemCode).toSorted()).toEqual(
      items
        .filter(({ dimension }) => ['STR', 'GOV', 'PWD'].includes(dimension.code))
        .map(({ item }) => item.code)
        .toSorted(),
    );
    const closes = Date.parse('2025-05-01T00:00:00Z');
    for (const consensus of demo.consensus) {
      const { itemCode, value, rationale } = consensus;
      expect(consensus.roundId).toBe(demo.round.id);
      expect(
        checkConsensus(framework, itemCode, { value, notApplicable: false, rationale }),
      ).toEqual([]);
      expect(rationale).toBe(rationale.trim());
      expect(consensus.recordedAt.getTime()).toBeGreaterThan(closes);
      expect(consensus.recordedAt.getTime()).toBeLessThan(closes + 7 * 24 * 60 * 60_000);
    }
    const rationales = new Set(demo.consensus.map((consensus) => consensus.rationale));
    expect(rationales.size).toBeGreaterThan(0.9 * demo.consensus.length);
  });

  it('records an agency’s own consensus on one dimension for two large agencies', () => {
    const dimensionOf = new Map(items.map(({ item, dimension }) => [item.code, dimension.code]));
    const byAgency = new Map<string, SumwhereDemo['consensus']>();
    for (const consensus of demo.consensus) {
      if (consensus.agencyId === null) continue;
      byAgency.set(consensus.agencyId, [...(byAgency.get(consensus.agencyId) ?? []), consensus]);
    }
    expect(byAgency.size).toBe(2);
    for (const [agencyId, ofAgency] of byAgency) {
      expect(demo.round.agencyIds).toContain(agencyId);
      const dimensions = new Set(ofAgency.map((consensus) => dimensionOf.get(consensus.itemCode)));
      expect(dimensions.size).toBe(1);
      const [dimension] = dimensions;
      expect(ofAgency).toHaveLength(
        items.filter((item) => item.dimension.code === dimension).length,
      );
    }
  });

  it('agrees values near the mean self-assessment, except where the room found it optimistic', () => {
    const lowered = loweredConsensus(demo);
    expect(lowered.length).toBeGreaterThanOrEqual(3);
    const distances = demo.consensus.map((consensus) =>
      Math.abs(consensus.value - meanSelfAssessment(demo, consensus.itemCode, consensus.agencyId)),
    );
    expect(distances.filter((distance) => distance <= 0.5).length).toBeGreaterThan(
      demo.consensus.length / 2,
    );
    const higher = demo.consensus.filter(
      (consensus) =>
        consensus.value > meanSelfAssessment(demo, consensus.itemCode, consensus.agencyId) + 0.5,
    );
    expect(higher.length).toBeLessThan(lowered.length);
  });

  it('shows technology ahead of the workforce, strategy and governance across government', () => {
    const dimensionOf = new Map(items.map(({ item, dimension }) => [item.code, dimension.code]));
    const byDimension = meansBy(demo, (answer) => dimensionOf.get(answer.itemCode) ?? '');
    const technology = byDimension.get('TEC') ?? 0;
    for (const weak of ['PWD', 'STR', 'GOV'])
      expect(technology).toBeGreaterThan(byDimension.get(weak) ?? 5);
  });
}

describe('the Sumwhere demo on a small framework', () => {
  behavesLikeSumwhere(buildFramework());
});

describe('the Sumwhere demo on the dgca reference framework', () => {
  const dgca = frameworkSchema.parse(JSON.parse(readFileSync(dgcaPath, 'utf8')));

  it('reads the 94 items of the dgca', () => {
    expect(frameworkItems(dgca)).toHaveLength(94);
  });

  it('keeps the figures the README and the database tests quote', () => {
    const demo = generateSumwhere(dgca);
    const figures = ({ round, invitations, responses, answers }: DemoRoundRecords) => ({
      agencies: round.agencyIds.length,
      invitations: invitations.length,
      responses: responses.length,
      submitted: responses.filter((response) => response.status === 'submitted').length,
      answers: answers.length,
    });
    expect(figures(demo)).toEqual({
      agencies: 38,
      invitations: 357,
      responses: 311,
      submitted: 278,
      answers: 27_850,
    });
    expect(figures(demo.baseline)).toEqual({
      agencies: 33,
      invitations: 317,
      responses: 250,
      submitted: 212,
      answers: 21_796,
    });
    expect(demo.consensus).toHaveLength(65);
  });

  it('has the whole of government’s workshop lower six to ten optimistic self-assessments by a point or more', () => {
    const demo = generateSumwhere(dgca);
    const lowered = loweredConsensus(demo).filter((consensus) => consensus.agencyId === null);
    expect(lowered.length).toBeGreaterThanOrEqual(6);
    expect(lowered.length).toBeLessThanOrEqual(10);
  });

  behavesLikeSumwhere(dgca);
});
