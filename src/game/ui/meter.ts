/** A labelled meter for one of the customer's states (e.g. anger, trust, patience). */
import Phaser from 'phaser';
import { makeText } from './text.js';
import { roundSkin, slice } from './skin.js';
import { COLORS } from './theme.js';

export class Meter extends Phaser.GameObjects.Container {
  private readonly bar: Phaser.GameObjects.NineSlice;
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
    const bg = slice(scene, 0, 0, roundSkin(scene, COLORS.panelDark, 0.75, 10), barWidth, 52, 10).setOrigin(0);
    const track = slice(scene, 12, 34, roundSkin(scene, 0xffffff, 0.2, 5), barWidth - 24, 10, 5).setOrigin(0);
    const name = makeText(scene, 12, 4, label, { size: 18, color: COLORS.onDark, bold: true });
    this.valueText = makeText(scene, barWidth - 12, 4, '', { size: 18, color: COLORS.onDark }).setOrigin(1, 0);
    this.bar = slice(scene, 12, 34, roundSkin(scene, 0xffffff, 1, 5), 10, 10, 5).setOrigin(0);
    this.add([bg, track, name, this.valueText, this.bar]);
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
    this.bar.setVisible(v > 0).setTint(colour);
    this.bar.setSize(Math.max(10, (inner * v) / 100), 10);
  }
}
