-- The collaborative assessment: the value a workshop agreed for an item of a
-- round, for one agency or (agency null) the whole of government, with its
-- rationale. Kept apart from the self-assessments (answers), which it never
-- changes. One current value per round × item × scope; earlier values live
-- in the audit log.
create table consensus (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references rounds (id) on delete cascade,
  item_code text not null,
  agency_id uuid references agencies (id) on delete cascade,
  value smallint,
  not_applicable boolean not null default false,
  rationale text not null,
  recorded_by uuid references users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  check (not_applicable = (value is null)),
  check (length(rationale) between 1 and 2000),
  -- PostgreSQL 15+: two rows for the whole of government (null agency) clash too.
  unique nulls not distinct (round_id, item_code, agency_id)
);
