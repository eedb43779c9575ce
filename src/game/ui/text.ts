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

export function makeText(scene: Phaser.Scene, x: number, y: number, content: string, o: TextOptions = {}): Phaser.GameObjects.Text {
  const size = o.size ?? 24;
  const font = fontFor();
  const shown = shownText;
  const fontKey = `${font}|${size}|${o.bold ? 'b' : ''}`;
  const metrics = METRICS.get(fontKey);
  const t = scene.add.text(x, y, '', {
    ...(metrics ? { metrics } : {}),
    fontFamily: font,
    fontSize: `${size}px`,
    fontStyle: o.bold ? 'bold' : 'normal',
    color: o.color ?? COLORS.ink,
    align: o.align ?? 'left',
    lineSpacing: o.lineSpacing ?? Math.round(size * 0.35),
    padding: { top: Math.ceil(size * 0.15), bottom: Math.ceil(size * 0.15) },
    testString: '国|MÉqgy',
    ...(o.width
      ? {
          wordWrap: {
            width: o.width,
            callback: (text: string, obj: Phaser.GameObjects.Text) => {
              const ctx = obj.context;
              obj.style.syncFont(obj.canvas, ctx);
              return wrapLines(shown(text), o.width!, (s) => ctx.measureText(s).width);
            },
          },
        }
      : {}),
  });
  if (!metrics) METRICS.set(fontKey, t.style.getTextMetrics());
  t.setText(o.width ? content : shown(content));
  return t;
}
