-- Session search: the user columns (created here unless an earlier migration did), the duration as a
-- column, and indexes for the filters and sort orders of GET /api/v1/sessions.
alter table replay_session add column if not exists user_name text;
alter table replay_session add column if not exists user_email text;
alter table replay_session add column if not exists duration_ms bigint
  generated always as ((extract(epoch from (ended_at - started_at)) * 1000)::bigint) stored;

-- sort=duration and sort=activity, and the duration bounds (source and time range use the started_at
-- indexes: every session update already touches each index, so each one added costs ingest)
create index if not exists replay_session_duration_idx on replay_session (duration_ms desc, id desc);
create index if not exists replay_session_event_count_idx on replay_session (event_count desc, id desc);

-- "contains" searches (ILIKE '%…%') over URLs and users; pg_trgm is a trusted extension, so the
-- database owner may create it
create extension if not exists pg_trgm;
create index if not exists replay_session_first_url_trgm_idx on replay_session using gin (first_url gin_trgm_ops);
create index if not exists replay_session_user_trgm_idx on replay_session using gin
  ((coalesce(user_id, '') || E'\n' || coalesce(user_name, '') || E'\n' || coalesce(user_email, '')) gin_trgm_ops);
create index if not exists session_view_url_trgm_idx on session_view using gin (url gin_trgm_ops);
