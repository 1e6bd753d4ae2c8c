// The API, called with the signed-in user's bearer token. Refusals become ApiErrors carrying the problem+json.

import {session, signOut} from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function headers(accept, extra = {}) {
  const current = session();
  const all = {Accept: accept, ...extra};
  if (current) all.Authorization = `Bearer ${current.token}`;
  return all;
}

async function refusal(response) {
  let problem = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try { problem = await response.json(); } catch { /* empty body */ }
  }
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('jangteo:signed-out'));
  }
  return new ApiError(response.status, problem || {title: response.statusText || 'Request failed'});
}

/** GET (or another method) answering parsed JSON; throws ApiError for any 4xx or 5xx. */
export async function api(path, {method = 'GET', body, signal} = {}) {
  const response = await fetch(path, {
    method, signal,
    headers: headers('application/json', body === undefined ? {} : {'Content-Type': 'application/json'}),
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) throw await refusal(response);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The raw answer of a GET with another Accept (the audit feed's NDJSON export). */
export async function download(path, accept) {
  const response = await fetch(path, {headers: headers(accept)});
  if (!response.ok) throw await refusal(response);
  return response.blob();
}

/**
 * Server-sent events from a GET, read from the fetch body (EventSource cannot send a bearer token): calls
 * onEvent(name, data) for each event until the stream ends or signal aborts. Resolves when the server ends it.
 */
export async function stream(path, onEvent, signal) {
  const response = await fetch(path, {headers: headers('text/event-stream'), signal});
  if (!response.ok) throw await refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
