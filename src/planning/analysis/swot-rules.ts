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
