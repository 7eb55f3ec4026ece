-- Datadog segments are stored as received (zlib) and converted to rrweb on read.
alter table segment drop constraint segment_format_check;
alter table segment add constraint segment_format_check
  check (format in ('rrweb', 'datadog-browser', 'datadog-mobile'));
