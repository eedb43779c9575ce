/** Text with the game's font, CJK line metrics and CJK-aware wrapping (see wrap.ts). */
import Phaser from 'phaser';
import { COLORS, fontFor, shownText } from './theme.js';
import { wrapLines } from './wrap.js';

export interface TextOptions {
  size?: number;
  color?: string;
  width?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  lineSpacing?: number;
}

/**
 * Font metrics per size and weight. Phaser measures them for every new Text by drawing a test
 * string and scanning its pixels; the font never changes here, so once per style is enough.
 */
const METRICS = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

/**
 * Widths of the units wrapping measures (a character, a word), per canvas font: the same
 * characters come back on every card, and each measureText costs a text shaping. Cleared
 * when it grows past WIDTHS_MAX entries in all (a long session in many sizes).
 */
const WIDTHS = new Map<string, Map<string, number>>();
const WIDTHS_MAX = 20_000;
let widthsHeld = 0;

function measurer(ctx: CanvasRenderingContext2D): (s: string) => number {
  let widths = WIDTHS.get(ctx.font);
  if (!widths) WIDTHS.set(ctx.font, (widths = new Map()));
  const kept = widths;
  return (s) => {
    let w = kept.get(s);
    if (w === undefined) {
      w = ctx.measureText(s).width;
      if (widthsHeld >= WIDTHS_MAX) {
        WIDTHS.clear();
        widthsHeld = 0;
      }
      kept.set(s, w);
      widthsHeld++;
    }
    return w;
  };
}

/** A text as the game styles it: size, weight, padding and spacing (no wrapping yet). */
function styleOf(o: TextOptions): { size: number; font: string; fontKey: string; lineSpacing: number; pad: number } {
  const size = o.size ?? 24;
  const font = fontFor();
  return { size, font, fontKey: `${font}|${size}|${o.bold ? 'b' : ''}`, lineSpacing: o.lineSpacing ?? Math.round(size * 0.35), pad: Math.ceil(size * 0.15) };
}

export function makeText(scene: Phaser.Scene, x: number, y: number, content: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  const { size, font, fontKey, lineSpacing, pad } = styleOf(o);
  const shown = shownText;
  const metrics = METRICS.get(fontKey);
  // Padding and line spacing are set on the object below, not through the style: Phaser would
  // lay the text out and upload its texture once for each of them, then again for the text.
  const t = scene.add.text(x, y, '', {
    ...(metrics ? { metrics } : {}),
    fontFamily: font,
    fontSize: `${size}px`,
    fontStyle: o.bold ? 'bold' : 'normal',
    color: o.color ?? COLORS.ink,
    align: o.align ?? 'left',
    testString: '国|MÉqgy',
    ...(o.width
      ? {
          wordWrap: {
            width: o.width,
            callback: (text: string, obj: Phaser.GameObjects.Text) => {
              const ctx = obj.context;
              obj.style.syncFont(obj.canvas, ctx);
              return wrapLines(shown(text), o.width!, measurer(ctx));
            },
          },
        }
      : {}),
  });
  if (!metrics) METRICS.set(fontKey, t.style.getTextMetrics());
  Object.assign(t.padding, { left: 0, right: 0, top: pad, bottom: pad });
  t.lineSpacing = lineSpacing;
  const text = o.width ? content : shown(content);
  // Laid out once, with its padding and spacing (an empty text too: its height counts).
  if (text) t.setText(text);
  else t.updateText();
  return t;
}

let measuring: CanvasRenderingContext2D | null | undefined;

/**
 * The height makeText would give this text, without making it (no canvas drawn, no texture
 * uploaded), or null when it cannot tell (this style's font metrics are not known yet: no text
 * of it was made). For cards that try sizes until one fits (play/card.ts).
 */
export function textHeight(content: string, o: TextOptions = {}): number | null {
  const { size, fontKey, lineSpacing, pad } = styleOf(o);
  const metrics = METRICS.get(fontKey);
  if (!metrics) return null;
  measuring ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measuring) return null;
  const style = o.bold ? 'bold' : 'normal';
  // As Phaser's TextStyle writes the canvas font.
  measuring.font = `${style} ${size}px ${fontFor()}`.trim();
  const lines = o.width ? wrapLines(shownText(content), o.width, measurer(measuring)) : shownText(content).split(/(?:\r\n|\r|\n)/);
  return lines.length * metrics.fontSize + lineSpacing * (lines.length - 1) + 2 * pad;
}
