import {api} from '../api.js';
import {h, query, table, when} from '../ui.js';

/** What operators did, newest first: every change asked of the operator API, with its answer. */
export async function actionsPage(main, {params}) {
  const before = params.get('before') || undefined;
  const page = await api('/api/admin/actions' + query({limit: 50, before}));
  main.append(h('div', {}, table('Operator actions, newest first', [
    {label: 'When', value: a => when(a.at)},
    {label: 'Operator', value: a => h('strong', {}, a.operator)},
    {label: 'Action', value: a => h('code', {}, `${a.method} ${a.path}${a.query ? '?' + a.query : ''}`)},
    {label: 'Answer', num: true, value: a => h('span', {class: a.status < 400 ? 'ok' : 'bad'}, a.status)}
  ], page.actions, 'No operator actions yet.'),
  page.next ? h('p', {}, h('a', {href: '#/ops/actions' + query({before: page.next}), id: 'actions-next'}, 'Older'))
            : null));
}
