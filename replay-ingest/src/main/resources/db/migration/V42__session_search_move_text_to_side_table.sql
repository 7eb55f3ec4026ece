-- The searchable text of a session (its first URL, and its user's id, name and email) moves to a side
-- table written only when that text changes. Its trigram indexes were on replay_session, whose row
-- every ingest commit updates: each update inserted every trigram of the URL and the user again.
create table session_search (
  session_id text primary key references replay_session (id) on delete cascade,
  first_url text,
  user_text text not null
);

create function session_search_sync() returns trigger language plpgsql as $$
begin
  insert into session_search (session_id, first_url, user_text)
  values (new.id, new.first_url,
          coalesce(new.user_id, '') || E'\n' || coalesce(new.user_name, '') || E'\n' || coalesce(new.user_email, ''))
  on conflict (session_id) do update set first_url = excluded.first_url, user_text = excluded.user_text;
  return null;
end
$$;

create trigger replay_session_search_insert after insert on replay_session
  for each row when (new.first_url is not null or new.user_id is not null or new.user_name is not null
                     or new.user_email is not null)
  execute function session_search_sync();

create trigger replay_session_search_update after update of first_url, user_id, user_name, user_email
  on replay_session
  for each row when (new.first_url is distinct from old.first_url or new.user_id is distinct from old.user_id
                     or new.user_name is distinct from old.user_name or new.user_email is distinct from old.user_email)
  execute function session_search_sync();

insert into session_search (session_id, first_url, user_text)
select id, first_url, coalesce(user_id, '') || E'\n' || coalesce(user_name, '') || E'\n' || coalesce(user_email, '')
from replay_session
where first_url is not null or user_id is not null or user_name is not null or user_email is not null;

drop index if exists replay_session_first_url_trgm_idx;
drop index if exists replay_session_user_trgm_idx;
create index session_search_first_url_trgm_idx on session_search using gin (first_url gin_trgm_ops);
create index session_search_user_trgm_idx on session_search using gin (user_text gin_trgm_ops);
