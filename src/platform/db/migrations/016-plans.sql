-- Transformation plans: what the analysis, the vision, the roadmap and the
-- indicators of a workspace belong to. A plan rests on the rounds it takes as
-- its baseline. `version` rises on every change, so two people editing the
-- same plan never silently overwrite each other: a save names the version it
-- started from and is refused if another was saved since.
create table plans (
  id uuid primary key default gen_random_uuid(),
  workspace_id text not null references workspaces (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  starts_year integer not null check (starts_year between 2000 and 2100),
  ends_year integer not null check (ends_year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'adopted', 'closed')),
  copied_from uuid references plans (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  check (ends_year >= starts_year)
);
create index plans_workspace on plans (workspace_id, starts_year desc);

create table plan_baseline_rounds (
  plan_id uuid not null references plans (id) on delete cascade,
  round_id uuid not null references rounds (id) on delete cascade,
  primary key (plan_id, round_id)
);
