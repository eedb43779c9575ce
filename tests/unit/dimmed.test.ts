import { describe, expect, it } from 'vitest';
import { dimmed, type Rect } from '../../src/game/ui/dimmed.js';

const area = (rs: Rect[]) => rs.reduce((a, r) => a + r.w * r.h, 0);
const inside = (r: Rect, x: number, y: number) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

describe('the guide dims the screen but for what it leaves lit', () => {
  it('nothing lit: the whole screen', () => {
    expect(dimmed(100, 50, [])).toEqual([{ x: 0, y: 0, w: 100, h: 50 }]);
  });

  it('two lit rectangles (a step\'s target and the Pause button): neither is dimmed, all the rest is, once', () => {
    const lit = [
      { x: 60, y: 5, w: 30, h: 20 },
      { x: 5, y: 10, w: 20, h: 10 },
    ];
    const rs = dimmed(100, 50, lit);
    expect(area(rs)).toBe(100 * 50 - 30 * 20 - 20 * 10);
    for (const [x, y] of [[70, 10], [10, 15], [24, 19]]) expect(rs.some((r) => inside(r, x!, y!)), `${x},${y} lit`).toBe(false);
    for (const [x, y] of [[30, 15], [10, 30], [95, 5], [0, 0]]) expect(rs.filter((r) => inside(r, x!, y!)).length, `${x},${y} dimmed once`).toBe(1);
  });

  it('a lit rectangle past the screen\'s edge is cut to it', () => {
    const rs = dimmed(100, 50, [{ x: -8, y: -8, w: 40, h: 30 }]);
    expect(area(rs)).toBe(100 * 50 - 32 * 22);
  });
});
