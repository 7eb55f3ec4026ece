-- The page of one site user lists their sessions newest first and sums their figures: an
-- exact lookup by user id, which the trigram index of the user text does not serve.
create index replay_session_user_idx on replay_session (user_id, started_at desc, id desc) where user_id is not null;
