/**
 * Everyone plays: the trainer's live board. A row per trainee (online, turns taken, how
 * their customer feels, running score, how it ended), a heat map of the principles the
 * class honoured and broke, End round; once ended, the ranking and the commonest mistakes.
 */
import { principleChips } from '../principles.js';
import type { BoardRow, HeatCell } from '../../engine/classroom/board.js';
import { rankPlaces } from '../../engine/classroom/places.js';
import type { HostView } from '../../server/protocol.js';
import { button, el, fill } from '../dom.js';
import { t, tg, txt } from '../text.js';
import { confirmButton } from './confirm.js';
import { RoomControls } from './roomControls.js';
import { seriesPanel } from './series.js';
import type { HostContext, HostScreen } from './context.js';
import { exportLinks } from './exports.js';

export class BoardScreen implements HostScreen {
  readonly root: HTMLElement;
  private readonly heading = el('h1');
  private readonly counts = el('p', { class: 'lead board-counts', attrs: { role: 'status' } });
  private readonly table = el('div', { class: 'table-wrap' });
  private readonly heat = el('div', { class: 'heat-wrap' });
  private readonly after = el('div', { class: 'board-after' });
  private readonly endButton: HTMLButtonElement;
  private readonly closing = el('div', { class: 'controls-main' });
  private readonly roomControls: RoomControls;
  private readonly series = el('div', { class: 'board-series' });

  constructor(private readonly ctx: HostContext) {
    // Made once: a re-render as trainees play must not disarm its "are you sure".
    this.endButton = confirmButton(t('board.end'), t('board.endConfirm'), () => void ctx.act({ type: 'end' }), 'end-round');
    this.roomControls = new RoomControls(ctx);
    this.root = el(
      'section',
      { class: 'screen board' },
      el('div', { class: 'board-head' }, this.heading, this.counts),
      this.after,
      this.series,
      this.table,
      this.heat,
      el('div', { class: 'controls' }, this.closing, el('div', { class: 'controls-end' }, this.endButton)),
      this.roomControls.root,
    );
  }

  update(view: HostView): void {
    const solo = view.solo;
    if (!solo) return;
    const ended = view.phase === 'ended';
    // While the round runs the board fits one screen (classroom.css): table and heat map side by side, rows closer past ten.
    this.root.classList.toggle('board--live', !ended);
    this.root.classList.toggle('board--dense', solo.rows.length > 10);
    // Own words: a column more in the table (what each trainee's last typed reply showed), so the table takes more room.
    this.root.classList.toggle('board--typed', !!view.settings.ownWords);
    this.heading.textContent = t(ended ? 'board.endedHeading' : 'board.heading');
    const done = solo.rows.filter((r) => r.done).length;
    this.counts.textContent = t('board.counts', { count: solo.rows.length, done });
    const online = new Map(view.participants.map((p) => [p.id, p.online]));
    fill(
      this.table,
      solo.rows.length
        ? [boardTable(solo.rows, online, ended, view.settings.ownWords ? view.principles : undefined), el('p', { class: 'board-note', attrs: { id: 'board-score-note' } }, t('board.scoreNote'))]
        : el('p', { class: 'muted' }, t('board.empty')),
    );
    fill(this.heat, el('h2', null, t('board.heat')), solo.heat.length ? heatMap(view, solo.heat, ended ? undefined : HEAT_LIVE_MAX) : el('p', { class: 'muted' }, t('board.heatEmpty')));
    fill(this.after, ended ? [ranking(solo.ranking), mistakes(view, solo.mistakes)] : null);
    this.endButton.hidden = ended;
    this.roomControls.update(view);
    fill(this.series, ended ? seriesPanel(this.ctx, view, true) : null);
    fill(this.closing, ended ? [exportLinks(view.code, this.ctx.key()), button(t('room.newSession'), () => this.ctx.newSession(), { key: 'new-session', class: 'btn btn--secondary' })] : null);
  }

  dispose(): void {
    this.roomControls.dispose();
  }
}

/** `typed`: own words — a column with the principles found in each trainee's last typed reply (named from these). */
function boardTable(rows: BoardRow[], online: Map<string, boolean>, ended: boolean, typed?: HostView['principles']): HTMLElement {
  // The running score's heading points at the note under the table that says what it is.
  const head: [string, boolean, string?][] = [
    [t('board.name'), false],
    [t('board.turns'), true],
    [t('board.mood'), false],
    [t('board.score'), true, 'board-score-note'],
    ...(typed ? [[t('board.found'), false] as [string, boolean]] : []),
    [t('board.status'), false],
  ];
  return el(
    'table',
    { class: 'table board-table' },
    el('caption', { class: 'visually-hidden' }, t('board.heading')),
    el('thead', null, el('tr', null, head.map(([h, num, note]) => el('th', { class: num ? 'num' : undefined, attrs: { scope: 'col', ...(note ? { 'aria-describedby': note } : {}) } }, h)))),
    el(
      'tbody',
      null,
      rows.map((r) => {
        const on = online.get(r.id) ?? false;
        return el(
          'tr',
          { attrs: { 'data-row': r.name }, ...(on ? {} : { class: 'row--away' }) },
          el(
            'th',
            { attrs: { scope: 'row' } },
            el(
              'span',
              { class: 'row-name' },
              el('span', { class: `dot${on ? ' dot--on' : ''}`, attrs: { 'aria-hidden': 'true' } }),
              el('span', { class: 'person-name' }, r.name),
              el('span', { class: 'visually-hidden' }, ` (${t(on ? 'people.online' : 'people.away')})`),
            ),
          ),
          el('td', { class: 'num', attrs: { 'data-turns': r.turns } }, r.turns),
          el('td', null, moodBar(r.mood)),
          el('td', { class: 'num' }, r.running ?? '–'),
          typed
            ? el(
                'td',
                { class: 'found-cell' },
                r.found?.length
                  ? foundChips(typed, r.found, ended)
                  : r.askedAgain
                    ? null
                    : t('board.foundNone'),
                r.askedAgain ? askedAgainNote(r.askedAgain, ended) : null,
              )
            : null,
          el('td', { class: 'status-cell' }, r.done && r.outcome ? `${tg(`outcomes.${r.outcome}`)} · ${r.overall} · ${r.grade}` : t(ended ? 'board.unfinished' : 'board.playing')),
        );
      }),
    ),
  );
}

/**
 * Tries the customer did not follow, at the decision the trainee is on now: while the round runs, a few words on the
 * row's one line (the sentence for a screen reader and on hover); after it, the sentence.
 */
function askedAgainNote(count: number, ended: boolean): HTMLElement {
  const sentence = t('board.askedAgain', { count });
  if (ended) return el('p', { class: 'asked-again-count' }, sentence);
  return el(
    'p',
    { class: 'asked-again-count', attrs: { title: sentence } },
    el('span', { attrs: { 'aria-hidden': 'true' } }, t('board.askedAgainShort', { count })),
    el('span', { class: 'visually-hidden' }, sentence),
  );
}

/**
 * The principles a trainee's last typed reply showed. While the round runs, on the row's one line: the first one (a
 * broken one before an honoured one) and how many more; after the round, all of them.
 */
function foundChips(typed: HostView['principles'], found: NonNullable<BoardRow['found']>, ended: boolean): HTMLElement | null {
  const good = found.filter((f) => f.polarity === 'practice').map((f) => f.id);
  const bad = found.filter((f) => f.polarity === 'violation').map((f) => f.id);
  if (ended || found.length < 2) return principleChips(typed, good, bad);
  const chips = bad.length ? principleChips(typed, [], bad.slice(0, 1)) : principleChips(typed, good.slice(0, 1), []);
  const more = t('board.foundMore', { count: found.length - 1 });
  chips?.append(el('li', { class: 'chip chip--more', attrs: { title: more } }, el('span', { attrs: { 'aria-hidden': 'true' } }, `+${found.length - 1}`), el('span', { class: 'visually-hidden' }, more)));
  return chips;
}

function moodBar(mood: number): HTMLElement {
  const fillEl = el('span', { class: 'mood-fill' });
  fillEl.style.width = `${Math.max(0, Math.min(100, mood))}%`;
  fillEl.classList.add(mood >= 60 ? 'mood--good' : mood >= 35 ? 'mood--mid' : 'mood--bad');
  return el(
    'div',
    { class: 'mood', attrs: { role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': mood, 'aria-label': t('board.mood') } },
    el('span', { class: 'mood-track', attrs: { 'aria-hidden': 'true' } }, fillEl),
    el('span', { class: 'mood-num' }, mood),
  );
}

/** While the round runs, the heat map shows the principles that came up for the most trainees, as many as one projector screen holds. */
const HEAT_LIVE_MAX = 10;

/** `max`: at most so many cells (the cells come most trainees first), and a line saying how many more there are. */
function heatMap(view: HostView, cells: HeatCell[], max = Infinity): HTMLElement[] {
  const total = Math.max(1, view.solo?.rows.length ?? view.participants.length);
  const more = Math.max(0, cells.length - max);
  const list = el(
    'ul',
    { class: 'heat' },
    cells.slice(0, max).map((c) => {
      const good = c.polarity === 'practice';
      const cell = el(
        'li',
        { class: `heat-cell ${good ? 'heat--good' : 'heat--bad'}` },
        el('span', { class: 'heat-name' }, el('span', { attrs: { 'aria-hidden': 'true' } }, good ? '✓ ' : '✗ '), txt(view.principles[c.principle]?.name ?? { en: c.principle })),
        el('span', { class: 'heat-num' }, t('board.heatCount', { times: c.times, count: c.trainees })),
        el('span', { class: 'visually-hidden' }, good ? t('principles.honoured') : t('principles.broken')),
      );
      // Intensity: the share of the class it came up for.
      cell.style.setProperty('--heat', String(0.25 + 0.75 * Math.min(1, c.trainees / total)));
      return cell;
    }),
  );
  return [list, ...(more ? [el('p', { class: 'heat-more' }, t('board.heatMore', { count: more }))] : [])];
}

function ranking(rows: BoardRow[]): HTMLElement {
  const places = rankPlaces(rows);
  return el(
    'section',
    { class: 'ranking' },
    el('h2', null, t('board.ranking')),
    el('p', { class: 'ranking-note' }, t('board.rankingNote')),
    el(
      'ol',
      { class: 'ranking-list' },
      rows.map((r, i) =>
        el(
          'li',
          { class: places[i]! <= 3 ? 'rank rank--top' : 'rank' },
          el('span', { class: 'rank-n' }, places[i]!),
          el('span', { class: 'person-name' }, r.name),
          el('span', { class: 'rank-score' }, r.done ? t('board.final', { n: r.overall, grade: r.grade }) : t('board.soFar', { n: r.standing })),
          r.outcome ? el('span', { class: 'rank-outcome' }, tg(`outcomes.${r.outcome}`)) : null,
        ),
      ),
    ),
  );
}

function mistakes(view: HostView, cells: HeatCell[]): HTMLElement {
  return el(
    'section',
    { class: 'mistakes' },
    el('h2', null, t('board.mistakes')),
    cells.length
      ? el(
          'ol',
          { class: 'mistake-list' },
          cells.slice(0, 5).map((c) => {
            const p = view.principles[c.principle];
            return el(
              'li',
              { class: 'mistake' },
              el('p', { class: 'mistake-name' }, txt(p?.name ?? { en: c.principle }), el('span', { class: 'muted' }, ` · ${t('board.heatCount', { times: c.times, count: c.trainees })}`)),
              p ? el('p', { class: 'mistake-tip' }, txt(p.tip)) : null,
            );
          }),
        )
      : el('p', { class: 'muted' }, t('board.noMistakes')),
  );
}
