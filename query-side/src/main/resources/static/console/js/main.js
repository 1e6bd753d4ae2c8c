// The console's shell: reads how to sign in, finishes a sign-in coming back from the provider, and shows the page
// the address names (#/...), offering only the pages the user's roles may use (the API checks them again).

import {completeOidc, hasAnyRole, session, signOut} from './auth.js';
import {announce, clearMessages, h, showError} from './ui.js';
import {signInPage} from './pages/signin.js';
import {homePage} from './pages/home.js';
import {feedPage} from './pages/feed.js';
import {aggregatePage} from './pages/aggregate.js';
import {sealPage} from './pages/seal.js';
import {processorsPage} from './pages/processors.js';
import {deadLettersPage} from './pages/deadletters.js';
import {actionsPage} from './pages/actions.js';
import {rankingsPage} from './pages/rankings.js';
import {salesPage} from './pages/sales.js';
import {couponsPage} from './pages/coupons.js';

/** Every page: its address, title, navigation group and the roles the API lets use it. */
export const PAGES = [
  {path: 'audit/feed', title: 'Event feed', group: 'Audit', roles: ['AUDITOR'], page: feedPage},
  {path: 'audit/aggregate', title: 'Aggregate timeline', group: 'Audit', roles: ['AUDITOR'], page: aggregatePage},
  {path: 'audit/seal', title: 'Seal and verify', group: 'Audit', roles: ['AUDITOR'], page: sealPage},
  {path: 'ops/processors', title: 'Processing groups', group: 'Operations', roles: ['ADMIN'], page: processorsPage},
  {path: 'ops/dead-letters', title: 'Dead letters', group: 'Operations', roles: ['ADMIN'], page: deadLettersPage},
  {path: 'ops/actions', title: 'Operator actions', group: 'Operations', roles: ['ADMIN'], page: actionsPage},
  {path: 'analytics/rankings', title: 'Rankings', group: 'Analytics', roles: ['CLIENT', 'ANALYST', 'ADMIN'],
   page: rankingsPage},
  {path: 'analytics/sales', title: 'Product sales', group: 'Analytics', roles: ['ANALYST', 'ADMIN'], page: salesPage},
  {path: 'analytics/coupons', title: 'Coupon uptake', group: 'Analytics', roles: ['ANALYST', 'ADMIN'],
   page: couponsPage}
];

let config = {issuer: null, clientId: 'jangteo-console', scope: 'openid profile', devSignIn: false};
let leaving = null;

/** The address #/path/rest?a=b as {path, rest, params}. */
function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [pathPart, search = ''] = hash.split('?');
  const page = PAGES.find(p => pathPart === p.path || pathPart.startsWith(p.path + '/'));
  const rest = page ? decodeURIComponent(pathPart.slice(page.path.length + 1)) : '';
  return {pathPart, page, rest, params: new URLSearchParams(search)};
}

function renderChrome(current) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  nav.replaceChildren();
  who.replaceChildren();
  const user = session();
  if (!user) return;
  const allowed = PAGES.filter(p => hasAnyRole(p.roles));
  const groups = [...new Set(allowed.map(p => p.group))];
  nav.append(h('ul', {}, groups.flatMap(group => [
    h('li', {class: 'group', 'aria-hidden': 'true'}, group),
    ...allowed.filter(p => p.group === group).map(p => h('li', {},
      h('a', {href: `#/${p.path}`, 'aria-current': current === p ? 'page' : null}, p.title)))
  ])));
  who.append(h('span', {}, 'Signed in as ', h('strong', {id: 'who-name'}, user.subject)),
             h('span', {class: 'roles', id: 'who-roles'}, user.roles.join(', ') || 'no roles'),
             h('button', {type: 'button', id: 'sign-out', onclick: () => {
               signOut();
               announce('Signed out.');
               location.hash = '#/signin';
             }}, 'Sign out'));
}

async function show() {
  if (leaving) leaving();
  leaving = null;
  const main = document.getElementById('main');
  const {pathPart, page, rest, params} = route();
  const user = session();
  if (!user && pathPart !== 'signin') {
    location.replace(`#/signin?next=${encodeURIComponent(location.hash || '#/')}`);
    return;
  }
  renderChrome(page);
  main.replaceChildren();
  let title;
  if (pathPart === 'signin') {
    title = 'Sign in';
    signInPage(main, config, params);
  } else if (!page) {
    title = 'Console';
    homePage(main, PAGES.filter(p => hasAnyRole(p.roles)));
  } else if (!hasAnyRole(page.roles)) {
    title = 'Not allowed';
    main.append(h('h1', {}, 'Not allowed'),
                h('p', {id: 'not-allowed'}, `${page.title} needs the role ${page.roles.join(' or ')}; `
                    + `you have ${user.roles.join(', ') || 'none'}.`));
  } else {
    title = page.title;
    main.append(h('h1', {}, page.title));
    const controller = new AbortController();
    leaving = () => controller.abort();
    try {
      await page.page(main, {rest, params, signal: controller.signal});
    } catch (error) {
      if (error.name !== 'AbortError') showError(error);
    }
  }
  document.title = `${title} · Jangteo console`;
  const heading = main.querySelector('h1');
  if (heading && document.activeElement === document.body) main.focus();
}

async function start() {
  try {
    const response = await fetch('config.json', {headers: {Accept: 'application/json'}});
    if (response.ok) config = await response.json();
  } catch (error) {
    showError(new Error('Could not read the console settings: ' + error.message));
  }
  try {
    const next = await completeOidc(config);
    if (next !== null) {
      announce(`Signed in as ${session().subject}.`);
      location.replace(next.startsWith('#') ? next : '#/');
    }
  } catch (error) {
    location.replace('#/signin');
    showError(error);
  }
  window.addEventListener('hashchange', () => { clearMessages(); show(); });
  window.addEventListener('jangteo:signed-out', () => {
    showError(new Error('Your sign-in has ended (the API refused the token); sign in again.'));
    location.hash = '#/signin';
  });
  await show();
}

start();
