import {api} from '../api.js';
import {h, number, query, table, won} from '../ui.js';

/** The top products of a day, week or month, by units sold or revenue (the API's rankings, net of cancellations). */
export async function rankingsPage(main, {params}) {
  const chosen = {period: params.get('period') || 'daily', date: params.get('date') || '',
                  by: params.get('by') || 'quantity', limit: params.get('limit') || '10'};
  const select = (label, name, options) => h('label', {}, label, h('select', {name, id: `ranking-${name}`},
    options.map(([value, text]) => h('option', {value, selected: chosen[name] === value}, text))));
  const form = h('form', {class: 'filters', id: 'ranking-form'},
    select('Period', 'period', [['daily', 'Day'], ['weekly', 'Week (Monday to Sunday)'], ['monthly', 'Month']]),
    h('label', {}, 'A day of the period', h('input', {type: 'date', name: 'date', id: 'ranking-date', value: chosen.date})),
    select('By', 'by', [['quantity', 'Units sold'], ['revenue', 'Revenue']]),
    select('Top', 'limit', [['10', '10'], ['25', '25'], ['100', '100']]),
    h('button', {type: 'submit', class: 'primary'}, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/analytics/rankings' + query(Object.fromEntries(new FormData(form).entries()));
  });
  main.append(form);
  const ranking = await api('/api/rankings/products' + query({...chosen, date: chosen.date || undefined}));
  main.append(
    h('p', {id: 'ranking-summary'}, `${ranking.period} ranking from ${ranking.from} to ${ranking.to} by ${ranking.by}, `
        + `answered from ${ranking.source}.`),
    table(`Top products by ${ranking.by}`, [
      {label: 'Rank', num: true, value: i => i.rank},
      {label: 'Product', value: i => h('a', {href: `#/analytics/sales?product=${encodeURIComponent(i.productId)}`},
                                       i.name || i.productId)},
      {label: 'Category', value: i => i.category || '—'},
      {label: 'Units', num: true, value: i => number(i.quantity)},
      {label: 'Revenue', num: true, value: i => won(i.revenue)}
    ], ranking.items, 'No sales in this period.'));
}
