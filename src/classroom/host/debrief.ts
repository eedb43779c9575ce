/**
 * The class debrief: how it ended, the class's score and grade, how often the class picked
 * the model reply, and turn by turn what the customer said, how the votes split over every
 * reply, which one the customer heard, the model reply, and who decided.
 */
import type { ClassDebriefView, ClassTurnView, HostView, RevealedOption } from '../../server/protocol.js';
import type { LocalizedText } from '../../engine/text.js';
import { button, el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { shareBar } from '../principles.js';
import { pct, t, tg, txt } from '../text.js';
import { seriesPanel } from './series.js';
import type { HostContext, HostScreen } from './context.js';
import { exportLinks } from './exports.js';

/** Reply texts the page saw while the class played (the debrief view does not carry them yet). */
export type ReplyTexts = (turn: number, choice: number) => LocalizedText | undefined;

export class DebriefScreen implements HostScreen {
  readonly root = el('section', { class: 'screen debrief' });
  private shown = '';

  constructor(
    private readonly ctx: HostContext,
    private readonly texts: ReplyTexts,
  ) {}

  update(view: HostView): void {
    const d = view.vote?.debrief;
    if (!d) return;
    const key = `${view.code}:${view.series?.n ?? 1}:${d.turns.length}:${d.overall}`;
    if (key === this.shown) return;
    this.shown = key;
    fill(
      this.root,
      el('h1', null, t('debrief.heading')),
      el('p', { class: 'lead' }, txt(view.scenario.title)),
      summaryCards(d),
      el('h2', null, t('debrief.turns')),
      el('div', { class: 'table-wrap' }, this.table(d)),
      seriesPanel(this.ctx, view, true),
      el(
        'div',
        { class: 'actions' },
        exportLinks(view.code, this.ctx.key()),
        button(t('room.newSession'), () => this.ctx.newSession(), { key: 'new-session', class: 'btn btn--secondary' }),
      ),
    );
    announce(`${t('debrief.heading')}: ${tg(`outcomes.${d.outcome}`)}, ${d.overall}`);
  }

  private table(d: ClassDebriefView): HTMLElement {
    return el(
      'table',
      { class: 'table turns-table' },
      el('caption', { class: 'visually-hidden' }, t('debrief.turns')),
      el(
        'thead',
        null,
        el('tr', null, ['#', t('debrief.said'), t('debrief.votes'), t('debrief.by'), t('debrief.score')].map((h, i) => el('th', { class: i === 4 ? 'num' : undefined, attrs: { scope: 'col' } }, h))),
      ),
      el('tbody', null, d.turns.map((turn) => this.row(turn))),
    );
  }

  private row(turn: ClassTurnView): HTMLElement {
    return el(
      'tr',
      null,
      el('th', { attrs: { scope: 'row' } }, turn.n),
      el('td', { class: 'said' }, txt(turn.line)),
      el(
        'td',
        { class: 'turn-options' },
        el(
          'ol',
          { class: 'turn-option-list' },
          turn.options.map((o, i) => this.option(turn, o, i)),
          turn.picked < 0 ? el('li', { class: 'turn-option turn-option--picked' }, el('span', { class: 'badge badge--picked' }, t('debrief.picked')), ' ', t('debrief.timedOut')) : null,
        ),
      ),
      el('td', { class: 'by' }, t(`debrief.decided.${turn.by}`)),
      el('td', { class: 'num' }, turn.score),
    );
  }

  private option(turn: ClassTurnView, o: RevealedOption & { text?: LocalizedText }, i: number): HTMLElement {
    const picked = o.choice === turn.picked;
    const model = o.choice === turn.model;
    const text = o.text ?? this.texts(turn.n - 1, o.choice);
    return el(
      'li',
      { class: `turn-option${picked ? ' turn-option--picked' : ''}${model ? ' turn-option--model' : ''}` },
      el(
        'div',
        { class: 'turn-option-head' },
        el('span', { class: 'option-num option-num--small' }, i + 1),
        picked ? el('span', { class: 'badge badge--picked' }, t('debrief.picked')) : null,
        model ? el('span', { class: 'badge badge--model' }, t('debrief.model')) : null,
      ),
      text ? el('p', { class: 'turn-option-text' }, txt(text)) : null,
      shareBar(o.share, `${pct(o.share)} · ${t('vote.votes', { count: o.votes })}`, picked),
    );
  }
}

/** Outcome and summary, score and grade, agreement with the model replies. */
export function summaryCards(d: ClassDebriefView): HTMLElement {
  return el(
    'div',
    { class: 'result-cards' },
    el(
      'div',
      { class: `result-card outcome outcome--${d.outcome}` },
      el('p', { class: 'result-label' }, tg('debrief.outcome')),
      el('p', { class: 'result-big' }, tg(`outcomes.${d.outcome}`)),
      el('p', { class: 'result-text' }, txt(d.summary)),
    ),
    el(
      'div',
      { class: 'result-card' },
      el('p', { class: 'result-label' }, tg('debrief.overall')),
      el('p', { class: 'result-big' }, d.overall, el('span', { class: 'result-of' }, ' / 100')),
      el('p', { class: 'result-text' }, `${tg('debrief.grade')} ${d.grade} · ${tg(`grades.${d.grade}`)}`),
    ),
    el(
      'div',
      { class: 'result-card' },
      el('p', { class: 'result-label' }, t('debrief.agreement')),
      el('p', { class: 'result-big' }, `${d.agreed} / ${d.turns.length}`),
      el('p', { class: 'result-text' }, t('debrief.agreed', { n: d.agreed, count: d.turns.length })),
      d.model ? el('p', { class: 'result-text muted' }, t('debrief.modelRoute', { outcome: tg(`outcomes.${d.model.outcome}`), score: d.model.overall })) : null,
    ),
  );
}
