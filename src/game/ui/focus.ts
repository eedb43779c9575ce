/**
 * Keyboard focus for a scene's buttons: Tab / Shift+Tab move through them in order; the arrow
 * keys move to the nearest button in that direction on screen (a grid of cards, buttons side
 * by side), Up and Down falling back to the previous and next; Enter and Space press, 1–9
 * press the n-th item when `numbered`. A move by key is announced to screen readers. The
 * handler is removed on shutdown.
 */
import type Phaser from 'phaser';
import { onKeys } from './keys.js';
import { nearest } from './nearest.js';
import { services } from '../services.js';
import type { Button } from './button.js';

/** The group set last: the screen on top. */
const latest: { group?: FocusGroup } = {};

/** The buttons of the screen on top, where they are on the page (window.dojoControls). */
export function currentControls(): ReturnType<FocusGroup['rects']> {
  const g = latest.group;
  return g && g['scene'].sys.isActive() ? g.rects() : [];
}

export class FocusGroup {
  private items: Button[] = [];
  private index = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    /** `ends`: Home and End move to the first and last item (lists and menus; pages that scroll keep them for scrolling). */
    private readonly opts: { numbered?: boolean; ends?: boolean; onEscape?: () => void } = {},
  ) {
    onKeys(scene, (e) => this.onKey(e));
    // Back on top when an overlay closes.
    const onTop = () => {
      if (this.items.length) latest.group = this;
    };
    scene.events.on('resume', onTop);
    scene.events.once('shutdown', () => scene.events.off('resume', onTop));
  }

  set(items: Button[], focusFirst: boolean | number = false): void {
    this.items.forEach((b) => b.setFocus(false));
    this.items = items;
    latest.group = this;
    this.heldUntil = 0;
    this.index = -1;
    if (focusFirst !== false && items.length) this.focus(focusFirst === true ? 0 : focusFirst);
  }

  private heldUntil = 0;

  /**
   * Ignore Enter and Space for a moment (and held-down repeats): a key still pressed to skip
   * the line as the replies appear must not pick the first reply.
   */
  holdPresses(ms: number): void {
    this.heldUntil = performance.now() + ms;
  }

  private nudges = 0;

  private nudge(): void {
    this.current?.flash();
    this.nudges += 1;
    const patch = { heldPresses: this.nudges };
    const scene = this.scene as Phaser.Scene & { publish?: (p: typeof patch) => void };
    if (scene.publish) scene.publish(patch);
    else services(this.scene).report(patch);
  }

  /** Where each button is on the page now, in CSS pixels (for tests: no control cut off). */
  rects(): { label: string; left: number; top: number; right: number; bottom: number }[] {
    const canvas = this.scene.game.canvas.getBoundingClientRect();
    const sx = canvas.width / this.scene.scale.width;
    const sy = canvas.height / this.scene.scale.height;
    const cam = this.scene.cameras.main;
    return this.items
      .filter((b) => b.active && b.visible)
      .map((b) => {
        // The button's own box (a container's bounds would be its label's), where its parents put it.
        const m = b.getWorldTransformMatrix();
        const hw = (b.bw / 2) * Math.abs(m.scaleX);
        const hh = (b.h / 2) * Math.abs(m.scaleY);
        const r = { left: m.tx - hw, right: m.tx + hw, top: m.ty - hh, bottom: m.ty + hh };
        // A button fixed to the screen (scroll factor 0) does not move with the camera.
        const x = (v: number) => canvas.left + (v - cam.scrollX * b.scrollFactorX) * sx;
        const y = (v: number) => canvas.top + (v - cam.scrollY * b.scrollFactorY) * sy;
        return { label: b.label.text, left: x(r.left), top: y(r.top), right: x(r.right), bottom: y(r.bottom) };
      });
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

  /** Focus by a key press, and say what now has focus. */
  private move(i: number): void {
    const was = this.index;
    this.focus(i);
    if (this.index === was) return;
    const label = this.current?.label.text.split('\n')[0];
    if (label) services(this.scene).live.say([label]);
  }

  private onKey(e: KeyboardEvent): void {
    switch (e.key) {
      case 'Tab':
        // Nothing of the canvas's to move through (the own-words text box is on screen): the page's own Tab.
        if (!this.items.length) return;
        e.preventDefault();
        this.move(this.index < 0 ? 0 : this.index + (e.shiftKey ? -1 : 1));
        return;
      case 'ArrowDown':
      case 'ArrowUp':
      case 'ArrowRight':
      case 'ArrowLeft': {
        e.preventDefault();
        if (this.index < 0) return this.move(0);
        const next = nearest(this.items.map(centre), this.index, e.key);
        if (next !== null) this.move(next);
        else if (e.key === 'ArrowDown') this.move(this.index + 1);
        else if (e.key === 'ArrowUp') this.move(this.index - 1);
        return;
      }
      case 'Enter':
      case ' ':
        if (this.heldUntil && (e.repeat || e.timeStamp < this.heldUntil)) {
          e.preventDefault();
          // Not silently: a fresh press lights the focused reply, so the next one is known to pick it.
          if (!e.repeat) this.nudge();
          return;
        }
        if (this.current) {
          e.preventDefault();
          this.current.click();
        }
        return;
      case 'Home':
      case 'End':
        if (!this.opts.ends || !this.items.length) return;
        e.preventDefault();
        this.move(e.key === 'Home' ? 0 : this.items.length - 1);
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

function centre(b: Button): { x: number; y: number } {
  const r = b.getBounds();
  return { x: r.centerX, y: r.centerY };
}
