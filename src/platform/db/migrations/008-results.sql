-- Results kept up to date instead of recomputed from every answer on each
-- request (a GROUP BY over a million answers takes seconds): per agency of a
-- round, how its submitted responses answered each item, recomputed only for
-- the agencies whose submitted responses changed since.

-- tallies: {"<item code>": {"<value>": <answers with that value>, ..., "na": <"not applicable">}}
-- for every item the agency's submitted responses answered; counts per value
-- give n, mean and spread exactly, and the distribution of answers.
-- respondents: submitted responses with at least one answer.
create table result_tallies (
  round_id uuid not null references rounds (id) on delete cascade,
  agency_id uuid not null references agencies (id) on delete cascade,
  tallies jsonb not null,
  respondents integer not null,
  computed_at timestamptz not null default now(),
  primary key (round_id, agency_id)
);

-- An agency of a round whose tallies must be recomputed. A refresh deletes a
-- row only if its version is still the one it read, so a change made while it
-- was recomputing keeps the agency stale. Versions come from a sequence, not
-- version + 1: a row deleted and marked again would start again at the same
-- number, and a slower refresh could then clear a mark it never saw. No
-- foreign keys: the trigger below also marks while a round or an agency is
-- being deleted, and such a mark must not fail the delete (the refresh ignores
-- agencies it finds nothing for).
create sequence result_staleness_version;
create table result_staleness (
  round_id uuid not null,
  agency_id uuid not null,
  version bigint not null,
  primary key (round_id, agency_id)
);

create function mark_results_stale(of_round uuid, of_agency uuid) returns void
language sql as $$
  insert into result_staleness (round_id, agency_id, version)
  values (of_round, of_agency, nextval('result_staleness_version'))
  on conflict (round_id, agency_id) do update set version = excluded.version
$$;

create function mark_response_results_stale() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform mark_results_stale(old.round_id, old.agency_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE'
      and (new.round_id, new.agency_id) is distinct from (old.round_id, old.agency_id)) then
    perform mark_results_stale(new.round_id, new.agency_id);
  end if;
  return null;
end
$$;

-- Every write of answers touches its response row in the same transaction
-- (the questionnaire's saves lock or update it; the demo inserts responses
-- before their answers), so a trigger on responses sees every change to
-- submitted answers and no code path can forget to mark. The WHEN clauses keep
-- drafts' autosaves, the busiest writes, down to one comparison.
create trigger responses_mark_results_stale_on_insert
  after insert on responses for each row
  when (new.status = 'submitted')
  execute function mark_response_results_stale();
create trigger responses_mark_results_stale_on_update
  after update on responses for each row
  when (old.status = 'submitted' or new.status = 'submitted')
  execute function mark_response_results_stale();
create trigger responses_mark_results_stale_on_delete
  after delete on responses for each row
  when (old.status = 'submitted')
  execute function mark_response_results_stale();

-- Submitted responses stored before this migration: their agencies have no
-- tallies yet, so the first read computes them.
insert into result_staleness (round_id, agency_id, version)
select round_id, agency_id, nextval('result_staleness_version')
from (select distinct round_id, agency_id from responses where status = 'submitted') as answered;
