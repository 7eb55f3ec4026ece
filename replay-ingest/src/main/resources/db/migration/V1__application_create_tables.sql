-- Applications that recordings belong to, and the client tokens that may write to them.
create table application (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table client_token (
  id uuid primary key,
  name text not null check (length(name) between 1 and 200),
  token text not null unique check (length(token) between 8 and 200),
  all_applications boolean not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table client_token_application (
  client_token_id uuid not null references client_token (id) on delete cascade,
  application_id uuid not null references application (id) on delete cascade,
  primary key (client_token_id, application_id)
);

create index client_token_application_application_idx on client_token_application (application_id);
