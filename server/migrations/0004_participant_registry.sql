-- Participant registry (issue 20; docs/sync-protocol.md, "Shared resources: trial numbers and cohort slots").
-- The trial numbers and the cohorts' slots are shared by every tablet: this table holds, per participant, the
-- number it uses and the cohort slot it occupies, written in the push transaction that stores the participant's
-- revision. The push path checks it first (under the push lock), and the unique constraints make a second owner
-- of a number or of a slot impossible even if a check were ever skipped.

create table participant_registry (
  participant_id uuid primary key,
  trial_number text not null unique,
  cohort integer,
  cohort_slot integer,
  unique (cohort, cohort_slot),
  check ((cohort is null) = (cohort_slot is null))
);

-- Participants stored before this migration: each one's latest revision (a duplicate number keeps its first).
insert into participant_registry (participant_id, trial_number)
select record_id, trial_number
  from (select distinct on (record_id) record_id, data->>'trialNumber' as trial_number, seq
          from mutations where kind = 'participant' order by record_id, rev desc, seq desc) latest
 order by seq
on conflict do nothing;
