/**
 * Class vote on the projector: the shared customer large, the replies numbered, the
 * countdown and how many have voted (never the split while voting is open); once revealed,
 * each reply's share, whether it is the model reply, the principles it honours or breaks and its
 * feedback (when they do not all fit, one reply whole with its feedback, the class's choice first,
 * another at the press of its number: host/voteFit.ts), and the trainer's controls to close,
 * reveal, reopen, continue with the majority or choose another reply.
 */
import type { ChoiceView, HostView, RevealedOption, RoundView } from '../../server/protocol.js';
import { countdown, type Countdown } from '../countdown.js';
import { button, el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { principleChips, shareBar } from '../principles.js';
import { Stage } from '../stage.js';
import { pct, t, txt } from '../text.js';
import { confirmButton } from './confirm.js';
import type { HostContext, HostScreen } from './context.js';
import { RoomControls } from './roomControls.js';
import { fitVote } from './voteFit.js';

export class VoteScreen implements HostScreen {
  readonly root: HTMLElement;
  private readonly stage = new Stage();
  private readonly turn = el('p', { class: 'round-turn' });
  private readonly state = el('p', { class: 'round-state' });
  private readonly clock = el('p', { class: 'countdown', attrs: { 'aria-hidden': 'true' } });
  private readonly tally = el('p', { class: 'round-tally' });
  private readonly options = el('div', { class: 'options-wrap' });
  private readonly controls = el('div', { class: 'controls-main' });
  private readonly timer: Countdown;
  private readonly clockButtons = el('div', { class: 'clock-controls', attrs: { role: 'group' } });
  private readonly roomControls: RoomControls;
  private lastKey = '';
  private lastView: HostView | undefined;
  /** The reply whose feedback the trainer is showing, in this round (by default the class's choice). */
  private shown: { turn: number; choice: number } | undefined;
  private readonly onResize = () => fitVote(this.root);

  constructor(private readonly ctx: HostContext) {
    this.timer = countdown(this.clock, (s) => t('vote.secondsLeft', { count: s }));
    this.roomControls = new RoomControls(ctx);
    this.root = el(
      'section',
      { class: 'screen vote' },
      el('h1', { class: 'visually-hidden' }, t('vote.heading')),
      el('div', { class: 'vote-stage' }, this.stage.root),
      // The round's line over the replies (revealed, beside the customer's line: the replies get its row).
      el('div', { class: 'round-bar' }, this.turn, this.state, this.clock, this.tally),
      el('div', { class: 'vote-side' }, this.clockButtons, this.options),
      // The room controls in the controls' row (opened, they float over the columns): the columns keep the height.
      el(
        'div',
        { class: 'controls' },
        this.controls,
        this.roomControls.root,
        el('div', { class: 'controls-end' }, confirmButton(t('vote.end'), t('vote.endConfirm'), () => void ctx.act({ type: 'end' }), 'end')),
      ),
    );
    addEventListener('resize', this.onResize);
  }

  update(view: HostView): void {
    const vote = view.vote;
    if (!vote) return;
    const round = vote.round;
    this.lastView = view;
    this.stage.update(view.scenario, vote.now);
    this.turn.textContent = t('vote.turn', { n: vote.now.turn + 1 });
    const status = round?.status ?? 'closed';
    this.state.textContent = round?.paused ? t('vote.paused') : t(`vote.status.${status}`);
    this.root.dataset.paused = String(!!round?.paused);
    this.state.dataset.status = status;
    this.root.dataset.status = status;
    // The countdown restarts only when the round (or its reopening) changes, not on each vote.
    // (and when the trainer adds time, pauses or resumes: the time left then changes).
    const key = `${round?.turn}:${status}:${round?.paused ? `p${round.remainingMs}` : ''}:${this.clockChange(view)}`;
    if (key !== this.lastKey) {
      this.timer.set(round && status === 'open' ? round.remainingMs : undefined);
      if (round?.paused) this.timer.stop();
      if (this.lastKey) announce(t(`vote.status.${status}`));
      this.lastKey = key;
    }
    this.tally.textContent = round ? t('vote.tally', { n: round.voters, count: round.participants }) : '';
    this.tally.dataset.voters = String(round?.voters ?? 0);
    fill(this.options, round ? this.optionList(view, vote.now.choices, round) : null);
    fill(this.controls, round ? this.buttons(round) : null);
    fill(this.clockButtons, round?.status === 'open' ? this.clockControls(round) : null);
    this.roomControls.update(view);
    this.fit();
  }

  /** The line and the replies fit their columns (host/voteFit.ts): now, and again once the pictures and fonts are in. */
  private fit(): void {
    fitVote(this.root);
    requestAnimationFrame(() => fitVote(this.root));
  }

  private clockSeen = { deadline: 0, n: 0 };

  /** A count that changes when the deadline moves by more than a second (time added, resumed). */
  private clockChange(view: HostView): number {
    const r = view.vote?.round;
    if (!r || r.status !== 'open' || r.paused) return this.clockSeen.n;
    const deadline = performance.now() + r.remainingMs;
    if (Math.abs(deadline - this.clockSeen.deadline) > 1500) this.clockSeen = { deadline, n: this.clockSeen.n + 1 };
    return this.clockSeen.n;
  }

  private clockControls(round: RoundView): HTMLElement[] {
    const busy = this.ctx.busy();
    return [
      button(t('vote.addTime'), () => void this.ctx.act({ type: 'addTime' }), { key: 'add-time', class: 'btn btn--small', disabled: busy }),
      round.paused
        ? button(t('vote.resume'), () => void this.ctx.act({ type: 'resume' }), { key: 'pause', class: 'btn btn--small btn--primary', disabled: busy })
        : button(t('vote.pause'), () => void this.ctx.act({ type: 'pause' }), { key: 'pause', class: 'btn btn--small', disabled: busy }),
    ];
  }

  private optionList(view: HostView, choices: ChoiceView[], round: RoundView): (HTMLElement | null)[] {
    const revealed = round.status === 'revealed' && round.options ? new Map(round.options.map((o) => [o.choice, o])) : undefined;
    const shown = revealed ? this.shownChoice(round, choices) : undefined;
    const list = el(
      'ol',
      { class: revealed ? 'options options--revealed' : 'options' },
      choices.map((c, i) => {
        const o = revealed?.get(c.choice);
        const isMajority = round.majority === c.choice;
        const isShown = !!o && shown === c.choice;
        return el(
          'li',
          { class: `option${isMajority ? ' option--majority' : ''}${isShown ? ' option--shown' : ''}`, attrs: { 'data-choice': c.choice, value: i + 1 } },
          o
            ? button(String(i + 1), () => this.show(round.turn, c.choice), {
                key: `why-${c.choice}`,
                class: 'option-num option-why',
                pressed: isShown,
                attrs: { 'aria-label': t('vote.why', { n: i + 1 }), title: t('vote.why', { n: i + 1 }) },
              })
            : el('span', { class: 'option-num', attrs: { 'aria-hidden': 'true' } }, i + 1),
          el(
            'div',
            { class: 'option-body' },
            el('p', { class: 'option-text' }, el('span', { class: 'visually-hidden' }, `${t('vote.reply', { n: i + 1 })}: `), txt(c.text)),
            o ? this.revealedPart(view, o, i, { majority: isMajority, model: round.model === c.choice }, round) : this.livePart(round, c.choice),
          ),
        );
      }),
    );
    return [list, round.status === 'revealed' && round.tie ? el('p', { class: 'note note--tie' }, t('vote.tie')) : null];
  }

  /** The reply whose feedback is shown: the trainer's pick in this round, else the class's choice, else the first. */
  private shownChoice(round: RoundView, choices: ChoiceView[]): number | undefined {
    const on = (c: number | undefined) => c !== undefined && choices.some((x) => x.choice === c);
    if (this.shown?.turn === round.turn && on(this.shown.choice)) return this.shown.choice;
    return on(round.majority) ? round.majority : choices[0]?.choice;
  }

  private show(turn: number, choice: number): void {
    this.shown = { turn, choice };
    if (this.lastView) this.update(this.lastView);
  }

  /** The split while voting, when the trainer shows it live. */
  private livePart(round: RoundView, choice: number): HTMLElement | null {
    const live = round.live;
    if (!live || round.status !== 'open') return null;
    const i = live.options.indexOf(choice);
    const votes = i >= 0 ? live.counts[i]! : 0;
    const share = round.voters ? votes / round.voters : 0;
    return el('div', { class: 'option-live' }, shareBar(share, `${pct(share)} · ${t('vote.votes', { count: votes })}`, false));
  }

  private revealedPart(view: HostView, o: RevealedOption, i: number, is: { majority: boolean; model: boolean }, round: RoundView): HTMLElement {
    const isMajority = is.majority;
    return el(
      'div',
      { class: 'option-reveal' },
      el(
        'div',
        { class: 'reveal-row' },
        shareBar(o.share, `${pct(o.share)} · ${t('vote.votes', { count: o.votes })}`, isMajority),
        isMajority ? el('span', { class: 'badge badge--majority' }, t('vote.majority')) : null,
        is.model ? el('span', { class: 'badge badge--model' }, t('debrief.model')) : null,
        isMajority && round.voters > 0
          ? null
          : button(t('vote.override', { n: i + 1 }), () => void this.ctx.act({ type: 'advance', choice: o.choice, turn: round.turn }), {
              key: `override-${o.choice}`,
              class: 'btn btn--small btn--secondary',
              disabled: this.ctx.busy(),
            }),
      ),
      principleChips(view.principles, o.honoured, o.broken),
      el('p', { class: 'option-feedback' }, txt(o.feedback), el('span', { class: 'reveal-hint' }, ` ${t('vote.whyHint')}`)),
    );
  }

  private buttons(round: RoundView): HTMLElement[] {
    const busy = this.ctx.busy();
    const act = (type: 'close' | 'reveal' | 'reopen') => () => void this.ctx.act({ type });
    const out: HTMLElement[] = [];
    if (round.status === 'open') out.push(button(t('vote.close'), act('close'), { key: 'close', class: 'btn btn--primary', disabled: busy }));
    if (round.status !== 'revealed') out.push(button(t('vote.reveal'), act('reveal'), { key: 'reveal', class: round.status === 'open' ? 'btn' : 'btn btn--primary', disabled: busy }));
    if (round.status !== 'open') out.push(button(t('vote.reopen'), act('reopen'), { key: 'reopen', class: 'btn', disabled: busy }));
    if (round.status !== 'open') {
      if (round.voters > 0) {
        out.push(button(t('vote.continue'), () => void this.ctx.act({ type: 'advance', turn: round.turn }), { key: 'continue', class: 'btn btn--primary', disabled: busy }));
      } else if (round.canTimeOut) {
        out.push(button(t('vote.continueTimeout'), () => void this.ctx.act({ type: 'advance', choice: -1, turn: round.turn }), { key: 'continue-timeout', class: 'btn btn--primary', disabled: busy }));
      } else {
        out.push(el('p', { class: 'help' }, t(round.status === 'revealed' ? 'vote.nobodyPick' : 'vote.nobodyReveal')));
      }
    }
    return out;
  }

  dispose(): void {
    removeEventListener('resize', this.onResize);
    this.timer.stop();
    this.roomControls.dispose();
  }
}
