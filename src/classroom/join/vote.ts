/**
 * Class vote on the phone: the customer small, their line, the replies as big buttons while
 * voting is open (the vote can change until it closes), "Voting closed", and once revealed
 * how the class split and the feedback on the reply this trainee chose.
 */
import type { RoundView, TraineeView } from '../../server/protocol.js';
import { countdown, type Countdown } from '../countdown.js';
import { el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { principleChips, shareBar } from '../principles.js';
import { Stage } from '../stage.js';
import { pct, t, txt } from '../text.js';
import type { JoinContext, JoinScreen } from './context.js';

export class VotePhone implements JoinScreen {
  readonly root: HTMLElement;
  private readonly stage = new Stage(true);
  private readonly status = el('p', { class: 'phone-status' });
  private readonly clock = el('p', { class: 'countdown countdown--phone' });
  private readonly body = el('div', { class: 'phone-body' });
  private readonly timer: Countdown;
  private lastKey = '';

  constructor(private readonly ctx: JoinContext) {
    this.timer = countdown(this.clock, (s) => t('vote.secondsLeft', { count: s }));
    this.root = el('section', { class: 'screen phone vote-phone' }, el('h1', { class: 'visually-hidden' }, t('phone.voteHeading')), this.stage.root, el('div', { class: 'phone-bar' }, this.status, this.clock), this.body);
  }

  update(view: TraineeView): void {
    const vote = view.vote;
    if (!vote) return;
    this.stage.update(view.scenario, vote.now);
    const round = vote.round;
    const status = round?.status ?? 'closed';
    const key = `${round?.turn}:${status}`;
    // Each view brings the time left (the trainer may add time, pause, resume).
    this.timer.set(round?.status === 'open' ? round.remainingMs : undefined);
    if (round?.paused) this.timer.stop();
    if (key !== this.lastKey) {
      if (this.lastKey) announce(t(`phone.status.${status}`));
      this.lastKey = key;
    }
    this.status.textContent = round?.paused ? t('phone.paused') : t(`phone.status.${status}`);
    this.status.dataset.status = status;
    if (!round) return fill(this.body);
    const mine = this.ctx.myVote(round.turn) ?? (round.mine !== undefined ? { choice: round.mine, sending: false } : undefined);
    const choices = vote.now.choices;

    if (round.status === 'open') {
      fill(
        this.body,
        el(
          'div',
          { class: 'choices', attrs: { role: 'group', 'aria-label': t('phone.choose') } },
          choices.map((c, i) =>
            el(
              'button',
              {
                class: `choice${mine?.choice === c.choice ? ' choice--mine' : ''}`,
                key: `choice-${c.choice}`,
                attrs: { type: 'button', 'aria-pressed': String(mine?.choice === c.choice), 'data-choice': c.choice },
                on: { click: () => this.ctx.vote(round.turn, c.choice) },
              },
              el('span', { class: 'choice-num', attrs: { 'aria-hidden': 'true' } }, i + 1),
              el('span', { class: 'choice-text' }, txt(c.text), liveBar(round, c.choice)),
            ),
          ),
        ),
        el(
          'p',
          { class: `vote-note${mine && !mine.sending ? ' vote-note--ok' : ''}`, attrs: { role: 'status' } },
          mine ? (mine.sending ? t('phone.sending') : t('phone.received')) : t('phone.tapToVote'),
        ),
      );
      return;
    }

    const options = round.status === 'revealed' && round.options ? new Map(round.options.map((o) => [o.choice, o])) : undefined;
    const myOption = mine && options?.get(mine.choice);
    // Revealed: the feedback on their own reply first, then how the class split.
    fill(
      this.body,
      round.status === 'closed' ? el('p', { class: 'vote-note', attrs: { role: 'status' } }, mine ? t('phone.closedVoted') : t('phone.closedNoVote')) : null,
      myOption
        ? el('div', { class: 'feedback-card' }, el('h2', null, t('phone.aboutYours')), el('p', null, txt(myOption.feedback)), principleChips(view.principles, myOption.honoured, myOption.broken))
        : options
          ? el('p', { class: 'vote-note' }, t('phone.noVote'))
          : null,
      el(
        'ol',
        { class: 'choices choices--static' },
        choices.map((c, i) => {
          const o = options?.get(c.choice);
          const isMine = mine?.choice === c.choice;
          return el(
            'li',
            { class: `choice choice--static${isMine ? ' choice--mine' : ''}${round.majority === c.choice ? ' choice--majority' : ''}` },
            el('span', { class: 'choice-num', attrs: { 'aria-hidden': 'true' } }, i + 1),
            el(
              'span',
              { class: 'choice-text' },
              txt(c.text),
              isMine ? el('span', { class: 'badge badge--mine' }, t('phone.yourVote')) : null,
              o ? shareBar(o.share, `${pct(o.share)} · ${t('vote.votes', { count: o.votes })}`, round.majority === c.choice) : null,
            ),
          );
        }),
      ),
    );
  }

  dispose(): void {
    this.timer.stop();
  }
}

/** The class's split while voting, when the trainer shows it live. */
function liveBar(round: RoundView, choice: number): HTMLElement | null {
  if (!round.live) return null;
  const i = round.live.options.indexOf(choice);
  const votes = i >= 0 ? round.live.counts[i]! : 0;
  const share = round.voters ? votes / round.voters : 0;
  return shareBar(share, `${pct(share)} · ${t('vote.votes', { count: votes })}`, false);
}
