-- Assessment runs and their results. Portable SQL for H2 2.x and PostgreSQL 14+.
-- A run is written once, in one transaction (results first, the run row last) and never updated: its id is derived
-- from its inputs, so the same inputs find the stored run instead of writing a second one.

CREATE TABLE assessment_run (
    id                VARCHAR(64)  PRIMARY KEY,
    as_of             TIMESTAMP WITH TIME ZONE NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(200),
    engine_version    VARCHAR(100) NOT NULL,
    mapping_version   VARCHAR(64)  NOT NULL,
    parameters_digest VARCHAR(64)  NOT NULL,
    input_hashes      TEXT         NOT NULL,         -- JSON: the uploads read (id, kind, content hash, asOf)
    previous_id       VARCHAR(64),                   -- the run the diff compares with
    result_count      BIGINT       NOT NULL,
    finding_count     BIGINT       NOT NULL,
    elapsed_ms        BIGINT       NOT NULL,
    summary_json      TEXT         NOT NULL,         -- scores, roll-ups, recommendations, latency, totals
    controls_json     TEXT         NOT NULL,         -- every control of every framework as scored
    diff_json         TEXT                           -- null for the first run
);
CREATE INDEX assessment_run_as_of ON assessment_run (as_of, created_at);

-- Every result of a run (PASS and NOT_APPLICABLE included), in run order (seq).
CREATE TABLE assessment_result (
    run_id       VARCHAR(64)  NOT NULL,
    seq          INTEGER      NOT NULL,
    check_id     VARCHAR(32)  NOT NULL,
    variant      VARCHAR(1000) NOT NULL,
    subject_type VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(500) NOT NULL,
    result       VARCHAR(24)  NOT NULL,
    score        DOUBLE PRECISION,
    severity     VARCHAR(16)  NOT NULL,
    weight       INTEGER      NOT NULL,
    finding      BOOLEAN      NOT NULL,
    owner_id     VARCHAR(300),
    team         VARCHAR(200),
    manager      VARCHAR(300),
    environment  VARCHAR(100),
    reason       VARCHAR(20000) NOT NULL,
    evidence     VARCHAR(1000000) NOT NULL,        -- JSON list of evidence references
    CONSTRAINT assessment_result_pk PRIMARY KEY (run_id, seq)
);
CREATE INDEX assessment_result_findings ON assessment_result (run_id, finding, check_id);
