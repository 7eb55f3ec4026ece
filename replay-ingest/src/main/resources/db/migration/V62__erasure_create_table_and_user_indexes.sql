-- Erasures of a person: every session whose user (as the recorder's identify or Datadog RUM named it)
-- has the id or email given, deleted in batches by a background job that picks up where it stopped
-- after a restart (ADR 0027).
create table erasure (
  id uuid primary key,
  -- null: every application
  application_id uuid references application (id) on delete cascade,
  subject_kind text not null check (subject_kind in ('user_id', 'email')),
  -- SHA-256 (hex) of the kind, a colon and the value (an email in lower case): what is kept of the person
  subject_sha256 text not null check (subject_sha256 ~ '^[0-9a-f]{64}$'),
  -- the value itself, needed to find the sessions while the erasure runs and forgotten when it completes
  subject text,
  requested_by text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'completed')),
  sessions_found integer not null,
  sessions_erased integer not null default 0,
  batches integer not null default 0,
  requested_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  constraint erasure_subject_until_completed check ((status = 'completed') = (subject is null))
);

-- what the job asks on every pass: is an erasure left to do
create index erasure_unfinished_idx on erasure (requested_at) where status <> 'completed';

-- finding a person's sessions by the user their recorder or RUM named; emails ignore case
create index replay_session_user_id_idx on replay_session (user_id) where user_id is not null;
create index replay_session_user_email_idx on replay_session (lower(user_email)) where user_email is not null;
create index rum_session_user_id_idx on rum_session (user_id) where user_id is not null;
create index rum_session_user_email_idx on rum_session (lower(user_email)) where user_email is not null;
