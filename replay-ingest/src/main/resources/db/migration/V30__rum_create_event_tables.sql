-- RUM events of a session in typed columns (the raw event beside them), and what they tell about the
-- session. RUM may arrive before the first replay segment or for sessions without replay, so neither
-- table refers to replay_session; triggers below keep them in step with it.
create table rum_event (
  id bigint generated always as identity primary key,
  session_id text not null,
  application_id uuid not null references application (id) on delete cascade,
  -- the raw batch the event came in; null for events derived from a replay recording
  batch_id bigint references rum_batch (id) on delete cascade,
  origin text not null check (origin in ('datadog', 'recorder')),
  type text not null check (type ~ '^[a-z_]{1,32}$'),
  -- the event's own id (error.id, action.id, view.id, ...): a repeat of an event is stored once
  event_key text,
  time_ms bigint not null,
  view_id text,
  view_url text,
  view_name text,
  document_version bigint,
  error_message text,
  error_source text,
  error_type text,
  error_stack text,
  console_level text,
  action_type text,
  action_name text,
  frustration_types text[],
  resource_url text,
  resource_method text,
  resource_status integer,
  resource_type text,
  resource_size bigint,
  -- resource, long task and action durations
  duration_ms double precision,
  loading_time_ms double precision,
  first_contentful_paint_ms double precision,
  largest_contentful_paint_ms double precision,
  cumulative_layout_shift double precision,
  interaction_to_next_paint_ms double precision,
  first_input_delay_ms double precision,
  raw jsonb not null,
  unique (session_id, type, event_key)
);

create index rum_event_session_time_idx on rum_event (session_id, time_ms, id);
create index rum_event_session_type_time_idx on rum_event (session_id, type, time_ms, id);

create table rum_session (
  session_id text primary key,
  application_id uuid not null references application (id) on delete cascade,
  first_event_ms bigint not null,
  last_event_ms bigint not null,
  first_url text,
  last_url text,
  user_id text,
  user_name text,
  user_email text,
  user_anonymous_id text,
  device_type text,
  device_name text,
  os_name text,
  os_version text,
  browser_name text,
  browser_version text,
  country text,
  view_count integer not null default 0,
  error_count integer not null default 0,
  action_count integer not null default 0,
  frustration_count integer not null default 0,
  rage_click_count integer not null default 0,
  dead_click_count integer not null default 0,
  error_click_count integer not null default 0,
  updated_at timestamptz not null default now()
);

create index rum_session_errors_idx on rum_session (session_id) where error_count > 0;
create index rum_session_rage_clicks_idx on rum_session (session_id) where rage_click_count > 0;

-- the user of a session, as recorders and RUM name them
alter table replay_session add column if not exists user_name text;
alter table replay_session add column if not exists user_email text;

-- a session first seen through RUM takes the user RUM named when its first segment arrives
create function replay_session_user_from_rum() returns trigger language plpgsql as $$
declare
  rum rum_session%rowtype;
begin
  if new.user_id is null or new.user_name is null or new.user_email is null then
    select * into rum from rum_session where session_id = new.id;
    if found then
      new.user_id := coalesce(new.user_id, rum.user_id);
      new.user_name := coalesce(new.user_name, rum.user_name);
      new.user_email := coalesce(new.user_email, rum.user_email);
    end if;
  end if;
  return new;
end
$$;

create trigger replay_session_user_from_rum before insert on replay_session
  for each row execute function replay_session_user_from_rum();

-- deleting a session deletes what RUM said about it
create function replay_session_delete_rum() returns trigger language plpgsql as $$
begin
  delete from rum_event where session_id = old.id;
  delete from rum_session where session_id = old.id;
  return old;
end
$$;

create trigger replay_session_delete_rum after delete on replay_session
  for each row execute function replay_session_delete_rum();
