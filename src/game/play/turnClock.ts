/**
 * The countdown of a timed line. Time runs in the engine: the clock only reports elapsed
 * time to the session (`tick`) and draws what is left, with a tick sound in the last five
 * seconds. Each step sends the real time since the last (play/turnTime.ts), not counting
 * the time the scene was paused or asleep or the page hidden, so a slow machine's rare
 * frames do not slow the countdown. The time to read the replies (engine/reading.ts) comes
 * first: the bar shows it and the customer's limit as one, and only the limit's part reaches
 * the session. What is left of it survives a rebuild (`graceLeft`).
 */
import Phaser from 'phaser';
import type { SessionController } from '../sessionController.js';
import { CountdownView } from '../stage/countdown.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { StepTimer, spendGrace } from './turnTime.js';

/** How often the clock steps and redraws (at most once a frame). */
const TICK_MS = 100;

/**
 * A StepTimer held while the scene is paused or asleep and while the page is hidden;
 * `off` unhooks it.
 */
export function sceneStepTimer(scene: Phaser.Scene): { timer: StepTimer; off: () => void } {
  const timer = new StepTimer(() => performance.now());
  const hooks: [Phaser.Events.EventEmitter, string, () => void][] = [
    [scene.events, Phaser.Scenes.Events.PAUSE, () => timer.hold('pause')],
    [scene.events, Phaser.Scenes.Events.RESUME, () => timer.release('pause')],
    [scene.events, Phaser.Scenes.Events.SLEEP, () => timer.hold('sleep')],
    [scene.events, Phaser.Scenes.Events.WAKE, () => timer.release('sleep')],
    [scene.game.events, Phaser.Core.Events.HIDDEN, () => timer.hold('hidden')],
    [scene.game.events, Phaser.Core.Events.VISIBLE, () => timer.release('hidden')],
  ];
  for (const [on, name, fn] of hooks) on.on(name, fn);
  return { timer, off: () => hooks.forEach(([on, name, fn]) => on.off(name, fn)) };
}

export class TurnClock {
  private readonly view: CountdownView;
  private readonly event: Phaser.Time.TimerEvent;
  private readonly steps: ReturnType<typeof sceneStepTimer>;
  private lastSecond = -1;
  private readonly total: number;

  /** `running`: whether the replies are still waiting (after a reply the clock stops sending). */
  constructor(
    private readonly scene: BaseScene,
    box: { x: number; y: number; w: number },
    private readonly limit: number,
    private readonly session: SessionController,
    running: () => boolean,
    /** Time to read the replies first (ms). */
    private grace = 0,
    /** What was left of it before a rebuild (ms), when this is the same turn shown again. */
    graceLeft = grace,
  ) {
    this.total = grace + limit * 1000;
    this.grace = Math.min(grace, Math.max(0, graceLeft));
    this.view = new CountdownView(scene.svc.stage, box.x, box.y, box.w);
    this.draw();
    this.steps = sceneStepTimer(scene);
    this.event = scene.time.addEvent({
      delay: TICK_MS,
      loop: true,
      callback: () => {
        const ms = this.steps.timer.step();
        if (!running() || !ms) return;
        const spent = spendGrace(this.grace, ms);
        this.grace = spent.grace;
        if (spent.toSession) session.tick(spent.toSession);
        if (running()) this.draw();
      },
    });
  }

  /** The reading time still to run (ms). */
  get graceLeft(): number {
    return this.grace;
  }

  private draw(): void {
    const left = this.grace + Math.max(0, this.limit * 1000 - this.session.state.elapsedMs);
    const s = Math.ceil(left / 1000);
    this.view.set(left / this.total, this.scene.t('play.secondsLeft', { n: s }));
    if (s !== this.lastSecond && s <= 5 && s > 0) this.scene.svc.audio.play('ui-timer');
    this.lastSecond = s;
  }

  stop(): void {
    this.steps.off();
    this.event.remove();
    this.view.remove();
  }
}
