-- The star profile and the stakeholder map of a plan (issue 13). Each row has
-- a `version` that rises on every change: a save names the version it started
-- from and is refused if another was saved since, so two people editing one
-- entry never silently overwrite each other.

-- One row per point of the star profiling model a team has assessed; a point
-- without a row is not assessed yet. The points are reference data in code.
create table star_profile_points (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  point text not null check (length(point) between 1 and 60),
  level integer check (level between 1 and 5),
  narrative text not null default '' check (length(narrative) <= 4000),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  unique (plan_id, point)
);

-- What a point's level rests on: a page on the web, or a score of one of the
-- plan's baseline rounds, named by its dimension or sub-dimension code.
create table star_profile_evidence (
  point_id uuid not null references star_profile_points (id) on delete cascade,
  position integer not null,
  url text check (length(url) <= 2000),
  title text check (length(title) <= 200),
  round_id uuid references rounds (id) on delete cascade,
  code text check (length(code) <= 60),
  primary key (point_id, position),
  check (
    (url is not null and title is not null and round_id is null and code is null)
    or (url is null and title is null and round_id is not null and code is not null)
  )
);

create table stakeholders (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  stakeholder_group text not null,
  -- Which vulnerable group, for a stakeholder of the group "vulnerable groups" only.
  vulnerable_group text,
  interest integer not null check (interest between 1 and 5),
  influence integer not null check (influence between 1 and 5),
  engagement text not null
    check (engagement in ('inform', 'consult', 'involve', 'collaborate', 'empower')),
  needs text not null default '' check (length(needs) <= 2000),
  owner_id uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  check ((stakeholder_group = 'vulnerable_groups') = (vulnerable_group is not null))
);
create index stakeholders_plan on stakeholders (plan_id, name);
