/**
 * The customer on the stage: one picture per expression, all decoded before play starts, so
 * a change of face is instant. Face and posture are in the pictures; a change of expression
 * gives a small start, and a customer who leaves silently fades away.
 */
import type { Expression } from '../../engine/scenario/schema.js';
import { EXPRESSIONS } from '../../engine/vocabulary.js';
import type { StageLayer } from './layer.js';

export class CharacterView {
  private readonly root: HTMLDivElement;
  private readonly faces = new Map<Expression, HTMLImageElement>();
  private shown?: Expression;

  constructor(
    layer: StageLayer,
    private readonly type: string,
    cx: number,
    cy: number,
    height: number,
    private readonly reducedMotion: boolean,
  ) {
    const width = (height * 480) / 600;
    this.root = layer.add('div', 'stage-character', cx - width / 2, cy - height / 2);
    this.root.style.width = `${width}px`;
    this.root.style.height = `${height}px`;
  }

  /** Load every face; `progress` gets the share loaded so far. A face that fails to load stays blank. */
  async load(progress: (share: number) => void): Promise<void> {
    let done = 0;
    await Promise.all(
      EXPRESSIONS.map(async (e) => {
        const img = document.createElement('img');
        img.alt = '';
        img.draggable = false;
        img.src = `characters/${this.type}/${e}.svg`;
        this.faces.set(e, img);
        this.root.append(img);
        await img.decode().catch(() => undefined); // a broken file shows nothing; the console names it
        progress(++done / EXPRESSIONS.length);
      }),
    );
  }

  show(e: Expression): void {
    if (e === this.shown) return;
    const first = this.shown === undefined;
    this.shown = e;
    for (const [k, img] of this.faces) img.classList.toggle('shown', k === e);
    if (!first && !this.reducedMotion) {
      this.root.animate([{ transform: 'translateY(0)' }, { transform: 'translateY(-8px)' }, { transform: 'translateY(0)' }], { duration: 240, easing: 'ease-out' });
    }
  }

  /** The customer walks off without a word. */
  leave(): void {
    if (this.reducedMotion) return;
    this.root.animate([{ opacity: 1, transform: 'translateX(0)' }, { opacity: 0, transform: 'translateX(-120px)' }], { duration: 1600, easing: 'ease-in', fill: 'forwards' });
  }

  remove(): void {
    this.root.remove();
  }
}
