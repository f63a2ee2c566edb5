-- The audit trail: an append-only, hash-chained log. Portable SQL for H2 2.x and PostgreSQL 14+.
-- Each entry's hash is SHA-256 over the canonical encoding of its fields and the previous entry's hash (docs/audit.md),
-- so changing, removing or reordering a stored entry breaks the chain at that entry.
-- Appends are serialised by locking the single audit_head row (SELECT ... FOR UPDATE): with several replicas on one
-- database, seq stays gap-free and every entry links to the one before it.

CREATE TABLE audit_event (
    seq         BIGINT       NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200) NOT NULL,                -- principal name, cli:<os user> or scheduler
    action      VARCHAR(32)  NOT NULL,                -- fixed vocabulary (AuditAction)
    target      VARCHAR(500),
    outcome     VARCHAR(16)  NOT NULL,                -- ok | failed | denied
    detail      VARCHAR(4000),                        -- small JSON object, never a secret
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_event_time ON audit_event (occurred_at);

-- The head of the chain: the last seq and its hash. One row, locked by every append.
CREATE TABLE audit_head (
    id   INTEGER     NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Export retention: a purged bundle keeps its record (hashes, manifest hash) with the time it was purged.
ALTER TABLE export_run ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
