-- Decisions stored as packs. Portable SQL for H2 2.x and PostgreSQL 14+.
-- A decision log holds millions of lines, about one per agent and day: stored as one raw row plus one aggregate row
-- each (tables decision and decision_daily), ingestion was bound by the database's row rate. Packs hold a few thousand
-- records each, binary with a string dictionary per pack (agents, credentials, tools, actions, scopes, environments,
-- policies, reasons and file names repeat massively), deflated at the fastest level
-- (dev.steward.decisions.DecisionPack and DailyPack describe the formats). Nothing is lost: every field and the
-- provenance (upload, source file and line) of every decision is kept. The old tables stay, read as before, for stores
-- ingested earlier; new uploads write only packs. Written once, never updated; deleted with an unfinished upload.

-- Raw decisions in file order: pack n of an upload holds the lines after those of pack n-1.
CREATE TABLE decision_pack (
    upload_id      BIGINT  NOT NULL REFERENCES upload (id),
    pack           INTEGER NOT NULL,                    -- 0, 1, 2 ... in write order
    row_count      INTEGER NOT NULL,
    min_decided_at TIMESTAMP WITH TIME ZONE NOT NULL,   -- the window skips packs outside it
    max_decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    first_line     BIGINT  NOT NULL,                    -- source line of the pack's first decision
    last_line      BIGINT  NOT NULL,                    -- and of its last (files restart at 1: see the pack)
    data           BYTEA   NOT NULL,                    -- deflated DecisionPack
    CONSTRAINT decision_pack_pk PRIMARY KEY (upload_id, pack)
);
CREATE INDEX decision_pack_time ON decision_pack (max_decided_at);

-- Per-day aggregates (the rows checks read), one UTC day a pack. One upload may hold several aggregates of one key
-- (bounded-memory flushes): readers sum equal keys.
CREATE TABLE decision_daily_pack (
    upload_id BIGINT  NOT NULL REFERENCES upload (id),
    pack      INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    min_day   DATE    NOT NULL,
    max_day   DATE    NOT NULL,
    data      BYTEA   NOT NULL,                         -- deflated DailyPack
    CONSTRAINT decision_daily_pack_pk PRIMARY KEY (upload_id, pack)
);
CREATE INDEX decision_daily_pack_day ON decision_daily_pack (min_day, max_day);
