-- The questionnaire's durability. Each answer records when the respondent
-- changed it (the browser's clock for autosaves, so an answer given offline
-- keeps its moment); a save only replaces an answer changed earlier, so two
-- tabs end with the latest change of each item whatever order saves arrive in.
alter table answers add column changed_at timestamptz not null default now();

-- The client's id of every save already applied: a save retried after a lost
-- acknowledgement is recognised and changes nothing.
create table response_saves (
  response_id uuid not null references responses (id) on delete cascade,
  save_id text not null,
  saved_at timestamptz not null default now(),
  primary key (response_id, save_id)
);
