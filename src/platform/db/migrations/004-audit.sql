-- The audit log: who changed what, and when. Rows are only ever added.
create table audit_log (
  id bigint generated always as identity primary key,
  workspace_id text references workspaces (id) on delete cascade,
  at timestamptz not null default now(),
  actor_user_id uuid references users (id) on delete set null,
  -- Kept beside the id so the log still reads after an account is deleted.
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  details jsonb not null default '{}'
);
create index audit_log_workspace_at on audit_log (workspace_id, at desc);
