/**
 * What the play screen shows on the page stage under the canvas (stage/layer.ts): the
 * customer (or the caller in a call frame) with their face and reactions, the meters, and
 * the panel with their name, the stage direction and the line as it is typed out. The scene
 * tells it what to show; it keeps nothing of the conversation.
 */
import type Phaser from 'phaser';
import type { Scenario } from '../../engine/scenario/model.js';
import type { Expression } from '../../engine/scenario/schema.js';
import { pick, type Locale } from '../../engine/text.js';
import type { SessionController } from '../sessionController.js';
import { CharacterView } from '../stage/character.js';
import { MeterView } from '../stage/meter.js';
import { SpeechPanel } from '../stage/speech.js';
import { Typewriter } from '../ui/typewriter.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { PHONE_MIN_TEXT, type PlayLayout } from './playLayout.js';
import { sceneStepTimer } from './turnClock.js';

export class PlayStage {
  readonly character: CharacterView;
  private readonly meters = new Map<string, MeterView>();
  private speech?: SpeechPanel;
  private typewriter?: Typewriter;
  private callClock?: Phaser.Time.TimerEvent;
  private callSteps?: ReturnType<typeof sceneStepTimer>;
  /** How long the call has run (ms): kept across a rebuild. */
  callMs = 0;
  expression: Expression = 'neutral';
  /** The line on the panel now. */
  line = '';

  constructor(
    private readonly scene: BaseScene,
    private readonly s: Scenario,
    private readonly at: PlayLayout,
    locale: Locale,
  ) {
    const { look } = s.customer;
    const call =
      look.channel === 'phone'
        ? { ...at.call, name: pick(s.customer.name, locale), label: scene.t('play.onTheCall'), ended: scene.t('play.callEnded'), ...(look.place ? { place: look.place } : {}) }
        : undefined;
    this.character = new CharacterView(scene.svc.stage, look.character, at.character, scene.svc.reducedMotion, call);
  }

  /** The meters and the line panel, once the faces have loaded and the session exists; a call's time runs from here (or from `callMs`, a rebuild's). */
  build(session: SessionController, locale: Locale, callRunning: () => boolean, callMs = 0): void {
    const { scene, at } = this;
    session.meters().forEach((m, i, all) => {
      const { x, y, w } = at.meter(i, all.length);
      const meter = new MeterView(scene.svc.stage, x, y, w, scene.t(`meters.${m.id}`), m.good);
      meter.set(m.value, false);
      this.meters.set(m.id, meter);
    });
    const { x, y, w } = at.panel;
    const speech = new SpeechPanel(scene.svc.stage, x, y, w, pick(this.s.customer.name, locale), { minHeight: scene.portrait ? 190 : 150, lineSize: scene.portrait ? 28 : 25, ...(scene.portrait ? { noteSize: PHONE_MIN_TEXT } : {}) });
    this.speech = speech;
    this.typewriter = new Typewriter(scene, speech, () => scene.svc.audio.play('ui-type'));
    if (this.s.customer.look.channel === 'phone') {
      this.callMs = callMs;
      this.character.setCallTime(callMs / 1000);
      const steps = sceneStepTimer(scene);
      this.callSteps = steps;
      this.callClock = scene.time.addEvent({
        delay: 250,
        loop: true,
        callback: () => {
          const ms = steps.timer.step();
          if (!callRunning()) return;
          this.callMs += ms;
          this.character.setCallTime(this.callMs / 1000);
        },
      });
    }
  }

  face(e: Expression): void {
    this.expression = e;
    this.character.show(e);
  }

  setMeters(session: SessionController, animate: boolean): void {
    for (const m of session.meters()) this.meters.get(m.id)?.set(m.value, animate && !this.scene.svc.reducedMotion);
  }

  /** A new note and line on the panel, typed out (or at once), then `onDone`; narration has no speaker's name. */
  say(note: string, line: string, instant: boolean, onDone: () => void, badge = '', narration = false): void {
    this.line = line;
    this.speech!.show(note, line, badge, narration);
    this.typewriter!.start(instant, onDone);
  }

  /** The note and line shown in full at once (a turn's coaching shown again). */
  sayAll(note: string, line: string, badge = ''): void {
    this.line = line;
    this.speech!.show(note, line, badge);
    this.speech!.reveal(Infinity);
  }

  /** The rest of the line at once (a tap on the panel, Enter or Space). */
  skip(): void {
    this.typewriter?.skip();
  }

  onPanel(x: number, y: number): boolean {
    return !!this.speech?.contains(x, y);
  }

  hideLine(): void {
    this.speech?.hide();
  }

  /** Where the panel ends (the replies and the coaching go under it). */
  get panelBottom(): number {
    return this.speech?.bottom ?? this.at.panel.y;
  }

  remove(): void {
    this.callClock?.remove();
    this.callSteps?.off();
    this.character.remove();
    this.speech?.remove();
    for (const m of this.meters.values()) m.remove();
  }
}
