-- The PASS and NOT_APPLICABLE results of a run, stored compactly. Portable SQL for H2 2.x and PostgreSQL 14+.
-- Findings (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE) stay one row each in assessment_result: they are filtered, paged,
-- diffed and reported. The other results (about 98 % of a large run) are never filtered by SQL, only read back whole,
-- so they are kept as packs of a few thousand results in run order: every field of every result (seq, check, variant,
-- subject, result, score, severity, weight, owner, team, manager, environment, reason, evidence), binary with a string
-- dictionary per pack, deflated (dev.steward.assessment.ResultPack describes the format). Written once, never updated.

CREATE TABLE assessment_result_pack (
    run_id       VARCHAR(64) NOT NULL,
    pack         INTEGER     NOT NULL,                -- 0, 1, 2 ... in write order
    first_seq    INTEGER     NOT NULL,                -- seq of the pack's first result: packs hold disjoint seq runs
    last_seq     INTEGER     NOT NULL,                -- seq of its last result
    result_count INTEGER     NOT NULL,
    body         BYTEA       NOT NULL,                -- deflated ResultPack
    CONSTRAINT assessment_result_pack_pk PRIMARY KEY (run_id, pack)
);
CREATE INDEX assessment_result_pack_order ON assessment_result_pack (run_id, first_seq);
