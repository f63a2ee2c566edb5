-- A run's result packs committed ahead of the run itself. Portable SQL for H2 2.x and PostgreSQL 14+.
-- H2 rewrites every page that holds a row of a transaction when the transaction commits; with the PASS and
-- NOT_APPLICABLE packs (235 MB at the benchmark scale) inside the run's transaction, its commit read them back from the
-- file and wrote them again. The packs are now inserted and committed on a connection of their own while the run is
-- computed, under a pack key of the attempt (the run id, '@', a nonce): the run row names the key it was stored with,
-- and no read finds packs that no run names. An attempt is noted first, with its start; the run's transaction deletes
-- the note, a failed attempt deletes its packs and its note, and an attempt noted long ago whose run never came (the
-- process was killed) has its packs deleted by a later run. Runs stored before keep their packs under their own id
-- (result_packs NULL).
ALTER TABLE assessment_run ADD COLUMN result_packs VARCHAR(64);

CREATE TABLE assessment_attempt (
    pack_key   VARCHAR(64)              NOT NULL,
    run_id     VARCHAR(64)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_attempt_pk PRIMARY KEY (pack_key)
);
