#!/bin/sh
# Run by the postgres image once, when it initialises an empty data directory (not on later starts):
# creates the role Replay connects as. The owner, POSTGRES_USER, runs the migrations, which grant this
# role what the application needs and, on the audit trail, only INSERT and SELECT (ADR 0014).
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$REPLAY_DB_APP_PASSWORD" <<'SQL'
select format('create role replay_app login password %L', :'app_password')
  where not exists (select from pg_roles where rolname = 'replay_app') \gexec
SQL
