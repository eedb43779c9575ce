/**
 * The customer's name, the stage direction and their line, on a panel that fits the whole
 * line from the start: the typewriter reveals characters of a line already laid out, so
 * nothing re-wraps or jumps as it types. The browser wraps Chinese between any two
 * characters and keeps closing punctuation off the start of a line.
 */
import { COLORS, shownText } from '../ui/theme.js';
import { css, type StageLayer } from './layer.js';

export class SpeechPanel {
  private readonly root: HTMLDivElement;
  private readonly note: HTMLParagraphElement;
  /** A practice turn's mark, on its own line above the stage direction. */
  private readonly badge: HTMLParagraphElement;
  private readonly who: HTMLParagraphElement;
  private readonly said = document.createTextNode('');
  private readonly unsaid = document.createTextNode('');
  private chars: string[] = [];
  /** Where the panel ends, in game coordinates. */
  bottom: number;

  constructor(
    layer: StageLayer,
    private readonly x: number,
    private readonly y: number,
    width: number,
    name: string,
    o: { minHeight: number; lineSize: number; noteSize?: number },
  ) {
    this.root = layer.add('div', 'stage-speech', x, y);
    const s = this.root.style;
    s.width = `${width}px`;
    s.minHeight = `${o.minHeight}px`;
    // Opaque: a busy backdrop must not show through the text.
    s.background = css(COLORS.panel, 1);
    const who = (this.who = document.createElement('p'));
    who.className = 'stage-speech-name';
    who.style.color = COLORS.inkSoft;
    who.textContent = name;
    this.badge = document.createElement('p');
    this.badge.className = 'stage-speech-badge';
    this.badge.hidden = true;
    this.note = document.createElement('p');
    this.note.className = 'stage-speech-note';
    this.note.style.color = COLORS.inkSoft;
    if (o.noteSize) this.note.style.fontSize = `${o.noteSize}px`;
    const line = document.createElement('p');
    line.className = 'stage-speech-line';
    line.style.color = COLORS.ink;
    line.style.fontSize = `${o.lineSize}px`;
    const unsaid = document.createElement('span');
    unsaid.className = 'stage-speech-unsaid';
    unsaid.append(this.unsaid);
    line.append(this.said, unsaid);
    this.root.append(who, this.badge, this.note, line);
    this.bottom = y + o.minHeight;
  }

  /**
   * Lay out a new note and line (and badge), none of it said yet; returns the panel's bottom edge.
   * Narration (an ending told, not said) goes without the customer's name over it.
   */
  show(note: string, line: string, badge = '', narration = false): number {
    this.root.hidden = false;
    this.who.hidden = narration;
    const shown = shownText;
    this.badge.textContent = badge ? shown(badge) : '';
    this.badge.hidden = !badge;
    this.note.textContent = note ? shown(note) : '';
    this.note.hidden = !note;
    this.chars = [...shown(line)];
    this.reveal(0);
    this.bottom = this.y + this.root.offsetHeight;
    return this.bottom;
  }

  /** Characters in the current line. */
  get length(): number {
    return this.chars.length;
  }

  /** Show the first `count` characters of the line. */
  reveal(count: number): void {
    this.said.data = this.chars.slice(0, count).join('');
    this.unsaid.data = this.chars.slice(count).join('');
  }

  /** Whether game point (px, py) is on the panel. */
  contains(px: number, py: number): boolean {
    return !this.root.hidden && py >= this.y && py <= this.bottom && px >= this.x;
  }

  hide(): void {
    this.root.hidden = true;
  }

  remove(): void {
    this.root.remove();
  }
}
