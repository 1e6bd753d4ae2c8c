import {api} from '../api.js';
import {announce, confirmAction, h, number, showError, simpleName, table, when} from '../ui.js';

/** Each group's dead letters, with retry (the whole group) and evict (one letter), both confirmed and recorded. */
export async function deadLettersPage(main) {
  const outcome = h('div', {id: 'dead-letter-outcome', 'aria-live': 'polite'});
  const body = h('div', {id: 'dead-letters'});
  main.append(outcome, body);

  async function load() {
    const {groups} = await api('/api/admin/dead-letters');
    const total = groups.reduce((sum, group) => sum + group.letters, 0);
    body.replaceChildren(h('p', {id: 'dead-letter-total'}, total
        ? `${number(total)} dead letters in ${groups.filter(g => g.letters).length} groups.`
        : 'No dead letters.'));
    for (const group of groups.filter(g => g.letters > 0)) {
      body.append(h('section', {class: 'card', 'data-group': group.group},
        h('h2', {}, `${group.group}: ${number(group.letters)} letters in ${number(group.sequences)} sequences`),
        h('button', {type: 'button', 'data-retry': group.group, onclick: () => retry(group.group)},
          `Retry ${group.group}`),
        table(`Dead letters of ${group.group}`, [
          {label: 'Sequence', value: l => l.sequenceId},
          {label: 'Event', value: l => h('span', {title: l.payloadType}, simpleName(l.payloadType))},
          {label: 'Aggregate', value: l => `${l.aggregateId ?? '—'} #${l.aggregateSequence ?? '—'}`},
          {label: 'Cause', value: l => `${simpleName(l.causeType)}: ${l.causeMessage ?? ''}`},
          {label: 'Enqueued', value: l => when(l.enqueuedAt)},
          {label: 'Action', value: l => h('button', {type: 'button', class: 'danger', 'data-evict': l.id,
                                                    onclick: () => evict(group.group, l)}, 'Evict')}
        ], group.deadLetters.flatMap(sequence => sequence.letters))));
    }
  }

  async function retry(group) {
    if (!await confirmAction(`Retry ${group}?`, 'Every dead letter of the group is handled again, in order.',
                             'Retry')) return;
    try {
      const answer = await api(`/api/admin/dead-letters/${encodeURIComponent(group)}/retry`, {method: 'POST'});
      outcome.replaceChildren(h('p', {class: answer.stillFailing ? 'warn' : 'ok', id: 'retry-result'},
        `${group}: ${answer.succeeded} of ${answer.letters} letters succeeded, ${answer.stillFailing} still failing.`));
      announce(`Retried ${group}.`);
      await load();
    } catch (error) {
      showError(error);
    }
  }

  async function evict(group, letter) {
    if (!await confirmAction('Evict this letter?', `The ${simpleName(letter.payloadType)} of ${letter.sequenceId} `
        + 'will never be applied to the read model. This is recorded with your name.', 'Evict')) return;
    try {
      const answer = await api(`/api/admin/dead-letters/${encodeURIComponent(group)}/${encodeURIComponent(letter.id)}`,
                               {method: 'DELETE'});
      outcome.replaceChildren(h('p', {class: 'ok', id: 'evict-result'},
        `Evicted ${answer.id} of ${group}, recorded as eviction ${answer.evictionId} by ${answer.evictedBy}.`));
      announce('Letter evicted.');
      await load();
    } catch (error) {
      showError(error);
    }
  }

  await load();
}
