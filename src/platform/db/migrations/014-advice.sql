-- Targets and decisions on recommendations: what a workspace aims for on each
-- dimension or sub-dimension of a framework, and which recommendations its
-- coordinators accepted (for the roadmap) or set aside, with why.

-- A target belongs to the framework (by key, so it outlives a new version of
-- the same framework), not to a round: every round of it is read against it.
create table targets (
  workspace_id text not null references workspaces (id) on delete cascade,
  framework_key text not null,
  node_code text not null,
  level_key text not null,
  due_on date,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, framework_key, node_code)
);

-- A decision on one recommendation for the whole of government (agency null)
-- or one agency, in the round whose scores prompted it.
create table recommendation_decisions (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references rounds (id) on delete cascade,
  agency_id uuid references agencies (id) on delete cascade,
  recommendation_code text not null,
  subdimension_code text not null,
  status text not null check (status in ('accepted', 'set_aside')),
  note text not null default '' check (length(note) <= 2000),
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz not null default now(),
  unique nulls not distinct (round_id, agency_id, recommendation_code)
);
create index recommendation_decisions_accepted on recommendation_decisions (round_id)
  where status = 'accepted';
