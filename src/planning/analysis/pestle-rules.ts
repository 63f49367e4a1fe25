// The rules a PESTLE factor meets: one of the six headings, a description,
// and how it bears on the plan — impact, likelihood, trend and horizon.
import { type AnalysisProblem, checkChoice, checkText, importanceLevels } from './swot-rules.ts';

export const pestleHeadings = [
  'political',
  'economic',
  'social',
  'technological',
  'legal',
  'environmental',
] as const;
export type PestleHeading = (typeof pestleHeadings)[number];
export const pestleLevels = importanceLevels;
export type PestleLevel = (typeof pestleLevels)[number];
export const trends = ['rising', 'stable', 'falling'] as const;
export const horizons = ['short', 'medium', 'long'] as const;
export const DESCRIPTION_MAX = 1000;

export interface PestleFields {
  heading: PestleHeading;
  description: string;
  impact: PestleLevel;
  likelihood: PestleLevel;
  trend: (typeof trends)[number];
  horizon: (typeof horizons)[number];
}

export type RawPestleFields = { [K in keyof PestleFields]?: string | undefined };

export function checkPestleFields(raw: RawPestleFields): {
  fields?: PestleFields;
  problems: AnalysisProblem[];
} {
  const problems: AnalysisProblem[] = [];
  const heading = checkChoice('heading', raw.heading, pestleHeadings, problems);
  const description = checkText('description', raw.description, DESCRIPTION_MAX, problems);
  const impact = checkChoice('impact', raw.impact, pestleLevels, problems);
  const likelihood = checkChoice('likelihood', raw.likelihood, pestleLevels, problems);
  const trend = checkChoice('trend', raw.trend, trends, problems);
  const horizon = checkChoice('horizon', raw.horizon, horizons, problems);
  if (problems.length > 0 || !heading || !impact || !likelihood || !trend || !horizon)
    return { problems };
  return { fields: { heading, description, impact, likelihood, trend, horizon }, problems };
}

/** The matrix of factors: per heading, per impact, the factors in their order. */
export function pestleMatrix<F extends Pick<PestleFields, 'heading' | 'impact'>>(
  factors: readonly F[],
): Map<PestleHeading, Map<PestleLevel, F[]>> {
  const matrix = new Map(
    pestleHeadings.map((heading) => [
      heading,
      new Map(pestleLevels.map((level) => [level, [] as F[]])),
    ]),
  );
  for (const factor of factors) matrix.get(factor.heading)?.get(factor.impact)?.push(factor);
  return matrix;
}
