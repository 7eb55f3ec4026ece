-- whether a share link shows the session's developer tools (its RUM events and assets) besides its replay
alter table share_link add column devtools boolean not null default false;
