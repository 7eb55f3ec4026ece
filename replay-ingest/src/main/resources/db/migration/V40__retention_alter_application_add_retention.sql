-- How long each application's sessions are kept, and the index that lets the retention job
-- find expired sessions without scanning the table (playlist_item_session_idx finds pins).
alter table application
  add column retention_days integer not null default 30 check (retention_days between 1 and 3650);

create index replay_session_application_ended_idx on replay_session (application_id, ended_at);
