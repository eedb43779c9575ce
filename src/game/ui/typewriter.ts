/**
 * Reveal a line a few characters at a time on the scene's clock (so it stops while the game
 * is paused); skip() shows it all.
 */
import type Phaser from 'phaser';

/** Something that can show the first `count` characters of its line. */
export interface Revealing {
  readonly length: number;
  reveal(count: number): void;
}

export class Typewriter {
  private timer?: Phaser.Time.TimerEvent;
  private onDone?: () => void;
  done = true;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly target: Revealing,
    private readonly onTick?: () => void,
  ) {}

  /** Type out the target's current line. */
  start(instant: boolean, onDone: () => void): void {
    this.timer?.remove();
    const total = this.target.length;
    this.onDone = onDone;
    if (instant || total === 0) {
      this.finish();
      return;
    }
    this.done = false;
    let n = 0;
    this.target.reveal(0);
    this.timer = this.scene.time.addEvent({
      delay: 30,
      loop: true,
      callback: () => {
        n = Math.min(total, n + 2);
        this.target.reveal(n);
        if (n % 6 === 0) this.onTick?.();
        if (n >= total) this.finish();
      },
    });
  }

  skip(): void {
    if (!this.done) this.finish();
  }

  private finish(): void {
    this.timer?.remove();
    this.timer = undefined;
    this.target.reveal(this.target.length);
    this.done = true;
    const then = this.onDone;
    this.onDone = undefined;
    then?.();
  }
}
