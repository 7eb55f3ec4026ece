-- Which images of its application a mobile session shows, recorded each time the session is indexed, so
-- that an image is deleted once no stored session shows it (ADR 0027).
create table session_image (
  session_id text not null references replay_session (id) on delete cascade,
  application_id uuid not null,
  resource_id text not null,
  primary key (session_id, resource_id)
);

create index session_image_resource_idx on session_image (application_id, resource_id);

-- images whose sessions were erased, deleted or expired: deleted by a job once no stored session shows them
create table image_release (
  application_id uuid not null references application (id) on delete cascade,
  resource_id text not null,
  queued_at timestamptz not null default now(),
  primary key (application_id, resource_id)
);

-- mobile sessions indexed before: indexed again, so that they record the images they show
update replay_session r set indexed_version = null
where exists (select 1 from segment s where s.session_number = r.number and s.format = 'datadog-mobile');
