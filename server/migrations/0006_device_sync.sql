-- Each tablet's sync, for the data manager's review (issue 24): when it last pushed and pulled, and the outbox
-- report its pushes carry (the device-clock time of its oldest entry still waiting; null when none waits).
alter table devices add column last_push_at timestamptz;
alter table devices add column last_pull_at timestamptz;
alter table devices add column outbox_oldest_at timestamptz;
alter table devices add column outbox_reported_at timestamptz;
