-- A user's browser sessions remember the version they signed in with; a new password
-- (changed by the user or reset by an admin) takes the next version, which ends every
-- session signed in before it. Read on each request of a session by the primary key.
alter table app_user add column session_version integer not null default 0;
