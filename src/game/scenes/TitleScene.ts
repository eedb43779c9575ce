/**
 * Title: start, continue where I left off, language, sound and volume. Laid out by
 * titleLayout.ts, which the page's own title (src/title/) follows too: when the page's is on
 * screen this one is built beneath it, the same to the pixel, and takes over without a fade.
 */
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { COLORS } from '../ui/theme.js';
import { afterDrawing, followPress, pageTitle, resumeData } from '../pageTitle.js';
import { TITLE_DIM, TITLE_NOTICE, TITLE_PLATE, titleLayout, titlePlate, type TitleItemKey } from '../titleLayout.js';
import { BaseScene, TITLE_SETTING } from './BaseScene.js';

export class TitleScene extends BaseScene {
  constructor() {
    super('Title');
  }

  create(): void {
    const { w, h, svc } = this;
    this.backdrop(TITLE_SETTING, TITLE_DIM);
    const resume = svc.progress.save.resume;
    const page = pageTitle(this);
    // Pressed on the page's title in the moment before this one was built: go on.
    const press = page?.take();
    if (page && press) return followPress(this, page, press, resume);
    if (!page) this.fadeIn();
    svc.audio.ambient(null);
    const L = titleLayout(w, h, !!resume);
    // The name and the tagline on a plate of their own: the backdrop's signs must not run through them.
    const plate = this.add.graphics();
    const name = this.text(w / 2, L.nameY, this.t('title.name'), { size: L.nameSize, bold: true, color: COLORS.onDark, align: 'center' }).setOrigin(0.5);
    const tagline = this.text(w / 2, L.taglineY, this.t('title.tagline'), {
      size: L.taglineSize,
      color: COLORS.onDarkSoft,
      align: 'center',
      width: L.taglineWidth,
    }).setOrigin(0.5, 0);
    const p = titlePlate(w, name, tagline);
    plate.fillStyle(TITLE_PLATE.color, TITLE_PLATE.alpha).fillRoundedRect(p.x, p.y, p.width, p.height, TITLE_PLATE.radius);

    const other = svc.locale() === 'zh-CN' ? 'en' : 'zh-CN';
    const items: Button[] = [];
    const sound = (): Button => items[L.items.findIndex((i) => i.key === 'sound')]!;
    const actions: Record<TitleItemKey, [string, () => void]> = {
      start: [this.t('title.start'), () => this.fadeTo('Select')],
      continue: [this.t('title.continue'), () => resume && this.fadeTo('Play', resumeData(resume))],
      language: [this.t('title.language'), () => void svc.setLocale(other)],
      sound: [
        this.soundLabel(),
        () => {
          svc.audio.setMuted(!svc.audio.muted);
          svc.progress.update((s) => (s.settings.muted = svc.audio.muted));
          sound().setLabel(this.soundLabel());
          this.announce();
          this.publish({ choices: items.map((b) => b.label.text) });
        },
      ],
      volumeDown: [this.t('title.volumeDown'), () => this.volume(-0.1)],
      volumeUp: [this.t('title.volumeUp'), () => this.volume(0.1)],
    };
    for (const item of L.items) {
      const [label, act] = actions[item.key];
      items.push(this.button(item.x, item.y, label, { width: item.width, size: item.size, ...(item.primary ? { variant: 'primary' as const } : {}) }, act));
    }
    this.volumeText = this.text(w / 2, L.volumeY, '', { size: L.volumeSize, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    this.volume(0);

    if (svc.progress.notice) {
      const N = TITLE_NOTICE;
      const msg = this.t(`notice.${svc.progress.notice}`);
      const panel = this.add.rectangle(w / 2, h - N.fromBottom, Math.min(w - N.margin, N.maxWidth), N.height, N.fill, 1).setStrokeStyle(2, N.stroke);
      this.text(w / 2, panel.y, msg, { size: N.textSize, color: COLORS.ink, align: 'center', width: panel.width - 40 }).setOrigin(0.5);
      this.publish({ notice: svc.progress.notice });
    }

    const focus = new FocusGroup(this);
    // Back after a reload with a game under way: "continue" is what the trainee came for.
    // Taking over from the page's title: where the trainee had moved focus there.
    const from = page ? L.items.findIndex((i) => i.key === page.focused) : -1;
    focus.set(items, from >= 0 ? from : resume ? 1 : 0);
    this.announce();
    this.publish({ scenario: null, node: null, choices: items.map((b) => b.label.text), customer: null, score: null, outcome: null, ready: true });
    // For the start-up benchmark: when the title first became interactive.
    (window as unknown as { __readyAt?: number }).__readyAt ??= performance.now();
    page?.handOver(afterDrawing(this.game, 'Title'));
  }

  private volumeText!: Phaser.GameObjects.Text;

  private soundLabel(): string {
    return this.svc.audio.muted ? this.t('title.soundOff') : this.t('title.soundOn');
  }

  private volume(d: number): void {
    const { audio, progress } = this.svc;
    if (d) {
      audio.setVolume(Math.round((audio.volume + d) * 10) / 10);
      progress.update((s) => (s.settings.volume = audio.volume));
      audio.play('ui-select');
    }
    this.volumeText.setText(this.t('title.volume', { n: Math.round(audio.volume * 100) }));
  }

  private announce(): void {
    this.svc.live.say([this.t('title.name'), this.t('title.tagline'), this.soundLabel()]);
  }
}
