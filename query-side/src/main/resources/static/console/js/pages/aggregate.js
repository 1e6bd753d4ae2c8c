import {api} from '../api.js';
import {changes, facts, h, instant, json, query, showError, simpleName, table, when} from '../ui.js';

const PAGE_SIZE = 100;

/**
 * An aggregate's timeline: every event in order, a slider over its versions showing the state after each event and
 * what that event changed, and the state as of any moment.
 */
export async function aggregatePage(main, {rest, params}) {
  const id = rest;
  const form = h('form', {class: 'filters', id: 'aggregate-form'},
    h('label', {}, 'Aggregate id', h('input', {type: 'text', name: 'id', id: 'aggregate-id', value: id, required: true})),
    h('button', {type: 'submit', class: 'primary'}, 'Show timeline'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/audit/aggregate/' + encodeURIComponent(form.elements.id.value.trim());
  });
  main.append(form);
  if (!id) return;

  const events = [];
  for (let page = 0; ; page++) {
    const answer = await api(`/api/audit/aggregates/${encodeURIComponent(id)}/events` + query({page, size: PAGE_SIZE}));
    events.push(...answer.items);
    if (events.length >= answer.total || !answer.items.length) break;
  }
  if (!events.length) {
    main.append(h('p', {id: 'aggregate-empty'}, `No events for ${id}.`));
    return;
  }
  const states = new Map();
  const stateAt = version => {
    if (!states.has(version)) {
      states.set(version, api(`/api/audit/aggregates/${encodeURIComponent(id)}/state` + query({version})));
    }
    return states.get(version);
  };

  const last = events.length - 1;
  const slider = h('input', {type: 'range', id: 'version-slider', min: 0, max: last, value: last, step: 1,
                             'aria-describedby': 'version-label'});
  const label = h('output', {id: 'version-label', for: 'version-slider'});
  const list = h('ol', {class: 'timeline', id: 'timeline', 'aria-label': 'Events of the aggregate'},
    events.map((event, index) => h('li', {}, h('button', {type: 'button', 'data-version': index,
        onclick: () => { slider.value = index; select(index); }},
      h('strong', {}, `#${event.sequence} ${simpleName(event.type)}`), h('br'),
      h('span', {class: 'muted'}, `${when(event.timestamp)} · ${event.metadata && event.metadata.actingUser || '—'}`)))));
  const detail = h('div', {id: 'version-detail', 'aria-live': 'polite'});
  const atInput = h('input', {type: 'datetime-local', step: 1, id: 'as-of', name: 'at'});
  const asOf = h('form', {class: 'filters', id: 'as-of-form'},
    h('label', {}, 'State as of (UTC)', atInput), h('button', {type: 'submit'}, 'Show state'));
  const asOfResult = h('div', {id: 'as-of-result'});
  asOf.addEventListener('submit', async event => {
    event.preventDefault();
    asOfResult.replaceChildren();
    try {
      const answer = await api(`/api/audit/aggregates/${encodeURIComponent(id)}/state` + query({at: instant(atInput.value)}));
      asOfResult.append(h('p', {}, `As of ${when(answer.asOf)}: version ${answer.version}.`),
                        h('pre', {}, JSON.stringify(answer.state, null, 2)));
      slider.value = answer.version;
      select(answer.version);
    } catch (error) {
      showError(error);
    }
  });

  main.append(
    h('p', {id: 'aggregate-summary'}, `${events[0].aggregateType} ${id}: ${events.length} events, `
        + `from ${when(events[0].timestamp)} to ${when(events[last].timestamp)}.`),
    h('div', {class: 'split'},
      h('section', {'aria-labelledby': 'timeline-title'}, h('h2', {id: 'timeline-title'}, 'Timeline'), list),
      h('section', {'aria-labelledby': 'state-title'},
        h('h2', {id: 'state-title'}, 'State after an event'),
        h('div', {class: 'slider'}, h('label', {for: 'version-slider'}, 'Version'), slider, label),
        detail,
        h('h2', {}, 'State as of a moment'), asOf, asOfResult)));

  let shown = -1;
  async function select(version) {
    shown = version;
    const event = events[version];
    label.textContent = `Version ${version} of ${last}: ${simpleName(event.type)} at ${when(event.timestamp)}`;
    list.querySelectorAll('button').forEach(button =>
      button.setAttribute('aria-current', String(Number(button.dataset.version) === version)));
    try {
      const [after, before] = await Promise.all([stateAt(version), version > 0 ? stateAt(version - 1) : null]);
      if (shown !== version) return;
      const changed = changes(before ? before.state : {}, after.state);
      detail.replaceChildren(
        facts([['Event', event.type], ['Position', event.position ?? '—'], ['Time', when(event.timestamp)],
               ['By', event.metadata && event.metadata.actingUser], ['Correlation', event.metadata && event.metadata.correlationId]]),
        h('h3', {}, 'What this event changed'),
        table('Changed fields', [
          {label: 'Field', value: c => h('code', {}, c[0])},
          {label: 'Before', value: c => h('code', {}, json(c[1]))},
          {label: 'After', value: c => h('code', {}, json(c[2]))}
        ], changed, 'This event changed nothing the state keeps.'),
        h('h3', {}, 'Payload'), h('pre', {id: 'event-payload'}, JSON.stringify(event.payload, null, 2)),
        h('h3', {}, `State after version ${version}`), h('pre', {id: 'state-json'}, JSON.stringify(after.state, null, 2)));
    } catch (error) {
      showError(error);
    }
  }
  slider.addEventListener('input', () => select(Number(slider.value)));
  await select(last);
}
