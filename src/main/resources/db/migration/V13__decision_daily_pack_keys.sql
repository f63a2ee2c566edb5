-- The window's daily packs listed from their index alone. Portable SQL for H2 2.x and PostgreSQL 14+.
-- A scan of the window lists the keys (upload_id, pack) of the packs whose days meet it, then reads each body by its
-- key (dev.steward.store.PackReads). With the day index holding only the days, H2 fetched every listed row to get its
-- key, and with it the pack's body: at the benchmark scale the 223 MB of a 90-day window were read once for the list
-- and again for the bodies, and the list took 311-321 ms of a cold assessment, against 15-19 ms from an index that
-- holds the keys too (H2 answers from such an index without reading the rows). The same index, with the keys.
DROP INDEX decision_daily_pack_day;
CREATE INDEX decision_daily_pack_day ON decision_daily_pack (min_day, max_day, upload_id, pack);
