/** The time left to answer, on the stage: a bar that empties, and the seconds at its right. */
import { COLORS } from '../ui/theme.js';
import { css, type StageLayer } from './layer.js';

export class CountdownView {
  private readonly root: HTMLDivElement;
  private readonly fill: HTMLDivElement;
  private readonly label: HTMLSpanElement;

  constructor(layer: StageLayer, x: number, y: number, width: number) {
    // The row is centred on the 14-pixel bar whose top is at y.
    this.root = layer.add('div', 'stage-countdown', x, y - 6);
    this.root.style.width = `${width}px`;
    const track = document.createElement('div');
    track.className = 'stage-countdown-track';
    this.fill = document.createElement('div');
    this.fill.className = 'stage-countdown-fill';
    track.append(this.fill);
    this.label = document.createElement('span');
    this.label.className = 'stage-countdown-label';
    this.root.append(track, this.label);
  }

  /** `share` of the time left (0–1) and what to print. */
  set(share: number, label: string): void {
    this.fill.style.width = `max(14px, ${Math.max(0, share) * 100}%)`;
    this.fill.style.backgroundColor = css(share > 0.3 ? COLORS.goodFill : COLORS.badFill);
    if (this.label.textContent !== label) this.label.textContent = label;
  }

  remove(): void {
    this.root.remove();
  }
}
