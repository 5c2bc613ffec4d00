-- Issue 25 (sync speed): two indexes no query reads, each kept up to date by every row a push appends. The store
-- looks the log up by seq (the pull, the export), mutation_id (duplicates) and (record_id, rev) (revisions), and
-- the records by id; nothing filters either table by patient_id (the tablets' review reads their own copy).
drop index if exists mutations_patient;
drop index if exists records_patient;
