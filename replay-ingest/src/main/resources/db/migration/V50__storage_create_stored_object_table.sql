-- Objects of the object store (replay.storage.kind = s3) that hold recorded bytes: a batch of
-- segments uploaded by one group commit, the segments of one session after compaction, a keyframe
-- or an image. Rows point into an object with an offset and a length; an object that no row points
-- to any more is deleted by the sweep. With replay.storage.kind = postgres the table stays empty.
create table stored_object (
  id bigint generated always as identity primary key,
  key text not null unique,
  -- 'b' a group-commit batch, 's' one session's segments, 'k' keyframes, 'r' an image
  kind char(1) not null check (kind in ('b', 's', 'k', 'r')),
  size bigint not null,
  created_at timestamptz not null default now(),
  -- when compaction moved the last rows that pointed into it elsewhere: a reader that found the rows
  -- before may still be reading it, so the sweep counts the grace period from then
  released_at timestamptz
);

-- A segment's bytes are either in its row (body) or in an object (object_id, offset, length), with
-- the CRC-32C of those bytes to check what the store returns.
alter table segment alter column body drop not null;
alter table segment add column object_id bigint references stored_object (id);
alter table segment add column object_offset bigint;
alter table segment add column object_length integer;
alter table segment add column checksum integer;
alter table segment add constraint segment_bytes_somewhere
  check ((body is not null) <> (object_id is not null));
create index segment_object_idx on segment (object_id) where object_id is not null;

alter table keyframe alter column events drop not null;
alter table keyframe add column object_id bigint references stored_object (id);
alter table keyframe add column object_offset bigint;
alter table keyframe add column object_length integer;
alter table keyframe add column checksum integer;
alter table keyframe add constraint keyframe_bytes_somewhere
  check ((events is not null) <> (object_id is not null));
create index keyframe_object_idx on keyframe (object_id) where object_id is not null;

alter table replay_resource alter column body drop not null;
alter table replay_resource add column object_id bigint references stored_object (id);
alter table replay_resource add column checksum integer;
alter table replay_resource add constraint replay_resource_bytes_somewhere
  check ((body is not null) <> (object_id is not null));
create index replay_resource_object_idx on replay_resource (object_id) where object_id is not null;

-- The version (updated_at) of a session whose segments were last rewritten into one object of
-- their own; sessions whose segments are still in batch objects or in their rows differ from it.
alter table replay_session add column compacted_version timestamptz;
