import {devSignIn, ROLES, session, startOidc} from '../auth.js';
import {announce, h, showError} from '../ui.js';

/** Sign in with the configured provider (code flow with PKCE), or, under the local profile, as any user. */
export function signInPage(main, config, params) {
  const next = params.get('next') || '#/';
  main.append(h('h1', {}, 'Sign in'));
  const current = session();
  if (current) main.append(h('p', {}, `You are signed in as ${current.subject}. Signing in again replaces it.`));
  if (config.issuer) {
    main.append(h('section', {'aria-labelledby': 'oidc-title', class: 'card'},
      h('h2', {id: 'oidc-title'}, 'With your organisation’s account'),
      h('p', {}, 'You will sign in at ', h('span', {class: 'mono'}, config.issuer), ' and come back here.'),
      h('button', {type: 'button', class: 'primary', id: 'oidc-sign-in', onclick: async event => {
        event.target.disabled = true;
        try {
          await startOidc(config, next);
        } catch (error) {
          event.target.disabled = false;
          showError(error);
        }
      }}, 'Sign in with single sign-on')));
  }
  if (config.devSignIn) {
    const name = h('input', {type: 'text', id: 'dev-subject', name: 'subject', required: true, maxlength: 64,
                             autocomplete: 'username', value: 'operator-kim'});
    const boxes = ROLES.map(role => h('label', {class: 'inline'},
      h('input', {type: 'checkbox', name: 'roles', value: role, id: `dev-role-${role}`}), role));
    const form = h('form', {id: 'dev-sign-in', class: 'card', 'aria-labelledby': 'dev-title'},
      h('h2', {id: 'dev-title'}, 'Dev sign-in (local profile only)'),
      h('p', {class: 'muted'}, 'No identity provider: this app signs a token for the user and roles you choose.'),
      h('div', {class: 'row'}, h('label', {for: 'dev-subject'}, 'User name', name)),
      h('fieldset', {}, h('legend', {}, 'Roles'), h('div', {class: 'row'}, boxes)),
      h('button', {type: 'submit', class: 'primary'}, 'Sign in'));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const roles = [...form.querySelectorAll('input[name=roles]:checked')].map(box => box.value);
      if (!roles.length) {
        showError(new Error('Choose at least one role.'));
        return;
      }
      try {
        const user = await devSignIn(name.value.trim(), roles);
        announce(`Signed in as ${user.subject} (${user.roles.join(', ')}).`);
        location.hash = next;
      } catch (error) {
        showError(error);
      }
    });
    main.append(form);
  }
  if (!config.issuer && !config.devSignIn) {
    main.append(h('p', {class: 'bad'}, 'No sign-in is configured: set jangteo.console.oidc.issuer '
        + '(JANGTEO_CONSOLE_OIDC_ISSUER) to your OpenID Connect provider.'));
  }
}
