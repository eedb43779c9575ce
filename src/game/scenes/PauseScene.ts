/** Pause menu over the play scene: resume, the conversation, the guide, restart, language, sound, typing or picking from here on, quit to the list. */
import type { Button } from '../ui/button.js';
import { PHONE_MIN_TARGET } from '../layout.js';
import { FocusGroup } from '../ui/focus.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';

interface PauseData {
  from: string;
  scenario: string;
  /** The item focused before a rebuild (the language item, after a switch). */
  focus?: number;
}

/** A button's height and the space between two, on a screen and on a phone (finger-sized). */
const SIZES = { wide: { button: 56, gap: 18 }, phone: { button: PHONE_MIN_TARGET, gap: 20 } };

export class PauseScene extends BaseScene<PauseData> {
  constructor() {
    super('Pause');
  }

  create(): void {
    const { w, h, svc } = this;
    this.add.rectangle(0, 0, w, h, 0x000000, 0.6).setOrigin(0).setInteractive();
    const pw = Math.min(520, w - 40);
    const { button: BUTTON_H, gap } = this.portrait ? SIZES.phone : SIZES.wide;
    const ITEM_GAP = BUTTON_H + gap;
    // How the trainee answers, from here on: typing or picking (the play screen says which it is on).
    const play = this.scene.get(this.args.from) as unknown as { answerMode?: () => { ownWords: boolean; set: (on: boolean) => void } | null };
    const mode = play.answerMode?.() ?? null;
    const count = mode ? 8 : 7;
    // The items under the title, with a margin below the last as wide as above the title.
    const ph = 100 + count * ITEM_GAP - (ITEM_GAP - BUTTON_H) + 34;
    const top = h / 2 - ph / 2;
    this.add.graphics().fillStyle(COLORS.panel, 1).fillRoundedRect(w / 2 - pw / 2, top, pw, ph, 18);
    this.text(w / 2, top + 30, this.t('pause.title'), { size: 34, bold: true, align: 'center' }).setOrigin(0.5, 0);
    const bw = pw - 80;
    const other = svc.locale() === 'zh-CN' ? 'en' : 'zh-CN';
    const items: Button[] = [];
    let y = top + 100 + BUTTON_H / 2;
    const add = (label: string, fn: () => void, variant: 'primary' | 'secondary' = 'secondary') => {
      items.push(this.button(w / 2, y, label, { width: bw, height: BUTTON_H, variant, size: 24 }, fn));
      y += ITEM_GAP;
    };
    add(this.t('pause.resume'), () => this.resume(), 'primary');
    add(this.t('pause.history'), () => {
      const play = this.scene.get(this.args.from) as unknown as { conversation?: () => unknown[] };
      this.scene.pause();
      this.scene.launch('History', { from: 'Pause', lines: play.conversation?.() ?? [] });
    });
    add(this.t('pause.guide'), () => {
      const play = this.scene.get(this.args.from) as unknown as { guideData?: (from: string) => unknown };
      const data = play.guideData?.('Pause');
      if (!data) return;
      this.scene.pause();
      this.scene.launch('Guide', data);
    });
    add(this.t('pause.restart'), () => {
      svc.progress.update((s) => (s.resume = null));
      this.scene.stop();
      this.scene.get(this.args.from).scene.start(this.args.from, { scenario: this.args.scenario, seed: Date.now() % 100000 });
    });
    add(this.t('title.language'), () => {
      // The menu is rebuilt in the new language: focus stays here.
      this.args = { ...this.args, focus: items.indexOf(language) };
      void svc.setLocale(other);
    });
    const language = items.at(-1)!;
    add(svc.audio.muted ? this.t('title.soundOff') : this.t('title.soundOn'), () => {
      svc.audio.setMuted(!svc.audio.muted);
      svc.progress.update((s) => (s.settings.muted = svc.audio.muted));
      sound.setLabel(svc.audio.muted ? this.t('title.soundOff') : this.t('title.soundOn'));
      svc.live.say([sound.label.text]);
      this.publish({ choices: items.map((b) => b.label.text) });
    });
    const sound = items.at(-1)!;
    // Typing or picking from here on (the setting, saved): the decision on screen switches too.
    if (mode)
      add(this.t(mode.ownWords ? 'pause.pickFromNow' : 'ownWords.typeFromNow'), () => {
        mode.set(!mode.ownWords);
        this.resume();
      });
    add(this.t('pause.quit'), () => {
      this.scene.stop(this.args.from);
      this.scene.stop();
      this.scene.start('Select', { focus: this.args.scenario });
    });
    const focus = new FocusGroup(this, { ends: true, onEscape: () => this.resume() });
    focus.set(items, this.args.focus ?? true);
    svc.live.say([this.t('pause.title'), ...items.map((b) => b.label.text)]);
    this.publish({ scene: 'Pause', choices: items.map((b) => b.label.text) });
  }

  private resume(): void {
    this.svc.audio.play('ui-back');
    this.scene.stop();
    this.scene.resume(this.args.from);
  }
}
