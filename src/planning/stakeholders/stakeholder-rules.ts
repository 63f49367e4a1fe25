// The stakeholder map's rules, for the form and the API alike: the groups of
// seed 002's stakeholder mapping (vulnerable groups in their own sub-groups),
// interest and influence from 1 to 5, the engagement levels from inform to
// empower, and the quadrant of the interest × influence grid with the
// engagement it suggests. Pure.

export const stakeholderGroups = [
  'government_agencies',
  'public_servants',
  'private_sector',
  'academia_partners',
  'civil_society',
  'vulnerable_groups',
  'international_organisations',
  'developers',
] as const;
export type StakeholderGroup = (typeof stakeholderGroups)[number];

/** The sub-groups of "vulnerable groups", as seed 002 lists them. */
export const vulnerableGroups = [
  'poor',
  'women_girls',
  'older_persons',
  'persons_with_disabilities',
  'youth',
  'migrants_refugees',
] as const;
export type VulnerableGroup = (typeof vulnerableGroups)[number];

/** From least to most say: the engagement spectrum of seed 002. */
export const engagementLevels = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export type EngagementLevel = (typeof engagementLevels)[number];

export const quadrants = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'] as const;
export type Quadrant = (typeof quadrants)[number];

export const NAME_MAX = 200;
export const NEEDS_MAX = 2000;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/**
 * Ratings from here up count as high. The middle of the scale counts as high:
 * a stakeholder the team is unsure about is better engaged than overlooked.
 */
export const HIGH_FROM = 3;

export function quadrantOf(interest: number, influence: number): Quadrant {
  const interested = interest >= HIGH_FROM;
  const influential = influence >= HIGH_FROM;
  if (influential) return interested ? 'manageClosely' : 'keepSatisfied';
  return interested ? 'keepInformed' : 'monitor';
}

/**
 * The engagement a stakeholder's place on the grid suggests: those who care
 * and can act are worked with, up to handing decisions over to those highest
 * on both; the powerful but less interested are consulted; the interested but
 * less powerful are involved; the rest are kept informed.
 */
export function suggestedEngagement(interest: number, influence: number): EngagementLevel {
  if (interest === RATING_MAX && influence === RATING_MAX) return 'empower';
  switch (quadrantOf(interest, influence)) {
    case 'manageClosely':
      return 'collaborate';
    case 'keepSatisfied':
      return 'consult';
    case 'keepInformed':
      return 'involve';
    case 'monitor':
      return 'inform';
  }
}

export interface StakeholderFields {
  name: string;
  group: StakeholderGroup;
  vulnerableGroup: VulnerableGroup | null;
  interest: number;
  influence: number;
  engagement: EngagementLevel;
  needs: string;
  ownerId: string | null;
}

/** The fields as typed in a form or sent to the API, before checking. */
export interface RawStakeholderFields {
  name?: string | undefined;
  group?: string | undefined;
  vulnerableGroup?: string | null | undefined;
  interest?: string | number | undefined;
  influence?: string | number | undefined;
  engagement?: string | undefined;
  needs?: string | undefined;
  ownerId?: string | null | undefined;
}

/** One thing wrong with one field; `rule` names a message `stakeholders.error.<rule>`. */
export interface StakeholderProblem {
  field: keyof StakeholderFields;
  rule: string;
  values?: Record<string, string | number>;
}

function ratingOf(raw: string | number | undefined): number | undefined {
  const text = String(raw ?? '').trim();
  if (!/^\d$/.test(text)) return undefined;
  const rating = Number(text);
  return rating >= RATING_MIN && rating <= RATING_MAX ? rating : undefined;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Checks a stakeholder's fields; `memberIds` are the workspace's members,
 * who alone may own a stakeholder.
 */
export function checkStakeholder(
  raw: RawStakeholderFields,
  memberIds: ReadonlySet<string>,
): { fields?: StakeholderFields; problems: StakeholderProblem[] } {
  const problems: StakeholderProblem[] = [];
  const name = (raw.name ?? '').trim().replace(/\s+/g, ' ');
  if (!name) problems.push({ field: 'name', rule: 'nameMissing' });
  else if (name.length > NAME_MAX)
    problems.push({ field: 'name', rule: 'tooLong', values: { max: NAME_MAX } });
  const group = (raw.group ?? '').trim();
  if (!isOneOf(stakeholderGroups, group)) problems.push({ field: 'group', rule: 'groupInvalid' });
  const vulnerable = (raw.vulnerableGroup ?? '').trim();
  let vulnerableGroup: VulnerableGroup | null = null;
  if (group === 'vulnerable_groups') {
    if (isOneOf(vulnerableGroups, vulnerable)) vulnerableGroup = vulnerable;
    else problems.push({ field: 'vulnerableGroup', rule: 'vulnerableGroupMissing' });
  } else if (vulnerable !== '')
    problems.push({ field: 'vulnerableGroup', rule: 'vulnerableGroupOnly' });
  const interest = ratingOf(raw.interest);
  const influence = ratingOf(raw.influence);
  for (const [field, rating] of [
    ['interest', interest],
    ['influence', influence],
  ] as const)
    if (rating === undefined)
      problems.push({
        field,
        rule: 'ratingInvalid',
        values: { min: RATING_MIN, max: RATING_MAX },
      });
  const engagement = (raw.engagement ?? '').trim();
  if (!isOneOf(engagementLevels, engagement))
    problems.push({ field: 'engagement', rule: 'engagementInvalid' });
  const needs = (raw.needs ?? '').trim();
  if (needs.length > NEEDS_MAX)
    problems.push({ field: 'needs', rule: 'tooLong', values: { max: NEEDS_MAX } });
  const ownerId = (raw.ownerId ?? '').trim() || null;
  if (ownerId !== null && !memberIds.has(ownerId))
    problems.push({ field: 'ownerId', rule: 'ownerUnknown' });
  if (
    problems.length > 0 ||
    !isOneOf(stakeholderGroups, group) ||
    !isOneOf(engagementLevels, engagement) ||
    interest === undefined ||
    influence === undefined
  )
    return { problems };
  return {
    fields: { name, group, vulnerableGroup, interest, influence, engagement, needs, ownerId },
    problems,
  };
}
