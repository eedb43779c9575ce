/**
 * The own-words text box: a real `<textarea>` on the layer over the canvas (layer.ts, `over`), so input
 * methods, spell-checkers, screen readers and on-screen keyboards work as on any page. Under it: a line for
 * what went wrong (nothing sent), Send, and "Pick from the replies instead"; over it, the customer asking
 * again when they did not follow. Keys typed in it stay in it (play/typedKeys.ts decides Enter, Shift+Enter,
 * an input method's Enter and Escape); the game's own keys never see them.
 */
import { typedKeyAction } from '../play/typedKeys.js';
import { shownText } from '../ui/theme.js';
import type { StageLayer } from './layer.js';
import './overlay.css';

export interface TextBoxWords {
  label: string;
  placeholder: string;
  send: string;
  pick: string;
  /** How to send, under the buttons on a keyboard (Enter sends, Shift+Enter a new line). */
  hint: string;
}

export interface TextBoxOptions {
  x: number;
  y: number;
  w: number;
  /** Text size in game pixels (a phone's canvas is drawn at about half size). */
  size: number;
  rows: number;
  /** The least height of a button, in game pixels (a finger on a phone). */
  buttonHeight: number;
  words: TextBoxWords;
  /** Keyboard hints shown (not on a touch screen). */
  keyHints: boolean;
  draft?: string;
  onSend: (text: string) => void;
  onPick: () => void;
  onPause: () => void;
  /** The box changed (text, composition, message): for window.dojo. */
  onChange: () => void;
}

export class TextBox {
  private readonly root: HTMLDivElement;
  private readonly area: HTMLTextAreaElement;
  private readonly asked: HTMLParagraphElement;
  private readonly message: HTMLParagraphElement;
  private readonly sendButton: HTMLButtonElement;
  private composingNow = false;
  private busyNow = false;

  constructor(layer: StageLayer, options: TextBoxOptions) {
    // Written as the canvas writes (the same quotes and punctuation).
    const w = options.words;
    const o = { ...options, words: { label: shownText(w.label), placeholder: shownText(w.placeholder), send: shownText(w.send), pick: shownText(w.pick), hint: shownText(w.hint) } };
    const root = layer.add('div', 'ow-box', o.x, o.y);
    this.root = root;
    root.style.width = `${o.w}px`;
    root.style.fontSize = `${o.size}px`;
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', o.words.label);
    this.asked = document.createElement('p');
    this.asked.className = 'ow-asked';
    this.asked.hidden = true;
    const label = document.createElement('label');
    label.className = 'ow-label';
    label.textContent = o.words.label;
    label.htmlFor = 'ow-text';
    const area = document.createElement('textarea');
    this.area = area;
    area.id = 'ow-text';
    area.className = 'ow-text';
    area.rows = o.rows;
    area.placeholder = o.words.placeholder;
    area.value = o.draft ?? '';
    area.setAttribute('enterkeyhint', 'send');
    area.setAttribute('aria-describedby', 'ow-message');
    this.message = document.createElement('p');
    this.message.className = 'ow-message';
    this.message.id = 'ow-message';
    this.message.hidden = true;
    const actions = document.createElement('div');
    actions.className = 'ow-actions';
    const button = (cls: string, text: string, onClick: () => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = cls;
      b.textContent = text;
      b.style.minHeight = `${o.buttonHeight}px`;
      b.addEventListener('click', onClick);
      actions.append(b);
      return b;
    };
    this.sendButton = button('ow-send', o.words.send, () => this.send(o));
    button('ow-pick', o.words.pick, () => o.onPick());
    root.append(this.asked, label, area, this.message, actions);
    if (o.keyHints) {
      const hint = document.createElement('p');
      hint.className = 'ow-hint';
      hint.textContent = o.words.hint;
      root.append(hint);
    }
    area.addEventListener('compositionstart', () => {
      this.composingNow = true;
      o.onChange();
    });
    area.addEventListener('compositionend', () => {
      this.composingNow = false;
      o.onChange();
    });
    area.addEventListener('input', () => {
      if (!this.message.hidden) this.say('');
      o.onChange();
    });
    // Keys pressed in the box (and on its buttons) are the box's: the game listens on the window.
    root.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.target !== area) {
        if (e.key === 'Escape') o.onPause();
        return;
      }
      const action = typedKeyAction(e, this.composingNow);
      if (action === 'send') {
        e.preventDefault();
        this.send(o);
      } else if (action === 'pause') {
        e.preventDefault();
        o.onPause();
      }
    });
  }

  private send(o: TextBoxOptions): void {
    if (this.busyNow) return;
    o.onSend(this.area.value);
  }

  /** `select`: the text selected, so what is typed next replaces it (an arrow key keeps it to edit). */
  focus(select = false): void {
    this.area.focus({ preventScroll: true });
    if (select) this.area.select();
  }

  get text(): string {
    return this.area.value;
  }

  set text(v: string) {
    this.area.value = v;
  }

  get composing(): boolean {
    return this.composingNow;
  }

  get focused(): boolean {
    return document.activeElement === this.area;
  }

  /** Waiting for the judge (its first load): Send shows it is busy. */
  set busy(b: boolean) {
    this.busyNow = b;
    this.sendButton.disabled = b;
    this.root.setAttribute('aria-busy', String(b));
  }

  get busy(): boolean {
    return this.busyNow;
  }

  /** A message under the box (what was wrong with the reply, or a `note`: what was heard in it), or none. */
  say(text: string, note = false): void {
    this.message.textContent = shownText(text);
    this.message.hidden = !text;
    this.message.classList.toggle('ow-note', note);
  }

  get said(): string {
    return this.message.hidden ? '' : (this.message.textContent ?? '');
  }

  /** The customer asking again, over the box; empty hides it. */
  ask(text: string): void {
    this.asked.textContent = shownText(text);
    this.asked.hidden = !text;
  }

  get asking(): string {
    return this.asked.hidden ? '' : (this.asked.textContent ?? '');
  }

  /** Hidden while an overlay (pause, history, guide) is over the play screen. */
  set shown(v: boolean) {
    this.root.hidden = !v;
  }

  /** Where the box ends, in game coordinates. */
  get bottom(): number {
    return this.root.offsetTop + this.root.offsetHeight;
  }

  remove(): void {
    if (this.focused) this.area.blur();
    this.root.remove();
  }
}
