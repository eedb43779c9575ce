// Tiny SVG string helpers shared by the character and background generators.
// Numbers are rounded to one decimal so the files stay small and diff-friendly.

export const R = (v) => Math.round(v * 10) / 10;

/** Template tag for path data: every interpolated number is rounded. */
export function d(strs, ...vals) {
  let out = '';
  strs.forEach((s, i) => {
    out += s;
    if (i < vals.length) out += typeof vals[i] === 'number' ? R(vals[i]) : vals[i];
  });
  return out;
}

export function el(tag, attrs = {}, inner) {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? R(v) : v}"`)
    .join('');
  return inner === undefined ? `<${tag}${a}/>` : `<${tag}${a}>${inner}</${tag}>`;
}

export const g = (attrs, ...kids) => el('g', attrs, kids.flat(Infinity).filter(Boolean).join(''));
export const path = (dd, fill, extra = {}) => el('path', { d: dd, fill, ...extra });
export const rect = (x, y, w, h, fill, extra = {}) => el('rect', { x, y, width: w, height: h, fill, ...extra });
export const circle = (cx, cy, r, fill, extra = {}) => el('circle', { cx, cy, r, fill, ...extra });
export const ellipse = (cx, cy, rx, ry, fill, extra = {}) => el('ellipse', { cx, cy, rx, ry, fill, ...extra });
export const line = (x1, y1, x2, y2, stroke, w, extra = {}) =>
  el('line', { x1, y1, x2, y2, stroke, 'stroke-width': w, 'stroke-linecap': 'round', ...extra });
export const poly = (pts, fill, extra = {}) => el('polygon', { points: pts.map((p) => `${R(p[0])},${R(p[1])}`).join(' '), fill, ...extra });

/**
 * A filled, tapered band along a quadratic curve p0 -> c -> p1 with thickness t in the middle and
 * pointed ends: used for brows, lash lines, mouths and creases instead of thick outlines.
 */
export function band(p0, c, p1, t, fill, extra = {}) {
  const dx = p1[0] - p0[0];
  const dy = p1[1] - p0[1];
  const L = Math.hypot(dx, dy) || 1;
  const nx = -dy / L;
  const ny = dx / L;
  return path(
    d`M${p0[0]} ${p0[1]}Q${c[0] + nx * t} ${c[1] + ny * t} ${p1[0]} ${p1[1]}Q${c[0] - nx * t} ${c[1] - ny * t} ${p0[0]} ${p0[1]}Z`,
    fill,
    { stroke: fill, 'stroke-width': 1.2, 'stroke-linejoin': 'round', ...extra },
  );
}

/** A round-capped thick polyline used as a filled limb or bar (not an outline). */
export function limb(pts, w, color, extra = {}) {
  const dd = pts.map((p, i) => `${i ? 'L' : 'M'}${R(p[0])} ${R(p[1])}`).join('');
  return el('path', { d: dd, fill: 'none', stroke: color, 'stroke-width': w, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', ...extra });
}

/** Deterministic PRNG (mulberry32) so regenerated art is byte-identical. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function svgDoc(w, h, body, defs = '') {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${defs ? `<defs>${defs}</defs>` : ''}${body}</svg>\n`;
}

/** Mix two #rrggbb colours. */
export function mix(a, b, t) {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return '#' + pa.map((v, i) => Math.round(v + (pb[i] - v) * t).toString(16).padStart(2, '0')).join('');
}
