/**
 * The customer on screen: the setting behind them, their portrait for the current
 * expression, their name and what they say. Kept between updates so the pictures do not
 * reload and the line is announced only when it changes. A customer on the phone is shown
 * in a call card over the setting, never standing in it.
 */
import type { NodeView, ScenarioInfo } from '../server/protocol.js';
import { el } from './dom.js';
import { announce } from './notices.js';
import { t, tg, txt } from './text.js';

export class Stage {
  readonly root: HTMLElement;
  private readonly backdrop: HTMLImageElement;
  private readonly portrait: HTMLImageElement;
  private readonly callCard: HTMLElement;
  private readonly callLabel: HTMLElement;
  private readonly name: HTMLElement;
  private readonly line: HTMLElement;
  private readonly mood: HTMLElement;

  constructor(compact = false) {
    this.backdrop = el('img', { class: 'stage-backdrop', attrs: { alt: '', decoding: 'async', draggable: 'false' } });
    this.portrait = el('img', { class: 'stage-portrait', attrs: { alt: '', decoding: 'async', draggable: 'false' } });
    this.callLabel = el('span', { class: 'stage-call-label' });
    this.callCard = el('div', { class: 'stage-call-card' }, this.callLabel);
    this.name = el('p', { class: 'stage-name' });
    this.mood = el('p', { class: 'stage-mood' });
    this.line = el('blockquote', { class: 'stage-line' });
    this.root = el(
      'figure',
      { class: compact ? 'stage stage--compact' : 'stage' },
      el('div', { class: 'stage-picture', attrs: { 'aria-hidden': 'true' } }, this.backdrop, this.callCard, this.portrait),
      el('figcaption', { class: 'stage-caption' }, el('div', { class: 'stage-who' }, this.name, this.mood), this.line),
    );
  }

  update(scenario: ScenarioInfo, now: NodeView): void {
    const phone = scenario.look.channel === 'phone';
    this.root.classList.toggle('stage--call', phone);
    setText(this.callLabel, phone ? `☎ ${tg('play.onTheCall')}` : '');
    this.callCard.style.backgroundImage = phone && scenario.look.place ? `url("./backgrounds/${scenario.look.place}.svg")` : '';
    setSrc(this.backdrop, `./backgrounds/${scenario.setting}.svg`);
    setSrc(this.portrait, `./characters/${scenario.look.character}/${now.expression}.svg`);
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
