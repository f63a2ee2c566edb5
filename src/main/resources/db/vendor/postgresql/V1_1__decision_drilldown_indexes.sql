-- PostgreSQL keeps raw-decision drill-down indexes: its B-tree inserts stay cheap at tens of millions of rows.
CREATE INDEX decision_agent_time ON decision (agent, decided_at);
CREATE INDEX decision_credential_time ON decision (credential, decided_at);
