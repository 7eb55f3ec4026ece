-- A segment row holds only what playback and deduplication need, so that with the bytes in an
-- object store a segment costs PostgreSQL well under 200 bytes of table and index (ADR 0024):
-- the session by an 8-byte number instead of its text id, the deduplication key as the first
-- 8 bytes of its SHA-256, format and encoding as enums, one index (the primary key) for both
-- deduplication and reading a session's segments. The sums the segments added to their session
-- (events, bytes, full snapshot) and their views are kept in the session's rows, not here.
alter table replay_session add column number bigint generated always as identity;
alter table replay_session add constraint replay_session_number_key unique (number);

create type segment_format as enum ('rrweb', 'datadog-browser', 'datadog-mobile');
create type content_encoding as enum ('identity', 'gzip', 'zlib', 'deflate-raw');

alter table segment rename to segment_wide;
alter index segment_pkey rename to segment_wide_pkey;
alter index segment_object_idx rename to segment_wide_object_idx;

create table segment (
  session_number bigint not null references replay_session (number) on delete cascade,
  dedup_hash bigint not null,
  first_event_at timestamptz not null,
  last_event_at timestamptz not null,
  object_id bigint references stored_object (id),
  object_offset bigint,
  sequence integer,
  object_length integer,
  checksum integer,
  format segment_format not null,
  encoding content_encoding not null,
  body bytea,
  constraint segment_pkey primary key (session_number, dedup_hash),
  constraint segment_bytes_somewhere check ((body is not null) <> (object_id is not null))
);

-- bodies are already compressed: keep them out of line without a second compression
alter table segment alter column body set storage external;

insert into segment (session_number, dedup_hash, first_event_at, last_event_at, object_id, object_offset, sequence,
    object_length, checksum, format, encoding, body)
select r.number, ('x' || left(encode(sha256(convert_to(w.dedup_key, 'UTF8')), 'hex'), 16))::bit(64)::bigint,
       w.first_event_at, w.last_event_at, w.object_id, w.object_offset, w.sequence, w.object_length, w.checksum,
       w.format::segment_format, w.encoding::content_encoding, w.body
from segment_wide w join replay_session r on r.id = w.session_id
order by r.number, w.first_event_at
on conflict do nothing;

drop table segment_wide;

-- what the object sweep asks: does any segment still point into this object
create index segment_object_idx on segment (object_id) where object_id is not null;
