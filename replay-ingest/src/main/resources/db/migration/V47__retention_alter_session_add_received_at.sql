-- Retention counts from when the server last received a segment of a session, never from the
-- timestamps a client put in it (ADR 0015). Existing rows take their end, or their last update
-- when the client's end lies later than that.
alter table replay_session add column received_at timestamptz;

update replay_session set received_at = least(ended_at, updated_at);

alter table replay_session alter column received_at set default now();
alter table replay_session alter column received_at set not null;

drop index replay_session_application_ended_idx;
create index replay_session_application_received_idx on replay_session (application_id, received_at);
