/**
 * Preload: a progress bar over what the title needs (its picture), while the interface
 * sounds download alongside (decoded by Howler when first played). The scenario library and
 * each customer's faces load later, when first needed, with their own progress bar. While
 * the page's own title is on screen it is the loading screen: no bar, and a press made
 * there leads on at once.
 */
import type { SoundName } from '../../platform/audio.js';
import { followPress, pageTitle } from '../pageTitle.js';
import { TITLE_DIM } from '../titleLayout.js';
import { ProgressBar, SHOW_BAR_AFTER_MS } from '../ui/progress.js';
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
    const page = pageTitle(this);
    // Under the page's title, its backdrop (the same the game's title has) stays.
    if (page) this.backdrop(TITLE_SETTING, TITLE_DIM);
    else this.backdrop(null, 0);
    // The title waits for its picture only (the page asked for it early); the interface
    // sounds download alongside and are ready long before the first click.
    const jobs = [loadImage(`backgrounds/${TITLE_SETTING}.svg`)];
    for (const n of UI_SOUNDS) void download(`audio/${n}.ogg`);
    // The page's title is the loader while it is up: window.dojo alone hears the share.
    const bar = new ProgressBar(this, SHOW_BAR_AFTER_MS, { shown: !page });
    let done = 0;
    for (const j of jobs) void j.then(() => bar.set(++done / jobs.length));
    const here = this.thisStart();
    void Promise.all(jobs).then(() => {
      if (!here()) return;
      bar.destroy();
      void this.svc.library();
      const press = page?.take();
      if (page && press) followPress(this, page, press, this.svc.progress.save.resume);
      else this.scene.start('Title');
    });
  }
}
