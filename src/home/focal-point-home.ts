// What a focal point's home page says about their agencies: for each, the
// rounds it is in that matter now (every open round, and the latest closed
// one, whose results are there to read), how far its respondents have come as
// counts only (never who: src/assessment/invitations/progress-visibility.ts), and what to
// do next. Pure.
import type { AgencyProgress, RoundSummary } from '../assessment/rounds/index.ts';

export type NextStep = 'invite' | 'remind' | 'inviteMore' | 'readResults';

export interface AgencyRound {
  round: Pick<RoundSummary, 'id' | 'name' | 'status' | 'closesOn'>;
  invited: number;
  started: number;
  submitted: number;
  next: NextStep[];
}

export interface FocalPointAgency {
  id: string;
  name: string;
  acronym: string | null;
  rounds: AgencyRound[];
}

/** The rounds a focal point acts on now: every open round, then the latest closed one. */
export function roundsThatMatter<T extends Pick<RoundSummary, 'status' | 'closesOn'>>(
  rounds: readonly T[],
): T[] {
  const open = rounds.filter((round) => round.status === 'open');
  const latestClosed = rounds
    .filter((round) => round.status === 'closed')
    .sort((a, b) => b.closesOn.localeCompare(a.closesOn))[0];
  return latestClosed ? [...open, latestClosed] : open;
}

export function nextSteps(
  status: RoundSummary['status'],
  progress: { invited: number; submitted: number },
): NextStep[] {
  if (status === 'closed') return ['readResults'];
  if (progress.invited === 0) return ['invite'];
  if (progress.submitted < progress.invited) return ['remind', 'inviteMore'];
  return ['inviteMore'];
}

/** Each of the focal point's agencies, with its progress in each round that matters and includes it. */
export function focalPointAgencies(
  agencies: readonly { id: string; name: string; acronym: string | null }[],
  rounds: readonly { round: AgencyRound['round']; progress: readonly AgencyProgress[] }[],
): FocalPointAgency[] {
  return agencies.map((agency) => ({
    ...agency,
    rounds: rounds.flatMap(({ round, progress }) => {
      const mine = progress.find((entry) => entry.agencyId === agency.id);
      if (!mine) return [];
      const { invited, started, submitted } = mine;
      return [{ round, invited, started, submitted, next: nextSteps(round.status, mine) }];
    }),
  }));
}
