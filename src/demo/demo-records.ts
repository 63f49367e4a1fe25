// The records the demo stores: agencies, and rounds with their invitations,
// responses and answers.
import type { DemoAnswer } from './sumwhere-answers.ts';

export interface DemoAgency {
  id: string;
  name: string;
  acronym: string | null;
  level: 'national' | 'subnational' | 'local';
  sector: string;
  parentId: string | null;
  focalPointEmail: string | null;
}

export interface DemoRound {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  opensOn: string;
  closesOn: string;
  status: 'closed';
  agencyIds: string[];
}

export interface DemoInvitation {
  id: string;
  roundId: string;
  agencyId: string;
  email: string;
  /** sha256 of the link's secret, as 64 hex characters; the secret itself is never kept. */
  tokenHash: string;
}

export interface DemoResponse {
  id: string;
  invitationId: string;
  roundId: string;
  agencyId: string;
  status: 'draft' | 'submitted';
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** A round and everything its respondents left in it. */
export interface DemoRoundRecords {
  round: DemoRound;
  invitations: DemoInvitation[];
  responses: DemoResponse[];
  answers: DemoAnswer[];
}
