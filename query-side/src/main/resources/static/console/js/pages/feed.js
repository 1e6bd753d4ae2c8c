import {api, download} from '../api.js';
import {announce, h, instant, query, showError, simpleName, table, when} from '../ui.js';

const AGGREGATE_TYPES = ['Account', 'Product', 'Order', 'Coupon', 'Room'];

/**
 * The global feed in store order with its filters (time, payload type, aggregate type), cursor-paged, and the
 * current filter exported as NDJSON. The filter lives in the address, so a page can be shared and reloaded.
 */
export async function feedPage(main, {params}) {
  const filter = {
    from: params.get('from') || '', to: params.get('to') || '', type: params.get('type') || '',
    aggregateType: params.get('aggregateType') || '', limit: params.get('limit') || '20',
    after: params.get('after') || ''
  };
  const field = (label, name, attributes) => h('label', {}, label,
    h('input', {name, id: `feed-${name}`, value: filter[name], ...attributes}));
  const form = h('form', {class: 'filters', id: 'feed-filter', 'aria-label': 'Filter the feed'},
    field('From (UTC)', 'from', {type: 'datetime-local', step: 1}),
    field('To (UTC, exclusive)', 'to', {type: 'datetime-local', step: 1}),
    field('Event type', 'type', {type: 'text', placeholder: 'OrderPaidEvent'}),
    h('label', {}, 'Aggregate type', h('select', {name: 'aggregateType', id: 'feed-aggregateType'},
      h('option', {value: ''}, 'Any'),
      AGGREGATE_TYPES.map(type => h('option', {value: type, selected: filter.aggregateType === type}, type)))),
    h('label', {}, 'Per page', h('select', {name: 'limit', id: 'feed-limit'},
      ['20', '50', '100'].map(size => h('option', {value: size, selected: filter.limit === size}, size)))),
    h('button', {type: 'submit', class: 'primary'}, 'Show'),
    h('button', {type: 'button', id: 'feed-export', onclick: () => exportNdjson(form)}, 'Export NDJSON'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/audit/feed' + query({...values(form), after: ''});
  });
  const results = h('div', {id: 'feed-results'});
  main.append(form, results);

  const asked = {...apiFilter(filter), after: filter.after || undefined, limit: filter.limit};
  const page = await api('/api/audit/events' + query(asked));
  const rows = page.events;
  results.append(
    h('p', {class: 'muted', id: 'feed-summary'}, rows.length
        ? `Positions ${rows[0].position ?? '?'} to ${rows[rows.length - 1].position ?? '?'}`
        : 'No events match.'),
    table('Events in store order', [
      {label: 'Position', num: true, value: e => e.position},
      {label: 'Time', value: e => when(e.timestamp)},
      {label: 'Aggregate', value: e => h('a', {href: `#/audit/aggregate/${encodeURIComponent(e.aggregateId)}`},
                                         `${e.aggregateType} ${e.aggregateId}`)},
      {label: 'Seq', num: true, value: e => e.sequence},
      {label: 'Event', value: e => h('span', {title: e.type}, simpleName(e.type))},
      {label: 'By', value: e => e.metadata && e.metadata.actingUser || '—'}
    ], rows),
    h('div', {class: 'row'},
      filter.after ? h('a', {href: '#/audit/feed' + query({...filter, after: ''}), id: 'feed-first'}, 'First page')
                   : null,
      page.next !== null && page.next !== undefined
          ? h('a', {href: '#/audit/feed' + query({...filter, after: page.next}), id: 'feed-next'}, 'Next page')
          : h('span', {class: 'muted'}, 'Last page')));
}

function values(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** The filter as the API takes it: instants in ISO-8601. */
function apiFilter(filter) {
  return {from: instant(filter.from), to: instant(filter.to), type: filter.type || undefined,
          aggregateType: filter.aggregateType || undefined};
}

async function exportNdjson(form) {
  try {
    const filter = apiFilter(values(form));
    const blob = await download('/api/audit/events' + query(filter), 'application/x-ndjson');
    const lines = (await blob.text()).split('\n').filter(line => line).length;
    const link = h('a', {href: URL.createObjectURL(blob), download: `jangteo-events-${Date.now()}.ndjson`,
                         id: 'feed-export-link'}, `Download ${lines} events (NDJSON)`);
    document.getElementById('feed-results').prepend(h('p', {}, link));
    announce(`Exported ${lines} events of the current filter.`);
    link.focus();
  } catch (error) {
    showError(error);
  }
}
