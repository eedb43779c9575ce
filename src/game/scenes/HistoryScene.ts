/**
 * The conversation so far, over the play screen: every line of the customer's and every reply
 * of yours, oldest first, opened at the newest. Scrolls by wheel, drag, the arrow keys and
 * Page Up / Down; a screen reader hears the whole conversation. Closing returns to the scene
 * that opened it (play, or the pause menu).
 */
import { FocusGroup } from '../ui/focus.js';
import { enableScroll } from '../ui/scroll.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';
import { PHONE_MIN_TEXT } from '../play/playLayout.js';

export interface Exchange {
  /** Who spoke: the customer's name, or "You". */
  who: string;
  text: string;
  mine: boolean;
}

export interface HistoryData {
  from: string;
  lines: Exchange[];
}

export class HistoryScene extends BaseScene<HistoryData> {
  constructor() {
    super('History');
  }

  create(): void {
    const { w, h, svc } = this;
    const lines = this.args.lines;
    // On a phone the portrait canvas is drawn at about half size: larger text.
    const z = (n: number) => Math.round(n * (this.portrait ? 1.3 : 1));
    // Opaque: the customer and the meters on the stage below must not show through the text.
    this.add.rectangle(0, 0, w, h, COLORS.panel, 1).setOrigin(0).setInteractive().setScrollFactor(0).setDepth(-2);
    const pw = Math.min(980, w - 32);
    const x = (w - pw) / 2;
    const title = this.text(x + 8, 24, this.t('history.title'), { size: z(28), bold: true });
    // Below the Close button, which stays at the top right as the list scrolls.
    let y = Math.max(title.y + title.height + 20, 104);
    if (!lines.length) y += this.text(x + 8, y, this.t('history.empty'), { size: z(20), color: COLORS.inkSoft, width: pw - 16 }).height + 12;
    const g = this.add.graphics().setDepth(-1);
    for (const l of lines) {
      const indent = l.mine ? Math.min(80, pw * 0.1) : 0;
      const who = this.text(x + 16 + indent, y, l.who, { size: z(16), bold: true, color: COLORS.inkSoft });
      const said = this.text(x + 16 + indent, y + who.height + 2, l.text, { size: z(20), width: pw - 32 - indent, color: COLORS.ink });
      const bottom = said.y + said.height;
      if (l.mine) g.fillStyle(COLORS.accentSoft, 1).fillRoundedRect(x + indent, y - 8, pw - indent, bottom - y + 16, 12);
      else g.fillStyle(0xffffff, 1).fillRoundedRect(x, y - 8, pw - indent, bottom - y + 16, 12).lineStyle(1, 0xd5d9e0, 1).strokeRoundedRect(x, y - 8, pw - indent, bottom - y + 16, 12);
      y = bottom + 24;
    }
    const back = this.button(w - 100, 52, this.t('common.close'), { width: 160, size: this.portrait ? PHONE_MIN_TEXT : 20, variant: 'primary' }, () => this.close());
    back.setScrollFactor(0).setDepth(5);
    const bottom = y + 20;
    const cam = this.cameras.main;
    const max = Math.max(0, bottom - h);
    enableScroll(this, bottom, (clamp, e) => {
      if (e.key === 'ArrowDown') cam.scrollY = clamp(cam.scrollY + 80);
      else if (e.key === 'ArrowUp') cam.scrollY = clamp(cam.scrollY - 80);
    });
    // Opened at the newest exchange: that is where the trainee was.
    cam.scrollY = max;
    const focus = new FocusGroup(this, { onEscape: () => this.close() });
    focus.set([back], true);
    svc.live.say([this.t('history.title'), ...lines.map((l) => `${l.who}: ${l.text}`)]);
    this.publish({ scene: 'History', choices: [back.label.text], history: lines.map((l) => `${l.who}: ${l.text}`) });
  }

  private close(): void {
    this.svc.audio.play('ui-back');
    this.publish({ history: undefined });
    this.scene.stop();
    this.scene.resume(this.args.from);
  }
}
