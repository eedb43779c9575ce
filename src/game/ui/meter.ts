/** A labelled meter for one of the customer's states (e.g. anger, trust, patience). */
import Phaser from 'phaser';
import { makeText } from './text.js';
import { COLORS } from './theme.js';

export class Meter extends Phaser.GameObjects.Container {
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly valueText: Phaser.GameObjects.Text;
  private shown = -1;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    private readonly barWidth: number,
    label: string,
    private readonly good: 'high' | 'low',
  ) {
    super(scene, x, y);
    const bg = scene.add.graphics().fillStyle(COLORS.panelDark, 0.75).fillRoundedRect(0, 0, barWidth, 52, 10);
    bg.fillStyle(0xffffff, 0.2).fillRoundedRect(12, 34, barWidth - 24, 10, 5);
    const name = makeText(scene, 12, 4, label, { size: 18, color: COLORS.onDark, bold: true });
    this.valueText = makeText(scene, barWidth - 12, 4, '', { size: 18, color: COLORS.onDark }).setOrigin(1, 0);
    this.bar = scene.add.graphics();
    this.add([bg, name, this.valueText, this.bar]);
    scene.add.existing(this);
  }

  set(value: number, animate: boolean): void {
    const from = this.shown < 0 ? value : this.shown;
    this.shown = value;
    this.valueText.setText(String(value));
    if (!animate || from === value) return this.draw(value);
    const o = { v: from };
    this.scene.tweens.add({ targets: o, v: value, duration: 500, ease: 'Cubic.Out', onUpdate: () => this.draw(o.v) });
  }

  private draw(v: number): void {
    const goodness = this.good === 'high' ? v : 100 - v;
    const colour = goodness >= 60 ? COLORS.goodFill : goodness >= 35 ? COLORS.warnFill : COLORS.badFill;
    const inner = this.barWidth - 24;
    this.bar.clear();
    if (v > 0) this.bar.fillStyle(colour, 1).fillRoundedRect(12, 34, Math.max(10, (inner * v) / 100), 10, 5);
  }
}
