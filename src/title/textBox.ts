/**
 * Text on the page placed exactly where the game's canvas text would be. The game's text
 * (game/ui/text.ts over Phaser's Text) has a line height of the test string's drawn height,
 * padding of 15% of the size above and below, lines wrapped by game/ui/wrap.ts and each line's
 * baseline rounded to a whole pixel; here the same is measured with a 2D canvas and each line
 * is set as an absolutely placed span whose baseline lands on that pixel.
 */
import { COLORS } from '../game/ui/theme.js';
import { typeset, wrapLines } from '../game/ui/wrap.js';

/** Phaser measures a font by drawing this string (game/ui/text.ts passes it). */
const TEST_STRING = '国|MÉqgy';

export interface TextSpec {
  text: string;
  size: number;
  bold?: boolean;
  color?: string;
  /** Wrap to this width (the game passes one for wrapped text). */
  width?: number;
}

export interface TextBox {
  lines: { text: string; width: number }[];
  width: number;
  height: number;
  spec: TextSpec;
  font: string;
  /** Per line: its baseline, from the box's top. */
  baselines: number[];
}

interface FontMetrics {
  /** The test string's drawn ascent and descent (Phaser's line metrics). */
  ascent: number;
  descent: number;
  /** Where the page sets the baseline in a span whose line height is 0 (set after the font: the shorthand resets it). */
  cssBaseline: number;
}

export class TextSetter {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly metrics = new Map<string, FontMetrics>();

  constructor(
    private readonly doc: Document,
    private readonly family: () => string,
    private readonly chinese: () => boolean,
  ) {
    this.ctx = doc.createElement('canvas').getContext('2d')!;
  }

  private fontOf(spec: TextSpec): string {
    // As Phaser joins it: style, size, family.
    return `${spec.bold ? 'bold' : 'normal'} ${spec.size}px ${this.family()}`;
  }

  private fontMetrics(font: string): FontMetrics {
    let m = this.metrics.get(font);
    if (m) return m;
    this.ctx.font = font;
    const t = this.ctx.measureText(TEST_STRING);
    // In a line 0 high the page sets the baseline half the font's ascent less its descent
    // below the top, rounded down to the pixel (measured in Chromium; no layout asked for here).
    m = { ascent: t.actualBoundingBoxAscent, descent: t.actualBoundingBoxDescent, cssBaseline: Math.floor((t.fontBoundingBoxAscent - t.fontBoundingBoxDescent) / 2) };
    this.metrics.set(font, m);
    return m;
  }

  /** Lay text out as the game would: its lines, width and height. */
  measure(spec: TextSpec): TextBox {
    const font = this.fontOf(spec);
    const m = this.fontMetrics(font);
    this.ctx.font = font;
    const shown = (s: string) => (this.chinese() ? typeset(s) : s);
    const measure = (s: string) => this.ctx.measureText(s).width;
    const texts = spec.width ? wrapLines(shown(spec.text), spec.width, measure) : shown(spec.text).split('\n');
    const lines = texts.map((text) => ({ text, width: Math.ceil(measure(text)) }));
    const width = Math.max(0, ...lines.map((l) => l.width));
    const pad = Math.ceil(spec.size * 0.15);
    const spacing = Math.round(spec.size * 0.35);
    const lineHeight = m.ascent + m.descent;
    const baselines = lines.map((_, i) => pad + Math.round(i * (lineHeight + spacing) + m.ascent));
    return { lines, width, height: lineHeight * lines.length + spacing * (lines.length - 1) + 2 * pad, spec, font, baselines };
  }

  /** Set a measured text into `el` (emptied), its box's top left at (left, top) of `el`'s parent. */
  place(el: HTMLElement, box: TextBox, left: number, top: number): void {
    const m = this.fontMetrics(box.font);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    el.style.width = `${box.width}px`;
    el.style.height = `${box.height}px`;
    el.replaceChildren(
      ...box.lines.map((line, i) => {
        const span = this.doc.createElement('span');
        span.textContent = line.text;
        // Centred as the game centres a line: half the spare width, rounded.
        span.style.cssText = `left:${Math.round((box.width - line.width) / 2)}px;top:${box.baselines[i]! - m.cssBaseline}px;font:${box.font};line-height:0;color:${box.spec.color ?? COLORS.ink}`;
        return span;
      }),
    );
  }
}
