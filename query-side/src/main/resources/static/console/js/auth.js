// Signing in: OpenID Connect authorization code with PKCE (S256) as a public client, or the local profile's dev
// sign-in. The access token is kept in this tab only (sessionStorage) and sent as a bearer token to the API, which
// decides what it may do; the roles read here only choose what the pages offer.

const SESSION = 'jangteo.console.session';
const PENDING = 'jangteo.console.pkce';
export const ROLES = ['CLIENT', 'ANALYST', 'AUDITOR', 'ADMIN'];

export function redirectUri() {
  return `${location.origin}/console/`;
}

/** The signed-in user {token, subject, roles, expiresAt, via}, or null (none, or expired). */
export function session() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!stored || stored.expiresAt * 1000 <= Date.now()) return null;
  return stored;
}

export function hasAnyRole(roles) {
  const current = session();
  return !!current && roles.some(role => current.roles.includes(role));
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}

function claims(token) {
  const part = token.split('.')[1];
  if (!part) throw new Error('The sign-in answered a token that is not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - base64.length % 4) % 4)), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function keep(token, via) {
  const payload = claims(token);
  const roles = Array.isArray(payload.roles) ? payload.roles.filter(role => ROLES.includes(role)) : [];
  const current = {token, subject: payload.sub, roles, expiresAt: payload.exp, via};
  sessionStorage.setItem(SESSION, JSON.stringify(current));
  return current;
}

/** The local profile's sign-in: the app itself signs a token for that user and those roles. */
export async function devSignIn(subject, roles) {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({subject, roles})
  });
  if (!response.ok) throw await problemOf(response);
  return keep((await response.json()).token, 'dev');
}

async function problemOf(response) {
  const error = new Error(`Sign-in refused (${response.status})`);
  error.status = response.status;
  try { error.problem = await response.json(); } catch { /* not JSON */ }
  return error;
}

function randomText(bytes = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The sign-in provider ${issuer} did not describe itself (${response.status})`);
  return response.json();
}

/** Leaves for the provider's sign-in page; it comes back to /console/ with a code. */
export async function startOidc(config, returnTo) {
  const provider = await discover(config.issuer);
  const verifier = randomText(48);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const pending = {verifier, state: randomText(), nonce: randomText(), tokenEndpoint: provider.token_endpoint,
                   returnTo: returnTo || '#/'};
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256'
  });
  location.assign(`${provider.authorization_endpoint}?${params}`);
}

/**
 * Back from the provider (?code=...&state=...): trades the code and the verifier for tokens. Answers the page to
 * show next, or null when this load is not a return from the provider.
 */
export async function completeOidc(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri());
  if (params.has('error')) {
    throw new Error(`The sign-in provider refused: ${params.get('error_description') || params.get('error')}`);
  }
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('This sign-in answer was not asked for here (state does not match); sign in again');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'),
                               redirect_uri: redirectUri(), client_id: config.clientId,
                               code_verifier: pending.verifier})
  });
  if (!response.ok) throw new Error(`The sign-in provider did not give a token (${response.status})`);
  const tokens = await response.json();
  if (tokens.id_token && claims(tokens.id_token).nonce !== pending.nonce) {
    throw new Error('The identity token was not issued for this sign-in (nonce does not match)');
  }
  keep(tokens.access_token, 'oidc');
  return pending.returnTo;
}
