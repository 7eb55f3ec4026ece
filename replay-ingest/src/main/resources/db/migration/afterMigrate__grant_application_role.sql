-- Runs after every migration run, as the role that runs the migrations (the owner of the schema's
-- objects). When the application connects as a role of its own (spring.datasource.username, given
-- here as the placeholder appRole by MigrationRoleConfiguration), that role gets what the application
-- needs on every table and sequence, new ones included, and no more: it owns nothing, so it cannot
-- disable triggers or alter tables, and on audit_event it may only insert and read (ADR 0014).
-- When the application connects as the owner itself, nothing is granted or revoked.
do $$
declare
  app_role text := '${appRole}';
begin
  if app_role = '' or app_role = current_user or not exists (select from pg_roles where rolname = app_role) then
    return;
  end if;
  execute format('grant usage on schema %I to %I', current_schema(), app_role);
  execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), app_role);
  execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), app_role);
  -- the audit trail is append-only: the triggers refuse changes, and without these privileges the
  -- application's role could not even ask
  execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', app_role);
  -- the migrations' own history is none of the application's business
  execute format('revoke all on %I from %I', '${flyway:table}', app_role);
end
$$;
