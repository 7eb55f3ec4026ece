// Entry point of the sign-in page (/login?next=<path>): gets a CSRF token, posts the form to the
// API's sign-in endpoint, and goes where the user was going. When the server has an OpenID provider
// configured, a "Sign in with <provider>" button starts single sign-on instead (the server brings
// the browser back to `next`); /login?error=sso is where a failed single sign-on ends.

import { api, safeNext } from './api.js';
import { describeError } from './dom.js';

const form = document.getElementById('sign-in');
const status = document.getElementById('sign-in-status');
const submit = document.getElementById('sign-in-submit');
const params = new URLSearchParams(window.location.search);
const next = safeNext(params.get('next') ?? '/');

start();

async function start() {
  // Already signed in (a cookie session, or HTTP Basic sent by a script's browser): go on.
  try {
    await api('/api/v1/me', { redirectOn401: false });
    window.location.replace(next);
    return;
  } catch (error) {
    // not signed in
  }
  try {
    await api('/api/v1/auth/csrf', { redirectOn401: false });
  } catch (error) {
    show(describeError(error), true);
  }
  const options = await signInOptions();
  if (options.singleSignOn) {
    offerSingleSignOn(options.singleSignOn, options.localSignIn);
  }
  if (params.get('error') === 'sso') {
    show('Single sign-on did not work. Try again, or ask an administrator.', true);
  }
  if (options.localSignIn) {
    form.addEventListener('submit', signIn);
    submit.disabled = false;
  } else {
    document.getElementById('local-sign-in').hidden = true;
    form.addEventListener('submit', (event) => event.preventDefault());
  }
  document.body.dataset.state = 'ready';
}

/** The ways to sign in that the server offers; the password form alone if it cannot say. */
async function signInOptions() {
  try {
    return await api('/api/v1/auth/sign-in-options', { redirectOn401: false });
  } catch (error) {
    return { localSignIn: true, singleSignOn: null };
  }
}

function offerSingleSignOn({ name, url }, alsoLocal) {
  const link = document.getElementById('sso-sign-in');
  const target = new URL(url, window.location.origin);
  if (next !== '/') {
    target.searchParams.set('next', next);
  }
  link.href = target.pathname + target.search;
  link.textContent = `Sign in with ${name}`;
  document.getElementById('sso').hidden = false;
  document.getElementById('sign-in-divider').hidden = !alsoLocal;
  if (!alsoLocal) {
    link.focus();
  }
}

async function signIn(event) {
  event.preventDefault();
  const data = new FormData(form);
  submit.disabled = true;
  show('Signing in…');
  try {
    await api('/api/v1/auth/sign-in', {
      method: 'POST',
      form: { username: data.get('username'), password: data.get('password') },
      redirectOn401: false,
    });
    window.location.assign(next);
  } catch (error) {
    show(error.status === 401 ? 'The user name or password is wrong.' : describeError(error), true);
    form.elements.password.value = '';
    form.elements.password.focus();
    submit.disabled = false;
  }
}

function show(message, error = false) {
  status.textContent = message;
  status.classList.toggle('is-error', error);
}
