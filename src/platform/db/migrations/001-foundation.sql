-- The foundation: workspaces, agencies, frameworks as imported, rounds,
-- invitations, responses and their answers.

create table workspaces (
  id text primary key,
  name text not null,
  default_language text not null,
  languages text[] not null,
  created_at timestamptz not null default now()
);

create table agencies (
  id uuid primary key default gen_random_uuid(),
  workspace_id text not null references workspaces (id) on delete cascade,
  name text not null,
  acronym text,
  level text not null check (level in ('national', 'subnational', 'local')),
  sector text not null,
  parent_id uuid references agencies (id) on delete set null,
  focal_point_email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, name)
);

-- A framework version is stored exactly as imported; a version never changes
-- once stored, so a round always reads the definition it was answered against.
create table frameworks (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  version text not null,
  name text not null,
  definition jsonb not null,
  imported_at timestamptz not null default now(),
  unique (key, version)
);

create table rounds (
  id uuid primary key default gen_random_uuid(),
  workspace_id text not null references workspaces (id) on delete cascade,
  framework_id uuid not null references frameworks (id),
  name text not null,
  opens_on date not null,
  closes_on date not null,
  status text not null check (status in ('draft', 'open', 'closed')),
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on)
);

create table round_agencies (
  round_id uuid not null references rounds (id) on delete cascade,
  agency_id uuid not null references agencies (id) on delete cascade,
  primary key (round_id, agency_id)
);

-- The secret of an invitation link is never stored, only its SHA-256 hash.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null,
  agency_id uuid not null,
  email text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  foreign key (round_id, agency_id) references round_agencies (round_id, agency_id) on delete cascade
);
create index invitations_round_agency on invitations (round_id, agency_id);

create table responses (
  id uuid primary key default gen_random_uuid(),
  invitation_id uuid not null unique references invitations (id) on delete cascade,
  round_id uuid not null references rounds (id) on delete cascade,
  agency_id uuid not null references agencies (id) on delete cascade,
  status text not null check (status in ('draft', 'submitted')),
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz
);
create index responses_round_agency on responses (round_id, agency_id);

create table answers (
  response_id uuid not null references responses (id) on delete cascade,
  item_code text not null,
  value smallint,
  not_applicable boolean not null default false,
  comment text,
  evidence_url text,
  updated_at timestamptz not null default now(),
  primary key (response_id, item_code),
  check (not (not_applicable and value is not null))
);
