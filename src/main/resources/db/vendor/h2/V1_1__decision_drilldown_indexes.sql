-- H2: no random-key secondary indexes on the raw decision table (they cut bulk insert speed several fold); drill-down
-- goes through decision_daily and the upload index.
SELECT 1;
