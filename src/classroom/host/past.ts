/** Past sessions: when, which room and scenario, how it was played, how many joined, and the results. */
import type { RoomSummary } from '../../server/protocol.js';
import { button, el } from '../dom.js';
import { locale, t, txt } from '../text.js';
import { exportLinks } from './exports.js';

export interface PastOptions {
  rooms: RoomSummary[] | undefined;
  key: string | undefined;
  onBack(): void;
  onOpen(code: string): void;
}

export function pastScreen(o: PastOptions): HTMLElement {
  const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  const head = [t('past.date'), t('past.code'), t('past.scenario'), t('past.mode'), t('past.people'), t('past.results')];
  const body = !o.rooms
    ? el('p', { class: 'loading' }, t('loading'))
    : !o.rooms.length
      ? el('p', { class: 'muted' }, t('past.none'))
      : el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'table past-table' },
            el('caption', { class: 'visually-hidden' }, t('past.heading')),
            el('thead', null, el('tr', null, head.map((h, i) => el('th', { class: i === 4 ? 'num' : undefined, attrs: { scope: 'col' } }, h)))),
            el(
              'tbody',
              null,
              o.rooms.map((r) =>
                el(
                  'tr',
                  null,
                  el('td', null, when.format(new Date(r.createdAt))),
                  el('th', { attrs: { scope: 'row' } }, el('span', { class: 'mono' }, r.code), r.active && r.phase !== 'ended' ? [' ', button(t('past.open'), () => o.onOpen(r.code), { key: `open-${r.id}`, class: 'link-btn' })] : null),
                  el('td', null, txt(r.title)),
                  el('td', null, t(`mode.${r.mode}`), el('br'), el('span', { class: 'muted' }, t(`past.phase.${r.phase}`, { defaultValue: r.phase }))),
                  el('td', { class: 'num' }, r.participants),
                  el('td', null, exportLinks(r.id, o.key, true)),
                ),
              ),
            ),
          ),
        );
  return el(
    'section',
    { class: 'screen past' },
    el('h1', null, t('past.heading')),
    body,
    el('div', { class: 'actions' }, button(t('past.back'), o.onBack, { key: 'back', class: 'btn btn--secondary' })),
  );
}
