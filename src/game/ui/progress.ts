/**
 * A loader: a bar and "Loading… n%" in the middle of the screen, also told to window.dojo
 * (`loading`). It appears only once a load has taken `delayMs`: a quick load (files already
 * cached) flashes nothing and draws nothing. `shown: false` draws nothing at all (the page's
 * own title stands in for it) and only tells window.dojo.
 */
import type Phaser from 'phaser';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLORS } from './theme.js';

/** How long a load may take before its progress bar appears. */
export const SHOW_BAR_AFTER_MS = 250;

export class ProgressBar {
  private share = 0;
  private draw?: () => void;
  private readonly parts: Phaser.GameObjects.GameObject[] = [];
  private readonly timer: Phaser.Time.TimerEvent;

  constructor(
    private readonly scene: BaseScene,
    delayMs: number,
    o: { shown?: boolean } = {},
  ) {
    this.timer = scene.time.delayedCall(delayMs, () => (o.shown === false ? this.tellOnly() : this.show()));
  }

  private tellOnly(): void {
    this.draw = () => this.scene.publish({ loading: this.share });
    this.draw();
  }

  private show(): void {
    const { scene } = this;
    const { w, h } = scene;
    const bw = Math.min(560, w * 0.7);
    const track = scene.add.rectangle(w / 2, h / 2, bw + 8, 28, 0xffffff, 0.15);
    const bar = scene.add.graphics();
    const label = scene.text(w / 2, h / 2 + 40, '', { size: 22, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    this.parts.push(track, bar, label);
    // Said once, for a screen reader: the screen is not just blank.
    scene.svc.live.say([scene.t('loading')]);
    this.draw = () => {
      bar.clear().fillStyle(COLORS.accent, 1).fillRect(w / 2 - bw / 2, h / 2 - 10, bw * this.share, 20);
      label.setText(`${scene.t('loading')} ${Math.round(this.share * 100)}%`);
      scene.publish({ loading: this.share });
    };
    this.draw();
  }

  set(share: number): void {
    this.share = share;
    this.draw?.();
  }

  destroy(): void {
    this.timer.remove();
    for (const p of this.parts) p.destroy();
    if (this.draw) this.scene.publish({ loading: undefined });
  }
}
