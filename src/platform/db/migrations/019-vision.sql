-- A plan's vision: its statement, the principles it keeps (one of CEPA's 11,
-- with the strategies chosen under it, or one the team wrote), its goals with
-- what they link to (SDG goals and targets, weak sub-dimensions and
-- recommendations of the baseline round, by code) and the priorities under
-- each goal. Every editable row has a `version`, raised on each change, so a
-- save made from an older version is refused instead of overwriting.
create table plan_visions (
  plan_id uuid primary key references plans (id) on delete cascade,
  statement text not null default '' check (length(statement) <= 2000),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);

create table vision_principles (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  cepa_key text,
  title text check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  check ((cepa_key is null) <> (title is null))
);
create unique index vision_principles_cepa on vision_principles (plan_id, cepa_key)
  where cepa_key is not null;
create index vision_principles_plan on vision_principles (plan_id, created_at);

create table vision_principle_strategies (
  principle_id uuid not null references vision_principles (id) on delete cascade,
  strategy_number integer not null check (strategy_number between 1 and 62),
  primary key (principle_id, strategy_number)
);

create table vision_goals (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 4000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);
create index vision_goals_plan on vision_goals (plan_id, created_at);

-- What a goal answers and serves, by code: `sdg` "16", `sdg_target` "16.6",
-- `subdimension` and `recommendation` codes of the baseline round's framework.
create table vision_goal_links (
  goal_id uuid not null references vision_goals (id) on delete cascade,
  kind text not null check (kind in ('sdg', 'sdg_target', 'subdimension', 'recommendation')),
  code text not null check (length(code) between 1 and 50),
  primary key (goal_id, kind, code)
);

create table vision_priorities (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references vision_goals (id) on delete cascade,
  text text not null check (length(text) between 1 and 500),
  term text not null check (term in ('short', 'long')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null
);
create index vision_priorities_goal on vision_priorities (goal_id, created_at);

-- The SWOT entries of the same plan a goal answers; deleting an entry drops its links.
create table vision_goal_swot_entries (
  goal_id uuid not null references vision_goals (id) on delete cascade,
  swot_entry_id uuid not null references swot_entries (id) on delete cascade,
  primary key (goal_id, swot_entry_id)
);
