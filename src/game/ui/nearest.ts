/** Arrow-key moves on screen; no Phaser here (the page's own title, src/title/, uses it too). */

/**
 * The item nearest to item `from` in the arrow's direction: it must lie more that way than
 * across (within a 60° cone either side, so a card one column over and a row down counts as
 * "right"), and the closest along the way wins, drift across costing double.
 */
export function nearest(points: { x: number; y: number }[], from: number, key: string): number | null {
  const o = points[from];
  if (!o) return null;
  const [ax, ay] = key === 'ArrowRight' ? [1, 0] : key === 'ArrowLeft' ? [-1, 0] : key === 'ArrowDown' ? [0, 1] : [0, -1];
  let best: number | null = null;
  let bestCost = Infinity;
  points.forEach((p, i) => {
    if (i === from) return;
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const along = dx * ax + dy * ay;
    const across = Math.abs(dx * ay - dy * ax);
    if (along <= 1 || across > along * Math.tan(Math.PI / 3)) return;
    const cost = along + across * 2;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}
