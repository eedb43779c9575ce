/**
 * Keyboard focus for a scene's buttons: Tab / Shift+Tab and the arrow keys move, Enter and
 * Space press, 1–9 press the n-th item when `numbered`. The handler is removed on shutdown.
 */
import type Phaser from 'phaser';
import { onKeys } from './keys.js';
import { services } from '../services.js';
import type { Button } from './button.js';

export class FocusGroup {
  private items: Button[] = [];
  private index = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly opts: { numbered?: boolean; columns?: number; onEscape?: () => void } = {},
  ) {
    onKeys(scene, (e) => this.onKey(e));
  }

  set(items: Button[], focusFirst = false): void {
    this.items.forEach((b) => b.setFocus(false));
    this.items = items;
    this.index = -1;
    if (focusFirst && items.length) this.focus(0);
  }

  get current(): Button | undefined {
    return this.items[this.index];
  }

  focus(i: number): void {
    if (!this.items.length) return;
    this.current?.setFocus(false);
    this.index = (i + this.items.length) % this.items.length;
    this.current!.setFocus(true);
    const patch = { focus: this.current!.label.text, focusIndex: this.index };
    const scene = this.scene as Phaser.Scene & { publish?: (p: typeof patch) => void };
    if (scene.publish) scene.publish(patch);
    else services(this.scene).report(patch);
  }

  private onKey(e: KeyboardEvent): void {
    const cols = this.opts.columns ?? 1;
    switch (e.key) {
      case 'Tab':
        e.preventDefault();
        this.focus(this.index < 0 ? 0 : this.index + (e.shiftKey ? -1 : 1));
        return;
      case 'ArrowDown':
        e.preventDefault();
        this.focus(this.index < 0 ? 0 : this.index + cols);
        return;
      case 'ArrowUp':
        e.preventDefault();
        this.focus(this.index < 0 ? 0 : this.index - cols);
        return;
      case 'ArrowRight':
        if (cols > 1) this.focus(this.index < 0 ? 0 : this.index + 1);
        return;
      case 'ArrowLeft':
        if (cols > 1) this.focus(this.index < 0 ? 0 : this.index - 1);
        return;
      case 'Enter':
      case ' ':
        if (this.current) {
          e.preventDefault();
          this.current.click();
        }
        return;
      case 'Escape':
        this.opts.onEscape?.();
        return;
    }
    if (this.opts.numbered && /^[1-9]$/.test(e.key)) {
      const b = this.items[Number(e.key) - 1];
      if (b) {
        this.focus(Number(e.key) - 1);
        b.click();
      }
    }
  }
}
