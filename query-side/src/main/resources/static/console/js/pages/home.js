import {session} from '../auth.js';
import {h} from '../ui.js';

/** What the signed-in user may open, by group. */
export function homePage(main, allowed) {
  const user = session();
  main.append(h('h1', {}, 'Console'),
              h('p', {}, `Signed in as ${user.subject} with ${user.roles.join(', ') || 'no roles'}.`));
  if (!allowed.length) {
    main.append(h('p', {id: 'nothing-allowed'}, 'Your roles open none of the console’s pages.'));
    return;
  }
  const groups = [...new Set(allowed.map(p => p.group))];
  main.append(h('div', {class: 'cards'}, groups.map(group => h('section', {class: 'card'},
    h('h2', {}, group),
    h('ul', {}, allowed.filter(p => p.group === group).map(p => h('li', {}, h('a', {href: `#/${p.path}`}, p.title))))))));
}
