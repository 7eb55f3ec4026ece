-- Lets the retention job find, by index, the RUM summaries of sessions that had no replay.
create index rum_session_application_last_idx on rum_session (application_id, last_event_ms);
