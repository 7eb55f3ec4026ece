-- Share links: each plays one session without signing in until it expires or is revoked. Only the
-- SHA-256 of a link's secret is kept; the secret itself is shown once, in the link's URL. The
-- session is named by its id without a foreign key: the recording side owns its tables and may
-- delete the session, after which the link finds nothing to play.
create table share_link (
  id uuid primary key,
  session_id text not null,
  application_id uuid not null,
  token_hash text not null unique,
  start_at_ms bigint check (start_at_ms >= 0),
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check (expires_at > created_at)
);

-- the links of a session, newest first
create index share_link_session_idx on share_link (session_id, created_at);
