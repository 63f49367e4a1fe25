// The rules a SWOT entry meets, for the form and the API alike: a quadrant, a
// text, an importance, and at most one link to evidence that exists in this
// workspace and plan.
export const swotQuadrants = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export type SwotQuadrant = (typeof swotQuadrants)[number];

export const importanceLevels = ['high', 'medium', 'low'] as const;
export type Importance = (typeof importanceLevels)[number];

/** What an entry may point at: a score or a recommendation of a round, an agency, a PESTLE factor. */
export type EvidenceLink =
  | {
      kind: 'dimension' | 'subdimension' | 'item' | 'recommendation';
      roundId: string;
      code: string;
    }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'pestle'; factorId: string };
export type EvidenceKind = EvidenceLink['kind'];

export interface SwotFields {
  quadrant: SwotQuadrant;
  text: string;
  importance: Importance;
  evidence: EvidenceLink | null;
}

export const TEXT_MAX = 1000;
export const CODE_MAX = 100;
export const evidenceKinds = [
  'dimension',
  'subdimension',
  'item',
  'recommendation',
  'agency',
  'pestle',
] as const;

/** One thing wrong with one field; `rule` names a message `analysis.error.<rule>`. */
export interface AnalysisProblem {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A link as a form's one choice writes it: `subdimension:<round id>:<code>`,
 * `agency:<id>` or `pestle:<factor id>`; '' for none; undefined when it is not
 * a link at all.
 */
export function parseEvidence(value: string | undefined): EvidenceLink | null | undefined {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const [kind, first, ...rest] = text.split(':');
  const code = rest.join(':');
  if (!first || !uuidPattern.test(first)) return undefined;
  if (kind === 'agency' || kind === 'pestle')
    return rest.length > 0
      ? undefined
      : kind === 'agency'
        ? { kind, agencyId: first.toLowerCase() }
        : { kind, factorId: first.toLowerCase() };
  if (
    (kind === 'dimension' ||
      kind === 'subdimension' ||
      kind === 'item' ||
      kind === 'recommendation') &&
    code.length > 0 &&
    code.length <= CODE_MAX
  )
    return { kind, roundId: first.toLowerCase(), code };
  return undefined;
}

/** The value a form's choice holds for a link. */
export function evidenceValue(link: EvidenceLink | null): string {
  if (!link) return '';
  if (link.kind === 'agency') return `agency:${link.agencyId}`;
  if (link.kind === 'pestle') return `pestle:${link.factorId}`;
  return `${link.kind}:${link.roundId}:${link.code}`;
}

/** A text as stored: spaces collapsed; a problem when empty or too long. */
export function checkText(
  field: string,
  raw: string | undefined,
  max: number,
  problems: AnalysisProblem[],
): string {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!text) problems.push({ field, rule: 'missing' });
  else if (text.length > max) problems.push({ field, rule: 'tooLong', values: { max } });
  return text;
}

/** One of `choices`, or a problem naming the field. */
export function checkChoice<T extends string>(
  field: string,
  raw: string | undefined,
  choices: readonly T[],
  problems: AnalysisProblem[],
): T | undefined {
  if ((choices as readonly string[]).includes(raw ?? '')) return raw as T;
  problems.push({ field, rule: raw ? 'notAChoice' : 'missing' });
  return undefined;
}

/** The fields as typed in a form or sent to the API, before checking. */
export interface RawSwotFields {
  quadrant?: string | undefined;
  text?: string | undefined;
  importance?: string | undefined;
  /** Already read: a link, null for none, undefined for one that is no link. */
  evidence: EvidenceLink | null | undefined;
}

/** Checks an entry's fields; whether its link points at something that exists is the caller's to check. */
export function checkSwotFields(raw: RawSwotFields): {
  fields?: SwotFields;
  problems: AnalysisProblem[];
} {
  const problems: AnalysisProblem[] = [];
  const quadrant = checkChoice('quadrant', raw.quadrant, swotQuadrants, problems);
  const text = checkText('text', raw.text, TEXT_MAX, problems);
  const importance = checkChoice('importance', raw.importance, importanceLevels, problems);
  if (raw.evidence === undefined) problems.push({ field: 'evidence', rule: 'evidenceInvalid' });
  if (problems.length > 0 || !quadrant || !importance || raw.evidence === undefined)
    return { problems };
  return { fields: { quadrant, text, importance, evidence: raw.evidence }, problems };
}

/** The codes a framework gives a link to, by kind. */
export interface FrameworkCodes {
  dimension: ReadonlySet<string>;
  subdimension: ReadonlySet<string>;
  item: ReadonlySet<string>;
  recommendation: ReadonlySet<string>;
}

export function frameworkCodes(framework: {
  dimensions: readonly {
    code: string;
    subdimensions: readonly {
      code: string;
      recommendations?: readonly { code: string }[] | undefined;
      items: readonly { code: string; recommendations?: readonly { code: string }[] | undefined }[];
    }[];
  }[];
}): FrameworkCodes {
  const subdimensions = framework.dimensions.flatMap((d) => d.subdimensions);
  const items = subdimensions.flatMap((s) => s.items);
  return {
    dimension: new Set(framework.dimensions.map((d) => d.code)),
    subdimension: new Set(subdimensions.map((s) => s.code)),
    item: new Set(items.map((i) => i.code)),
    recommendation: new Set(
      [...subdimensions, ...items].flatMap((node) =>
        (node.recommendations ?? []).map((r) => r.code),
      ),
    ),
  };
}
