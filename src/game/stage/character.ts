/**
 * The customer on the stage: one picture per expression of their drawn character, all decoded
 * before play starts, so a change of face is instant. Face and posture are in the pictures; a
 * change of expression gives a small start, and a customer who leaves silently fades away.
 *
 * A customer on the phone never stands in your place: they are shown in a call frame over it,
 * a card with the call's state, its running time and the caller in their own place (or on a
 * plain ground), and hanging up ends the call instead of walking off.
 */
import type { Expression } from '../../engine/scenario/schema.js';
import { EXPRESSIONS } from '../../engine/vocabulary.js';
import type { StageLayer } from './layer.js';

/** The picture of `character` with `expression`, as the page requests it. */
export const facePath = (character: string, e: Expression) => `characters/${character}/${e}.svg`;

export interface CallFrame {
  /** The card's box in game coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  /** "On the call", in the trainee's language. */
  label: string;
  /** "Call ended". */
  ended: string;
  /** The caller's own place (a setting), shown behind them. */
  place?: string;
}

const HEADER = 58;

export class CharacterView {
  private readonly root: HTMLDivElement;
  /** Where the faces go: the root, or the call frame's window. */
  private readonly holder: HTMLDivElement;
  private readonly faces = new Map<Expression, HTMLImageElement>();
  private readonly timer?: HTMLSpanElement;
  private readonly status?: HTMLSpanElement;
  private shown?: Expression;

  constructor(
    layer: StageLayer,
    private readonly character: string,
    box: { cx: number; cy: number; height: number },
    private readonly reducedMotion: boolean,
    private readonly call?: CallFrame,
  ) {
    if (!call) {
      const width = (box.height * 480) / 600;
      this.root = layer.add('div', 'stage-character', box.cx - width / 2, box.cy - box.height / 2);
      this.root.style.width = `${width}px`;
      this.root.style.height = `${box.height}px`;
      this.holder = this.root;
      return;
    }
    this.root = layer.add('div', 'stage-call', call.x, call.y);
    this.root.style.width = `${call.width}px`;
    this.root.style.height = `${call.height}px`;
    const head = document.createElement('div');
    head.className = 'stage-call-head';
    head.style.height = `${HEADER}px`;
    const icon = document.createElement('span');
    icon.className = 'stage-call-icon';
    // A handset, drawn (no icon font).
    icon.innerHTML =
      '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path fill="currentColor" d="M6.6 10.8a15.2 15.2 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"/></svg>';
    const text = document.createElement('span');
    text.className = 'stage-call-text';
    this.status = document.createElement('span');
    this.status.className = 'stage-call-status';
    this.status.textContent = call.label;
    const who = document.createElement('span');
    who.className = 'stage-call-name';
    who.textContent = call.name;
    text.append(this.status, who);
    this.timer = document.createElement('span');
    this.timer.className = 'stage-call-timer';
    this.timer.textContent = '00:00';
    head.append(icon, text, this.timer);
    const window = document.createElement('div');
    window.className = 'stage-call-window';
    window.style.top = `${HEADER}px`;
    if (call.place) window.style.backgroundImage = `url("backgrounds/${call.place}.svg")`;
    // The caller fills the window's height from the waist up, centred.
    const h = call.height - HEADER - 12;
    const w = (h * 480) / 600;
    this.holder = document.createElement('div');
    this.holder.className = 'stage-call-person';
    Object.assign(this.holder.style, { width: `${w}px`, height: `${h}px`, left: `${(call.width - 12 - w) / 2}px` });
    window.append(this.holder);
    this.root.append(head, window);
  }

  /** Load every face; `progress` gets the share loaded so far. A face that fails to load stays blank. */
  async load(progress: (share: number) => void): Promise<void> {
    let done = 0;
    await Promise.all(
      EXPRESSIONS.map(async (e) => {
        const img = document.createElement('img');
        img.className = 'stage-face';
        img.alt = '';
        img.draggable = false;
        img.src = facePath(this.character, e);
        this.faces.set(e, img);
        this.holder.append(img);
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
      this.holder.animate([{ transform: 'translateY(0)' }, { transform: 'translateY(-8px)' }, { transform: 'translateY(0)' }], { duration: 240, easing: 'ease-out' });
    }
  }

  /**
   * The moment a reply lands: a small nod when it warmed the customer, a start when it
   * stung, a hard jolt when they break off (no movement under reduced motion: the face
   * and the meters still change).
   */
  react(kind: 'warmer' | 'colder' | 'break' | 'none'): void {
    if (this.reducedMotion || kind === 'none') return;
    const frames: Keyframe[] =
      kind === 'warmer'
        ? [{ transform: 'translateY(0) scale(1)' }, { transform: 'translateY(6px) scale(1.01)' }, { transform: 'translateY(0) scale(1)' }]
        : kind === 'colder'
          ? [{ transform: 'translateX(0)' }, { transform: 'translateX(-7px)' }, { transform: 'translateX(5px)' }, { transform: 'translateX(0)' }]
          : [{ transform: 'translateX(0)' }, { transform: 'translateX(-14px)' }, { transform: 'translateX(12px)' }, { transform: 'translateX(-8px)' }, { transform: 'translateX(0)' }];
    this.holder.animate(frames, { duration: kind === 'break' ? 420 : 300, easing: 'ease-out', composite: 'add' });
  }

  /** How long the call has run (a phone call only). */
  setCallTime(seconds: number): void {
    if (!this.timer) return;
    const s = Math.max(0, Math.floor(seconds));
    const text = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    if (this.timer.textContent !== text) this.timer.textContent = text;
  }

  /** The customer walks off without a word; a caller hangs up. */
  leave(): void {
    if (this.call) {
      this.root.classList.add('stage-call--ended');
      this.status!.textContent = this.call.ended;
      // A call shown again at its end (after a turn or a language switch) has no running time to show.
      if (this.timer!.textContent === '00:00') this.timer!.hidden = true;
      return;
    }
    // Gone either way ("turns and walks away"): with reduced motion he fades where he stands.
    if (this.reducedMotion) this.root.animate([{ opacity: 1 }, { opacity: 0 }], { duration: 400, fill: 'forwards' });
    else this.root.animate([{ opacity: 1, transform: 'translateX(0)' }, { opacity: 0, transform: 'translateX(-120px)' }], { duration: 1600, easing: 'ease-in', fill: 'forwards' });
  }

  remove(): void {
    this.root.remove();
  }
}
