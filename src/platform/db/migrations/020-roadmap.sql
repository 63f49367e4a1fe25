-- A plan's roadmap (issue 14): initiatives that close the measured gaps, in a
-- tree (programme → project → activity) whose progress rolls up by weight,
-- with what prompted each one, its prioritisation scores and its action plan.
-- Editable rows carry a `version` raised on every change, as in the analysis
-- and vision, so a late save is refused instead of overwriting.

-- A workspace's status list; a workspace without rows uses the default list
-- (src/planning/roadmap/roadmap-statuses.ts). `kind` tells the rules what a
-- status means: cancelled initiatives leave the roll-up, completed ones are
-- at 100 and never overdue. A row without a label is a default status, which
-- keeps the catalogue's wording in the reader's language.
create table initiative_statuses (
  workspace_id text not null references workspaces (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label text check (length(label) between 1 and 80),
  kind text not null check (kind in ('proposed', 'active', 'completed', 'cancelled')),
  default_progress integer not null check (default_progress between 0 and 100),
  position integer not null,
  primary key (workspace_id, key)
);

create table initiatives (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  -- The tree: a child belongs to the same plan (checked on saving); deleting a
  -- parent deletes what is under it.
  parent_id uuid references initiatives (id) on delete cascade,
  -- A stable id from the spreadsheet it was imported from: re-importing updates.
  external_id text check (length(external_id) between 1 and 100),
  level text not null check (level in ('programme', 'project', 'activity')),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  horizon text not null check (horizon in ('short', 'medium', 'long')),
  starts_on date,
  ends_on date,
  lead_agency_id uuid references agencies (id) on delete set null,
  owner_id uuid references users (id) on delete set null,
  budget_amount numeric(18, 2) check (budget_amount >= 0),
  budget_currency text check (budget_currency ~ '^[A-Z]{3}$'),
  budget_source text check (length(budget_source) <= 200),
  status text not null,
  -- Progress as last reported (0–100); null: the status's default, or what
  -- the steps or the children give.
  progress integer check (progress between 0 and 100),
  weight numeric(10, 2) not null default 1 check (weight > 0),
  -- Shown on the published roadmap.
  is_public boolean not null default true,
  -- What it was created from, kept so its page can show the chain back to the evidence.
  origin_kind text check (origin_kind in ('recommendation', 'swot_entry', 'goal')),
  origin_ref text check (length(origin_ref) <= 200),
  origin_round_id uuid references rounds (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  check (ends_on is null or starts_on is null or ends_on >= starts_on),
  check ((budget_amount is null) = (budget_currency is null)),
  unique (plan_id, external_id)
);
create index initiatives_plan on initiatives (plan_id, title);
create index initiatives_parent on initiatives (parent_id);

create table initiative_partners (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  agency_id uuid not null references agencies (id) on delete cascade,
  primary key (initiative_id, agency_id)
);

-- `initiative_id` cannot start before `depends_on_id` ends.
create table initiative_dependencies (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  depends_on_id uuid not null references initiatives (id) on delete cascade,
  primary key (initiative_id, depends_on_id),
  check (initiative_id <> depends_on_id)
);

-- What the initiative answers, by code of the baseline round's framework.
create table initiative_codes (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  kind text not null check (kind in ('dimension', 'subdimension', 'recommendation')),
  code text not null check (length(code) between 1 and 60),
  primary key (initiative_id, kind, code)
);

create table initiative_goals (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  goal_id uuid not null references vision_goals (id) on delete cascade,
  primary key (initiative_id, goal_id)
);

create table initiative_swot_entries (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  swot_entry_id uuid not null references swot_entries (id) on delete cascade,
  primary key (initiative_id, swot_entry_id)
);

-- How the initiative evolved: dated entries, each with the progress at that date.
create table initiative_updates (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  happened_on date not null,
  text text not null check (length(text) between 1 and 2000),
  progress integer check (progress between 0 and 100),
  created_at timestamptz not null default now(),
  created_by uuid references users (id) on delete set null
);
create index initiative_updates_initiative on initiative_updates (initiative_id, happened_on);

-- The criteria initiatives are scored on; a workspace without rows uses the
-- defaults of seed 002 chapter 7 (src/planning/roadmap/priorities/prioritisation.ts). A
-- row without a label is a default criterion, worded by the catalogue.
create table priority_criteria (
  workspace_id text not null references workspaces (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  axis text not null check (axis in ('value', 'feasibility')),
  label text check (length(label) between 1 and 120),
  weight numeric(10, 2) not null check (weight > 0),
  position integer not null,
  primary key (workspace_id, key)
);

-- One member's score of one initiative on one criterion.
create table initiative_scores (
  initiative_id uuid not null references initiatives (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  criterion text not null,
  score integer not null check (score between 1 and 5),
  updated_at timestamptz not null default now(),
  primary key (initiative_id, user_id, criterion)
);

-- The action plan: steps, milestones, resources, KPIs and the communication plan.
create table initiative_steps (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  external_id text check (length(external_id) between 1 and 100),
  what text not null check (length(what) between 1 and 500),
  responsible text not null default '' check (length(responsible) <= 200),
  supporting text not null default '' check (length(supporting) <= 200),
  due_on date,
  status text not null check (status in ('not_started', 'in_progress', 'done', 'blocked')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  unique (initiative_id, external_id)
);
create index initiative_steps_initiative on initiative_steps (initiative_id, due_on);

create table initiative_milestones (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  due_on date not null,
  reached_on date,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index initiative_milestones_initiative on initiative_milestones (initiative_id, due_on);

create table initiative_resources (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  kind text not null check (kind in ('financial', 'people', 'technology', 'other')),
  description text not null check (length(description) between 1 and 500),
  amount numeric(18, 2) check (amount >= 0),
  unit text check (length(unit) between 1 and 40),
  version integer not null default 1,
  created_at timestamptz not null default now()
);

-- Until indicators exist (the monitoring issue), a KPI is its definition here.
create table initiative_kpis (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  unit text not null default '' check (length(unit) <= 40),
  baseline numeric,
  target numeric,
  target_on date,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

create table initiative_communications (
  id uuid primary key default gen_random_uuid(),
  initiative_id uuid not null references initiatives (id) on delete cascade,
  audience text not null check (length(audience) between 1 and 200),
  message text not null check (length(message) between 1 and 1000),
  channel text not null check (length(channel) between 1 and 120),
  frequency text not null check (length(frequency) between 1 and 120),
  owner text not null default '' check (length(owner) <= 200),
  version integer not null default 1,
  created_at timestamptz not null default now()
);

-- A plan's roadmap published read-only at /public/roadmaps/<slug>.
create table roadmap_publications (
  plan_id uuid primary key references plans (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9-]{8,80}$'),
  show_budgets boolean not null default false,
  published_at timestamptz not null default now(),
  published_by uuid references users (id) on delete set null
);
