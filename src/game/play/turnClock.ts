/**
 * The countdown of a timed line. Time runs in the engine: the clock only reports elapsed
 * time to the session (`tick`) and draws what is left, with a tick sound in the last five
 * seconds. It runs on the scene's clock, so the pause menu stops it. The time to read the
 * replies (engine/reading.ts) comes first: the bar shows it and the customer's limit as one,
 * and only the limit's part reaches the session.
 */
import type Phaser from 'phaser';
import type { SessionController } from '../sessionController.js';
import { CountdownView } from '../stage/countdown.js';
import type { BaseScene } from '../scenes/BaseScene.js';

const TICK_MS = 100;

export class TurnClock {
  private readonly view: CountdownView;
  private readonly timer: Phaser.Time.TimerEvent;
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
  ) {
    this.total = grace + limit * 1000;
    this.view = new CountdownView(scene.svc.stage, box.x, box.y, box.w);
    this.draw();
    this.timer = scene.time.addEvent({
      delay: TICK_MS,
      loop: true,
      callback: () => {
        if (!running()) return;
        if (this.grace > 0) this.grace = Math.max(0, this.grace - TICK_MS);
        else session.tick(TICK_MS);
        if (running()) this.draw();
      },
    });
  }

  private draw(): void {
    const left = this.grace + Math.max(0, this.limit * 1000 - this.session.state.elapsedMs);
    const s = Math.ceil(left / 1000);
    this.view.set(left / this.total, this.scene.t('play.secondsLeft', { n: s }));
    if (s !== this.lastSecond && s <= 5 && s > 0) this.scene.svc.audio.play('ui-timer');
    this.lastSecond = s;
  }

  stop(): void {
    this.timer.remove();
    this.view.remove();
  }
}
