/**
 * A message over the current scene: a title and lines of plain text (never HTML), such as the
 * located problems of a scenario file that did not load. Closing resumes the scene below.
 */
import type { Problem } from '../../engine/problems.js';
import { byPosition, formatProblem } from '../../engine/problems.js';
import { FocusGroup } from '../ui/focus.js';
import { enableScroll } from '../ui/scroll.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';

export interface MessageData {
  from: string;
  title: string;
  problems?: Problem[];
  lines?: string[];
}

export class MessageScene extends BaseScene<MessageData> {
  constructor() {
    super('Message');
  }

  create(): void {
    const { w, h, svc } = this;
    // Problems are shown in the game's language (problemText reads the loader's English in Chinese).
    const lines = [...(this.args.lines ?? []), ...[...(this.args.problems ?? [])].sort(byPosition).map((p) => formatProblem(p, svc.locale()))];
    this.add.rectangle(0, 0, w, h, 0x000000, 0.65).setOrigin(0).setInteractive().setScrollFactor(0).setDepth(-2);
    const pw = Math.min(1100, w - 40);
    const x = (w - pw) / 2;
    const g = this.add.graphics();
    this.text(x + 24, 40, this.args.title, { size: 28, bold: true, width: pw - 48 });
    let y = 96;
    for (const l of lines.slice(0, 200)) {
      const t = this.text(x + 24, y, l, { size: 18, width: pw - 48, color: l.includes('warning:') || l.includes('警告:') ? COLORS.inkSoft : COLORS.ink });
      y += t.height + 8;
    }
    if (lines.length > 200) y += this.text(x + 24, y, `… ${lines.length - 200} more`, { size: 18 }).height + 8;
    const close = this.button(w / 2, y + 40, this.t('common.close'), { width: 240, variant: 'primary', size: 22 }, () => this.close());
    g.fillStyle(COLORS.panel, 1).fillRoundedRect(x, 20, pw, y + 100 - 20, 16);
    g.setDepth(-1);
    enableScroll(this, y + 120);
    const focus = new FocusGroup(this, { onEscape: () => this.close() });
    focus.set([close], true);
    svc.live.say([this.args.title, ...lines]);
    this.publish({ choices: [close.label.text], message: { title: this.args.title, lines } });
  }

  private close(): void {
    this.publish({ message: undefined });
    this.scene.stop();
    this.scene.resume(this.args.from);
  }
}
