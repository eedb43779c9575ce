import { shownText } from './ui/theme.js';

/** A visually hidden live region that mirrors what the canvas shows, for screen readers. */
export class LiveRegion {
  private readonly el: HTMLElement;

  constructor(doc: Document) {
    const existing = doc.getElementById('live');
    this.el = existing ?? doc.body.appendChild(doc.createElement('div'));
    this.el.id = 'live';
    this.el.setAttribute('aria-live', 'polite');
    this.el.setAttribute('role', 'status');
    this.el.className = 'visually-hidden';
  }

  private said: string[] = [];

  /** What was said last (the lines as given), for a scene to say again when an overlay over it closes. */
  get lines(): string[] {
    return [...this.said];
  }

  /**
   * Replace the announced content: each string becomes a paragraph, set as text (never HTML),
   * written as the canvas writes it (the same quotes and punctuation).
   */
  say(lines: string[]): void {
    this.said = [...lines];
    this.el.replaceChildren(
      ...lines.map((l) => {
        const p = this.el.ownerDocument.createElement('p');
        p.textContent = shownText(l);
        return p;
      }),
    );
  }
}
