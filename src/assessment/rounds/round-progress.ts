// How far a round has come: per agency and in total, who was invited, who
// started and who submitted, and the response rate that follows.

export interface AgencyProgress {
  agencyId: string;
  agencyName: string;
  acronym: string | null;
  level: 'national' | 'subnational' | 'local';
  sector: string;
  invited: number;
  started: number;
  submitted: number;
}

export interface ProgressTotals {
  agencies: number;
  invited: number;
  started: number;
  submitted: number;
  /** Agencies where at least one respondent has submitted. */
  agenciesResponding: number;
}

/** Submitted responses as a share of invitations (0–1); undefined before anyone is invited. */
export function responseRate(progress: { invited: number; submitted: number }): number | undefined {
  return progress.invited === 0 ? undefined : progress.submitted / progress.invited;
}

export function totalProgress(agencies: readonly AgencyProgress[]): ProgressTotals {
  return agencies.reduce<ProgressTotals>(
    (total, agency) => ({
      agencies: total.agencies + 1,
      invited: total.invited + agency.invited,
      started: total.started + agency.started,
      submitted: total.submitted + agency.submitted,
      agenciesResponding: total.agenciesResponding + (agency.submitted > 0 ? 1 : 0),
    }),
    { agencies: 0, invited: 0, started: 0, submitted: 0, agenciesResponding: 0 },
  );
}
