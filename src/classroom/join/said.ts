/**
 * Everyone plays in own words, on the phone: the box a trainee types their reply in, and the
 * typed reply shown again in the coaching with what the judge found in it marked.
 */
import type { LocalizedText } from '../../engine/text.js';
import type { PrincipleInfo, TurnFeedback } from '../../server/protocol.js';
import { SAY_MAX_CHARS } from '../limits.js';
import { el } from '../dom.js';
import { t, txt } from '../text.js';

/** Enter sends; Shift+Enter is a new line; Enter that ends an IME composition is the IME's. */
export function sendsOnEnter(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'keyCode' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing && e.keyCode !== 229 && !e.ctrlKey && !e.metaKey;
}

/** The typed text as nodes: each span the judge found a principle in marked, good or bad (not its guesses). */
export function markedText(text: string, found: readonly { id: string; start: number; end: number; guess?: true }[], principles: Record<string, PrincipleInfo>): (string | HTMLElement)[] {
  const spans = [...found].filter((f) => !f.guess && f.end > f.start && f.start >= 0 && f.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlaps an earlier mark: the first one stands
    if (f.start > at) out.push(text.slice(at, f.start));
    const p = principles[f.id];
    const good = p?.polarity !== 'violation';
    out.push(el('mark', { class: good ? 'found found--good' : 'found found--bad', attrs: { title: p ? txt(p.name) : f.id } }, text.slice(f.start, f.end)));
    at = f.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The coaching's account of a typed reply: what was written (marked), and the reply it was read as. */
export function saidBlock(f: TurnFeedback & { said: NonNullable<TurnFeedback['said']> }, principles: Record<string, PrincipleInfo>): HTMLElement[] {
  return [
    el('p', { class: 'said-label' }, t('phone.youWrote'), ' ', el('span', { class: 'typed-badge' }, t('phone.typed'))),
    el('blockquote', { class: 'said said--typed' }, markedText(f.said.text, f.said.found, principles)),
    el('p', { class: 'read-as' }, t('phone.readAs', { n: f.said.readAs + 1 }), f.text ? el('span', { class: 'read-as-text' }, ` ${txt(f.text)}`) : null),
  ];
}

/**
 * What is typed, and a turn switched to picking, kept for the page: a language switch rebuilds the
 * screen, and what the trainee wrote must survive it. `at` names the decision (room, scenario, turn).
 */
export const draft: { at: string; text: string; picking: string; heard: LocalizedText[] } = { at: '', text: '', picking: '', heard: [] };

export interface SayBoxOptions {
  send(text: string): void;
  pick(): void;
}

/** The box and its two buttons, made once per phone so what is typed survives the screen's updates. */
export class SayBox {
  readonly input = el('textarea', {
    class: 'input say-input',
    key: 'say-input',
    attrs: { id: 'say-input', rows: 3, maxlength: SAY_MAX_CHARS, autocomplete: 'off', spellcheck: true, 'aria-describedby': 'say-help say-status' },
  });
  readonly status = el('p', { class: 'say-status', attrs: { id: 'say-status', role: 'status', 'aria-live': 'polite' } });
  private readonly sendButton: HTMLButtonElement;
  private readonly pickButton: HTMLButtonElement;
  readonly root: HTMLElement;
  // Named for screen readers; on screen the bar above already says "Your reply".
  private readonly label = el('label', { class: 'say-label visually-hidden', attrs: { for: 'say-input' } });
  private readonly help = el('p', { class: 'help', attrs: { id: 'say-help' } });

  constructor(o: SayBoxOptions) {
    this.input.addEventListener('input', () => (draft.text = this.input.value));
    this.input.addEventListener('keydown', (e) => {
      if (!sendsOnEnter(e)) return;
      e.preventDefault();
      o.send(this.input.value);
    });
    this.sendButton = el('button', { class: 'btn btn--primary btn--big', key: 'say-send', attrs: { type: 'button' }, on: { click: () => o.send(this.input.value) } });
    this.pickButton = el('button', { class: 'btn btn--secondary', key: 'say-pick', attrs: { type: 'button' }, on: { click: () => o.pick() } });
    this.root = el('div', { class: 'say-box' }, this.label, this.input, this.help, this.status, el('div', { class: 'say-actions' }, this.sendButton, this.pickButton));
  }

  /** Labels in the current language, and the state: sending, what to say under the box. */
  set(o: { sending: boolean; note: string; askedAgain: boolean; heard?: string }): void {
    this.label.textContent = t('phone.sayLabel');
    // A phone's keyboard has no Shift+Enter to speak of: the keys are named only where there is a keyboard.
    this.help.textContent = t(matchMedia('(pointer: coarse)').matches ? 'phone.sayHelpTouch' : 'phone.sayHelp');
    this.sendButton.textContent = t(o.sending ? 'phone.sending' : 'phone.send');
    this.pickButton.textContent = t('phone.pickInstead');
    this.sendButton.disabled = o.sending;
    this.input.readOnly = o.sending;
    this.status.textContent = o.note || (o.askedAgain ? o.heard || t('phone.askedAgain') : '');
    this.status.classList.toggle('say-status--again', !o.note && o.askedAgain);
  }
}
