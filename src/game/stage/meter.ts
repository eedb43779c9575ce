/** A labelled meter on the stage for one of the customer's states (e.g. anger, trust, patience). */
import { COLORS } from '../ui/theme.js';
import { css, type StageLayer } from './layer.js';

export class MeterView {
  private readonly root: HTMLDivElement;
  private readonly value: HTMLSpanElement;
  private readonly fill: HTMLDivElement;

  constructor(
    layer: StageLayer,
    x: number,
    y: number,
    width: number,
    label: string,
    private readonly good: 'high' | 'low',
  ) {
    this.root = layer.add('div', 'stage-meter', x, y);
    this.root.style.width = `${width}px`;
    this.root.style.background = css(COLORS.panelDark, 0.75);
    const name = document.createElement('span');
    name.className = 'stage-meter-name';
    name.textContent = label;
    this.value = document.createElement('span');
    this.value.className = 'stage-meter-value';
    const track = document.createElement('div');
    track.className = 'stage-meter-track';
    this.fill = document.createElement('div');
    this.fill.className = 'stage-meter-fill';
    track.append(this.fill);
    this.root.append(name, this.value, track);
  }

  set(value: number, animate: boolean): void {
    this.value.textContent = String(value);
    const goodness = this.good === 'high' ? value : 100 - value;
    const colour = goodness >= 60 ? COLORS.goodFill : goodness >= 35 ? COLORS.warnFill : COLORS.badFill;
    const s = this.fill.style;
    s.transitionDuration = animate ? '' : '0s';
    s.width = value > 0 ? `max(10px, ${value}%)` : '0';
    s.backgroundColor = css(colour);
  }

  remove(): void {
    this.root.remove();
  }
}
