-- Redaction rules: what every read of a session masks (ADR 0028). A rule without a session holds for
-- every session of its application, those recorded later included. Rules are only added; the recorded
-- bytes they mask are never rewritten.
create table redaction_rule (
  id uuid primary key,
  application_id uuid not null references application (id),
  session_id text references replay_session (id) on delete cascade,
  text text check (text is null or length(text) between 1 and 500),
  selector text check (selector is null or length(selector) between 1 and 500),
  created_by text not null,
  created_at timestamptz not null default now(),
  check (text is not null or selector is not null)
);

-- every read of a session looks up its own rules and its application's
create index redaction_rule_application_session on redaction_rule (application_id, session_id);
