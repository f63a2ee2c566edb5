-- A run's findings committed ahead of the run, with its result packs. Portable SQL for H2 2.x and PostgreSQL 14+.
-- Since V14 the PASS and NOT_APPLICABLE packs are committed ahead of the run under the attempt's key; the findings
-- (FAIL, PARTIAL, INSUFFICIENT_EVIDENCE rows of assessment_result) were still rows of the run's transaction, whose
-- commit in H2 read their pages back and wrote them again: 1.1-1.5 s for 95k findings at the benchmark scale. They are
-- now inserted under the same key (run_id holds the key, not the run id) on the pack writer's connection, and the run
-- row names the key here. Runs stored before keep their findings under their own id (findings_key NULL). An attempt
-- that fails, or whose process was killed, loses its findings as it loses its packs (ADR 12).
ALTER TABLE assessment_run ADD COLUMN findings_key VARCHAR(64);
