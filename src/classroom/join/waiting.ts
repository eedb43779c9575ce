/** The phone before the trainer starts (the situation to read while waiting), and after a class vote ends. */
import type { TraineeView } from '../../server/protocol.js';
import { el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { t, txt } from '../text.js';
import type { JoinScreen } from './context.js';
import { resultCard } from './solo.js';

export class LobbyPhone implements JoinScreen {
  readonly root = el('section', { class: 'screen phone lobby-phone' });
  private shown = '';

  update(view: TraineeView): void {
    // Drawn again only when how the class plays changes (the trainer may turn typed replies on or off), or the name.
    const key = `${view.mode}:${view.ownWords ? 'typed' : 'picked'}:${view.name}`;
    if (key === this.shown) return;
    const first = !this.shown;
    this.shown = key;
    fill(
      this.root,
      el('h1', null, t('phone.welcome', { name: view.name })),
      el('p', { class: 'waiting-note', attrs: { role: 'status' } }, el('span', { class: 'pulse', attrs: { 'aria-hidden': 'true' } }), t('phone.waiting')),
      el(
        'div',
        { class: 'brief-card' },
        el('h2', null, txt(view.scenario.title)),
        el('p', null, txt(view.scenario.brief)),
        el('p', { class: 'muted' }, t(`phone.${view.mode}About`)),
        view.ownWords ? el('p', { class: 'muted own-words-about' }, t('phone.ownWordsAbout')) : null,
      ),
    );
    if (first) announce(t('phone.waiting'));
  }
}

export class VoteEndedPhone implements JoinScreen {
  readonly root = el('section', { class: 'screen phone ended-phone' });
  private shown = '';

  update(view: TraineeView): void {
    const d = view.vote?.debrief;
    const key = d ? `${d.overall}:${d.rounds}` : 'none';
    if (key === this.shown) return;
    this.shown = key;
    if (!d) {
      fill(this.root, el('h1', null, t('phone.sessionEnded')), el('p', null, t('phone.sessionEndedText')));
      return;
    }
    fill(
      this.root,
      el('h1', null, t('phone.classResult')),
      resultCard(d),
      el('p', { class: 'result-text' }, t('debrief.agreed', { n: d.agreed, count: d.rounds })),
      el('p', { class: 'muted' }, t('phone.thanks')),
    );
    announce(t('phone.classResult'));
  }
}
