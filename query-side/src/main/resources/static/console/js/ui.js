// Small DOM helpers shared by the pages: elements, messages, confirmation, tables and formats.

/** An element: h('a', {href: '#/'}, 'text', child...). Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'text') {
      element.textContent = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A polite message in the status region (screen readers read it), and the alert cleared. */
export function announce(message) {
  document.getElementById('alert').hidden = true;
  document.getElementById('status').textContent = message;
}

/** An error in the alert region: the API's problem title, detail and code, or the error's message. */
export function showError(error) {
  const alert = document.getElementById('alert');
  document.getElementById('status').textContent = '';
  alert.textContent = describe(error);
  alert.hidden = false;
}

export function clearMessages() {
  document.getElementById('status').textContent = '';
  const alert = document.getElementById('alert');
  alert.textContent = '';
  alert.hidden = true;
}

export function describe(error) {
  if (error && error.problem) {
    const p = error.problem;
    return `${p.title || 'Refused'} (${error.status}${p.code ? ' ' + p.code : ''})${p.detail ? ': ' + p.detail : ''}`;
  }
  return error && error.message ? error.message : String(error);
}

/** Asks before an action that changes something; resolves true when confirmed. */
export function confirmAction(title, text, confirmLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true});
    dialog.showModal();
  });
}

/** A table with a caption; columns are {label, value(row), num?}; value may return a node. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) return h('p', {class: 'muted'}, empty);
  // Explicit roles keep the table a table to screen readers where a phone's style shows each row as a card.
  return h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption},
    h('table', {role: 'table'},
      h('caption', {class: 'muted'}, caption),
      h('thead', {role: 'rowgroup'}, h('tr', {role: 'row'},
        columns.map(c => h('th', {scope: 'col', role: 'columnheader', class: c.num ? 'num' : null}, c.label)))),
      h('tbody', {role: 'rowgroup'}, rows.map(row => h('tr', {role: 'row'},
        columns.map(c => h('td', {role: 'cell', class: c.num ? 'num' : null, 'data-label': c.label}, c.value(row))))))));
}

export function facts(pairs) {
  return h('dl', {class: 'facts'}, pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

const numbers = new Intl.NumberFormat('en');
export const number = value => value === null || value === undefined ? '—' : numbers.format(value);
export const won = value => value === null || value === undefined ? '—' : `₩${numbers.format(value)}`;
export const when = iso => iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—';
export const simpleName = type => type ? type.substring(type.lastIndexOf('.') + 1) : '—';

/** A datetime-local value (read as UTC) to an ISO instant, or undefined when empty. */
export function instant(localValue) {
  if (!localValue) return undefined;
  return new Date(localValue + (localValue.length === 16 ? ':00' : '') + 'Z').toISOString();
}

/** Query parameters without the empty ones. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** What changed between two JSON values, as [path, before, after] for every leaf that differs. */
export function changes(before, after, path = '') {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const bothObjects = before && after && typeof before === 'object' && typeof after === 'object'
      && Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) return [[path || '(state)', before, after]];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap(key => changes(before[key], after[key], path ? `${path}.${key}` : key));
}

export const json = value => value === undefined ? '(none)' : JSON.stringify(value);
