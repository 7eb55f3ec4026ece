-- Tombstones of deleted and erased sessions: the intake refuses a segment of a session id found here
-- (410), so that what was deleted stays gone (ADR 0027). Retention leaves none.
create table session_tombstone (
  session_id text primary key,
  application_id uuid not null references application (id) on delete cascade,
  buried_at timestamptz not null default now()
);
