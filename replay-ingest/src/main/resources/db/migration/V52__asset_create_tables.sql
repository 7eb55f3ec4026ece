-- Captured assets: the stylesheets, fonts and images that recorded pages referenced, fetched once per
-- application after the recording was stored and kept by the SHA-256 of their bytes, so that a replay
-- looks as the page did when it was recorded (ADR 0025).

-- the bytes, once per application and content: in the row, or in an object of the object store
create table asset_content (
  application_id uuid not null references application (id) on delete cascade,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null,
  size integer not null,
  body bytea,
  object_id bigint references stored_object (id),
  checksum integer,
  created_at timestamptz not null default now(),
  primary key (application_id, sha256),
  constraint asset_content_bytes_somewhere check ((body is not null) <> (object_id is not null))
);

alter table asset_content alter column body set storage external;
create index asset_content_object_idx on asset_content (object_id) where object_id is not null;

-- each URL an application's recordings referenced, and what fetching it last gave
create table asset_url (
  id bigint generated always as identity primary key,
  application_id uuid not null references application (id) on delete cascade,
  url text not null,
  kind text not null check (kind in ('stylesheet', 'font', 'image')),
  status text not null default 'pending' check (status in ('pending', 'captured', 'failed')),
  failure text,
  sha256 text,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  fetched_at timestamptz,
  -- when the URL is next due: pending, refreshed after replay.assets.refresh-after, or retried
  due_at timestamptz,
  attempts integer not null default 0,
  unique (application_id, url)
);

create index asset_url_due_idx on asset_url (due_at) where due_at is not null;
create index asset_url_content_idx on asset_url (application_id, sha256) where sha256 is not null;

-- the URLs that a captured stylesheet references in turn (fonts, images, imports): assets of every session
-- that references the stylesheet
create table asset_reference (
  asset_url_id bigint not null references asset_url (id) on delete cascade,
  referenced_url_id bigint not null references asset_url (id) on delete cascade,
  primary key (asset_url_id, referenced_url_id)
);

create index asset_reference_referenced_idx on asset_reference (referenced_url_id);

-- which URLs a session referenced, and the version of each it saw (null until captured)
create table session_asset (
  session_id text not null references replay_session (id) on delete cascade,
  asset_url_id bigint not null references asset_url (id) on delete cascade,
  sha256 text,
  primary key (session_id, asset_url_id)
);

create index session_asset_url_idx on session_asset (asset_url_id);

-- the origins of an application's recorded pages: where its assets may be fetched from, unless the
-- application names its own list
create table application_page_origin (
  application_id uuid not null references application (id) on delete cascade,
  origin text not null,
  first_seen_at timestamptz not null default now(),
  primary key (application_id, origin)
);

alter table application add column asset_origins text[];

alter table stored_object drop constraint stored_object_kind_check;
alter table stored_object add constraint stored_object_kind_check check (kind in ('b', 's', 'k', 'r', 'a'));
