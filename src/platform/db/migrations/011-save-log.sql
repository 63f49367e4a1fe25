-- What a save id stands for, so that a retry is told apart from an id reused
-- for other answers: a fingerprint of the answers the save carried (null for
-- saves logged before this), and the items it did not write because a later
-- change was already stored (null when it wrote them all), so a retry is
-- answered with the outcome of the save it repeats.
alter table response_saves add column fingerprint text;
alter table response_saves add column not_written text[];

-- The save log keeps a day of saves (save-log-store.ts prunes older ones).
-- Rows arrive in time order, so a BRIN index finds the old ones at almost no
-- cost to each save.
create index response_saves_saved_at on response_saves using brin (saved_at);
