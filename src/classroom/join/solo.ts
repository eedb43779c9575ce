/**
 * Everyone plays, on the phone: the trainee's own customer and replies, the time limit where
 * the scenario sets one, coaching after every reply (read, then Continue), and at the end
 * the outcome, score, grade and each turn again.
 */
import { creditedApart } from '../../engine/scoring/credited.js';
import { signed } from '../../engine/text.js';
import type { ResultView, TraineeView, TurnFeedback } from '../../server/protocol.js';
import { countdown, type Countdown } from '../countdown.js';
import { button, el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { principleChips } from '../principles.js';
import { Stage } from '../stage.js';
import { t, tg, txt } from '../text.js';
import type { JoinContext, JoinScreen } from './context.js';
import { draft, SayBox, saidBlock } from './said.js';

export class SoloPhone implements JoinScreen {
  readonly root: HTMLElement;
  private readonly stage = new Stage(true);
  private readonly clock = el('p', { class: 'countdown countdown--phone' });
  private readonly choices = el('div', { class: 'phone-body' });
  private readonly play: HTMLElement;
  private readonly other = el('div', { class: 'phone-other' });
  private readonly timer: Countdown;
  private timerTurn = -1;
  private shown = '';
  /** Own words: the box (made once: what is typed survives updates), and this turn's state. */
  private readonly sayBox = new SayBox({ send: (text) => void this.send(text), pick: () => this.pickInstead() });
  private sayTurn = -1;
  private sayShown = '';
  private saying = false;
  private sayNote = '';
  private last?: TraineeView;

  constructor(
    private readonly ctx: JoinContext & { coachedUpTo(): number },
  ) {
    this.timer = countdown(
      this.clock,
      (s) => t('vote.secondsLeft', { count: s }),
      () => this.ctx.timeout(this.timerTurn),
    );
    this.play = el('div', { class: 'solo-play' }, this.stage.root, el('div', { class: 'phone-bar' }, el('p', { class: 'phone-status' }, t('phone.yourTurn')), this.clock), this.choices);
    this.root = el('section', { class: 'screen phone solo-phone' }, el('h1', { class: 'visually-hidden' }, t('phone.soloHeading')), this.play, this.other);
  }

  update(view: TraineeView): void {
    this.last = view;
    const solo = view.solo;
    if (!solo) return;
    const turn = solo.now.turn;
    const last = solo.last;
    let mode: 'coach' | 'result' | 'ended' | 'play';
    if (last && last.turn > this.ctx.coachedUpTo()) mode = 'coach';
    else if (solo.result) mode = 'result';
    else if (view.phase === 'ended') mode = 'ended';
    else mode = 'play';
    // A time limit runs only while its decision is on screen (not during the coaching before it).
    if (mode !== 'play' || solo.remainingMs === undefined) {
      this.timer.set(undefined);
      this.timerTurn = -1;
    } else if (turn !== this.timerTurn) {
      this.timerTurn = turn;
      this.timer.set(solo.remainingMs);
      this.ctx.seen(turn);
    }
    this.play.hidden = mode !== 'play';
    this.other.hidden = mode === 'play';

    if (mode === 'play') {
      this.stage.update(view.scenario, solo.now);
      const at = `${view.code}:${view.series?.n ?? 1}:${turn}`;
      if (solo.ownWords && draft.picking !== at) return this.showSayBox(turn, at, solo.askedAgain ?? 0);
      this.sayShown = '';
      const sending = this.ctx.choosing();
      fill(
        this.choices,
        el(
          'div',
          { class: 'choices', attrs: { role: 'group', 'aria-label': t('phone.choose') } },
          solo.now.choices.map((c, i) =>
            el(
              'button',
              {
                class: `choice${sending?.choice === c.choice && sending.turn === turn ? ' choice--mine' : ''}`,
                key: `choice-${c.choice}`,
                attrs: { type: 'button', disabled: !!sending, 'data-choice': c.choice },
                on: { click: () => this.ctx.choose(turn, c.choice) },
              },
              el('span', { class: 'choice-num', attrs: { 'aria-hidden': 'true' } }, i + 1),
              el('span', { class: 'choice-text' }, txt(c.text)),
            ),
          ),
        ),
        sending ? el('p', { class: 'vote-note', attrs: { role: 'status' } }, t('phone.sending')) : null,
        // Picking instead of typing for this turn: the way back to the box (with what was typed).
        solo.ownWords && !sending ? button(t('phone.typeInstead'), () => this.typeInstead(), { key: 'type-instead', class: 'btn btn--secondary btn--block say-again' }) : null,
      );
      return;
    }
    // Coaching, results and the end are drawn once each.
    const key = `${mode}:${last?.turn}:${view.phase}`;
    if (key === this.shown) return;
    this.shown = key;
    if (mode === 'coach') {
      const ending = !!solo.now.ending;
      fill(
        this.other,
        coaching(view, last!),
        button(t(ending ? 'phone.seeResult' : 'phone.next'), () => this.ctx.coached(last!.turn), { key: 'coach-next', class: 'btn btn--primary btn--big btn--block' }),
      );
      announce(`${t('phone.coachHeading', { n: last!.turn + 1 })}: ${txt(last!.feedback)}`);
    } else if (mode === 'result') {
      fill(this.other, result(view, solo.result!));
      announce(`${tg(`outcomes.${solo.result!.outcome}`)}: ${solo.result!.overall}`);
    } else {
      // Ended before this customer was done: the turns played, to look back on (play-test: only "see the big screen").
      const soFar = solo.soFar;
      fill(
        this.other,
        el('div', { class: 'waiting' }, el('h2', null, t('phone.roundEnded')), el('p', null, t('phone.roundEndedText'))),
        soFar?.length ? el('div', { class: 'solo-result' }, el('h3', null, t('phone.turnsSoFar')), turnList(view, soFar)) : null,
      );
    }
  }

  dispose(): void {
    this.timer.stop();
  }

  /** Own words: the box for this turn (drawn again only when something about it changed, so typing is never cut). */
  private showSayBox(turn: number, at: string, askedAgain: number): void {
    if (turn !== this.sayTurn) {
      this.sayTurn = turn;
      this.sayNote = '';
      // A new decision starts empty; the same one (the screen rebuilt) keeps what was typed, and what was heard.
      if (draft.at !== at) Object.assign(draft, { at, text: '', heard: [] });
      this.sayBox.input.value = draft.text;
    }
    this.sayBox.set({ sending: this.saying, note: this.sayNote, askedAgain: askedAgain > 0, heard: this.heardNote() });
    const key = `${turn}`;
    if (key === this.sayShown && this.choices.contains(this.sayBox.root)) return;
    this.sayShown = key;
    fill(this.choices, this.sayBox.root);
    this.sayBox.input.focus({ preventScroll: true });
  }

  private async send(text: string): Promise<void> {
    const turn = this.sayTurn;
    if (this.saying || turn < 0) return;
    if (!text.trim()) {
      this.sayNote = t('phone.notice.empty');
      return this.redraw();
    }
    this.saying = true;
    this.sayNote = '';
    draft.heard = [];
    this.redraw();
    const r = await this.ctx.say(turn, text);
    this.saying = false;
    if (r.ok && r.askedAgain && Array.isArray(r.heard)) draft.heard = r.heard.filter((n) => typeof n?.en === 'string' || typeof n?.['zh-CN'] === 'string');
    if (!r.ok) this.sayNote = r.notice ? t(`phone.notice.${r.notice === 'binary' || r.notice === 'no-words' ? r.notice : 'empty'}`) : '';
    // Taken: the next view brings the coaching, or the customer asking again (the text stays to reword).
    this.redraw();
    if (!r.ok || r.askedAgain) this.sayBox.input.focus({ preventScroll: true });
  }

  /** What the judge heard in a reply the customer did not take up, good in itself; '' when nothing. */
  private heardNote(): string {
    if (!draft.heard.length) return '';
    const found = draft.heard.map((n) => `“${txt(n)}”`).join(t('phone.heardJoin'));
    return t('phone.heardNotNow', { found, name: txt(this.last?.scenario.customer.name) });
  }

  private pickInstead(): void {
    draft.picking = draft.at;
    this.redraw();
  }

  private typeInstead(): void {
    draft.picking = '';
    this.redraw();
  }

  private redraw(): void {
    if (this.last) this.update(this.last);
  }
}

/** What the trainee said: the reply picked, or the text typed with what the judge found in it. */
function saidPart(view: TraineeView, f: TurnFeedback): HTMLElement[] {
  if (f.said) return saidBlock({ ...f, said: f.said }, view.principles);
  return [el('p', { class: 'said-label' }, t('phone.youSaid')), el('blockquote', { class: 'said' }, f.text ? txt(f.text) : t('phone.noReply'))];
}

function coaching(view: TraineeView, f: TurnFeedback): HTMLElement {
  return el(
    'div',
    { class: 'feedback-card coaching' },
    el('h2', null, t('phone.coachHeading', { n: f.turn + 1 })),
    saidPart(view, f),
    el('p', { class: 'turn-score' }, t('phone.turnScore', { n: signed(f.score) })),
    feedbackOf(f),
    ...chipsOf(view, f),
  );
}

/**
 * The principles honoured and broken; for a typed turn, those credited through the reply it was read as (not
 * found in the words) apart, under their own label.
 */
function chipsOf(view: TraineeView, f: TurnFeedback): (HTMLElement | null)[] {
  if (!f.said || f.said.verbatim) return [principleChips(view.principles, f.honoured, f.broken)];
  const { wrote, credited } = creditedApart(f.honoured, f.said.found);
  return [
    principleChips(view.principles, wrote, f.broken),
    ...(credited.length ? [el('p', { class: 'credited-label' }, t('phone.credited')), principleChips(view.principles, credited, [])] : []),
  ];
}

/** The coaching's words (for a typed turn, the server's: the better reply on offer, not the authored reply's feedback). */
function feedbackOf(f: TurnFeedback): HTMLElement {
  return el('p', { class: 'feedback-text' }, txt(f.feedback));
}

export function resultCard(r: ResultView): HTMLElement {
  return el(
    'div',
    { class: `result-card result-card--phone outcome--${r.outcome}` },
    el('p', { class: 'result-label' }, tg('debrief.outcome')),
    el('p', { class: 'result-big' }, tg(`outcomes.${r.outcome}`)),
    el('p', { class: 'result-text' }, txt(r.summary)),
    el(
      'p',
      { class: 'result-score' },
      el('span', { class: 'result-num' }, r.overall),
      el('span', { class: 'result-of' }, ' / 100 · '),
      `${tg('debrief.grade')} ${r.grade} · ${tg(`grades.${r.grade}`)}`,
    ),
  );
}

function result(view: TraineeView, r: ResultView & { turns: TurnFeedback[] }): HTMLElement {
  return el('div', { class: 'solo-result' }, el('h2', null, t('phone.resultHeading')), resultCard(r), el('h3', null, t('phone.turns')), turnList(view, r.turns));
}

/** Each turn played: what was said, its score, the feedback and the principles. */
function turnList(view: TraineeView, turns: TurnFeedback[]): HTMLElement {
  return el(
    'ol',
    { class: 'result-turns' },
    turns.map((f) =>
      el(
        'li',
        { class: 'result-turn' },
        f.said ? saidBlock({ ...f, said: f.said }, view.principles) : el('p', { class: 'said' }, f.text ? txt(f.text) : t('phone.noReply')),
        el('p', { class: 'turn-score' }, t('phone.turnScore', { n: signed(f.score) })),
        feedbackOf(f),
        ...chipsOf(view, f),
      ),
    ),
  );
}
