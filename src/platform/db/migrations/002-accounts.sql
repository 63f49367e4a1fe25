-- Accounts: people who sign in, their role in a workspace, the agencies a
-- focal point answers for, and sessions kept in the database so several app
-- processes can share them.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  password_hash text,
  created_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));

create table memberships (
  workspace_id text not null references workspaces (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'coordinator', 'focal_point', 'facilitator', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);

create table membership_agencies (
  workspace_id text not null,
  user_id uuid not null,
  agency_id uuid not null references agencies (id) on delete cascade,
  primary key (workspace_id, user_id, agency_id),
  foreign key (workspace_id, user_id) references memberships (workspace_id, user_id) on delete cascade
);

-- The session cookie holds a secret; only its SHA-256 hash is stored.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- A one-time link: password reset, or setting up the first admin.
create table account_tokens (
  token_hash text primary key,
  purpose text not null check (purpose in ('password_reset', 'setup')),
  user_id uuid references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
