-- Who watched which session, when and from where.
create table watch_entry (
  id bigint generated always as identity primary key,
  session_id text not null references replay_session (id) on delete cascade,
  user_id uuid not null references app_user (id) on delete cascade,
  watched_at timestamptz not null default now(),
  context text not null check (context in ('player', 'embed', 'api'))
);

create index watch_entry_session_user_idx on watch_entry (session_id, user_id, watched_at);
create index watch_entry_user_watched_idx on watch_entry (user_id, watched_at desc, id desc);
