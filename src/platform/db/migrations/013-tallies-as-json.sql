-- Tallies are written by the database and only ever read whole, by a process
-- scoring a round: kept as json (the text as written) rather than jsonb, so a
-- read hands the text over instead of printing the binary form again. That
-- print was half the cost of a process's first read of a round of 1,000
-- agencies on the embedded database (jsonb 80-110 ms, json 30-40 ms for the
-- 4.7 MB of a round of 1,000 agencies).
alter table result_tallies alter column tallies type json using tallies::json;
