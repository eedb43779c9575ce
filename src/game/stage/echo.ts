/**
 * The typed reply on the coaching card, with its evidence marked (play/typedEcho.ts): page text on the
 * layer over the canvas, laid out where the card leaves room for it. The canvas cannot colour part of a
 * line; the page can, and wraps Chinese as the speech panel does. Hidden from screen readers: the live
 * region says the same words and what each marked span counts for.
 */
import type { EchoRun } from '../play/typedEcho.js';
import { shownText } from '../ui/theme.js';
import type { StageLayer } from './layer.js';
import './overlay.css';

export class TypedEcho {
  private readonly root: HTMLParagraphElement;

  constructor(layer: StageLayer, runs: readonly EchoRun[], open: string, close: string) {
    this.root = layer.add('p', 'ow-echo', 0, 0);
    this.root.setAttribute('aria-hidden', 'true');
    const parts: (string | HTMLElement)[] = [open];
    for (const r of runs) {
      // Written as the canvas writes it (the same quotes and punctuation), run by run, so the marks stay on their words.
      if (!r.mark) {
        parts.push(shownText(r.text));
        continue;
      }
      const m = document.createElement('mark');
      m.className = r.mark.good ? 'ow-good' : 'ow-bad';
      m.title = r.mark.names.join(' · ');
      m.textContent = shownText(r.text);
      parts.push(m);
    }
    parts.push(close);
    this.root.append(...parts);
  }

  /** Lay the text out at (x, y), `w` wide, at `size` game pixels; returns its height. */
  place(x: number, y: number, w: number, size: number): number {
    const s = this.root.style;
    s.left = `${x}px`;
    s.top = `${y}px`;
    s.width = `${w}px`;
    s.fontSize = `${size}px`;
    return this.root.offsetHeight;
  }

  /** The card moved up by `dy` (it did not fit under the line). */
  shift(dy: number): void {
    this.root.style.top = `${this.root.offsetTop + dy}px`;
  }

  get marked(): number {
    return this.root.querySelectorAll('mark').length;
  }

  remove(): void {
    this.root.remove();
  }
}
