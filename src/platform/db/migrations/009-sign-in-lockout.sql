-- Failed sign-ins per account, kept in the database so that every process
-- applies the same lockout and a restart does not clear it. A row is keyed by
-- the SHA-256 of the lower-cased address typed, whether or not it has an
-- account: the lockout must not tell which addresses do, and the table holds
-- no address in the clear.
create table sign_in_failures (
  email_hash text primary key,
  failures integer not null check (failures > 0),
  last_failed_at timestamptz not null,
  locked_until timestamptz
);
-- Old rows are pruned by the time of their last failure.
create index sign_in_failures_last_failed on sign_in_failures (last_failed_at);
