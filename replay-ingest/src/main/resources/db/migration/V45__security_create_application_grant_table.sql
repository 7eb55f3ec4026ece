-- Which applications' sessions a user may see (ADR 0013): every application while
-- all_applications is true (the default, so existing and new users keep seeing everything),
-- otherwise only those listed in application_grant. Admins see every application whatever
-- is stored here. A team could later be granted the same way with a team_id column.
alter table app_user add column all_applications boolean not null default true;

create table application_grant (
  user_id uuid not null references app_user (id) on delete cascade,
  application_id uuid not null references application (id) on delete cascade,
  granted_at timestamptz not null default now(),
  primary key (user_id, application_id)
);

create index application_grant_application_idx on application_grant (application_id);
