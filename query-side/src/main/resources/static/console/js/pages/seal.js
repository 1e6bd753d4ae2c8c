import {api} from '../api.js';
import {announce, facts, h, number, query, showError, when} from '../ui.js';

/** The seal chain's head, and a verify that names the first event that is not what was sealed. */
export async function sealPage(main) {
  const seal = await api('/api/audit/seal');
  main.append(h('section', {class: 'card', id: 'seal-status', 'aria-labelledby': 'seal-title'},
    h('h2', {id: 'seal-title'}, 'Seal'),
    facts([['Sealed up to', number(seal.sealedPosition)], ['Store head', number(seal.headPosition)],
           ['Behind', h('span', {class: seal.behind > 0 ? 'warn' : 'ok'}, number(seal.behind))],
           ['Head seal', h('code', {id: 'seal-hash'}, seal.seal || '—')], ['Sealed at', when(seal.sealedAt)]]),
    h('p', {class: 'muted'}, 'Record the head seal outside this database from time to time: whoever can rewrite '
        + 'both the events and the seals could rebuild a matching chain.')));

  const from = h('input', {type: 'number', min: 0, name: 'from', id: 'verify-from'});
  const to = h('input', {type: 'number', min: 0, name: 'to', id: 'verify-to'});
  const result = h('div', {id: 'verify-result', 'aria-live': 'polite'});
  const form = h('form', {class: 'filters', id: 'verify-form'},
    h('label', {}, 'From position (optional)', from), h('label', {}, 'To position (optional)', to),
    h('button', {type: 'submit', class: 'primary'}, 'Verify'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    result.replaceChildren(h('p', {}, 'Verifying…'));
    try {
      const answer = await api('/api/audit/verify' + query({from: from.value, to: to.value}));
      result.replaceChildren(verdict(answer));
      if (answer.verified) {
        announce(`Verified: ${answer.checked} events are as sealed.`);
      } else {
        showError(new Error(`Tampering found at position ${answer.firstMismatch}.`));
      }
    } catch (error) {
      result.replaceChildren();
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  main.append(h('h2', {}, 'Verify the chain'), form, result);
}

function verdict(answer) {
  if (answer.verified) {
    return h('div', {class: 'card'}, h('p', {class: 'ok', id: 'verify-verdict'},
      `Verified: positions ${answer.from} to ${answer.lastPosition} (${number(answer.checked)} events) are as sealed.`));
  }
  const position = answer.firstMismatch;
  return h('div', {class: 'card'},
    h('p', {class: 'bad', id: 'verify-verdict'}, `Not as sealed: first mismatch at position ${position} (${answer.reason}).`),
    h('p', {}, answer.detail),
    facts([['Checked', `${number(answer.checked)} events, up to position ${answer.lastPosition}`]]),
    h('p', {}, h('a', {id: 'verify-first-mismatch', href: '#/audit/feed' + query({after: position > 0 ? position - 1 : undefined, limit: 20})},
      `Open the feed at position ${position}`)));
}
