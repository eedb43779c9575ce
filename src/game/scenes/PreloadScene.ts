/**
 * Preload: a progress bar over what the title needs (its picture), while the interface
 * sounds download alongside (decoded by Howler when first played). The scenario library and
 * each customer's faces load later, when first needed, with their own progress bar.
 */
import type { SoundName } from '../../platform/audio.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene, TITLE_SETTING } from './BaseScene.js';

const UI_SOUNDS: SoundName[] = ['ui-click', 'ui-select', 'ui-back', 'ui-type', 'ui-timer', 'ui-timeout', 'mood-up', 'mood-down', 'mood-break'];

function download(url: string): Promise<void> {
  return fetch(url).then(
    (r) => r.arrayBuffer().then(() => undefined),
    () => undefined,
  );
}

function loadImage(src: string): Promise<void> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = img.onerror = () => resolve();
    img.src = src;
  });
}

export class PreloadScene extends BaseScene {
  constructor() {
    super('Preload');
  }

  create(): void {
    const { w, h, svc } = this;
    this.backdrop(null, 0);
    const bw = Math.min(560, w * 0.7);
    this.add.rectangle(w / 2, h / 2, bw + 8, 28, 0xffffff, 0.15);
    const bar = this.add.graphics();
    const label = this.text(w / 2, h / 2 + 40, this.t('loading'), { size: 22, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    // The title waits for its picture only; the interface sounds download alongside and are
    // ready long before the first click.
    const jobs = [loadImage(`backgrounds/${TITLE_SETTING}.svg`)];
    for (const n of UI_SOUNDS) void download(`audio/${n}.ogg`);
    let done = 0;
    const draw = () => {
      const p = done / jobs.length;
      bar.clear().fillStyle(COLORS.accent, 1).fillRect(w / 2 - bw / 2, h / 2 - 10, bw * p, 20);
      label.setText(`${this.t('loading')} ${Math.round(p * 100)}%`);
    };
    draw();
    for (const j of jobs) void j.then(() => (done++, draw()));
    void Promise.all(jobs).then(() => {
      void svc.library();
      this.scene.start('Title');
    });
  }
}
