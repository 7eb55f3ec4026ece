-- People who sign in to watch recordings.
create table app_user (
  id uuid primary key,
  username text not null unique check (length(username) between 1 and 100),
  password_hash text not null,
  role text not null check (role in ('viewer', 'editor', 'admin')),
  created_at timestamptz not null default now()
);
