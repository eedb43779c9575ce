/**
 * Play: the customer, their line, the replies, the meters, the countdown and the coaching.
 * Everything shown comes from the session actor; the scene only sends intents (choose,
 * tick) and presents what the engine decided. What it draws lives in play/: the stage (the
 * customer, the meters, the line), the intro card, the replies, the countdown, the coaching
 * card, the ending line; and what it saves, in play/record.ts.
 *
 * "Try this turn again" runs a practice session (play/practice.ts) from the moment before
 * the last reply: its answer is coached and marked as practice, never saved or scored, and
 * the conversation then goes on from what the trainee first said.
 *
 * "In my own words" (chosen on the intro card, or mid-game under the replies; saved): each decision is a text box instead of the
 * replies (play/ownWordsPlay.ts, play/ownWords.ts), read by the judge, which is loaded only then; the
 * coaching of a typed turn marks the words the judge went by (play/typedCoaching.ts).
 */
import { picksOf } from '../../engine/session/picks.js';
import Phaser from 'phaser';
import type { Catalog } from '../../engine/catalog/catalog.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { snapshotFits, type SessionState } from '../../engine/session/session.js';
import { readingMs } from '../../engine/reading.js';
import { pick } from '../../engine/text.js';
import { SessionController } from '../sessionController.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { onKeys } from '../ui/keys.js';
import { ProgressBar, SHOW_BAR_AFTER_MS } from '../ui/progress.js';
import { BaseScene } from './BaseScene.js';
import { showCoaching } from '../play/coaching.js';
import { showIntro } from '../play/intro.js';
import { conversation } from '../play/conversation.js';
import { layReplies, replySizes } from '../play/replies.js';
import { TurnClock } from '../play/turnClock.js';
import { dismissCoaching, saveResume } from '../play/record.js';
import { endingExpression, endingLine } from '../play/ending.js';
import { PHONE_MIN_TEXT, playLayout, type PlayLayout } from '../play/playLayout.js';
import { PlayStage } from '../play/playStage.js';
import { PracticeRun } from '../play/practice.js';
import { OwnWordsPlay } from '../play/ownWordsPlay.js';
import { touchFirst } from '../ui/pointer.js';
import { PHONE_MIN_TARGET } from '../layout.js';
import { playSnapshot } from '../play/snapshot.js';
import { modelReplyText } from '../play/modelReply.js';
import type { Exchange } from './HistoryScene.js';
import type { PracticeRecord } from './DebriefScene.js';
import type { GuideData } from './GuideScene.js';
import { LEARNING_ANSWERED, LEARNING_FINISHED, LEARNING_STARTED, replyId, type LearningAnswered, type LearningFinished, type LearningStarted } from '../learning.js';

export interface PlayData {
  scenario: string;
  seed: number;
  snapshot?: unknown;
  /** Go straight to the first line (e.g. when the file was just edited). */
  skipIntro?: boolean;
  /** The last turn's coaching was on screen (a reload or a rebuild shows it again). */
  coaching?: boolean;
  /** The intro card was on screen (a rebuild shows it again, in the new language). */
  intro?: boolean;
  /** What a rebuild (language, rotation) keeps of the turn on screen. */
  carry?: TurnCarry;
}

/** The turn on screen when the scene was rebuilt: its line is shown at once and its clock goes on where it was. */
interface TurnCarry {
  node: string;
  turns: number;
  /** The reading time left (ms); null when the replies were not up yet. */
  graceMs: number | null;
  /** How long the call had run (ms). */
  callMs: number;
  /** What the own-words box held. */
  draft?: string;
}

type Phase = 'loading' | 'intro' | 'line' | 'choosing' | 'coaching' | 'ending';

/** After the replies appear, Enter and Space wait this long before pressing one (number keys do not). */
const CHOICE_HOLD_MS = 450;
/** Cards' text on a phone: the portrait canvas is drawn at about half size (720 wide on a 390-pixel screen). */
const PHONE_TEXT = 1.3;
/** The moment of stillness before an ending's last line. */
const ENDING_STILL_MS = 900;

export class PlayScene extends BaseScene<PlayData> {
  private session?: SessionController;
  private practice?: PracticeRun;
  /** The line on screen follows a practice turn: its badge says the first answer stands. */
  private backFromPractice = false;
  /** Every practice answer of this play, for the debrief. */
  private practised: PracticeRecord[] = [];
  private phase: Phase = 'loading';
  private turnsShown = 0;
  private focus!: FocusGroup;
  private at!: PlayLayout;
  private stage?: PlayStage;
  private choiceButtons: Button[] = [];
  /** Under the replies when own words was left for this turn: back to the text box. */
  private typeButton?: Button;
  /** The Pause button at the top left (the first-play guide leaves it in view and usable). */
  private pauseButton?: Button;
  private clock?: TurnClock;
  private unsubscribe?: () => void;
  private lastChoices: string[] = [];
  private lineStartedAt = 0;
  private choicesShownAt = 0;
  /** The reading time left of the turn shown before a rebuild, for its clock (used once). */
  private carriedGrace: number | null = null;
  /** In my own words: the text box, the typed reply on the coaching card. */
  private own!: OwnWordsPlay;

  constructor() {
    super('Play');
  }

  override init(data: PlayData): void {
    super.init(data);
    this.session = undefined;
    this.practice = undefined;
    this.backFromPractice = false;
    this.practised = [];
    this.phase = 'loading';
    this.turnsShown = 0;
    this.choiceButtons = [];
    this.pauseButton = undefined;
    this.clock = undefined;
    this.stage = undefined;
    this.lastChoices = [];
    this.lineStartedAt = 0;
    this.carriedGrace = null;
    this.own = new OwnWordsPlay(this, this.args.carry?.draft);
    this.unsubscribe = undefined;
    this.at = playLayout(this.w, this.h, this.portrait);
    // The stage's animations (meters, face, countdown) stop with the scene's own clock.
    // The page controls over the canvas hide under an overlay (the pause menu, the history, the guide).
    const pauseStage = () => {
      this.svc.stage.pause();
      this.own.hide();
    };
    const resumeStage = () => {
      this.svc.stage.resume();
      if (this.own.reveal()) this.report();
    };
    this.events.on(Phaser.Scenes.Events.PAUSE, pauseStage);
    this.events.on(Phaser.Scenes.Events.RESUME, resumeStage);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.PAUSE, pauseStage);
      this.events.off(Phaser.Scenes.Events.RESUME, resumeStage);
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.practice?.stop();
      this.session?.stop();
      this.stage?.remove();
      this.clock?.stop();
      this.own.clear();
    });
  }

  create(): void {
    this.backdrop(null, 0);
    // From the card's press until the play screen is drawn: the library (first time) and the art.
    const bar = new ProgressBar(this, SHOW_BAR_AFTER_MS);
    this.withLibrary((lib) => {
      const scenario = lib.find(this.args.scenario);
      if (!scenario) {
        bar.destroy();
        this.scene.start('Select');
        return;
      }
      this.loadArt(scenario, bar, () => this.start(scenario, lib.catalog));
    });
  }

  /** The session on screen: the practice one while a turn is tried again, else the live one. */
  private get live(): SessionController {
    return this.practice?.session ?? this.session!;
  }

  /** This customer's eight faces, each decoded before play starts (the backdrop is the page's). */
  private loadArt(s: Scenario, bar: ProgressBar, then: () => void): void {
    const stage = new PlayStage(this, s, this.at, this.svc.locale());
    this.stage = stage;
    const here = this.thisStart();
    void stage.character
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
    const session = new SessionController(scenario, catalog, this.args.seed, snapshot);
    this.session = session;
    this.children.removeAll(true);
    this.backdrop(scenario.setting, 0.1);
    this.fadeIn();
    svc.audio.ambient(scenario.setting);
    const carry = this.args.carry;
    this.stage!.build(session, svc.locale(), () => this.phase !== 'ending', carry?.callMs ?? 0);
    this.pauseButton = this.button(this.at.pause.x, this.at.pause.y, this.t(this.portrait || touchFirst() ? 'play.pause' : 'play.pauseKey'), { width: this.at.pause.w, height: 48, size: 20 }, () => this.pause()).setDepth(5);
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (this.phase === 'line' && this.stage!.onPanel(p.x, p.y)) this.stage!.skip();
    });
    this.focus = new FocusGroup(this, { numbered: true, onEscape: () => this.pause() });
    onKeys(this, (e) => this.onKey(e));
    this.turnsShown = session.state.turns.length;
    this.unsubscribe = session.subscribe((s) => this.onState(s));
    // The customer stands there from the start (under the intro card too).
    this.stage!.face(session.expression());
    const started: LearningStarted = { scenario: scenario.id, title: scenario.title, seed: session.state.seed, picks: picksOf(session.state.turns) };
    svc.events.emit(LEARNING_STARTED, started);
    if (snapshot && this.args.coaching && session.state.turns.length) this.showCoachingAgain();
    else if (session.ended) this.showEnding();
    else if (this.args.intro && !session.state.turns.length) this.showIntro(scenario);
    else if (carry && carry.node === session.state.node && carry.turns === session.state.turns.length) {
      // The same turn, rebuilt: the line at once, and the countdown goes on from where it was.
      this.carriedGrace = carry.graceMs;
      this.showNode(false, true);
    } else if (session.state.turns.length || this.args.snapshot || this.args.skipIntro) this.showNode(false);
    else this.showIntro(scenario);
  }

  /** Before the first line: the brief and who the customer is (play/intro.ts). */
  private showIntro(s: Scenario): void {
    this.phase = 'intro';
    this.stage!.hideLine();
    const how = {
      ownWords: this.own.on,
      onBegin: (own: boolean) => {
        this.own.on = own;
        this.showNode(false);
      },
    };
    const { buttons, spoken } = showIntro(this, s, this.svc.locale(), { ...this.at.panel, bottom: this.h - 12 }, how, this.portrait ? PHONE_TEXT : 1, this.portrait ? PHONE_MIN_TEXT : 0);
    this.focus.set(buttons, true);
    this.svc.live.say(spoken);
    this.report(buttons.map((b) => b.label.text));
  }

  /** Where the replies, the countdown and the coaching start: under the customer's line. */
  private get choicesTop(): number {
    return this.stage!.panelBottom + 20;
  }

  protected override restartData(): PlayData {
    // A practice turn is not kept: a rebuild goes back to the first answer's coaching.
    if (!this.session) return this.args;
    const { state } = this.session;
    const onTurn = !this.practice && (this.phase === 'line' || this.phase === 'choosing');
    return {
      ...this.args,
      snapshot: this.session.persisted(),
      coaching: this.phase === 'coaching' || !!this.practice,
      intro: this.phase === 'intro',
      carry: {
        node: onTurn ? state.node : '',
        turns: onTurn ? state.turns.length : -1,
        graceMs: this.phase === 'choosing' && this.clock ? this.clock.graceLeft : null,
        callMs: this.stage?.callMs ?? 0,
        ...(onTurn && this.own.draft ? { draft: this.own.draft } : {}),
      },
    };
  }

  /** The conversation so far (play/conversation.ts), for the history overlay. */
  conversation(): Exchange[] {
    if (!this.session || this.phase === 'loading' || this.phase === 'intro') return [];
    return conversation(this.live, this.svc.locale(), { you: this.t('debrief.you'), noReply: this.t('play.noReply'), notKept: this.t('ownWords.notKept') }, this.phase === 'line' || this.phase === 'choosing');
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
      this.stage!.skip();
    }
  }

  private onState(s: SessionState): void {
    if (s.turns.length > this.turnsShown) {
      this.turnsShown = s.turns.length;
      this.stopClock();
      saveResume(this.svc, this.session!, this.args.scenario, this.args.seed);
      this.tellAnswered();
      this.showCoaching();
    }
  }

  /** The live session's last turn, for whatever records learning (game/learning.ts). */
  private tellAnswered(): void {
    const session = this.session!;
    const last = session.lastTurn()!;
    const node = session.play.scenario.nodes[last.turn.node]!;
    const reply = last.turn.choice < 0 ? node.onTimeout! : node.choices[last.turn.choice]!;
    const picks = picksOf(session.state.turns);
    const typed = last.turn.said && !last.turn.said.verbatim ? last.turn.said.text : undefined;
    const answered: LearningAnswered = {
      scenario: session.play.scenario.id,
      seed: session.state.seed,
      turn: session.state.turns.length,
      node: node.id,
      choice: last.turn.choice,
      reply: replyId(node.choices[last.turn.choice]),
      offered: last.turn.offered.map((i) => replyId(node.choices[i])),
      score: last.score,
      honoured: last.honoured,
      broken: last.broken,
      // A typed reply's main principle is one found in what was written, not the authored reply's.
      principle: typed !== undefined ? (last.broken[0] ?? last.honoured[0] ?? null) : (reply.principles[0]?.id ?? null),
      ...(typed !== undefined ? { typed } : {}),
      feedback: reply.feedback,
      latencyMs: Math.round(performance.now() - this.choicesShownAt),
      picks,
    };
    this.svc.events.emit(LEARNING_ANSWERED, answered);
    if (session.ended) {
      const finished: LearningFinished = { scenario: answered.scenario, seed: answered.seed, debrief: session.debrief(), picks };
      this.svc.events.emit(LEARNING_FINISHED, finished);
    }
  }

  /** A node's stage direction and line in this language (the variant the session picked). */
  private lineOf(nodeId: string, variant: number): { note: string; line: string } {
    const node = this.session!.play.scenario.nodes[nodeId]!;
    const locale = this.svc.locale();
    return { note: node.note ? pick(node.note, locale) : '', line: pick(node.line[variant] ?? node.line[0]!, locale) };
  }

  /** Back to the coaching of the last turn (after a reload or a rebuild): under the line it answered. */
  private showCoachingAgain(): void {
    const last = this.session!.state.turns.at(-1)!;
    const { note, line } = this.lineOf(last.node, last.variant);
    this.stage!.sayAll(note, line);
    this.showCoaching();
  }

  /** The customer's line, typed out (at once when it is a turn tried again), then the replies. */
  private showNode(animate: boolean, instant = false): void {
    const session = this.live;
    if (!session.play.scenario.nodes[session.state.node]) return this.showEnding();
    this.phase = 'line';
    this.own.newTurn();
    this.clearChoices();
    this.stage!.face(session.expression());
    this.stage!.setMeters(session, animate);
    const { note, line } = this.lineOf(session.state.node, session.state.variant);
    this.report([]);
    this.lineStartedAt = performance.now();
    this.stage!.say(note, line, instant || this.svc.reducedMotion || !!this.practice, () => this.showChoices(), this.practiceNote());
  }

  /** The badge over the line: a practice turn, or the first line after one (the meters went back to the first answer). */
  private practiceNote(): string {
    if (this.practice) return this.t('play.practiceNote', { n: this.practice.turn });
    return this.backFromPractice ? this.t('play.backToFirst') : '';
  }

  /** The replies as buttons, or the own-words text box; under the countdown when the decision is timed. */
  private layAnswer(focus = true): string[] {
    const session = this.live;
    const node = session.play.scenario.nodes[session.state.node]!;
    const locale = this.svc.locale();
    const { column } = this.at;
    const top = this.choicesTop + (node.timeLimit ? 34 : 0);
    const offered = session.offered();
    const texts = offered.map((c) => pick(c.text, locale));
    if (this.own.typed) {
      this.own.show(session, { box: { x: column.x, y: top, w: column.w }, focus, onPick: () => this.pickInstead(), onPause: () => this.pause(), onChange: () => this.report() });
      this.focus.set([]);
      return texts;
    }
    // Under the replies, a way to the text box: back to it when picking instead of typing this turn, or
    // (picking replies) to own words from here on. The two are symmetric: one action under the answer.
    let toTyping = this.own.pickedInstead ? 'ownWords.typeInstead' : this.own.on ? null : 'ownWords.typeFromNow';
    const h = this.portrait ? PHONE_MIN_TARGET : 44;
    const lay = (back: number) =>
      layReplies(this, offered, locale, { x: column.cx, top, w: column.w, bottom: this.h - back }, (i) => {
        if (this.phase !== 'choosing') return;
        this.svc.audio.play('ui-select');
        session.choose(i);
      });
    const laid = lay(toTyping ? h + 16 : 0);
    this.choiceButtons = laid.buttons;
    // Replies so long that the room under them would leave them at the smallest size when they could have had a
    // larger one, or push the action off the screen (a long node on a phone): the replies come first; typing from
    // here on is in the pause menu too.
    if (toTyping === 'ownWords.typeFromNow') {
      const end = laid.buttons.at(-1);
      const smallest = laid.size === replySizes(this.portrait).at(-1);
      const offScreen = !!end && end.y + end.h / 2 + 12 + h > this.h;
      if (offScreen || smallest) {
        const without = lay(0);
        if (offScreen || without.size > laid.size) {
          this.choiceButtons.forEach((b) => b.destroy());
          this.choiceButtons = without.buttons;
          toTyping = null;
        } else without.buttons.forEach((b) => b.destroy());
      }
    }
    if (toTyping) {
      const last = this.choiceButtons.at(-1);
      const y = (last ? last.y + last.h / 2 : top) + 12 + h / 2;
      this.typeButton = this.button(column.cx, y, this.t(toTyping), { width: column.w, height: h, size: this.portrait ? 22 : 17, variant: 'secondary' }, () => this.typeInstead());
    }
    this.focus.set(this.typeButton ? [...this.choiceButtons, this.typeButton] : this.choiceButtons, true);
    this.focus.holdPresses(CHOICE_HOLD_MS);
    return texts;
  }

  /** "Pick from the replies instead": this turn only, with the countdown running on. */
  private pickInstead(): void {
    if (this.phase !== 'choosing' || !this.own.pick()) return;
    this.svc.audio.play('ui-click');
    const texts = this.layAnswer();
    this.svc.live.say(texts.map((t, i) => `${i + 1}. ${t}`));
    this.report(texts);
  }

  /**
   * "Say it in my own words instead": back to the text box, with what was typed before; or, picking replies,
   * "Answer in my own words from here on": the text box now (the judge loads with it) and on the following turns.
   */
  private typeInstead(): void {
    if (this.phase !== 'choosing' || !(this.own.typeAgain() || this.own.typeFromNow())) return;
    this.svc.audio.play('ui-click');
    this.focus.set([]);
    this.choiceButtons.forEach((b) => b.destroy());
    this.choiceButtons = [];
    this.typeButton?.destroy();
    this.typeButton = undefined;
    this.layAnswer();
    this.svc.live.say([this.t('ownWords.label')]);
    this.report([]);
  }

  /**
   * For the pause menu: how the trainee answers, and a switch for it from here on (the saved setting); the decision
   * on screen follows at once (the box, or the replies). Null before the first line and after the ending.
   */
  answerMode(): { ownWords: boolean; set: (on: boolean) => void } | null {
    if (!this.session || this.phase === 'loading' || this.phase === 'intro' || this.phase === 'ending') return null;
    return { ownWords: this.own.on, set: (on) => this.setOwnWords(on) };
  }

  private setOwnWords(on: boolean): void {
    if (on === this.own.on) return;
    if (on) this.own.typeFromNow();
    else this.own.on = false;
    if (this.phase !== 'choosing') return;
    // Laid under the pause menu: the box takes the focus when the menu closes.
    this.clearChoices();
    const texts = this.layAnswer(false);
    this.sayOrKeep(this.own.open ? [this.t('ownWords.label')] : texts.map((t, i) => `${i + 1}. ${t}`));
    this.report(this.own.open ? [] : texts);
  }

  private showChoices(): void {
    const session = this.live;
    const node = session.play.scenario.nodes[session.state.node]!;
    const locale = this.svc.locale();
    this.phase = 'choosing';
    const { column } = this.at;
    // Decided before the answer is laid out: under a guide the own-words box never takes the focus.
    const guide = this.guideDue();
    const texts = this.layAnswer(!guide);
    this.choicesShownAt = performance.now();
    const grace = readingMs(texts, locale);
    const graceLeft = this.carriedGrace ?? grace;
    this.carriedGrace = null;
    if (node.timeLimit) this.clock = new TurnClock(this, { x: column.x, y: this.choicesTop, w: column.w }, node.timeLimit, session, () => this.phase === 'choosing', grace, graceLeft);
    // The stage direction too: how the customer says it is part of what they say.
    const said = [this.practiceNote(), node.note ? pick(node.note, locale) : ''].filter(Boolean);
    const answer = this.own.open ? [this.t('ownWords.label')] : texts.map((t, i) => `${i + 1}. ${t}`);
    this.svc.live.say([...said, `${pick(session.play.scenario.customer.name, locale)}: ${this.stage!.line}`, ...answer]);
    this.report(this.own.open ? [] : texts);
    if (guide) this.openGuide('Play', guide === 'meters');
  }

  /**
   * A trainee's first play: the guide, over the first decision (once; the pause menu has it too);
   * guided before, and this kind of customer is new: their meters alone.
   */
  private guideDue(): 'all' | 'meters' | null {
    const session = this.live;
    if (session.state.turns.length || this.practice) return null;
    const { guided, metersSeen } = this.svc.progress.save.settings;
    if (!guided) return 'all';
    return metersSeen && !metersSeen.includes(session.play.scenario.customer.type) ? 'meters' : null;
  }

  /** What the first-play guide points at on this screen, or null when no decision is on screen. */
  guideData(from: string): GuideData | null {
    if (!this.session || !this.stage) return null;
    const { scenario } = this.session.play;
    const meters = this.live.meters();
    const first = this.at.meter(0, meters.length);
    const lastM = this.at.meter(meters.length - 1, meters.length);
    const node = scenario.nodes[this.live.state.node];
    const replies = this.choiceButtons.length ? this.choiceButtons : null;
    const { column } = this.at;
    const p = this.pauseButton;
    return {
      from,
      scenario: this.args.scenario,
      pauseAt: p ? { x: p.x - p.bw / 2, y: p.y - p.h / 2, w: p.bw, h: p.h } : null,
      type: scenario.customer.type,
      name: pick(scenario.customer.name, this.svc.locale()),
      meters: meters.map((m) => ({ id: m.id, good: m.good })),
      metersAt: { x: first.x, y: first.y, w: lastM.x + lastM.w - first.x, h: 52 },
      repliesAt: replies ? { x: column.x, y: replies[0]!.y - replies[0]!.h / 2, w: column.w, h: replies.at(-1)!.y + replies.at(-1)!.h / 2 - (replies[0]!.y - replies[0]!.h / 2) } : null,
      countdownAt: this.phase === 'choosing' && node?.timeLimit ? { x: column.x, y: this.choicesTop - 8, w: column.w, h: 28 } : null,
      timed: Object.values(scenario.nodes).some((n) => !!n.timeLimit),
      ...(this.own.open ? { typing: true } : {}),
    };
  }

  private openGuide(from: string, metersOnly = false): void {
    const data = this.guideData(from);
    if (!data) return;
    // Paused at once, through the manager (the plugin's pause waits for the next frame): the
    // own-words box hides now, before a key can reach it, and comes back focused after the guide.
    this.game.scene.pause(this.scene.key);
    this.scene.launch('Guide', metersOnly ? { ...data, metersOnly } : data);
  }

  private clearChoices(): void {
    this.focus.set([]);
    this.choiceButtons.forEach((b) => b.destroy());
    this.choiceButtons = [];
    this.typeButton?.destroy();
    this.typeButton = undefined;
    this.own.clear();
  }

  private stopClock(): void {
    this.clock?.stop();
    this.clock = undefined;
  }

  /** The customer reacts the moment the reply lands: face, meters, sound, a start or a nod. */
  private react(session: SessionController): void {
    const last = session.state.turns.at(-1)!;
    if (last.choice < 0) this.svc.audio.play('ui-timeout');
    const moodDelta = session.moodFor(last.after) - session.moodFor(last.before);
    const broke = session.state.endedBy === 'breakdown';
    this.svc.audio.play(broke ? 'mood-break' : moodDelta >= 0 ? 'mood-up' : 'mood-down');
    this.stage!.character.react(broke ? 'break' : moodDelta > 0 ? 'warmer' : moodDelta < 0 ? 'colder' : 'none');
    const ending = session.state.ending ? session.play.scenario.endings[session.state.ending] : undefined;
    this.stage!.face(ending?.expression ?? session.expression());
    this.stage!.setMeters(session, true);
  }

  private showCoaching(): void {
    const session = this.live;
    const practice = this.practice;
    const last = session.lastTurn()!;
    const locale = this.svc.locale();
    const node = session.play.scenario.nodes[last.turn.node]!;
    this.phase = 'coaching';
    this.backFromPractice = false;
    this.clearChoices();
    this.react(session);
    if (practice) this.practised.push({ turn: practice.turn, first: practice.first, score: last.score, choice: last.turn.choice, ...(last.turn.said ? { typed: last.turn.said.text } : {}) });
    const { at } = this;
    const better = last.better;
    const typed = this.own.coach(last.turn, session.play, locale);
    const { buttons, spoken } = showCoaching(this, {
      last,
      reply: last.turn.choice < 0 ? node.onTimeout! : node.choices[last.turn.choice]!,
      said: last.turn.choice < 0 ? null : pick(node.choices[last.turn.choice]!.text, locale),
      betterText: better ? modelReplyText(node, better.choice, locale, this.t('play.waitQuietly'), true) : null,
      name: (id: string) => pick(session.play.catalog.get(id)!.name, locale),
      locale,
      box: { x: at.coaching.x, y: this.choicesTop - (this.portrait ? 10 : 0), w: at.coaching.w, bottom: this.h - 10, top: 10 },
      nextLabel: this.t(this.session!.ended ? 'play.seeEnding' : practice ? 'play.backToConversation' : 'play.continue'),
      onNext: () => this.goOn(),
      ...(better ? { retry: { label: this.t('play.tryAgain'), onRetry: () => this.tryAgain() } } : {}),
      ...(practice ? { practice: { first: practice.first } } : {}),
      ...(typed ? { typed } : {}),
      textScale: this.portrait ? PHONE_TEXT : 1,
      ...(this.portrait ? { minTextSize: PHONE_MIN_TEXT } : {}),
    });
    this.focus.set(buttons, true);
    this.svc.live.say([...spoken, ...buttons.map((b) => b.label.text)]);
    this.report(buttons.map((b) => b.label.text));
  }

  /** After the coaching: on with the live conversation (leaving any practice), or its ending. */
  private goOn(): void {
    this.backFromPractice = !!this.practice;
    this.practice?.stop();
    this.practice = undefined;
    dismissCoaching(this.svc);
    if (this.session!.ended) this.showEnding();
    else this.showNode(true);
  }

  /** Practice: the moment before the last reply again, in a session of its own. */
  private tryAgain(): void {
    const first = this.practice ? this.practice.first : (this.session!.lastTurn()?.score ?? 0);
    this.practice?.stop();
    this.practice = PracticeRun.from(this.session!, first, () => {
      this.stopClock();
      this.showCoaching();
    }) ?? undefined;
    this.svc.audio.play('ui-back');
    this.showNode(true);
  }

  private showEnding(): void {
    const session = this.session!;
    const stage = this.stage!;
    const ending = session.play.scenario.endings[session.state.ending!]!;
    this.phase = 'ending';
    this.clearChoices();
    // The live conversation's meters: a practice of the last turn had shown its own.
    stage.setMeters(session, true);
    stage.face(endingExpression(ending, session.expression()));
    const line = endingLine(ending, session.state.variant, this.svc.locale(), this.t('play.silentExit'));
    const d = session.debrief();
    this.report([]);
    // A rebuild of the ending (language, rotation) restores a finished session: no second stinger, no pause.
    const rebuilt = (this.args.snapshot as { status?: string } | undefined)?.status === 'done';
    if (!rebuilt) this.svc.audio.play(`stinger-${ending.outcome}`);
    this.svc.audio.ambient(null);
    if (ending.outcome === 'left-silently' || session.play.scenario.customer.look.channel === 'phone') stage.character.leave();
    // The ending lands: the sound, a moment of stillness with the line empty, then the last words.
    stage.hideLine();
    const here = this.thisStart();
    this.time.delayedCall(rebuilt ? 0 : ENDING_STILL_MS, () => {
      if (!here()) return;
      // An ending with no last words is told by the narrator: no name over it.
      stage.say('', line, this.svc.reducedMotion, () => {
        const b = this.button(this.at.column.cx, this.choicesTop + 60, this.t('play.toDebrief'), { width: 360, variant: 'primary', size: 24 }, () =>
          this.fadeTo('Debrief', { scenario: session.play.scenario.id, seed: session.state.seed, debrief: d, state: session.state, practice: this.practised }),
        );
        this.focus.set([b], true);
        this.svc.live.say([line, this.t(`outcomes.${ending.outcome}`), b.label.text]);
        this.report([b.label.text]);
      }, '', ending.line.length === 0);
    });
  }

  private pause(): void {
    if (this.phase === 'loading' || this.phase === 'ending') return;
    this.svc.audio.play('ui-back');
    this.scene.pause();
    this.scene.launch('Pause', { from: 'Play', scenario: this.args.scenario });
  }

  private report(choices: string[] = this.lastChoices): void {
    if (!this.session) return;
    this.lastChoices = choices;
    this.publish(playSnapshot(this.live, this.session, { phase: this.phase, practice: !!this.practice, choices, expression: this.stage?.expression ?? 'neutral', ownWords: this.own.snapshot() }));
  }
}
