-- Users who sign in with OpenID Connect single sign-on: linked to the provider by its issuer and
-- the subject (`sub`) it gives them, never by name or email; they have no local password.
alter table app_user
  add column sso_issuer text check (length(sso_issuer) between 1 and 2000),
  add column sso_subject text check (length(sso_subject) between 1 and 255),
  alter column password_hash drop not null,
  add constraint app_user_sso_subject_key unique (sso_issuer, sso_subject),
  add constraint app_user_sso_link_check check ((sso_issuer is null) = (sso_subject is null)),
  -- every user can sign in one way or the other
  add constraint app_user_sign_in_check check (password_hash is not null or sso_subject is not null);
