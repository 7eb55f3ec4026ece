-- Recorded sessions, their page views and the segments that carry their events.
create table replay_session (
  id text primary key,
  application_id uuid not null references application (id),
  source text not null,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  segment_count integer not null default 0,
  event_count bigint not null default 0,
  stored_bytes bigint not null default 0,
  has_full_snapshot boolean not null default false,
  first_url text,
  user_agent text,
  user_id text,
  user_name text,
  user_email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index replay_session_application_started_idx on replay_session (application_id, started_at desc, id);
create index replay_session_started_idx on replay_session (started_at desc, id);

create table session_view (
  session_id text not null references replay_session (id) on delete cascade,
  id text not null,
  url text,
  started_at timestamptz not null,
  primary key (session_id, id)
);

create table segment (
  id bigint generated always as identity primary key,
  session_id text not null references replay_session (id) on delete cascade,
  dedup_key text not null,
  sequence integer,
  view_id text,
  format text not null check (format in ('rrweb')),
  encoding text not null check (encoding in ('identity', 'gzip', 'zlib', 'deflate-raw')),
  first_event_at timestamptz not null,
  last_event_at timestamptz not null,
  event_count integer not null,
  has_full_snapshot boolean not null,
  received_bytes integer not null,
  body bytea not null,
  received_at timestamptz not null default now(),
  unique (session_id, dedup_key)
);

create index segment_session_first_event_idx on segment (session_id, first_event_at);

-- bodies are already compressed: keep them out of line without a second compression
alter table segment alter column body set storage external;
