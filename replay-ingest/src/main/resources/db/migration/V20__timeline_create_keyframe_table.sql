-- Keyframes: the page state at moments of a session, so that playback can start anywhere.
create table keyframe (
  session_id text not null references replay_session (id) on delete cascade,
  offset_ms bigint not null,
  event_timestamp timestamptz not null,
  next_event_index bigint not null,
  -- how many events of the merged stream at event_timestamp the keyframe already includes
  included_at_timestamp integer not null,
  -- gzip of the keyframe's events as one JSON array
  events bytea not null,
  -- gzip of a JSON array: the sensitive values typed before the keyframe, which playback
  -- from the keyframe masks where the page shows them later; never served
  masked_values bytea not null,
  unique (session_id, offset_ms)
);

-- events are already compressed: keep them out of line without a second compression
alter table keyframe alter column events set storage external;
