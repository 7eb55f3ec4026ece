-- What the timeline indexer last saw of a session, and the figures of its timeline summary.
alter table replay_session
  add column indexed_at timestamptz,
  -- the session's updated_at when it was indexed: a newer segment makes them differ
  add column indexed_version timestamptz,
  add column indexed_event_count bigint,
  add column click_count integer,
  add column rage_click_count integer,
  add column dead_click_count integer,
  add column input_count integer,
  add column error_count integer,
  add column active_duration_ms bigint,
  add column timeline_summary jsonb;

create index replay_session_unindexed_idx on replay_session (updated_at)
  where indexed_version is distinct from updated_at;
create index replay_session_errors_idx on replay_session (started_at desc, id) where error_count > 0;
create index replay_session_rage_clicks_idx on replay_session (started_at desc, id) where rage_click_count > 0;
