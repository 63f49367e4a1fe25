-- API tokens: secrets a program sends as `Authorization: Bearer …` to use the
-- API with a role, made by an admin. Only the SHA-256 of a token is stored;
-- a token stops working when it expires or is revoked, and is kept after
-- either so the audit log can still name it.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  workspace_id text not null references workspaces (id) on delete cascade,
  name text not null,
  -- A focal point answers for named agencies; a token acts for the workspace.
  role text not null check (role in ('admin', 'coordinator', 'facilitator', 'viewer')),
  token_hash text not null unique,
  created_by uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id) on delete set null,
  last_used_at timestamptz
);
create index api_tokens_workspace on api_tokens (workspace_id, created_at desc);

-- A change made with a token names the token, beside the member who made it.
alter table audit_log add column api_token_id uuid references api_tokens (id) on delete set null;
