-- The texts of an upload's daily decision packs, stored once for the upload.
-- Portable SQL for H2 2.x and PostgreSQL 14+.
-- A daily pack (dev.steward.decisions.DailyPack) held a dictionary of its own texts: at 10M decisions 2,385 packs named
-- 21M texts, 427k of them distinct, and a window's scan looked each of them up in its table of texts (most of the
-- scan's time). Packs of version 2 refer to the upload's texts by number instead; the texts are stored here, in parts
-- appended as the upload's packs are written (part n holds texts first_text .. first_text + text_count - 1), and a
-- scan looks each up once per upload. Packs of version 1 keep their own dictionaries and read as before. Written once,
-- never updated; deleted with an unfinished upload.
CREATE TABLE decision_text_pack (
    upload_id  BIGINT  NOT NULL REFERENCES upload (id),
    part       INTEGER NOT NULL,                       -- 0, 1, 2 ... in write order
    first_text INTEGER NOT NULL,                       -- the number of the part's first text in the upload
    text_count INTEGER NOT NULL,
    data       BYTEA   NOT NULL,                       -- compressed: varint count, then each text (length, UTF-8)
    CONSTRAINT decision_text_pack_pk PRIMARY KEY (upload_id, part)
);
