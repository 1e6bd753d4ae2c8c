import {api, stream} from '../api.js';
import {announce, confirmAction, h, number, showError, table, when} from '../ui.js';

const RECONNECT_MS = 2000;

/**
 * The processing groups, live: the server pushes their status every second (server-sent events); this page only
 * redraws. Replay and verified replay ask for confirmation, and every action is recorded with the operator's name.
 */
export async function processorsPage(main, {signal}) {
  const live = h('p', {class: 'live off', id: 'processors-live'}, 'Connecting…');
  const body = h('div', {id: 'processors'});
  const outcome = h('div', {id: 'processor-outcome', 'aria-live': 'polite'});
  main.append(live, outcome, body);


  // Rows are updated in place, once a second: the buttons stay the same elements, so the keyboard focus and a
  // pointer on them survive every update.
  const columns = [
    {label: 'Group', value: p => h('strong', {}, p.name)},
    {label: 'State', value: p => state(p)},
    {label: 'Position', num: true, value: p => number(p.position)},
    {label: 'Head', num: true, value: p => number(p.head)},
    {label: 'Lag (events)', num: true, value: p => number(p.lagEvents)},
    {label: 'Lag (s)', num: true, value: p => p.lagSeconds === null ? '—' : p.lagSeconds.toFixed(1)},
    {label: 'Segments and claims', value: p => p.segments.length
        ? h('ul', {class: 'plain'}, p.segments.map(s => h('li', {},
            `#${s.segment} ${s.owner || 'unclaimed'}${s.local ? ' (here)' : ''}${s.caughtUp ? '' : ', catching up'}`
            + (s.error ? `, error: ${s.errorMessage}` : ''))))
        : h('span', {class: 'muted'}, 'none claimed here')},
    {label: 'Replay', value: p => progress(p)}
  ];
  const rows = new Map();
  const tbody = h('tbody', {role: 'rowgroup'});
  body.append(h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Processing groups'},
    h('table', {role: 'table'}, h('caption', {class: 'muted'}, 'Processing groups'),
      h('thead', {role: 'rowgroup'}, h('tr', {role: 'row'},
        [...columns, {label: 'Actions'}].map(c => h('th', {scope: 'col', role: 'columnheader', class: c.num ? 'num' : null},
                                                    c.label)))),
      tbody)));

  const row = p => {
    const replayButton = h('button', {type: 'button', 'data-replay': p.name, onclick: () => replay(p.name)}, 'Replay');
    const verifyButton = h('button', {type: 'button', 'data-verify': p.name, onclick: () => verify(p.name)},
                           'Verified replay');
    const cells = columns.map(c => h('td', {role: 'cell', class: c.num ? 'num' : null, 'data-label': c.label}));
    const tr = h('tr', {role: 'row', 'data-group': p.name}, cells,
                 h('td', {role: 'cell', 'data-label': 'Actions'}, h('div', {class: 'row'}, replayButton, verifyButton)));
    return {tr, cells, buttons: [replayButton, verifyButton]};
  };

  const draw = processors => {
    const seen = new Set();
    for (const p of processors) {
      seen.add(p.name);
      if (!rows.has(p.name)) {
        rows.set(p.name, row(p));
        tbody.append(rows.get(p.name).tr);
      }
      const {cells, buttons} = rows.get(p.name);
      columns.forEach((c, index) => cells[index].replaceChildren(c.value(p)));
      buttons.forEach(button => { button.disabled = p.replaying; });
    }
    for (const [name, {tr}] of rows) {
      if (!seen.has(name)) {
        tr.remove();
        rows.delete(name);
      }
    }
  };

  async function replay(name) {
    if (!await confirmAction(`Replay ${name}?`, `The ${name} read model is rebuilt from the first event; its answers `
        + 'say X-Replaying until it has caught up.', 'Replay')) return;
    try {
      const answer = await api(`/api/admin/processors/${encodeURIComponent(name)}/replay`, {method: 'POST'});
      outcome.replaceChildren(h('p', {class: 'ok', id: 'replay-started'},
        `Replay of ${answer.processor} started after position ${answer.afterPosition}.`));
      announce(`Replay of ${name} started.`);
    } catch (error) {
      showError(error);
    }
  }

  async function verify(name) {
    if (!await confirmAction(`Verified replay of ${name}?`, `Replays ${name} into a shadow store and compares it `
        + 'with the live read model; the live one is not touched.', 'Verify')) return;
    outcome.replaceChildren(h('p', {}, `Verifying ${name}…`));
    try {
      const answer = await api(`/api/admin/processors/${encodeURIComponent(name)}/verify-replay`, {method: 'POST'});
      outcome.replaceChildren(h('div', {class: 'card', id: 'verify-replay-result'},
        h('p', {class: answer.equal ? 'ok' : 'bad'}, answer.equal
            ? `${name}: the replay built exactly the live read model (${number(answer.rows)} rows, ${number(answer.events)} events, ${answer.millis} ms).`
            : `${name}: the replay differs from the live read model in ${answer.differences.length} rows.`),
        answer.equal ? null : table('Differences', [
          {label: 'Store', value: d => d.store}, {label: 'Kind', value: d => d.kind},
          {label: 'Row', value: d => h('code', {}, d.entry)}], answer.differences)));
      announce(`Verified replay of ${name}: ${answer.equal ? 'equal' : 'different'}.`);
    } catch (error) {
      outcome.replaceChildren();
      showError(error);
    }
  }

  draw((await api('/api/admin/processors', {signal})).processors);
  (async () => {
    while (!signal.aborted) {
      try {
        await stream('/api/admin/processors/stream', (name, data) => {
          if (name !== 'processors') return;
          live.className = 'live';
          live.textContent = `Live · updated ${when(new Date().toISOString())}`;
          draw(data.processors);
        }, signal);
      } catch (error) {
        if (signal.aborted) return;
        live.className = 'live off';
        live.textContent = `Disconnected (${error.message}); reconnecting…`;
      }
      await new Promise(resolve => setTimeout(resolve, RECONNECT_MS));
    }
  })();
}

function state(p) {
  if (p.error) return h('span', {class: 'bad'}, 'error');
  if (p.replaying) return h('span', {class: 'warn'}, 'replaying');
  if (!p.running) return h('span', {class: 'warn'}, 'stopped');
  return h('span', {class: 'ok'}, p.lagEvents > 0 ? 'running' : 'caught up');
}

function progress(p) {
  if (!p.replay) return h('span', {class: 'muted'}, '—');
  const percent = Math.max(0, Math.min(100, p.replay.percent ?? 0));
  return h('span', {'data-progress': p.name},
    h('progress', {max: 100, value: percent, 'aria-label': `Replay of ${p.name}`}), ` ${percent.toFixed(1)}%`,
    p.replay.etaSeconds !== null && p.replay.etaSeconds !== undefined ? ` · ${p.replay.etaSeconds} s left` : '',
    p.replay.eventsPerSecond ? ` · ${number(Math.round(p.replay.eventsPerSecond))} events/s` : '');
}
