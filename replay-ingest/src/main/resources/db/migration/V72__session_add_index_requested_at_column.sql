-- When the session was last asked to be indexed again (a redaction rule changed what it may show): an
-- indexing that began before such a request does not mark the session indexed, so it is indexed again.
alter table replay_session add column index_requested_at timestamptz;
