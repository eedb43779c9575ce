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

/** The trainee whose remove button asks "sure?": kept here, as the list is rebuilt on every update. */
let armed: string | undefined;

function removeButton(p: ParticipantView, onRemove: (p: ParticipantView) => void): HTMLButtonElement {
  const b = el('button', { class: 'person-remove', key: `remove-${p.id}`, attrs: { type: 'button' } }, '×');
  const show = (on: boolean) => {
    b.textContent = on ? t('people.removeConfirm') : '×';
    b.classList.toggle('person-remove--armed', on);
    const label = on ? t('people.removeConfirmLabel', { name: p.name }) : t('people.remove', { name: p.name });
    b.setAttribute('aria-label', label);
    b.title = label;
  };
  show(armed === p.id);
  b.addEventListener('click', () => {
    if (armed === p.id) {
      armed = undefined;
      return onRemove(p);
    }
    armed = p.id;
    show(true);
  });
  // Leaving the button disarms it (not its replacement by a newer list).
  b.addEventListener('blur', () => {
    if (!b.isConnected || armed !== p.id) return;
    armed = undefined;
    show(false);
  });
  return b;
}
