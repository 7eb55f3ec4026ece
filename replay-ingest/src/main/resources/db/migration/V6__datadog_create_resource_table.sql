-- Images uploaded by the Datadog mobile SDKs, once per application and resource id.
create table replay_resource (
  application_id uuid not null references application (id) on delete cascade,
  id text not null check (length(id) between 1 and 128),
  content_type text not null,
  size integer not null,
  body bytea not null,
  received_at timestamptz not null default now(),
  primary key (application_id, id)
);

-- images are already compressed
alter table replay_resource alter column body set storage external;
