// Entry point of the sign-in page (/login?next=<path>): gets a CSRF token, posts the form to the
// API's sign-in endpoint, and goes where the user was going.

import { api, safeNext } from './api.js';
import { describeError } from './dom.js';

const form = document.getElementById('sign-in');
const status = document.getElementById('sign-in-status');
const submit = document.getElementById('sign-in-submit');
const next = safeNext(new URLSearchParams(window.location.search).get('next') ?? '/');

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
  form.addEventListener('submit', signIn);
  submit.disabled = false;
  document.body.dataset.state = 'ready';
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
