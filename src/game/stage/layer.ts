/**
 * The stage: a page layer under the transparent canvas, in game coordinates, for what the
 * play screen shows most and changes often — the customer, their line as it is typed out,
 * the meters. On software WebGL every frame the canvas draws costs more than a frame's
 * budget; here the browser repaints only the few pixels that changed. The canvas draws
 * over the stage (replies, coaching, pause menu, fades), so what covers what stays as it
 * was; the stage takes no pointer events and is hidden from screen readers (the live
 * region speaks the line and the replies).
 */
import type Phaser from 'phaser';
import { fontFor } from '../ui/theme.js';
import './stage.css';

export class StageLayer {
  readonly root: HTMLDivElement;
  private game?: Phaser.Game;

  /**
   * `over`: a layer over the canvas instead, for what must be a real page control (the own-words text box,
   * stage/textBox.ts): it is not hidden from screen readers, and its controls take the pointer.
   */
  constructor(
    private readonly parent: HTMLElement,
    o: { over?: boolean } = {},
  ) {
    this.root = document.createElement('div');
    this.root.className = o.over ? 'stage-over' : 'stage';
    if (!o.over) this.root.setAttribute('aria-hidden', 'true');
    this.root.style.fontFamily = fontFor();
    // A page translator would swap the text nodes the typewriter writes to; the live region
    // and the canvas carry the words anyway.
    this.root.translate = false;
    if (o.over) parent.append(this.root);
    else parent.prepend(this.root);
  }

  /** The language changed: its font. */
  setFont(font: string): void {
    this.root.style.fontFamily = font;
  }

  /** Follow the canvas: its logical size and where the scale manager put it on the page. */
  attach(game: Phaser.Game): void {
    this.game = game;
    const fit = () => this.fit();
    game.scale.on('resize', fit);
    window.addEventListener('resize', () => requestAnimationFrame(fit));
    game.events.once('ready', fit);
  }

  fit(): void {
    const game = this.game;
    if (!game?.canvas) return;
    const c = game.canvas.getBoundingClientRect();
    const p = this.parent.getBoundingClientRect();
    const { width, height } = game.scale;
    const s = this.root.style;
    s.width = `${width}px`;
    s.height = `${height}px`;
    s.transform = `translate(${c.left - p.left}px, ${c.top - p.top}px) scale(${c.width / width}, ${c.height / height})`;
  }

  /** Hold every running animation and transition on the stage (the game is paused). */
  pause(): void {
    this.held = this.root.getAnimations({ subtree: true }).filter((a) => a.playState === 'running');
    for (const a of this.held) a.pause();
  }

  resume(): void {
    for (const a of this.held) a.play();
    this.held = [];
  }

  private held: Animation[] = [];

  /** A new element on the stage at (x, y) in game coordinates; the caller removes it. */
  add<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, x: number, y: number): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    e.className = className;
    e.style.left = `${x}px`;
    e.style.top = `${y}px`;
    this.root.append(e);
    this.fit();
    return e;
  }
}

/** A theme colour (0xRRGGBB) as CSS, with alpha. */
export function css(color: number, alpha = 1): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}
