/**
 * The customer on screen: the setting behind them, their portrait for the current
 * expression, their name and what they say. Kept between updates so the pictures do not
 * reload and the line is announced only when it changes.
 */
import type { NodeView, ScenarioInfo } from '../server/protocol.js';
import { el } from './dom.js';
import { announce } from './notices.js';
import { t, txt } from './text.js';

export class Stage {
  readonly root: HTMLElement;
  private readonly backdrop: HTMLImageElement;
  private readonly portrait: HTMLImageElement;
  private readonly name: HTMLElement;
  private readonly line: HTMLElement;
  private readonly mood: HTMLElement;

  constructor(compact = false) {
    this.backdrop = el('img', { class: 'stage-backdrop', attrs: { alt: '', decoding: 'async', draggable: 'false' } });
    this.portrait = el('img', { class: 'stage-portrait', attrs: { alt: '', decoding: 'async', draggable: 'false' } });
    this.name = el('p', { class: 'stage-name' });
    this.mood = el('p', { class: 'stage-mood' });
    this.line = el('blockquote', { class: 'stage-line' });
    this.root = el(
      'figure',
      { class: compact ? 'stage stage--compact' : 'stage' },
      el('div', { class: 'stage-picture', attrs: { 'aria-hidden': 'true' } }, this.backdrop, this.portrait),
      el('figcaption', { class: 'stage-caption' }, el('div', { class: 'stage-who' }, this.name, this.mood), this.line),
    );
  }

  update(scenario: ScenarioInfo, now: NodeView): void {
    setSrc(this.backdrop, `./backgrounds/${scenario.setting}.svg`);
    setSrc(this.portrait, `./characters/${scenario.type}/${now.expression}.svg`);
    const name = txt(scenario.customer.name);
    setText(this.name, name);
    setText(this.mood, t(`expression.${now.expression}`, { defaultValue: '' }));
    const line = txt(now.line);
    setText(this.line, line);
    this.line.lang = document.documentElement.lang;
    announce(`${name}: ${line}`);
  }
}

function setSrc(img: HTMLImageElement, src: string): void {
  if (img.getAttribute('src') !== src) img.setAttribute('src', src);
}

function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
