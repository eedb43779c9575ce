/** A focusable button: rounded panel and label, hover, focus ring, click, pointer and keyboard. */
import Phaser from 'phaser';
import { isPortrait, PHONE_MIN_TARGET } from '../layout.js';
import { makeText, textHeight } from './text.js';
import { COLORS } from './theme.js';

/** How far (in game pixels) a press may move and still be a tap, not a drag. */
export const TAP_SLOP = 14;

export interface ButtonOptions {
  width: number;
  height?: number;
  size?: number;
  variant?: 'primary' | 'secondary' | 'choice' | 'ghost';
  align?: 'left' | 'center';
  /** Small label at the left, e.g. the number key of a choice. */
  badge?: string;
}

export class Button extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  readonly label: Phaser.GameObjects.Text;
  private badgeText?: Phaser.GameObjects.Text;
  private focused = false;
  private hovered = false;
  readonly bw: number;
  h: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    text: string,
    private readonly opts: ButtonOptions,
    private readonly onClick: () => void,
  ) {
    super(scene, x, y);
    this.bw = opts.width;
    const size = opts.size ?? 24;
    const padX = opts.badge ? 64 : 24;
    this.bg = scene.add.graphics();
    this.label = makeText(scene, 0, 0, text, { ...Button.labelOptions(opts), color: this.textColor() });
    this.h = Button.heightWith(scene, opts, this.label.height);
    this.label.setOrigin(opts.align === 'left' ? 0 : 0.5, 0.5);
    this.label.setPosition(opts.align === 'left' ? -this.bw / 2 + padX : opts.badge ? 20 : 0, 0);
    this.add([this.bg, this.label]);
    if (opts.badge) {
      this.badgeText = makeText(scene, -this.bw / 2 + 30, 0, opts.badge, { size: size - 2, bold: true, color: COLORS.accentText });
      this.badgeText.setOrigin(0.5, 0.5);
      this.add(this.badgeText);
    }
    this.setSize(this.bw, this.h);
    this.setInteractive({ useHandCursor: true });
    this.on('pointerover', () => this.setHover(true));
    this.on('pointerout', () => this.setHover(false));
    // A tap or a click: pressed and released on this button without moving far. A drag that
    // scrolls a list, or one that began elsewhere, must not press what it ends on.
    // Any travel counts: a swipe that comes back near where it began, or one that scrolled the
    // camera (a list pulled at its top moves nothing on screen but the finger), is not a tap.
    let pressed: { x: number; y: number; scrollY: number; far: boolean } | null = null;
    const cam = () => scene.cameras.main;
    const track = (p: Phaser.Input.Pointer) => {
      if (pressed && !pressed.far) pressed.far = Phaser.Math.Distance.Between(pressed.x, pressed.y, p.x, p.y) > TAP_SLOP;
    };
    scene.input.on('pointermove', track);
    this.once('destroy', () => scene.input?.off('pointermove', track));
    this.on('pointerdown', (p: Phaser.Input.Pointer) => (pressed = { x: p.x, y: p.y, scrollY: cam().scrollY, far: false }));
    this.on('pointerup', (p: Phaser.Input.Pointer) => {
      const from = pressed;
      pressed = null;
      if (!from) return;
      track(p);
      const still = !from.far && Phaser.Math.Distance.Between(from.x, from.y, p.x, p.y) <= TAP_SLOP && cam().scrollY === from.scrollY;
      if (still) this.click();
    });
    this.on('pointerout', () => (pressed = null));
    this.draw();
    scene.add.existing(this);
  }

  /** How tall a button with this label would be, without making it; null when that cannot be told (ui/text.ts textHeight). */
  static heightFor(scene: Phaser.Scene, text: string, opts: ButtonOptions): number | null {
    const label = textHeight(text, Button.labelOptions(opts));
    return label === null ? null : Button.heightWith(scene, opts, label);
  }

  private static labelOptions(opts: ButtonOptions): { size: number; width: number; align: 'left' | 'center'; bold: boolean } {
    return { size: opts.size ?? 24, width: opts.width - (opts.badge ? 64 : 24) - 20, align: opts.align ?? 'center', bold: opts.variant === 'primary' };
  }

  private static heightWith(scene: Phaser.Scene, opts: ButtonOptions, labelHeight: number): number {
    return Math.max(opts.height ?? 56, labelHeight + 20, isPortrait(scene) ? PHONE_MIN_TARGET : 0);
  }

  private textColor(): string {
    return this.opts.variant === 'primary' ? COLORS.accentText : COLORS.ink;
  }

  click(): void {
    if (this.visible) this.onClick();
  }

  setHover(h: boolean): void {
    this.hovered = h;
    this.draw();
  }

  /** Light up for a moment, as under the pointer: a press was heard but held back. */
  flash(): void {
    this.setHover(true);
    this.scene.time.delayedCall(250, () => this.scene && this.setHover(false));
  }

  setFocus(f: boolean): this {
    this.focused = f;
    this.draw();
    return this;
  }

  setLabel(text: string): this {
    this.label.setText(text);
    return this;
  }

  private draw(): void {
    if (!this.scene) return; // destroyed
    const g = this.bg;
    const { bw: w, h } = this;
    const v = this.opts.variant ?? 'secondary';
    g.clear();
    if (this.focused) g.lineStyle(4, COLORS.focus, 1).strokeRoundedRect(-w / 2 - 5, -h / 2 - 5, w + 10, h + 10, 16);
    if (v === 'primary') {
      g.fillStyle(COLORS.accent, 1).fillRoundedRect(-w / 2, -h / 2, w, h, 12);
      if (this.hovered) g.fillStyle(0xffffff, 0.12).fillRoundedRect(-w / 2, -h / 2, w, h, 12);
    } else {
      g.fillStyle(v === 'ghost' ? 0xffffff : COLORS.panel, v === 'ghost' ? (this.hovered ? 0.25 : 0.12) : 1).fillRoundedRect(-w / 2, -h / 2, w, h, 12);
      g.lineStyle(2, this.hovered || this.focused ? COLORS.accent : 0xc9ced6, 1).strokeRoundedRect(-w / 2, -h / 2, w, h, 12);
    }
    if (this.badgeText) g.fillStyle(COLORS.accent, 1).fillRoundedRect(-w / 2 + 10, -18, 40, 36, 8);
  }
}
