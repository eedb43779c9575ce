/**
 * The first-play guide, over the first decision of a trainee's first play: what this
 * customer's meters mean, how to answer (keys, touch), the countdown, and what follows a
 * reply. Each step dims the screen but for what it explains. Skippable at any step
 * (Escape), remembered in the saved progress once finished or skipped; the pause menu opens
 * it again. The play scene is paused under it, so no clock runs.
 */
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { touchFirst } from '../ui/pointer.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';
import { dimmed } from '../ui/dimmed.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GuideData {
  from: string;
  /** The scenario played (the pause menu, opened from the guide, needs it). */
  scenario: string;
  /** Where the play screen's Pause button is: never under the card, never dimmed, and a tap on it pauses. */
  pauseAt: Rect | null;
  /** The customer type and name, and each meter with where it is on screen. */
  type: string;
  name: string;
  meters: { id: string; good: 'high' | 'low' }[];
  metersAt: Rect;
  repliesAt: Rect | null;
  /** Where the countdown runs on this decision, or null when this decision is not timed. */
  countdownAt: Rect | null;
  /** Whether any decision of this scenario is timed. */
  timed: boolean;
  /** In my own words: the trainee types (the replies step says how). */
  typing?: boolean;
  /** Only the meters: a trainee already guided meets a customer type whose meters are new to them. */
  metersOnly?: boolean;
}

interface Step {
  title: string;
  lines: string[];
  at: Rect | null;
}

export class GuideScene extends BaseScene<GuideData> {
  private step = 0;
  private focus!: FocusGroup;

  constructor() {
    super('Guide');
  }

  override init(data: GuideData): void {
    super.init(data);
    this.step = 0;
  }

  private steps(): Step[] {
    const a = this.args;
    const meters = a.meters.map((m) => this.t(`guide.meter.${m.id}`));
    // A phone has no keys to name: the touch way instead.
    const touch = touchFirst();
    const metersStep = { title: this.t('guide.metersTitle', { name: a.name }), lines: [this.t(`guide.type.${a.type}`), ...meters], at: a.metersAt };
    if (a.metersOnly) return [metersStep];
    return [
      metersStep,
      a.typing
        ? { title: this.t('guide.typingTitle'), lines: [this.t('guide.typing'), this.t(touch ? 'guide.typingTouch' : 'guide.typingKeys'), this.t('guide.typingAgain')], at: a.repliesAt }
        : { title: this.t('guide.repliesTitle'), lines: [this.t('guide.replies'), this.t(touch ? 'guide.repliesTouch' : 'guide.repliesKeys'), this.t('guide.notLongest')], at: a.repliesAt },
      {
        title: this.t('guide.clockTitle'),
        lines: [this.t(`guide.${a.countdownAt ? 'clockHere' : a.timed ? 'clockLater' : 'clockNone'}${a.typing ? 'Typing' : ''}`)],
        at: a.countdownAt,
      },
      { title: this.t('guide.afterTitle'), lines: [this.t('guide.after'), this.t(touch ? 'guide.touch' : 'guide.keys')], at: null },
    ];
  }

  create(): void {
    this.focus = new FocusGroup(this, { onEscape: () => this.finish() });
    this.show();
  }

  private show(): void {
    this.children.removeAll(true);
    const { w, h, svc } = this;
    const steps = this.steps();
    const step = steps[this.step]!;
    this.dim(step.at);
    this.pauseThrough();
    // The card away from what it explains.
    const target = step.at;
    const beside = !this.portrait && target && target.x + target.w / 2 > w / 2;
    // Beside: over the customer's column only, never over the start of their line (the panel begins at 500).
    const cw = this.portrait ? w - 40 : Math.min(beside ? 452 : 500, beside ? target.x - 48 : w - 40);
    const cx = this.portrait || !target ? (w - cw) / 2 : beside ? 24 : w - cw - 24;
    const size = this.portrait ? 28 : 21;
    const card = this.add.container(0, 0);
    const bg = this.add.graphics();
    card.add(bg);
    let y = 22;
    const add = (s: string, o: { size: number; bold?: boolean; color?: string }, gap: number) => {
      const t = this.text(cx + 22, y, s, { size: o.size, bold: o.bold ?? false, width: cw - 44, color: o.color ?? COLORS.ink });
      card.add(t);
      y += t.height + gap;
    };
    const head = this.args.metersOnly ? this.t('guide.newType') : this.t('guide.step', { n: this.step + 1, of: steps.length });
    add(head, { size: size - 5, color: COLORS.inkSoft }, 6);
    add(step.title, { size: size + 4, bold: true }, 12);
    for (const l of step.lines) add(l, { size }, 10);
    y += 8;
    const last = this.step === steps.length - 1;
    const bw = (cw - 64) / 2;
    const buttons: Button[] = this.args.metersOnly
      ? [this.button(cx + cw / 2, 0, this.t('guide.gotIt'), { width: bw, variant: 'primary', size: size - 1 }, () => this.finish())]
      : [
          this.button(cx + 22 + bw / 2, 0, this.t(last ? 'guide.done' : 'guide.next'), { width: bw, variant: 'primary', size: size - 1 }, () => this.next()),
          this.button(cx + cw - 22 - bw / 2, 0, this.t('guide.skip'), { width: bw, size: size - 1 }, () => this.finish()),
        ];
    const bh = Math.max(...buttons.map((b) => b.h));
    for (const b of buttons) {
      b.setY(y + bh / 2);
      card.add(b);
    }
    y += bh + 20;
    const ch = y;
    // Above or below what it explains on a phone; at mid-height beside it on a wide screen.
    // Never over the Pause button: below it when the card would reach up beside it.
    const p = this.args.pauseAt;
    const least = p && cx < p.x + p.w && p.x < cx + cw ? p.y + p.h + 16 : 20;
    const top = this.portrait
      ? target && target.y + target.h / 2 > h / 2
        ? Math.max(least, target.y - ch - 24)
        : Math.max(least, Math.min(h - ch - 20, (target ? target.y + target.h : h / 2 - ch / 2) + 24))
      : Math.max(least, Math.min(h - ch - 20, target ? target.y : (h - ch) / 2));
    bg.fillStyle(COLORS.panel, 1).fillRoundedRect(cx, 0, cw, ch, 16);
    bg.lineStyle(3, COLORS.accent, 1).strokeRoundedRect(cx, 0, cw, ch, 16);
    card.setY(top);
    this.focus.set(buttons, true);
    svc.live.say([head, step.title, ...step.lines, ...buttons.map((b) => b.label.text)]);
    this.publish({ scene: 'Guide', choices: buttons.map((b) => b.label.text), phase: undefined });
  }

  /** Dim everything but the part explained (outlined) and the Pause button. */
  private dim(at: Rect | null): void {
    const { w, h } = this;
    const g = this.add.graphics();
    g.fillStyle(0x000000, 0.55);
    const pad = 8;
    const lit = at ? { x: Math.max(0, at.x - pad), y: Math.max(0, at.y - pad), w: 0, h: 0 } : null;
    if (at && lit) {
      lit.w = Math.min(w, at.x + at.w + pad) - lit.x;
      lit.h = Math.min(h, at.y + at.h + pad) - lit.y;
    }
    const p = this.args.pauseAt;
    for (const r of dimmed(w, h, [lit, p].filter((r): r is Rect => !!r))) g.fillRect(r.x, r.y, r.w, r.h);
    if (lit) g.lineStyle(4, COLORS.accent, 1).strokeRoundedRect(lit.x, lit.y, lit.w, lit.h, 12);
    // Taps on the dimmed screen do nothing underneath.
    this.add.zone(0, 0, w, h).setOrigin(0).setInteractive();
  }

  /** The Pause button, left lit, still pauses: the guide closes (as by Skip) and the pause menu opens. */
  private pauseThrough(): void {
    const p = this.args.pauseAt;
    if (!p) return;
    this.add
      .zone(p.x, p.y, p.w, p.h)
      .setOrigin(0)
      .setInteractive({ useHandCursor: true })
      .on('pointerup', () => this.toPause());
  }

  private toPause(): void {
    this.finish(false);
    // From the play screen: it stays paused, under the pause menu; opened from the pause menu: back to it.
    if (this.args.from === 'Play') this.scene.launch('Pause', { from: 'Play', scenario: this.args.scenario });
    else this.scene.resume(this.args.from);
  }

  private next(): void {
    if (this.step >= this.steps().length - 1) return this.finish();
    this.step++;
    this.show();
  }

  private finish(resume = true): void {
    this.svc.audio.play('ui-back');
    const type = this.args.type;
    this.svc.progress.update((p) => {
      p.settings.guided = true;
      p.settings.metersSeen = [...new Set([...(p.settings.metersSeen ?? []), type])];
    });
    this.scene.stop();
    if (resume) this.scene.resume(this.args.from);
  }

  protected override restartData(): GuideData {
    return this.args;
  }
}
