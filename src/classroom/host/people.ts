/** Who has joined, as name chips with an online dot (and, during a vote, a tick once they voted). */
import type { ParticipantView } from '../../server/protocol.js';
import { el } from '../dom.js';
import { t } from '../text.js';

export function people(list: readonly ParticipantView[]): HTMLElement {
  return el(
    'ul',
    { class: 'people' },
    list.map((p) =>
      el(
        'li',
        { class: `person${p.online ? '' : ' person--away'}${p.voted ? ' person--voted' : ''}` },
        el('span', { class: `dot${p.online ? ' dot--on' : ''}`, attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'person-name' }, p.name),
        el('span', { class: 'visually-hidden' }, ` (${t(p.online ? 'people.online' : 'people.away')}${p.voted ? `, ${t('people.voted')}` : ''})`),
        p.voted ? el('span', { class: 'tick', attrs: { 'aria-hidden': 'true' } }, '✓') : null,
      ),
    ),
  );
}
