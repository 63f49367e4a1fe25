-- Lenses (named lists of dimensions, no items) and crosswalks (one
-- framework's items and sub-dimensions mapped onto another framework's or a
-- lens's dimensions), stored as imported like frameworks: a stored version
-- never changes. A crosswalk names the framework version it reads and the
-- one framework or lens it reads it through.

create table lenses (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  version text not null,
  name text not null,
  definition jsonb not null,
  imported_at timestamptz not null default now(),
  unique (key, version)
);

create table crosswalks (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  version text not null,
  name text not null,
  source_framework_id uuid not null references frameworks (id),
  target_framework_id uuid references frameworks (id),
  target_lens_id uuid references lenses (id),
  definition jsonb not null,
  imported_at timestamptz not null default now(),
  unique (key, version),
  check ((target_framework_id is null) <> (target_lens_id is null))
);

create index crosswalks_source on crosswalks (source_framework_id);
