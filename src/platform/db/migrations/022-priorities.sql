-- A workspace's criteria and statuses keep their catalogue wording until an
-- admin writes their own: a stored row with no label is a default criterion or
-- status, labelled in the reader's language (issue 14).
alter table priority_criteria alter column label drop not null;
alter table initiative_statuses alter column label drop not null;
