-- Manager tokens are scoped to teams: a comma-separated list of team names (NULL for unscoped roles).
ALTER TABLE api_token ADD COLUMN teams VARCHAR(2000);
