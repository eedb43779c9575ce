/**
 * Play: the customer, their line, the replies, the meters, the countdown and the coaching.
 * Everything shown comes from the session actor; the scene only sends intents
 * (choose, tick) and presents what the engine decided.
 */
import Phaser from 'phaser';
import type { Expression } from '../../engine/scenario/schema.js';
import type { Catalog } from '../../engine/catalog/catalog.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { snapshotFits, type SessionState } from '../../engine/session/session.js';
import { pick } from '../../engine/text.js';
import { SessionController } from '../sessionController.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { onKeys } from '../ui/keys.js';
import { CharacterView, type CallFrame } from '../stage/character.js';
import { CountdownView } from '../stage/countdown.js';
import { MeterView } from '../stage/meter.js';
import { SpeechPanel } from '../stage/speech.js';
import { ProgressBar, SHOW_BAR_AFTER_MS } from '../ui/progress.js';
import { Typewriter } from '../ui/typewriter.js';
import { BaseScene } from './BaseScene.js';
import { showCoaching } from '../play/coaching.js';
import { showIntro } from '../play/intro.js';
import { conversation } from '../play/conversation.js';
import { layReplies } from '../play/replies.js';
import type { Exchange } from './HistoryScene.js';

export interface PlayData {
  scenario: string;
  seed: number;
  snapshot?: unknown;
  /** Go straight to the first line (e.g. when the file was just edited). */
  skipIntro?: boolean;
  /** The last turn's coaching was on screen (a reload or a rebuild shows it again). */
  coaching?: boolean;
}

type Phase = 'loading' | 'intro' | 'line' | 'choosing' | 'coaching' | 'ending';

const TICK_MS = 100;
/** After the replies appear, Enter and Space wait this long before pressing one (number keys do not). */
const CHOICE_HOLD_MS = 450;

export class PlayScene extends BaseScene<PlayData> {
  private session?: SessionController;
  private scenario?: Scenario;
  private phase: Phase = 'loading';
  private turnsShown = 0;
  private focus!: FocusGroup;
  /** On the stage under the canvas (see stage/layer.ts): the customer, their line, the meters. */
  private character?: CharacterView;
  private expression: Expression = 'neutral';
  private meters = new Map<string, MeterView>();
  private speech?: SpeechPanel;
  private line = '';
  private typewriter!: Typewriter;
  private choiceButtons: Button[] = [];
  private countdown?: CountdownView;
  private clock?: Phaser.Time.TimerEvent;
  private callClock?: Phaser.Time.TimerEvent;
  private unsubscribe?: () => void;

  constructor() {
    super('Play');
  }

  override init(data: PlayData): void {
    super.init(data);
    this.session = undefined;
    this.scenario = undefined;
    this.phase = 'loading';
    this.turnsShown = 0;
    this.meters = new Map();
    this.choiceButtons = [];
    this.countdown = undefined;
    this.clock = undefined;
    this.callClock = undefined;
    this.character = undefined;
    this.speech = undefined;
    this.line = '';
    this.expression = 'neutral';
    this.lastChoices = [];
    this.lineStartedAt = 0;
    this.unsubscribe = undefined;
    // The stage's animations (meters, face, countdown) stop with the scene's own clock.
    const pauseStage = () => this.svc.stage.pause();
    const resumeStage = () => this.svc.stage.resume();
    this.events.on(Phaser.Scenes.Events.PAUSE, pauseStage);
    this.events.on(Phaser.Scenes.Events.RESUME, resumeStage);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.PAUSE, pauseStage);
      this.events.off(Phaser.Scenes.Events.RESUME, resumeStage);
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.session?.stop();
      this.character?.remove();
      this.speech?.remove();
      this.countdown?.remove();
      for (const m of this.meters.values()) m.remove();
    });
  }

  create(): void {
    this.backdrop(null, 0);
    this.withLibrary((lib) => {
      const scenario = lib.find(this.args.scenario);
      if (!scenario) {
        this.scene.start('Select');
        return;
      }
      this.scenario = scenario;
      this.loadArt(scenario, () => this.start(scenario, lib.catalog));
    });
  }

  /**
   * This customer's eight faces, on the stage, each decoded before play starts (the backdrop is
   * the page's). A caller is in a call frame where a customer would stand.
   */
  private loadArt(s: Scenario, then: () => void): void {
    const { w, h, portrait } = this;
    const charH = portrait ? 470 : 560;
    const cx = portrait ? w / 2 : 250;
    const cy = portrait ? 110 + charH / 2 : h - charH / 2 + 20;
    const { look } = s.customer;
    const locale = this.svc.locale();
    const call: CallFrame | undefined =
      look.channel === 'phone'
        ? {
            ...(portrait ? { x: 150, y: 84, width: 420, height: 496 } : { x: 30, y: 92, width: 440, height: 604 }),
            name: pick(s.customer.name, locale),
            label: this.t('play.onTheCall'),
            ended: this.t('play.callEnded'),
            ...(look.place ? { place: look.place } : {}),
          }
        : undefined;
    const character = new CharacterView(this.svc.stage, look.character, { cx, cy, height: charH }, this.svc.reducedMotion, call);
    this.character = character;
    const bar = new ProgressBar(this, SHOW_BAR_AFTER_MS);
    const here = this.thisStart();
    void character
      .load((p) => {
        if (here()) bar.set(p);
      })
      .then(() =>
        this.whenRunning(here, () => {
          bar.destroy();
          then();
        }),
      );
  }

  private start(scenario: Scenario, catalog: Catalog): void {
    const { svc } = this;
    // A saved game that no longer fits the scenario (the file was edited since) starts afresh.
    const snapshot = this.args.snapshot && snapshotFits(scenario, this.args.snapshot) ? this.args.snapshot : undefined;
    this.session = new SessionController(scenario, catalog, this.args.seed, snapshot);
    this.children.removeAll(true);
    this.backdrop(scenario.setting, 0.1);
    this.fadeIn();
    svc.audio.ambient(scenario.setting);
    this.layout(scenario);
    this.focus = new FocusGroup(this, { numbered: true, onEscape: () => this.pause() });
    onKeys(this, (e) => this.onKey(e));
    this.turnsShown = this.session.state.turns.length;
    this.unsubscribe = this.session.subscribe((s) => this.onState(s));
    // The customer stands there from the start (under the intro card too); a call's time runs from here.
    this.setExpression(this.session.expression());
    if (scenario.customer.look.channel === 'phone') {
      let seconds = 0;
      this.callClock = this.time.addEvent({ delay: 1000, loop: true, callback: () => this.phase !== 'ending' && this.character?.setCallTime(++seconds) });
    }
    if (snapshot && this.args.coaching && this.session.state.turns.length) this.showCoachingAgain();
    else if (this.session.ended) this.showEnding();
    else if (this.session.state.turns.length || this.args.snapshot || this.args.skipIntro) this.showNode(false);
    else this.showIntro(scenario);
  }

  /** Before the first line: the brief and who the customer is (play/intro.ts). */
  private showIntro(s: Scenario): void {
    this.phase = 'intro';
    this.speech!.hide();
    const { begin, spoken } = showIntro(this, s, this.svc.locale(), { ...this.panel, bottom: this.h - 12 }, () => this.showNode(false));
    this.focus.set([begin], true);
    this.svc.live.say(spoken);
    this.report([begin.label.text]);
  }

  private layout(s: Scenario): void {
    const { w, portrait } = this;
    const locale = this.svc.locale();
    // Meters across the top.
    const ms = this.session!.meters();
    const mw = portrait ? (w - 140 - 16 * ms.length) / ms.length : 190;
    ms.forEach((m, i) => {
      const x = portrait ? 130 + i * (mw + 16) : w - 24 - (ms.length - i) * (mw + 12);
      const meter = new MeterView(this.svc.stage, x, 16, mw, this.t(`meters.${m.id}`), m.good);
      meter.set(m.value, false);
      this.meters.set(m.id, meter);
    });
    const pause = this.button(portrait ? 60 : 70, 42, this.t('play.pause'), { width: portrait ? 100 : 120, height: 48, size: 20 }, () => this.pause());
    pause.setDepth(5);

    // The customer's name, the stage direction and the line; the panel fits its text.
    const px = portrait ? 20 : 500;
    const pw = portrait ? w - 40 : w - px - 24;
    const py = portrait ? 590 : 92;
    this.panel = { x: px, y: py, w: pw };
    const speech = new SpeechPanel(this.svc.stage, px, py, pw, pick(s.customer.name, locale), { minHeight: portrait ? 190 : 150, lineSize: portrait ? 28 : 25 });
    this.speech = speech;
    this.typewriter = new Typewriter(this, speech, () => this.svc.audio.play('ui-type'));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (this.phase === 'line' && speech.contains(p.x, p.y)) this.typewriter.skip();
    });
  }

  private panel = { x: 0, y: 0, w: 0 };

  /** Lay out this note and line on the panel (in full, before the typewriter starts). */
  private fitPanel(note: string, line: string): void {
    this.line = line;
    this.speech!.show(note, line);
  }

  private get panelBottom(): number {
    return this.speech?.bottom ?? this.panel.y;
  }

  protected override restartData(): PlayData {
    return this.session ? { ...this.args, snapshot: this.session.persisted(), coaching: this.phase === 'coaching' } : this.args;
  }

  private get choicesTop(): number {
    return this.panelBottom + 20;
  }

  /** The conversation so far (play/conversation.ts), for the history overlay. */
  conversation(): Exchange[] {
    if (!this.session || this.phase === 'loading' || this.phase === 'intro') return [];
    return conversation(this.session, this.svc.locale(), { you: this.t('debrief.you'), noReply: this.t('play.noReply') }, this.phase === 'line' || this.phase === 'choosing');
  }

  /** Open the conversation so far over the play screen. */
  private showHistory(): void {
    if (this.phase === 'loading' || this.phase === 'intro') return;
    this.svc.audio.play('ui-click');
    this.scene.pause();
    this.scene.launch('History', { from: 'Play', lines: this.conversation() });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'h' || e.key === 'H') {
      e.preventDefault();
      this.showHistory();
      return;
    }
    // The Enter that pressed Continue must not also skip the line it started.
    if (this.phase === 'line' && e.timeStamp > this.lineStartedAt && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.typewriter.skip();
    }
  }

  private onState(s: SessionState): void {
    if (s.turns.length > this.turnsShown) {
      this.turnsShown = s.turns.length;
      this.stopClock();
      this.saveResume();
      this.showCoaching();
    }
  }

  private saveResume(): void {
    const { session, args: data } = this;
    if (!session) return;
    if (session.ended) {
      const d = session.debrief();
      // Kept as the game to continue until the debrief is shown: a reload during the last coaching
      // or the ending still leads there.
      this.svc.progress.recordAttempt(
        {
          scenario: session.play.scenario.id,
          at: new Date().toISOString(),
          overall: d.overall,
          grade: d.grade,
          outcome: d.outcome,
          path: d.path,
          seed: session.state.seed,
        },
        { seed: data.seed, snapshot: session.persisted() },
      );
      return;
    }
    this.svc.progress.update((p) => (p.resume = session.ended ? null : { scenario: data.scenario, seed: data.seed, snapshot: session.persisted(), coaching: true }));
  }

  /** The coaching was read: a reload now goes on to the next line. */
  private dismissCoaching(): void {
    this.svc.progress.update((p) => {
      if (p.resume) p.resume.coaching = false;
    });
  }

  /** Back to the coaching of the last turn (after a reload or a rebuild): under the line it answered. */
  private showCoachingAgain(): void {
    const session = this.session!;
    const last = session.state.turns.at(-1)!;
    const node = session.play.scenario.nodes[last.node]!;
    const locale = this.svc.locale();
    this.setExpression(session.expression());
    this.fitPanel(node.note ? pick(node.note, locale) : '', pick(node.line[last.variant] ?? node.line[0]!, locale));
    this.speech!.reveal(Infinity);
    this.showCoaching();
  }

  private setExpression(e: Expression): void {
    if (!this.character || !this.scenario) return;
    this.expression = e;
    this.character.show(e);
  }

  private updateMeters(animate: boolean): void {
    for (const m of this.session!.meters()) this.meters.get(m.id)?.set(m.value, animate && !this.svc.reducedMotion);
  }

  private showNode(animate: boolean): void {
    const session = this.session!;
    const node = session.play.scenario.nodes[session.state.node];
    if (!node) return this.showEnding();
    const locale = this.svc.locale();
    this.phase = 'line';
    this.clearChoices();
    this.setExpression(session.expression());
    this.updateMeters(animate);
    const line = pick(node.line[session.state.variant] ?? node.line[0]!, locale);
    this.fitPanel(node.note ? pick(node.note, locale) : '', line);
    this.report([]);
    this.lineStartedAt = performance.now();
    this.typewriter.start(this.svc.reducedMotion, () => this.showChoices());
  }

  private showChoices(): void {
    const session = this.session!;
    const node = session.play.scenario.nodes[session.state.node]!;
    const locale = this.svc.locale();
    this.phase = 'choosing';
    const { w, portrait } = this;
    const offered = session.offered();
    const box = { x: portrait ? w / 2 : 500 + (w - 524) / 2, top: this.choicesTop + (node.timeLimit ? 34 : 0), w: portrait ? w - 40 : w - 524, bottom: this.h };
    this.choiceButtons = layReplies(this, offered, locale, box, (i) => {
      if (this.phase !== 'choosing') return;
      this.svc.audio.play('ui-select');
      session.choose(i);
    });
    this.focus.set(this.choiceButtons, true);
    this.focus.holdPresses(CHOICE_HOLD_MS);
    if (node.timeLimit) this.startClock(node.timeLimit);
    const texts = offered.map((c) => pick(c.text, locale));
    // The stage direction too: how the customer says it is part of what they say.
    const note = node.note ? [pick(node.note, locale)] : [];
    this.svc.live.say([...note, `${pick(session.play.scenario.customer.name, locale)}: ${this.line}`, ...texts.map((t, i) => `${i + 1}. ${t}`)]);
    this.report(texts);
  }

  private clearChoices(): void {
    this.focus.set([]);
    this.choiceButtons.forEach((b) => b.destroy());
    this.choiceButtons = [];
  }

  /** Time runs in the engine: the scene only reports elapsed time and draws the countdown. */
  private startClock(limit: number): void {
    const { w, portrait } = this;
    const x0 = portrait ? 20 : 500;
    const bw = portrait ? w - 40 : w - 524;
    const y = this.choicesTop;
    const countdown = new CountdownView(this.svc.stage, x0, y, bw);
    this.countdown = countdown;
    let lastSecond = -1;
    const draw = () => {
      const left = Math.max(0, limit * 1000 - this.session!.state.elapsedMs);
      const s = Math.ceil(left / 1000);
      countdown.set(left / (limit * 1000), this.t('play.secondsLeft', { n: s }));
      if (s !== lastSecond && s <= 5 && s > 0) this.svc.audio.play('ui-timer');
      lastSecond = s;
    };
    draw();
    this.clock = this.time.addEvent({
      delay: TICK_MS,
      loop: true,
      callback: () => {
        if (this.phase !== 'choosing') return;
        this.session!.tick(TICK_MS);
        if (this.phase === 'choosing') draw();
      },
    });
  }

  private stopClock(): void {
    this.clock?.remove();
    this.clock = undefined;
    this.countdown?.remove();
    this.countdown = undefined;
  }

  private showCoaching(): void {
    const session = this.session!;
    const last = session.lastTurn()!;
    const locale = this.svc.locale();
    const node = session.play.scenario.nodes[last.turn.node]!;
    const reply = last.turn.choice < 0 ? node.onTimeout! : node.choices[last.turn.choice]!;
    this.phase = 'coaching';
    this.clearChoices();
    if (last.turn.choice < 0) this.svc.audio.play('ui-timeout');
    const moodDelta = session.moodFor(last.turn.after) - session.moodFor(last.turn.before);
    this.svc.audio.play(session.state.endedBy === 'breakdown' ? 'mood-break' : moodDelta >= 0 ? 'mood-up' : 'mood-down');
    this.setExpression(session.state.ending ? (session.play.scenario.endings[session.state.ending]?.expression ?? session.expression()) : session.expression());
    this.updateMeters(true);

    const { w, h, portrait } = this;
    const pw = portrait ? w - 40 : Math.min(760, w - 540);
    const px = portrait ? 20 : 500 + (w - 524 - pw) / 2;
    const better = last.better;
    const { next, spoken } = showCoaching(this, {
      last,
      reply,
      said: last.turn.choice < 0 ? null : pick(node.choices[last.turn.choice]!.text, locale),
      betterText: better ? (better.choice < 0 ? '' : pick(node.choices[better.choice]!.text, locale)) : null,
      name: (id: string) => pick(session.play.catalog.get(id)!.name, locale),
      locale,
      box: { x: px, y: this.choicesTop - (portrait ? 10 : 0), w: pw, bottom: h - 10, top: 10 },
      nextLabel: this.t(session.ended ? 'play.seeEnding' : 'play.continue'),
      onNext: () => {
        this.dismissCoaching();
        if (session.ended) this.showEnding();
        else this.showNode(true);
      },
    });
    this.focus.set([next], true);
    this.svc.live.say(spoken);
    this.report([next.label.text]);
  }

  private showEnding(): void {
    const session = this.session!;
    const ending = session.play.scenario.endings[session.state.ending!]!;
    const locale = this.svc.locale();
    this.phase = 'ending';
    this.clearChoices();
    this.setExpression(ending.expression ?? (ending.outcome === 'left-silently' ? 'withdrawn' : session.expression()));
    const line = ending.line.length
      ? pick(ending.line[session.state.variant] ?? ending.line[0]!, locale)
      : ending.outcome === 'left-silently'
        ? this.t('play.silentExit')
        : `(${pick(ending.summary, locale)})`;
    this.fitPanel('', line);
    const d = session.debrief();
    this.report([]);
    // A rebuild of the ending (language, rotation) restores a finished session: no second stinger.
    const rebuilt = (this.args.snapshot as { status?: string } | undefined)?.status === 'done';
    if (!rebuilt) this.svc.audio.play(`stinger-${ending.outcome}`);
    if (ending.outcome === 'left-silently' || this.scenario?.customer.look.channel === 'phone') this.character?.leave();
    this.typewriter.start(this.svc.reducedMotion, () => {
      const b = this.button(this.portrait ? this.w / 2 : 500 + (this.w - 524) / 2, this.choicesTop + 60, this.t('play.toDebrief'), { width: 360, variant: 'primary', size: 24 }, () =>
        this.fadeTo('Debrief', { scenario: session.play.scenario.id, seed: session.state.seed, debrief: d, state: session.state }),
      );
      this.focus.set([b], true);
      this.svc.live.say([line, this.t(`outcomes.${ending.outcome}`), b.label.text]);
      this.report([b.label.text]);
    });
  }

  private pause(): void {
    if (this.phase === 'loading' || this.phase === 'ending') return;
    this.svc.audio.play('ui-back');
    this.scene.pause();
    this.scene.launch('Pause', { from: 'Play', scenario: this.args.scenario });
  }

  private lastChoices: string[] = [];
  private lineStartedAt = 0;

  private report(choices: string[] = this.lastChoices): void {
    const s = this.session;
    if (!s) return;
    this.lastChoices = choices;
    this.publish({
      phase: this.phase,
      scenario: s.play.scenario.id,
      node: s.state.ending ?? s.state.node,
      choices,
      customer: {
        type: s.play.scenario.customer.type,
        character: s.play.scenario.customer.look.character,
        channel: s.play.scenario.customer.look.channel,
        state: s.state.customer.value,
        expression: this.expression,
        meters: { ...s.state.customer.context.meters },
      },
      score: s.running(),
      outcome: s.state.ending ? s.play.scenario.endings[s.state.ending]!.outcome : null,
    });
  }
}
