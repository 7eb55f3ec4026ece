-- Holds keep a session past its application's retention, one row per holder (a playlist holds
-- its sessions as 'playlist:<id>'), so that retention reads only the recording side's own tables
-- (ADR 0019). The playlists' items become holds; from now on the playlists set and release them.
create table session_hold (
  session_id text not null references replay_session (id) on delete cascade,
  holder text not null check (length(holder) between 1 and 200),
  held_at timestamptz not null default now(),
  primary key (session_id, holder)
);

-- releasing every hold of a deleted playlist finds them by holder
create index session_hold_holder_idx on session_hold (holder);

insert into session_hold (session_id, holder, held_at)
select session_id, 'playlist:' || playlist_id, added_at from playlist_item;
