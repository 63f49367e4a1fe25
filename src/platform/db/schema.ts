// Row types of every table, as the query builder sees them. The migrations in
// ./migrations are the source of truth; this file follows them.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column, read and written as an ISO date string (YYYY-MM-DD) on both backends. */
type DateColumn = ColumnType<string, string, string>;

export interface WorkspaceTable {
  id: string;
  name: string;
  default_language: string;
  languages: string[];
  created_at: CreatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  acronym: string | null;
  level: 'national' | 'subnational' | 'local';
  sector: string;
  parent_id: string | null;
  focal_point_email: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FrameworkTable {
  id: Generated<string>;
  key: string;
  version: string;
  name: string;
  definition: ColumnType<unknown, string, string>;
  imported_at: CreatedAt;
}

export interface LensTable {
  id: Generated<string>;
  key: string;
  version: string;
  name: string;
  definition: ColumnType<unknown, string, string>;
  imported_at: CreatedAt;
}

export interface CrosswalkTable {
  id: Generated<string>;
  key: string;
  version: string;
  name: string;
  source_framework_id: string;
  /** Exactly one of the two targets is set. */
  target_framework_id: string | null;
  target_lens_id: string | null;
  definition: ColumnType<unknown, string, string>;
  imported_at: CreatedAt;
}

export interface RoundTable {
  id: Generated<string>;
  workspace_id: string;
  framework_id: string;
  name: string;
  opens_on: DateColumn;
  closes_on: DateColumn;
  status: 'draft' | 'open' | 'closed';
  /** When the round was opened and closed, as it happened (not the planned dates). */
  opened_at: Date | null;
  closed_at: Date | null;
  created_at: CreatedAt;
}

export interface RoundAgencyTable {
  round_id: string;
  agency_id: string;
}

export interface InvitationTable {
  id: Generated<string>;
  round_id: string;
  agency_id: string;
  email: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
  /** The respondent's language: every message to them is written in it. */
  language: Generated<string>;
  reminders_sent: Generated<number>;
  last_reminded_at: Date | null;
}

export interface ResponseTable {
  id: Generated<string>;
  invitation_id: string;
  round_id: string;
  agency_id: string;
  status: 'draft' | 'submitted';
  started_at: CreatedAt;
  updated_at: UpdatedAt;
  submitted_at: Date | null;
}

export interface AnswerTable {
  response_id: string;
  item_code: string;
  value: number | null;
  not_applicable: Generated<boolean>;
  comment: string | null;
  evidence_url: string | null;
  updated_at: UpdatedAt;
  /** When the respondent made this change; a save only replaces an answer changed earlier. */
  changed_at: UpdatedAt;
}

export interface ResponseSaveTable {
  response_id: string;
  save_id: string;
  saved_at: CreatedAt;
  /** The answers the save carried, hashed; null for saves logged before migration 011. */
  fingerprint: string | null;
  /** Items of the save not written because a later change was stored; null: all written. */
  not_written: string[] | null;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: CreatedAt;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'coordinator' | 'focal_point' | 'facilitator' | 'viewer';
  created_at: CreatedAt;
}

export interface MembershipAgencyTable {
  workspace_id: string;
  user_id: string;
  agency_id: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
}

/** Failed sign-ins of one address typed (its SHA-256), for the per-account lockout. */
export interface SignInFailureTable {
  email_hash: string;
  failures: number;
  last_failed_at: Date;
  locked_until: Date | null;
}

export interface AccountTokenTable {
  token_hash: string;
  purpose: 'password_reset' | 'setup';
  user_id: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string | null;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  /** The API token the change was made with, if any (migration 010). */
  api_token_id: ColumnType<string | null, string | null | undefined, never>;
}

/** A token for the API, acting with a role; only its hash is stored (migration 010). */
export interface ApiTokenTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  role: 'admin' | 'coordinator' | 'facilitator' | 'viewer';
  token_hash: string;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

export interface ConsensusTable {
  id: Generated<string>;
  round_id: string;
  item_code: string;
  /** null: the whole of government. */
  agency_id: string | null;
  value: number | null;
  not_applicable: boolean;
  rationale: string;
  recorded_by: string | null;
  recorded_at: UpdatedAt;
}

/** Per item code: answers per value ("3": 4) and "not applicable" ("na": 1). See migration 008. */
export type StoredTallies = Record<string, Record<string, number>>;

export interface ResultTalliesTable {
  round_id: string;
  agency_id: string;
  tallies: ColumnType<StoredTallies, string, string>;
  respondents: number;
  computed_at: UpdatedAt;
}

export interface ResultStalenessTable {
  round_id: string;
  agency_id: string;
  version: number;
}

export interface TargetTable {
  workspace_id: string;
  framework_key: string;
  /** A dimension's or a sub-dimension's code. */
  node_code: string;
  level_key: string;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface RecommendationDecisionTable {
  id: Generated<string>;
  round_id: string;
  /** null: the whole of government. */
  agency_id: string | null;
  recommendation_code: string;
  subdimension_code: string;
  status: 'accepted' | 'set_aside';
  note: string;
  decided_by: string | null;
  decided_at: UpdatedAt;
}

export interface PlanTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  starts_year: number;
  ends_year: number;
  status: Generated<'draft' | 'adopted' | 'closed'>;
  copied_from: string | null;
  /** Rises on every change; a save names the version it started from. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface PlanBaselineRoundTable {
  plan_id: string;
  round_id: string;
}

export type PestleHeadingColumn =
  | 'political'
  | 'economic'
  | 'social'
  | 'technological'
  | 'legal'
  | 'environmental';
type LevelColumn = 'high' | 'medium' | 'low';

export interface PestleFactorTable {
  id: Generated<string>;
  plan_id: string;
  heading: PestleHeadingColumn;
  description: string;
  impact: LevelColumn;
  likelihood: LevelColumn;
  trend: 'rising' | 'stable' | 'falling';
  horizon: 'short' | 'medium' | 'long';
  position: Generated<number>;
  /** Rises on every change; a save names the version it started from. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface SwotEntryTable {
  id: Generated<string>;
  plan_id: string;
  quadrant: 'strength' | 'weakness' | 'opportunity' | 'threat';
  text: string;
  importance: LevelColumn;
  position: Generated<number>;
  evidence_kind:
    | 'dimension'
    | 'subdimension'
    | 'item'
    | 'recommendation'
    | 'agency'
    | 'pestle'
    | null;
  evidence_round_id: string | null;
  evidence_code: string | null;
  evidence_agency_id: string | null;
  evidence_factor_id: string | null;
  /** The draft proposal the entry was accepted from, if any. */
  proposal_key: string | null;
  /** Rises on every change; a save names the version it started from. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface StarProfilePointTable {
  id: Generated<string>;
  plan_id: string;
  point: string;
  level: number | null;
  narrative: string;
  /** Rises on every change; a save names the version it started from. */
  version: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface StarProfileEvidenceTable {
  point_id: string;
  position: number;
  url: string | null;
  title: string | null;
  round_id: string | null;
  code: string | null;
}

export interface StakeholderTable {
  id: Generated<string>;
  plan_id: string;
  name: string;
  stakeholder_group: string;
  vulnerable_group: string | null;
  interest: number;
  influence: number;
  engagement: 'inform' | 'consult' | 'involve' | 'collaborate' | 'empower';
  needs: string;
  owner_id: string | null;
  /** Rises on every change; a save names the version it started from. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface PlanVisionTable {
  plan_id: string;
  statement: Generated<string>;
  version: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface VisionPrincipleTable {
  id: Generated<string>;
  plan_id: string;
  /** One of CEPA's principles (src/planning/vision/cepa-principles.ts); null for the team's own. */
  cepa_key: string | null;
  /** The team's own title; null for one of CEPA's. */
  title: string | null;
  description: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface VisionPrincipleStrategyTable {
  principle_id: string;
  strategy_number: number;
}

export interface VisionGoalTable {
  id: Generated<string>;
  plan_id: string;
  title: string;
  description: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface VisionGoalLinkTable {
  goal_id: string;
  kind: 'sdg' | 'sdg_target' | 'subdimension' | 'recommendation';
  code: string;
}

export interface VisionGoalSwotEntryTable {
  goal_id: string;
  swot_entry_id: string;
}

export interface VisionPriorityTable {
  id: Generated<string>;
  goal_id: string;
  text: string;
  term: 'short' | 'long';
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface InitiativeStatusTable {
  workspace_id: string;
  key: string;
  /** Null: a default status, labelled from the catalogue. */
  label: string | null;
  kind: 'proposed' | 'active' | 'completed' | 'cancelled';
  default_progress: number;
  position: number;
}

export interface InitiativeTable {
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  external_id: string | null;
  level: 'programme' | 'project' | 'activity';
  title: string;
  description: Generated<string>;
  horizon: 'short' | 'medium' | 'long';
  /** 'YYYY-MM-DD'. */
  starts_on: string | null;
  ends_on: string | null;
  lead_agency_id: string | null;
  owner_id: string | null;
  budget_amount: number | null;
  budget_currency: string | null;
  budget_source: string | null;
  status: string;
  progress: number | null;
  weight: Generated<number>;
  is_public: Generated<boolean>;
  origin_kind: 'recommendation' | 'swot_entry' | 'goal' | null;
  origin_ref: string | null;
  origin_round_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface InitiativePartnerTable {
  initiative_id: string;
  agency_id: string;
}

export interface InitiativeDependencyTable {
  initiative_id: string;
  depends_on_id: string;
}

export interface InitiativeCodeTable {
  initiative_id: string;
  kind: 'dimension' | 'subdimension' | 'recommendation';
  code: string;
}

export interface InitiativeGoalTable {
  initiative_id: string;
  goal_id: string;
}

export interface InitiativeSwotEntryTable {
  initiative_id: string;
  swot_entry_id: string;
}

export interface InitiativeUpdateTable {
  id: Generated<string>;
  initiative_id: string;
  happened_on: string;
  text: string;
  progress: number | null;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface PriorityCriterionTable {
  workspace_id: string;
  key: string;
  axis: 'value' | 'feasibility';
  /** Null: a default criterion, labelled from the catalogue. */
  label: string | null;
  weight: number;
  position: number;
}

export interface InitiativeScoreTable {
  initiative_id: string;
  user_id: string;
  criterion: string;
  score: number;
  updated_at: UpdatedAt;
}

export interface InitiativeStepTable {
  id: Generated<string>;
  initiative_id: string;
  external_id: string | null;
  what: string;
  responsible: Generated<string>;
  supporting: Generated<string>;
  due_on: string | null;
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  updated_by: string | null;
}

export interface InitiativeMilestoneTable {
  id: Generated<string>;
  initiative_id: string;
  title: string;
  due_on: string;
  reached_on: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface InitiativeResourceTable {
  id: Generated<string>;
  initiative_id: string;
  kind: 'financial' | 'people' | 'technology' | 'other';
  description: string;
  amount: number | null;
  unit: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface InitiativeKpiTable {
  id: Generated<string>;
  initiative_id: string;
  name: string;
  unit: Generated<string>;
  baseline: number | null;
  target: number | null;
  target_on: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface InitiativeCommunicationTable {
  id: Generated<string>;
  initiative_id: string;
  audience: string;
  message: string;
  channel: string;
  frequency: string;
  owner: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface RoadmapPublicationTable {
  plan_id: string;
  slug: string;
  show_budgets: Generated<boolean>;
  published_at: CreatedAt;
  published_by: string | null;
}

export interface MailMessageTable {
  id: Generated<string>;
  workspace_id: string | null;
  kind: 'invitation' | 'reminder' | 'password_reset';
  invitation_id: string | null;
  recipient: string;
  language: string;
  subject: string;
  /** The plain-text body, with secret links masked. */
  body: string;
  status: 'pending' | 'sent' | 'failed' | 'held';
  error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface Schema {
  workspaces: WorkspaceTable;
  agencies: AgencyTable;
  frameworks: FrameworkTable;
  rounds: RoundTable;
  round_agencies: RoundAgencyTable;
  invitations: InvitationTable;
  responses: ResponseTable;
  answers: AnswerTable;
  response_saves: ResponseSaveTable;
  users: UserTable;
  memberships: MembershipTable;
  membership_agencies: MembershipAgencyTable;
  sessions: SessionTable;
  account_tokens: AccountTokenTable;
  sign_in_failures: SignInFailureTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokenTable;
  mail_messages: MailMessageTable;
  consensus: ConsensusTable;
  result_tallies: ResultTalliesTable;
  result_staleness: ResultStalenessTable;
  lenses: LensTable;
  crosswalks: CrosswalkTable;
  targets: TargetTable;
  recommendation_decisions: RecommendationDecisionTable;
  plans: PlanTable;
  plan_baseline_rounds: PlanBaselineRoundTable;
  pestle_factors: PestleFactorTable;
  swot_entries: SwotEntryTable;
  star_profile_points: StarProfilePointTable;
  star_profile_evidence: StarProfileEvidenceTable;
  stakeholders: StakeholderTable;
  plan_visions: PlanVisionTable;
  vision_principles: VisionPrincipleTable;
  vision_principle_strategies: VisionPrincipleStrategyTable;
  vision_goals: VisionGoalTable;
  vision_goal_links: VisionGoalLinkTable;
  vision_goal_swot_entries: VisionGoalSwotEntryTable;
  vision_priorities: VisionPriorityTable;
  initiative_statuses: InitiativeStatusTable;
  initiatives: InitiativeTable;
  initiative_partners: InitiativePartnerTable;
  initiative_dependencies: InitiativeDependencyTable;
  initiative_codes: InitiativeCodeTable;
  initiative_goals: InitiativeGoalTable;
  initiative_swot_entries: InitiativeSwotEntryTable;
  initiative_updates: InitiativeUpdateTable;
  priority_criteria: PriorityCriterionTable;
  initiative_scores: InitiativeScoreTable;
  initiative_steps: InitiativeStepTable;
  initiative_milestones: InitiativeMilestoneTable;
  initiative_resources: InitiativeResourceTable;
  initiative_kpis: InitiativeKpiTable;
  initiative_communications: InitiativeCommunicationTable;
  roadmap_publications: RoadmapPublicationTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type RoundRow = Selectable<RoundTable>;
