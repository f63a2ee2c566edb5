-- Monthly evidence exports. Portable SQL for H2 2.x and PostgreSQL 14+.
-- One row per period: inserted before any work (the unique period is the lock that lets only one replica export a
-- period), then completed with the manifest hash and size, or marked FAILED with the error (retried later).

CREATE TABLE export_run (
    period          VARCHAR(7)   PRIMARY KEY,           -- YYYY-MM
    status          VARCHAR(16)  NOT NULL,              -- RUNNING, DONE, FAILED
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    assessment_id   VARCHAR(64),
    manifest_sha256 VARCHAR(64),
    previous_sha256 VARCHAR(64),
    size_bytes      BIGINT,
    file_count      INTEGER,
    location        VARCHAR(2000),
    error           VARCHAR(4000)
);
