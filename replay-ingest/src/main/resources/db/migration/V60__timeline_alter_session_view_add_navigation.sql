-- Views that open with an in-page navigation of a single-page app (our recorder script records them
-- as navigation events, within one page view's segments). The timeline indexer finds them in the
-- recording and replaces them at each pass; the other views are those that segments name, which
-- ingest writes. Both serve the views endpoint and the search by URL.
alter table session_view add column navigation boolean not null default false;
