-- When a round was actually opened and closed, which may differ from its
-- planned dates: a round closed early tells respondents the day it closed.
alter table rounds
  add column opened_at timestamptz,
  add column closed_at timestamptz;

-- Rounds opened or closed before these columns existed: the audit log has the moment.
update rounds set
  opened_at = (select min(at) from audit_log
               where action = 'round.opened' and entity_type = 'round' and entity_id = rounds.id::text),
  closed_at = (select min(at) from audit_log
               where action = 'round.closed' and entity_type = 'round' and entity_id = rounds.id::text);
