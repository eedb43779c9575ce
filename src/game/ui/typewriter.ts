/** Reveal a text object's content a few characters at a time; skip() shows it all. */
import Phaser from 'phaser';

export class Typewriter {
  private timer?: Phaser.Time.TimerEvent;
  private full = '';
  done = true;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly target: Phaser.GameObjects.Text,
    private readonly onTick?: () => void,
  ) {}

  start(text: string, instant: boolean, onDone: () => void): void {
    this.timer?.remove();
    this.full = text;
    const chars = [...text];
    if (instant || chars.length === 0) {
      this.finish(onDone);
      return;
    }
    this.done = false;
    let n = 0;
    // Reveal by whole characters; re-setting text re-uploads a texture, so step a few at a time.
    this.timer = this.scene.time.addEvent({
      delay: 30,
      loop: true,
      callback: () => {
        n = Math.min(chars.length, n + 2);
        this.target.setText(chars.slice(0, n).join(''));
        if (n % 6 === 0) this.onTick?.();
        if (n >= chars.length) this.finish(onDone);
      },
    });
    this.onDone = onDone;
  }

  private onDone?: () => void;

  skip(): void {
    if (!this.done) this.finish(this.onDone ?? (() => {}));
  }

  private finish(onDone: () => void): void {
    this.timer?.remove();
    this.timer = undefined;
    this.target.setText(this.full);
    this.done = true;
    this.onDone = undefined;
    onDone();
  }
}
