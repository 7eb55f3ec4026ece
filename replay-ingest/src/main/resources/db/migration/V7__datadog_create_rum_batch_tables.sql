-- Datadog RUM and log event batches, kept raw so that nothing sent through the intake is lost.
create table rum_batch (
  id bigint generated always as identity primary key,
  request_id text unique check (length(request_id) between 1 and 128),
  application_id uuid references application (id) on delete cascade,
  track text not null check (track in ('rum', 'logs')),
  encoding text not null check (encoding in ('identity', 'gzip', 'zlib', 'deflate-raw')),
  received_bytes integer not null,
  line_count integer not null,
  skipped_lines integer not null,
  body bytea not null,
  received_at timestamptz not null default now()
);

create index rum_batch_application_idx on rum_batch (application_id, received_at);

alter table rum_batch alter column body set storage external;

create table rum_batch_session (
  batch_id bigint not null references rum_batch (id) on delete cascade,
  session_id text not null,
  primary key (batch_id, session_id)
);

create index rum_batch_session_session_idx on rum_batch_session (session_id);
