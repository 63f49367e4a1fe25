// The Sumwhere demo: reproducible, believable in shape, and telling the seed's story in its scores.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkItems } from '../frameworks/framework.ts';
import { type Framework, frameworkSchema } from '../frameworks/framework-schema.ts';
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

  it('puts every agency in scope of one closed round', () => {
    expect(demo.round.status).toBe('closed');
    expect(demo.round.opensOn).toBe('2025-03-03');
    expect(demo.round.closesOn).toBe('2025-04-30');
    expect(demo.round.agencyIds).toEqual(demo.agencies.map((agency) => agency.id));
  });

  it('gives every agency, round, invitation and response its own UUID', () => {
    const ids = [
      ...demo.agencies.map((agency) => agency.id),
      demo.round.id,
      ...demo.invitations.map((invitation) => invitation.id),
      ...demo.responses.map((response) => response.id),
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

  behavesLikeSumwhere(dgca);
});
