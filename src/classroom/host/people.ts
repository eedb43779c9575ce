/**
 * Who has joined, as name chips with an online dot (and, during a vote, a tick once they
 * voted). With `onRemove`, each chip has a small remove button that asks once more (for a
 * nickname not fit for the projector); the trainee can join again under another name.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { el } from '../dom.js';
import { t } from '../text.js';

export function people(list: readonly ParticipantView[], onRemove?: (p: ParticipantView) => void): HTMLElement {
  return el(
    'ul',
    { class: 'people' },
    list.map((p) =>
      el(
        'li',
        { class: `person${p.online ? '' : ' person--away'}${p.voted ? ' person--voted' : ''}`, attrs: { 'data-person': p.name } },
        el('span', { class: `dot${p.online ? ' dot--on' : ''}`, attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'person-name' }, p.name),
        el('span', { class: 'visually-hidden' }, ` (${t(p.online ? 'people.online' : 'people.away')}${p.voted ? `, ${t('people.voted')}` : ''})`),
        p.voted ? el('span', { class: 'tick', attrs: { 'aria-hidden': 'true' } }, '✓') : null,
        onRemove ? removeButton(p, onRemove) : null,
      ),
    ),
  );
}

function removeButton(p: ParticipantView, onRemove: (p: ParticipantView) => void): HTMLButtonElement {
  let armed = false;
  const b = el('button', { class: 'person-remove', key: `remove-${p.id}`, attrs: { type: 'button', 'aria-label': t('people.remove', { name: p.name }), title: t('people.remove', { name: p.name }) } }, '×');
  b.addEventListener('click', () => {
    if (armed) return onRemove(p);
    armed = true;
    b.textContent = t('people.removeConfirm');
    b.classList.add('person-remove--armed');
    b.setAttribute('aria-label', t('people.removeConfirmLabel', { name: p.name }));
  });
  b.addEventListener('blur', () => {
    armed = false;
    b.textContent = '×';
    b.classList.remove('person-remove--armed');
    b.setAttribute('aria-label', t('people.remove', { name: p.name }));
  });
  return b;
}
