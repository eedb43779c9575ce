/**
 * The dimmed parts of an overlay (the first-play guide): the screen less the rectangles left lit (what a
 * step explains, the Pause button), as rectangles to fill. Pure; unit-tested.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The screen less the lit rectangles, as rectangles to dim: band by band between the lit ones' top and bottom edges. */
export function dimmed(w: number, h: number, lit: readonly Rect[]): Rect[] {
  const ys = [...new Set([0, h, ...lit.flatMap((r) => [r.y, r.y + r.h])])].filter((y) => y >= 0 && y <= h).sort((a, b) => a - b);
  const out: Rect[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const [y0, y1] = [ys[i]!, ys[i + 1]!];
    if (y1 <= y0) continue;
    let x = 0;
    for (const r of lit.filter((r) => r.y <= y0 && r.y + r.h >= y1).sort((a, b) => a.x - b.x)) {
      if (r.x > x) out.push({ x, y: y0, w: r.x - x, h: y1 - y0 });
      x = Math.max(x, r.x + r.w);
    }
    if (x < w) out.push({ x, y: y0, w: w - x, h: y1 - y0 });
  }
  return out;
}
