-- Playlists of sessions and their items, kept in the order they were added.
create table playlist (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 200),
  description text check (length(description) <= 2000),
  owner_id uuid references app_user (id) on delete set null,
  owner_username text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index playlist_owner_idx on playlist (owner_id);
create index playlist_name_idx on playlist (lower(name));

create table playlist_item (
  id bigint generated always as identity primary key,
  playlist_id bigint not null references playlist (id) on delete cascade,
  session_id text not null references replay_session (id) on delete cascade,
  added_by text not null,
  added_at timestamptz not null default now(),
  unique (playlist_id, session_id)
);

create index playlist_item_session_idx on playlist_item (session_id);
