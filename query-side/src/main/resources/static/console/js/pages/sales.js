import {api} from '../api.js';
import {h, number, query, table, won} from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';

/** One product's daily sales over a range, as a bar chart with the same figures in a table. */
export async function salesPage(main, {params}) {
  const products = (await api('/api/products' + query({size: 100}))).items;
  const chosen = {product: params.get('product') || (products[0] && products[0].productId) || '',
                  from: params.get('from') || '', to: params.get('to') || '',
                  measure: params.get('measure') || 'revenue'};
  const form = h('form', {class: 'filters', id: 'sales-form'},
    h('label', {}, 'Product', h('select', {name: 'product', id: 'sales-product'},
      products.map(p => h('option', {value: p.productId, selected: p.productId === chosen.product}, `${p.name} (${p.productId})`)))),
    h('label', {}, 'From', h('input', {type: 'date', name: 'from', id: 'sales-from', value: chosen.from})),
    h('label', {}, 'To', h('input', {type: 'date', name: 'to', id: 'sales-to', value: chosen.to})),
    h('label', {}, 'Chart', h('select', {name: 'measure', id: 'sales-measure'},
      [['revenue', 'Revenue'], ['quantity', 'Units sold']].map(([value, text]) =>
        h('option', {value, selected: chosen.measure === value}, text)))),
    h('button', {type: 'submit', class: 'primary'}, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = '#/analytics/sales' + query(Object.fromEntries(new FormData(form).entries()));
  });
  main.append(form);
  if (!chosen.product) {
    main.append(h('p', {}, 'No products yet.'));
    return;
  }
  const sales = await api(`/api/stats/products/${encodeURIComponent(chosen.product)}/sales`
                          + query({from: chosen.from, to: chosen.to}));
  const format = chosen.measure === 'revenue' ? won : number;
  main.append(
    h('p', {id: 'sales-summary'}, `${sales.from} to ${sales.to} (${sales.timeZone}): ${number(sales.totalQuantity)} units, `
        + `${won(sales.totalRevenue)}.`),
    chart(sales.days, chosen.measure, format),
    h('details', {}, h('summary', {}, 'The figures as a table'),
      table('Daily sales', [
        {label: 'Day', value: d => d.date},
        {label: 'Units', num: true, value: d => number(d.quantity)},
        {label: 'Revenue', num: true, value: d => won(d.revenue)}], sales.days)));
}

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  children.forEach(child => element.append(child));
  return element;
}

/** Bars per day, scaled to the highest; each bar's title says its day and figure. */
function chart(days, measure, format) {
  const width = 800, height = 260, left = 70, bottom = 30, top = 10;
  const highest = Math.max(1, ...days.map(d => d[measure]));
  const slot = (width - left) / Math.max(1, days.length);
  const y = value => top + (height - top - bottom) * (1 - value / highest);
  const graphic = svg('svg', {class: 'chart', id: 'sales-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
                              'aria-label': `${measure === 'revenue' ? 'Revenue' : 'Units sold'} per day, highest ${format(highest)}`});
  graphic.append(svg('line', {class: 'axis', x1: left, x2: width, y1: height - bottom, y2: height - bottom}));
  for (const tick of [0, 0.5, 1]) {
    const value = Math.round(highest * tick);
    graphic.append(svg('text', {x: left - 6, y: y(value) + 4, 'text-anchor': 'end'}, format(value)));
  }
  days.forEach((day, index) => {
    const x = left + index * slot + slot * 0.15;
    const barTop = y(day[measure]);
    graphic.append(svg('rect', {class: 'bar', x, y: barTop, width: Math.max(1, slot * 0.7),
                                height: Math.max(0, height - bottom - barTop), 'data-day': day.date},
      svg('title', {}, `${day.date}: ${format(day[measure])}`)));
    if (days.length <= 31 && (index % Math.ceil(days.length / 10) === 0)) {
      graphic.append(svg('text', {x: x + slot * 0.35, y: height - 10, 'text-anchor': 'middle'}, day.date.slice(5)));
    }
  });
  return graphic;
}
