/**
 * Who has joined, as name chips with an online dot (and, during a vote, a tick once they
 * voted). With `onRemove`, each chip has a small remove button that asks first (for a nickname
 * not fit for the projector), with the choice to ban the name; a trainee removed without a ban
 * can join again.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { el } from '../dom.js';
import { t } from '../text.js';
import { askRemove } from './removeDialog.js';
import { askRename } from './renameDialog.js';

/** What the trainer may do to a trainee from the list. */
export interface PeopleActions {
  remove(p: ParticipantView, ban: boolean): void;
  rename(p: ParticipantView, name: string): void;
  admit(p: ParticipantView): void;
}

export function people(list: readonly ParticipantView[], actions?: PeopleActions): HTMLElement {
  return el(
    'ul',
    { class: 'people' },
    list.map((p) =>
      el(
        'li',
        { class: `person${p.online ? '' : ' person--away'}${p.voted ? ' person--voted' : ''}${p.waiting ? ' person--waiting' : ''}`, attrs: { 'data-person': p.name } },
        el('span', { class: `dot${p.online ? ' dot--on' : ''}`, attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'person-name' }, p.name),
        el('span', { class: 'visually-hidden' }, ` (${t(p.online ? 'people.online' : 'people.away')}${p.voted ? `, ${t('people.voted')}` : ''})`),
        p.waiting ? el('span', { class: 'badge badge--waiting' }, t('people.waiting')) : null,
        p.voted ? el('span', { class: 'tick', attrs: { 'aria-hidden': 'true' } }, '✓') : null,
        actions && p.waiting ? admitButton(p, actions) : null,
        actions ? renameButton(p, actions) : null,
        actions ? removeButton(p, (q, ban) => actions.remove(q, ban)) : null,
      ),
    ),
  );
}

function removeButton(p: ParticipantView, onRemove: (p: ParticipantView, ban: boolean) => void): HTMLButtonElement {
  const label = t('people.remove', { name: p.name });
  return el('button', { class: 'person-remove', key: `remove-${p.id}`, attrs: { type: 'button', 'aria-label': label, title: label, 'aria-haspopup': 'dialog' }, on: { click: () => askRemove(p, (ban) => onRemove(p, ban)) } }, '×');
}

function admitButton(p: ParticipantView, a: PeopleActions): HTMLButtonElement {
  const label = t('people.admit', { name: p.name });
  return el('button', { class: 'person-admit', key: `admit-${p.id}`, attrs: { type: 'button', 'aria-label': label, title: label }, on: { click: () => a.admit(p) } }, t('people.admitShort'));
}

function renameButton(p: ParticipantView, a: PeopleActions): HTMLButtonElement {
  const label = t('people.rename', { name: p.name });
  return el('button', { class: 'person-rename', key: `rename-${p.id}`, attrs: { type: 'button', 'aria-label': label, title: label, 'aria-haspopup': 'dialog' }, on: { click: () => askRename(p, (name) => a.rename(p, name)) } }, '✎');
}
