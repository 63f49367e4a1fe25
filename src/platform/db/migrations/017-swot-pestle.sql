-- The situation analysis of a plan: its PESTLE factors and its SWOT entries.
-- Both carry `version`, raised on every change, so a save that started from an
-- older version is refused instead of overwriting another person's change.
create table pestle_factors (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  heading text not null check (
    heading in ('political', 'economic', 'social', 'technological', 'legal', 'environmental')
  ),
  description text not null check (length(description) between 1 and 1000),
  impact text not null check (impact in ('high', 'medium', 'low')),
  likelihood text not null check (likelihood in ('high', 'medium', 'low')),
  trend text not null check (trend in ('rising', 'stable', 'falling')),
  horizon text not null check (horizon in ('short', 'medium', 'long')),
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);
create index pestle_factors_plan on pestle_factors (plan_id, heading, position);

-- An entry may point at one piece of evidence: a score of a round (a
-- dimension, sub-dimension or item, by code), a recommendation of the round's
-- framework (by code), an agency, or a PESTLE factor of the same plan. When
-- the thing pointed at is deleted the link is emptied and the entry stays.
-- `proposal_key` names the draft proposal an entry was accepted from, so
-- accepting the same proposal twice cannot add it twice.
create table swot_entries (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  quadrant text not null check (quadrant in ('strength', 'weakness', 'opportunity', 'threat')),
  text text not null check (length(text) between 1 and 1000),
  importance text not null check (importance in ('high', 'medium', 'low')),
  position integer not null default 0,
  evidence_kind text check (
    evidence_kind in ('dimension', 'subdimension', 'item', 'recommendation', 'agency', 'pestle')
  ),
  evidence_round_id uuid references rounds (id) on delete set null,
  evidence_code text check (length(evidence_code) between 1 and 100),
  evidence_agency_id uuid references agencies (id) on delete set null,
  evidence_factor_id uuid references pestle_factors (id) on delete set null,
  proposal_key text check (length(proposal_key) between 1 and 300),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);
create index swot_entries_plan on swot_entries (plan_id, quadrant, position);
create unique index swot_entries_proposal on swot_entries (plan_id, proposal_key);
