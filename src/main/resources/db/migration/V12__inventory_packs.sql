-- The inventory of an upload also as packs, beside its tables. Portable SQL for H2 2.x and PostgreSQL 14+.
-- An assessment, a report and an export read the whole inventory in force: 400k people, agent and credential rows at
-- the benchmark scale, which took 5-6 s a cold run through the tables. The ingest of an inventory upload writes its
-- records once more as packs of a few thousand (dev.steward.inventory.InventoryPack describes the format), read back
-- as the tables' rows would be. The tables stay the store of record (the API pages and filters them); uploads ingested
-- before these packs, or without them, are read from the tables. Written once, in the upload's transaction, never
-- updated.

CREATE TABLE inventory_pack (
    upload_id BIGINT      NOT NULL REFERENCES upload (id),
    section   VARCHAR(16) NOT NULL,                      -- people, agents or credentials
    pack      INTEGER     NOT NULL,                      -- 0, 1, 2 ... in (id, upload) order; pack 0 always exists
    row_count INTEGER     NOT NULL,
    data      BYTEA       NOT NULL,                      -- compressed InventoryPack
    CONSTRAINT inventory_pack_pk PRIMARY KEY (upload_id, section, pack)
);
