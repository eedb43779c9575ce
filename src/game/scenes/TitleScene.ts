/** Title: start, continue where I left off, language, sound and volume. */
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene, TITLE_SETTING } from './BaseScene.js';

export class TitleScene extends BaseScene {
  constructor() {
    super('Title');
  }

  create(): void {
    const { w, h, svc } = this;
    this.backdrop(TITLE_SETTING, 0.55);
    this.fadeIn();
    svc.audio.ambient(null);
    const top = this.portrait ? h * 0.16 : h * 0.14;
    // The name and the tagline on a plate of their own: the backdrop's signs must not run through them.
    const plate = this.add.graphics();
    const name = this.text(w / 2, top, this.t('title.name'), { size: this.portrait ? 64 : 72, bold: true, color: COLORS.onDark, align: 'center' }).setOrigin(0.5);
    const tagline = this.text(w / 2, top + (this.portrait ? 80 : 86), this.t('title.tagline'), {
      size: 26,
      color: COLORS.onDarkSoft,
      align: 'center',
      width: w * 0.8,
    }).setOrigin(0.5, 0);
    const pw = Math.min(w - 24, Math.max(name.width, tagline.width) + 80);
    const py = name.y - name.height / 2 - 18;
    plate.fillStyle(0x1d2433, 0.82).fillRoundedRect(w / 2 - pw / 2, py, pw, tagline.y + tagline.height + 20 - py, 18);

    const bw = this.portrait ? w * 0.72 : 420;
    let y = this.portrait ? h * 0.42 : h * 0.45;
    const gap = this.portrait ? 92 : 76;
    const items: Button[] = [];
    const resume = svc.progress.save.resume;
    items.push(this.button(w / 2, y, this.t('title.start'), { width: bw, variant: 'primary', size: 28 }, () => this.fadeTo('Select')));
    if (resume) {
      y += gap;
      items.push(
        this.button(w / 2, y, this.t('title.continue'), { width: bw, size: 26 }, () =>
          this.fadeTo('Play', { scenario: resume.scenario, seed: resume.seed, snapshot: resume.snapshot, coaching: resume.coaching ?? false }),
        ),
      );
    }
    y += gap;
    const other = svc.locale() === 'zh-CN' ? 'en' : 'zh-CN';
    items.push(this.button(w / 2, y, this.t('title.language'), { width: bw, size: 24 }, () => void svc.setLocale(other)));
    y += gap;
    const sound = this.button(w / 2, y, this.soundLabel(), { width: bw, size: 24 }, () => {
      svc.audio.setMuted(!svc.audio.muted);
      svc.progress.update((s) => (s.settings.muted = svc.audio.muted));
      sound.setLabel(this.soundLabel());
      this.announce();
      this.publish({ choices: items.map((b) => b.label.text) });
    });
    items.push(sound);
    y += gap;
    const half = (bw - 16) / 2;
    const down = this.button(w / 2 - half / 2 - 8, y, this.t('title.volumeDown'), { width: half, size: 22 }, () => this.volume(-0.1));
    const up = this.button(w / 2 + half / 2 + 8, y, this.t('title.volumeUp'), { width: half, size: 22 }, () => this.volume(0.1));
    items.push(down, up);
    this.volumeText = this.text(w / 2, y + 44, '', { size: 20, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    this.volume(0);

    if (svc.progress.notice) {
      const msg = this.t(`notice.${svc.progress.notice}`);
      const panel = this.add.rectangle(w / 2, h - 60, Math.min(w - 40, 900), 70, 0xfff4d6, 1).setStrokeStyle(2, 0xd68910);
      this.text(w / 2, panel.y, msg, { size: 20, color: COLORS.ink, align: 'center', width: panel.width - 40 }).setOrigin(0.5);
      this.publish({ notice: svc.progress.notice });
    }

    const focus = new FocusGroup(this);
    // Back after a reload with a game under way: "continue" is what the trainee came for.
    focus.set(items, resume ? 1 : 0);
    this.announce();
    this.publish({ scenario: null, node: null, choices: items.map((b) => b.label.text), customer: null, score: null, outcome: null, ready: true });
    // For the start-up benchmark: when the title first became interactive.
    (window as unknown as { __readyAt?: number }).__readyAt ??= performance.now();
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
