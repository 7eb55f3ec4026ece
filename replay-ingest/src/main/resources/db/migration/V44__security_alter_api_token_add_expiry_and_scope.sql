-- Personal API tokens may expire, and may be limited to reading: a read-only token can only
-- make safe requests (GET, HEAD), whatever its owner's role. Tokens issued before keep no
-- expiry and the full scope, as they had.
alter table api_token
  add column expires_at timestamptz,
  add column scope text not null default 'full' check (scope in ('full', 'read-only'));
