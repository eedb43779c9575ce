/** Preload: a real progress bar over what the title needs; the scenario library follows in the background. */
import Phaser from 'phaser';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';

export class PreloadScene extends BaseScene {
  private bar!: Phaser.GameObjects.Graphics;
  private label!: Phaser.GameObjects.Text;

  constructor() {
    super('Preload');
  }

  preload(): void {
    const { w, h } = this;
    const bw = Math.min(560, w * 0.7);
    this.add.rectangle(w / 2, h / 2, bw + 8, 28, 0xffffff, 0.15);
    this.bar = this.add.graphics();
    this.label = this.text(w / 2, h / 2 + 40, this.t('loading'), { size: 22, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    const draw = (p: number) => {
      this.bar.clear().fillStyle(COLORS.accent, 1).fillRect(w / 2 - bw / 2, h / 2 - 10, bw * p, 20);
      this.label.setText(`${this.t('loading')} ${Math.round(p * 100)}%`);
    };
    this.load.on(Phaser.Loader.Events.PROGRESS, draw);
    this.load.svg('bg-title', 'backgrounds/service-counter.svg', { width: 1280, height: 720 });
  }

  create(): void {
    void this.svc.library();
    this.scene.start('Title');
  }
}
