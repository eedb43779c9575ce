/**
 * Several scenarios in one session: the running leaderboard (everyone plays: each trainee's
 * points per scenario and in all; class vote: the class's score per scenario), and, once a
 * scenario is over, the next one to play with the same class.
 */
import type { HostView } from '../../server/protocol.js';
import { button, el } from '../dom.js';
import { t, txt } from '../text.js';
import type { HostContext } from './context.js';

const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));

export function leaderboard(view: HostView): HTMLElement | null {
  const s = view.series;
  if (!s) return null;
  const heads = s.stages.map((st, i) => el('th', { attrs: { scope: 'col' } }, `${i + 1}. ${txt(st.title)}`));
  const table = s.standings
    ? el(
        'table',
        { class: 'leaderboard' },
        el('caption', null, t('series.standings', { n: s.stages.length })),
        el('thead', null, el('tr', null, el('th', { attrs: { scope: 'col' } }, t('series.rank')), el('th', { attrs: { scope: 'col' } }, t('board.name')), heads, el('th', { attrs: { scope: 'col' } }, t('series.total')))),
        el(
          'tbody',
          null,
          s.standings.map((r) =>
            el('tr', { attrs: { 'data-person': r.name } }, el('td', { class: 'num' }, r.rank), el('th', { attrs: { scope: 'row' } }, r.name), r.stages.map((p) => el('td', { class: 'num' }, score(p))), el('td', { class: 'num total' }, r.total)),
          ),
        ),
      )
    : el(
        'table',
        { class: 'leaderboard' },
        el('caption', null, t('series.classScores', { n: s.stages.length })),
        el('thead', null, el('tr', null, el('td'), heads, el('th', { attrs: { scope: 'col' } }, t('series.total')))),
        el(
          'tbody',
          null,
          el('tr', null, el('th', { attrs: { scope: 'row' } }, t('series.class')), s.classTotal!.stages.map((p) => el('td', { class: 'num' }, score(p))), el('td', { class: 'num total' }, s.classTotal!.total)),
        ),
      );
  return el('section', { class: 'series', attrs: { 'aria-label': t('series.heading') } }, el('h2', null, t('series.heading', { n: s.n })), table);
}

/** The next scenario: a list of the library and a button (Enter in the list works too). */
export function nextPicker(ctx: HostContext, view: HostView): HTMLElement {
  const options = ctx.scenarios().map((s) => el('option', { attrs: { value: s.id, selected: s.id === view.scenario.id ? undefined : false } }, txt(s.title)));
  const select = el('select', { key: 'next-scenario', attrs: { id: 'next-scenario' } }, options);
  const go = () => {
    if (select.value) void ctx.act({ type: 'next', scenario: select.value });
  };
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  return el(
    'div',
    { class: 'next-scenario' },
    el('label', { attrs: { for: 'next-scenario' } }, t('series.next')),
    select,
    button(t('series.nextButton'), go, { key: 'next-go', class: 'btn btn--primary', disabled: ctx.busy() }),
    el('p', { class: 'help' }, t('series.nextHelp')),
  );
}

/** The leaderboard, and with `withNext` the next-scenario picker. */
export function seriesPanel(ctx: HostContext, view: HostView, withNext: boolean): HTMLElement {
  return el('div', { class: 'series-panel' }, leaderboard(view), withNext && ctx.scenarios().length ? nextPicker(ctx, view) : null);
}
