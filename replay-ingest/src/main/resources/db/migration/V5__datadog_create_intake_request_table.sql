-- Datadog request ids (dd-request-id / DD-REQUEST-ID) already handled, so that a retried upload is stored once.
create table intake_request (
  application_id uuid not null references application (id) on delete cascade,
  request_id text not null check (length(request_id) between 1 and 128),
  received_at timestamptz not null default now(),
  primary key (application_id, request_id)
);

create index intake_request_received_idx on intake_request (received_at);
