// Twelve scene backgrounds, 1280x720, drawn in the same flat style as the characters but quieter:
// muted colours, the centre-lower area kept calm (the customer stands there and the dialogue
// panel covers the bottom third), a light haze and a soft vignette on top of every scene.
import { d, el, path, rect, circle, ellipse, line, rng, svgDoc, mix } from './svg.mjs';

const W = 1280;
const H = 720;
const FONT = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei','Source Han Sans SC',sans-serif";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

function lin(id, stops, x2 = 0, y2 = 1) {
  return el('linearGradient', { id, x1: 0, y1: 0, x2, y2 }, stops.map(([o, c, op]) => el('stop', { offset: o, 'stop-color': c, 'stop-opacity': op ?? 1 })).join(''));
}
function rad(id, stops, extra = {}) {
  return el('radialGradient', { id, ...extra }, stops.map(([o, c, op]) => el('stop', { offset: o, 'stop-color': c, 'stop-opacity': op ?? 1 })).join(''));
}
function text(x, y, s, size, fill, extra = {}) {
  return el('text', { x, y, 'font-size': size, fill, 'font-family': FONT, 'font-weight': 700, 'text-anchor': 'middle', ...extra }, s);
}

/** Haze, calm zone and vignette shared by every scene. */
function finish(defs, body, haze = '#EFE8DE', hazeO = 0.14) {
  defs += rad('calm', [[0, '#F4EFE8', 0.34], [0.6, '#F4EFE8', 0.2], [1, '#F4EFE8', 0]], { cx: 0.5, cy: 0.5, r: 0.5 });
  defs += rad('vig', [[0.55, '#2A2420', 0], [1, '#2A2420', 0.28]], { cx: 0.5, cy: 0.5, r: 0.75 });
  const over = rect(0, 0, W, H, haze, { opacity: hazeO }) + ellipse(640, 430, 400, 340, 'url(#calm)') + rect(0, 0, W, H, 'url(#vig)');
  return svgDoc(W, H, body + over, defs);
}

/** A simple background person (standing), muted. */
function figure(x, feet, h, c, opts = {}) {
  const r = h * 0.085;
  const top = feet - h;
  const sw = h * 0.14;
  const hip = feet - h * 0.46;
  let s = '';
  s += path(d`M${x - sw} ${top + r * 2.6}Q${x} ${top + r * 1.9} ${x + sw} ${top + r * 2.6}L${x + sw * 0.86} ${hip}L${x - sw * 0.86} ${hip}Z`, c);
  s += rect(x - sw * 0.8, hip - 2, sw * 0.74, feet - hip + 2, mix(c, '#000000', 0.12), { rx: 3 });
  s += rect(x + sw * 0.06, hip - 2, sw * 0.74, feet - hip + 2, mix(c, '#000000', 0.12), { rx: 3 });
  s += circle(x, top + r, r, mix(c, '#000000', 0.05));
  if (opts.case) {
    const cx = x + opts.case * (sw + h * 0.12);
    s += rect(cx - h * 0.08, feet - h * 0.3, h * 0.16, h * 0.28, opts.caseC || mix(c, '#FFFFFF', 0.2), { rx: 4 });
    s += line(cx, feet - h * 0.3, cx, feet - h * 0.4, mix(c, '#000000', 0.2), 2.5);
  }
  if (opts.headset) s += path(d`M${x - r} ${top + r}A${r} ${r} 0 0 1 ${x + r} ${top + r}`, 'none', { stroke: '#3A4550', 'stroke-width': 2.5 });
  return s;
}

/** Seated person seen from behind/side at a table: head and shoulders only. */
function sitter(x, y, s, c, hair = '#3E3431') {
  return (
    path(d`M${x - 26 * s} ${y + 40 * s}Q${x - 26 * s} ${y + 8 * s} ${x} ${y + 6 * s}Q${x + 26 * s} ${y + 8 * s} ${x + 26 * s} ${y + 40 * s}Z`, c) +
    circle(x, y - 10 * s, 14 * s, '#D9B79C') +
    path(d`M${x - 14 * s} ${y - 10 * s}A${14 * s} ${14 * s} 0 0 1 ${x + 14 * s} ${y - 10 * s}Q${x} ${y - 16 * s} ${x - 14 * s} ${y - 10 * s}Z`, hair)
  );
}

function plant(x, y, s = 1, pot = '#C9B8A3', leaf = '#7E9C7A') {
  let out = '';
  const r = rng(Math.round(x * 7 + y));
  for (let i = 0; i < 9; i++) {
    const a = -150 + (i / 8) * 120 + (r() - 0.5) * 10;
    const len = (70 + r() * 50) * s;
    const rad_ = (a * Math.PI) / 180;
    const tx = x + Math.cos(rad_) * len;
    const ty = y - 10 * s + Math.sin(rad_) * len;
    const c = i % 2 ? leaf : mix(leaf, '#2F4A34', 0.25);
    out += path(d`M${x} ${y - 8 * s}Q${(x + tx) / 2 - 14 * s} ${(y + ty) / 2 - 10 * s} ${tx} ${ty}Q${(x + tx) / 2 + 10 * s} ${(y + ty) / 2 + 8 * s} ${x} ${y - 8 * s}Z`, c);
  }
  out += path(d`M${x - 30 * s} ${y - 12 * s}L${x + 30 * s} ${y - 12 * s}L${x + 22 * s} ${y + 48 * s}L${x - 22 * s} ${y + 48 * s}Z`, pot);
  out += rect(x - 32 * s, y - 16 * s, 64 * s, 10 * s, mix(pot, '#000000', 0.08), { rx: 3 });
  return out;
}

function steam(x, y, s = 1, c = '#FFFFFF', o = 0.5) {
  return path(d`M${x} ${y}c${-10 * s} ${-14 * s} ${10 * s} ${-22 * s} 0 ${-36 * s}c${-10 * s} ${-14 * s} ${10 * s} ${-22 * s} 0 ${-36 * s}`, 'none', {
    stroke: c,
    'stroke-width': 5 * s,
    'stroke-linecap': 'round',
    opacity: o,
  });
}

/** Floor planks/tiles converging on a vanishing point. */
function floorLines(y0, vx, vy, n, c, w = 1.5, o = 0.5, spread = 3200) {
  let out = '';
  for (let i = 0; i <= n; i++) {
    const xb = -spread / 2 + W / 2 + (i / n) * spread;
    const t = (y0 - vy) / (H - vy);
    const xa = vx + (xb - vx) * t;
    out += line(xa, y0, xb, H, c, w, { opacity: o });
  }
  return out;
}
function floorRows(y0, rows, c, w = 1.5, o = 0.5) {
  let out = '';
  for (let i = 1; i <= rows; i++) {
    const t = i / rows;
    const y = y0 + (H - y0) * t * t;
    out += line(0, y, W, y, c, w, { opacity: o });
  }
  return out;
}

function skyline(x, y, w, h, c, seed) {
  const r = rng(seed);
  let out = '';
  let cx = x;
  while (cx < x + w) {
    const bw = 30 + r() * 60;
    const bh = h * (0.35 + r() * 0.65);
    out += rect(cx, y + h - bh, bw, bh, c);
    cx += bw + 4;
  }
  return out;
}

function monitor(x, y, w, h, frame = '#2F3A44', screen = '#6E8FA8', stand = true) {
  let out = rect(x, y, w, h, frame, { rx: 4 }) + rect(x + 4, y + 4, w - 8, h - 10, screen, { rx: 2 });
  out += rect(x + 10, y + 12, w * 0.4, 4, '#FFFFFF', { opacity: 0.5 }) + rect(x + 10, y + 22, w * 0.6, 3, '#FFFFFF', { opacity: 0.3 }) + rect(x + 10, y + 30, w * 0.5, 3, '#FFFFFF', { opacity: 0.3 });
  if (stand) out += rect(x + w / 2 - 4, y + h, 8, 14, frame) + rect(x + w / 2 - 18, y + h + 12, 36, 5, frame, { rx: 2 });
  return out;
}

function headset(x, y, s = 1, c = '#37424C') {
  return (
    path(d`M${x - 16 * s} ${y}A${16 * s} ${17 * s} 0 0 1 ${x + 16 * s} ${y}`, 'none', { stroke: c, 'stroke-width': 4 * s }) +
    rect(x - 21 * s, y - 4 * s, 9 * s, 14 * s, c, { rx: 4 * s }) +
    rect(x + 12 * s, y - 4 * s, 9 * s, 14 * s, c, { rx: 4 * s }) +
    path(d`M${x - 16 * s} ${y + 8 * s}Q${x - 12 * s} ${y + 22 * s} ${x + 2 * s} ${y + 22 * s}`, 'none', { stroke: c, 'stroke-width': 2.5 * s }) +
    circle(x + 3 * s, y + 22 * s, 3 * s, c)
  );
}

function clock(x, y, r, hh, mm, face = '#F5F1EA', rim = '#8C7A64') {
  const a1 = ((hh % 12) + mm / 60) * 30;
  const a2 = mm * 6;
  const hand = (a, len, w) => {
    const rr = (a * Math.PI) / 180;
    return line(x, y, x + Math.sin(rr) * len, y - Math.cos(rr) * len, '#3B3430', w);
  };
  let ticks = '';
  for (let i = 0; i < 12; i++) {
    const rr = (i * 30 * Math.PI) / 180;
    ticks += line(x + Math.sin(rr) * r * 0.78, y - Math.cos(rr) * r * 0.78, x + Math.sin(rr) * r * 0.88, y - Math.cos(rr) * r * 0.88, '#6E625A', 2);
  }
  return circle(x, y, r + 5, rim) + circle(x, y, r, face) + ticks + hand(a1, r * 0.5, 4) + hand(a2, r * 0.75, 2.5) + circle(x, y, 3.5, '#3B3430');
}

function lantern(x, y, s = 1) {
  return (
    line(x, y - 60 * s, x, y - 26 * s, '#6B3A2E', 2) +
    rect(x - 14 * s, y - 30 * s, 28 * s, 7 * s, '#C59A4A', { rx: 2 }) +
    ellipse(x, y, 30 * s, 26 * s, '#C4473C') +
    ellipse(x - 9 * s, y, 8 * s, 24 * s, '#D6604F', { opacity: 0.7 }) +
    path(d`M${x - 16 * s} ${y - 20 * s}Q${x} ${y} ${x - 16 * s} ${y + 20 * s}M${x + 16 * s} ${y - 20 * s}Q${x} ${y} ${x + 16 * s} ${y + 20 * s}`, 'none', { stroke: '#A63A31', 'stroke-width': 2 }) +
    rect(x - 14 * s, y + 23 * s, 28 * s, 7 * s, '#C59A4A', { rx: 2 }) +
    line(x, y + 30 * s, x, y + 52 * s, '#D8A94E', 3)
  );
}

// ---------------------------------------------------------------------------------------------
// scenes
// ---------------------------------------------------------------------------------------------

function callCentre() {
  let defs = lin('cc-wall', [[0, '#E3E8EA'], [1, '#D3DBDF']]) + lin('cc-floor', [[0, '#A9B3B8'], [1, '#8E999F']]) + lin('cc-sky', [[0, '#CFDDE6'], [1, '#E8EEF0']]);
  let b = rect(0, 0, W, H, 'url(#cc-wall)');
  // ceiling with light panels
  b += rect(0, 0, W, 70, '#EEF1F2') + rect(0, 68, W, 4, '#C9D1D5');
  for (let i = 0; i < 6; i++) b += rect(70 + i * 200, 22, 140, 22, '#FFFFFF', { rx: 3, opacity: 0.9 });
  // window band with skyline
  b += rect(30, 110, 430, 250, '#B9C5CB') + rect(40, 120, 410, 230, 'url(#cc-sky)');
  b += skyline(40, 200, 410, 150, '#B7C7D2', 5) + skyline(40, 250, 410, 100, '#A8BAC6', 9);
  for (let i = 1; i < 4; i++) b += rect(40 + i * 102.5 - 3, 120, 6, 230, '#B9C5CB');
  b += rect(30, 355, 430, 10, '#C3CDD2');
  // wall dashboard
  b += rect(850, 96, 360, 200, '#2E3E4C', { rx: 8 }) + rect(862, 108, 336, 176, '#34495A', { rx: 4 }) + rect(876, 162, 308, 2, '#4C6274');
  b += text(950, 146, '排队 12', 26, '#9FD1C5') + text(1100, 146, '接通率 96%', 22, '#E8D7A6');
  const bars = [50, 76, 62, 92, 80, 104, 70, 86];
  bars.forEach((v, i) => {
    b += rect(884 + i * 38, 274 - v, 24, v, i === 5 ? '#E3B76B' : '#7FB2C7', { rx: 3, opacity: 0.9 });
  });
  // back row of workstations
  b += rect(0, 440, W, 280, 'url(#cc-floor)');
  b += floorRows(440, 6, '#8A959B', 1.5, 0.35);
  b += rect(120, 356, 1040, 18, '#C7CFD3') + rect(120, 372, 1040, 70, '#B4BFC5');
  for (let i = 0; i < 7; i++) {
    const x = 150 + i * 150;
    b += rect(x - 6, 300, 130, 58, '#9FB4B9', { rx: 4 });
    b += monitor(x + 22, 312, 64, 40, '#37434D', '#7FA3B9', false);
    // Agents sit only at the right-hand desks: the customer stands (or the call frame sits) at the
    // left on a wide screen and in the middle on a phone, and no headset may land on them.
    if (i >= 5) {
      const hx = x + 54;
      b += path(d`M${hx - 34} 372Q${hx - 32} 346 ${hx} 344Q${hx + 32} 346 ${hx + 34} 372Z`, ['#8E9A86', '#8E8AA0'][i - 5]);
      b += circle(hx, 330, 14, '#3E3431') + path(d`M${hx - 15} 330A15 15 0 0 1 ${hx + 15} 330`, 'none', { stroke: '#2F3A44', 'stroke-width': 3 }) + rect(hx + 12, 326, 6, 10, '#2F3A44', { rx: 2 });
    }
  }
  // foreground workstations left and right
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? -20 : 930;
    b += rect(x0, 388, 370, 118, '#A7B9BC', { rx: 6 }) + rect(x0, 388, 370, 8, '#8FA3A7', { rx: 4 });
    b += rect(x0, 500, 370, 20, '#E2DCD2') + rect(x0, 518, 370, 10, '#C9C1B5') + rect(x0 + 10, 528, 350, 192, '#B9B2A8');
    b += rect(side < 0 ? x0 + 250 : x0 + 20, 540, 100, 180, '#A8A196', { rx: 4 }) + rect(side < 0 ? x0 + 280 : x0 + 50, 570, 40, 6, '#8C857B', { rx: 3 }) + rect(side < 0 ? x0 + 280 : x0 + 50, 630, 40, 6, '#8C857B', { rx: 3 });
    const mx = side < 0 ? 60 : 1060;
    b += monitor(mx, 392, 150, 92, '#2F3A44', '#7797AE');
    b += rect(mx + 10, 504, 130, 12, '#8E969C', { rx: 3 });
    if (side > 0) b += headset(mx - 50, 476, 1.2);
    b += rect(mx + (side < 0 ? 240 : -100), 472, 26, 30, '#E9E2D6', { rx: 4 }) + path(d`M${mx + (side < 0 ? 266 : -74)} 480q10 6 0 14`, 'none', { stroke: '#E9E2D6', 'stroke-width': 4 });
  }
  b += plant(470, 452, 0.8);
  return finish(defs, b);
}

function serviceCounter() {
  let defs = lin('sc-wall', [[0, '#EDE5DA'], [1, '#E2D8CB']]) + lin('sc-floor', [[0, '#CFC6BA'], [1, '#B9AFA2']]);
  let b = rect(0, 0, W, H, 'url(#sc-wall)');
  b += rect(0, 0, W, 56, '#F4EFE8') + rect(0, 54, W, 4, '#D7CCBE');
  for (let i = 0; i < 5; i++) b += ellipse(140 + i * 250, 30, 60, 10, '#FFFFFF', { opacity: 0.8 });
  // queue-number LED display
  b += rect(60, 84, 440, 150, '#3A3531', { rx: 10 }) + rect(72, 96, 416, 126, '#1F1B19', { rx: 6 });
  b += text(280, 146, '请 A023 号', 40, '#F0A43C') + text(280, 198, '到 5 号窗口办理', 30, '#E7C66A');
  defs += el('pattern', { id: 'led', width: 4, height: 4, patternUnits: 'userSpaceOnUse' }, rect(0, 0, 4, 1, '#1F1B19', { opacity: 0.45 }) + rect(0, 0, 1, 4, '#1F1B19', { opacity: 0.45 }));
  b += rect(72, 96, 416, 126, 'url(#led)');
  b += text(900, 128, '政务服务中心', 34, '#8B6F52', { 'letter-spacing': 8 }) + rect(740, 146, 320, 3, '#C8B296');
  b += text(900, 184, '出入境 · 户政 · 社保 · 不动产', 20, '#9A8268', { 'letter-spacing': 2 });
  // counter with windows
  b += rect(0, 250, W, 130, '#DCD3C7');
  for (let i = 0; i < 6; i++) {
    const x = 20 + i * 210;
    b += rect(x, 262, 190, 118, '#C9DDE2', { opacity: 0.55 }) + rect(x, 262, 190, 6, '#B7C6CA');
    b += rect(x + 55, 230, 80, 26, '#4E7C8C', { rx: 4 }) + text(x + 95, 250, `${i + 1}号窗口`, 16, '#F4F1EA');
    b += monitor(x + 60, 318, 70, 44, '#3A4147', '#90AFC0', false);
    b += circle(x + 170, 244, 6, i === 2 ? '#E38A4F' : '#8DBE8A');
  }
  b += rect(0, 376, W, 22, '#B9A489') + rect(0, 396, W, 92, '#A78F72') + rect(0, 396, W, 8, '#8E7860');
  for (let i = 0; i < 7; i++) b += rect(15 + i * 210, 404, 6, 84, '#967F64');
  // floor
  b += rect(0, 488, W, 232, 'url(#sc-floor)') + floorLines(488, 640, 300, 14, '#A89D90', 1.5, 0.5) + floorRows(488, 5, '#A89D90', 1.5, 0.5);
  b += ellipse(640, 520, 500, 22, '#FFFFFF', { opacity: 0.12 });
  // ticket machine and chairs
  b += rect(60, 420, 110, 220, '#D8D2C8', { rx: 10 }) + rect(72, 436, 86, 64, '#5D7E8E', { rx: 4 }) + rect(92, 520, 46, 6, '#3A3531') + text(115, 474, '取号', 20, '#F4F1EA');
  for (const x0 of [180, 940]) {
    for (let i = 0; i < 4; i++) {
      const x = x0 + i * 44;
      b += rect(x, 560, 40, 40, '#7E97A6', { rx: 6 }) + rect(x, 596, 40, 10, '#6C8493', { rx: 3 });
    }
    b += rect(x0 - 4, 606, 184, 6, '#8C9296') + rect(x0 + 10, 610, 6, 40, '#8C9296') + rect(x0 + 150, 610, 6, 40, '#8C9296');
  }
  b += plant(1200, 560, 1.1);
  return finish(defs, b);
}

function station() {
  let defs = lin('st-sky', [[0, '#D9E2E6'], [1, '#EEF0EE']]) + lin('st-floor', [[0, '#C8C4BD'], [1, '#ABA69F']]);
  let b = rect(0, 0, W, H, '#E3E1DC');
  // roof: curved trusses and skylight
  b += rect(0, 0, W, 200, 'url(#st-sky)');
  for (let i = -1; i <= 9; i++) {
    const x = 640 + (i - 4) * 190;
    b += path(d`M${640 + (x - 640) * 0.3} 200Q${640 + (x - 640) * 0.6} 40 ${x} -10`, 'none', { stroke: '#A7AEB2', 'stroke-width': 6 });
  }
  b += path('M-20 60Q640 -40 1300 60', 'none', { stroke: '#A7AEB2', 'stroke-width': 10 }) + path('M-20 150Q640 90 1300 150', 'none', { stroke: '#B4BABD', 'stroke-width': 8 });
  b += path('M-20 200Q640 170 1300 200L1300 230L-20 230Z', '#C9CBC8');
  // glass facade / platform gates
  b += rect(0, 226, W, 200, '#D6DCDD');
  for (let i = 0; i < 13; i++) b += rect(i * 100, 226, 4, 200, '#B8BFC2');
  b += rect(0, 300, W, 3, '#B8BFC2');
  // departure board
  b += rect(720, 64, 500, 200, '#2D2F33', { rx: 8 }) + rect(732, 76, 476, 176, '#1D1F22', { rx: 4 });
  b += text(970, 106, '车次   终到站     开点   状态', 19, '#E9E3D6', { 'xml:space': 'preserve' });
  const rows = [['G1234', '北京南', '14:05', '检票中'], ['D2218', '杭州东', '14:20', '候车'], ['G571', '广州南', '14:36', '候车'], ['G7045', '上海虹桥', '14:52', '晚点']];
  rows.forEach((r, i) => {
    const y = 144 + i * 30;
    b += text(790, y, r[0], 18, '#F0B24A') + text(900, y, r[1], 18, '#F0B24A') + text(1020, y, r[2], 18, '#F0B24A') + text(1130, y, r[3], 18, r[3] === '检票中' ? '#8FD08A' : r[3] === '晚点' ? '#F07C5E' : '#F0B24A');
  });
  // gates
  for (let i = 0; i < 4; i++) {
    const x = 70 + i * 150;
    b += rect(x, 330, 100, 28, '#3F6C7D', { rx: 4 }) + text(x + 50, 351, `A${i + 1} 检票口`, 16, '#F3F0EA');
    b += rect(x + 10, 372, 14, 54, '#9BA3A7') + rect(x + 76, 372, 14, 54, '#9BA3A7') + rect(x + 24, 386, 52, 6, '#C7B07A');
  }
  // pillars
  for (const x of [30, 1230]) b += rect(x - 26, 200, 52, 340, '#CFCBC4') + rect(x - 34, 520, 68, 26, '#BDB8B0');
  // floor
  b += rect(0, 426, W, 294, 'url(#st-floor)') + floorLines(426, 640, 250, 16, '#9E9993', 1.5, 0.45) + floorRows(426, 6, '#9E9993', 1.5, 0.45);
  b += ellipse(640, 470, 620, 30, '#FFFFFF', { opacity: 0.15 });
  // travellers
  const people = [
    [120, 520, 150, '#8796A3', 1], [210, 500, 130, '#A38F86', 0], [330, 470, 100, '#9AA59A', -1], [960, 470, 100, '#8E8AA0', 1], [1070, 505, 135, '#8796A3', -1], [1170, 540, 160, '#A59382', 0],
    [540, 446, 70, '#A2A9B0', 0], [760, 448, 72, '#A89C92', 1],
  ];
  for (const [x, f, h, c, cs] of people) b += figure(x, f, h, c, cs ? { case: cs, caseC: '#6F7F8C' } : {});
  return finish(defs, b);
}

function train() {
  let defs = lin('tr-win', [[0, '#CFE0E6'], [0.55, '#E4EDE9'], [0.56, '#A9BFA0'], [1, '#98AE8F']]) + lin('tr-ceil', [[0, '#EEF0EF'], [1, '#DCE0E0']]);
  const vx = 640;
  // back wall / end door rectangle
  const bx0 = 540;
  const bx1 = 740;
  const by0 = 210;
  const by1 = 380;
  let b = rect(0, 0, W, H, '#DADDDC');
  // ceiling
  b += path(d`M0 0L${W} 0L${bx1} ${by0}L${bx0} ${by0}Z`, 'url(#tr-ceil)');
  b += path(d`M560 0L720 0L${vx + 30} ${by0}L${vx - 30} ${by0}Z`, '#FFFFFF', { opacity: 0.75 });
  // side walls
  b += path(d`M0 0L${bx0} ${by0}L${bx0} ${by1}L0 ${H}Z`, '#E4E5E2');
  b += path(d`M${W} 0L${bx1} ${by0}L${bx1} ${by1}L${W} ${H}Z`, '#DFE1DE');
  // windows along both walls (perspective trapezoids)
  for (const side of [-1, 1]) {
    for (let i = 0; i < 5; i++) {
      const t0 = [0, 0.34, 0.56, 0.7, 0.8][i];
      const t1 = t0 + [0.24, 0.15, 0.1, 0.07, 0.05][i];
      const xAt = (t) => (side < 0 ? 0 + (bx0 - 0) * t : W + (bx1 - W) * t);
      const topAt = (t) => 150 + (by0 + 20 - 150) * t;
      const botAt = (t) => 400 + (by1 - 60 - 400) * t;
      const x0 = xAt(t0);
      const x1 = xAt(t1);
      b += path(d`M${x0} ${topAt(t0)}L${x1} ${topAt(t1)}L${x1} ${botAt(t1)}L${x0} ${botAt(t0)}Z`, 'url(#tr-win)', { stroke: '#C5CACA', 'stroke-width': 3 });
    }
    // luggage rack
    const rx = side < 0 ? 0 : W;
    const rx2 = side < 0 ? bx0 : bx1;
    b += path(d`M${rx} 110L${rx2} ${by0 + 6}L${rx2} ${by0 + 14}L${rx} 140Z`, '#C9CDCD');
    b += path(d`M${rx} 140L${rx2} ${by0 + 14}`, 'none', { stroke: '#9FA6A8', 'stroke-width': 3 });
  }
  for (const side of [-1, 1]) {
    const rx = side < 0 ? 0 : W;
    const rx2 = side < 0 ? bx0 : bx1;
    b += path(d`M${rx} 92L${rx2} ${by0 - 2}L${rx2} ${by0 + 4}L${rx} 104Z`, '#FFFFFF', { opacity: 0.8 });
  }
  // end door with display
  b += rect(bx0, by0, bx1 - bx0, by1 - by0, '#CDD1D0') + rect(600, 240, 80, 140, '#B9BFBF', { rx: 4 }) + rect(612, 252, 56, 60, '#DDE6E9', { rx: 3 });
  b += rect(580, 216, 120, 20, '#2B2F33', { rx: 3 }) + text(640, 231, '5车  二等座', 13, '#F0B24A', { 'xml:space': 'preserve' });
  // floor / aisle
  b += path(d`M0 ${H}L${bx0} ${by1}L${bx1} ${by1}L${W} ${H}Z`, '#B8BCBA');
  b += path(d`M380 ${H}L${vx - 40} ${by1}L${vx + 40} ${by1}L900 ${H}Z`, '#8E959A');
  // seat backs (with white headrest covers and folded trays) receding on both sides
  const seatC = '#5F7C95';
  const cover = '#F0F1EE';
  for (const side of [-1, 1]) {
    const n = side < 0 ? 3 : 2;
    for (let i = 6; i >= 0; i--) {
      const t = [0, 0.3, 0.5, 0.63, 0.73, 0.8, 0.86][i];
      const s = 1 - t * 0.92;
      const xEdge = side < 0 ? 380 + (vx - 50 - 380) * t : 900 + (vx + 50 - 900) * t;
      const yb = H + (by1 - H) * t;
      const wdt = (side < 0 ? 420 : 300) * s;
      const hgt = 290 * s;
      const x = side < 0 ? xEdge - wdt : xEdge;
      const sw_ = wdt / n;
      for (let k = 0; k < n; k++) {
        const x0 = x + k * sw_ + 3 * s;
        const w = sw_ - 6 * s;
        const top = yb - hgt;
        b += path(d`M${x0} ${yb}L${x0} ${top + 40 * s}Q${x0} ${top} ${x0 + w / 2} ${top}Q${x0 + w} ${top} ${x0 + w} ${top + 40 * s}L${x0 + w} ${yb}Z`, seatC);
        b += path(d`M${x0 + 8 * s} ${top + 70 * s}L${x0 + 8 * s} ${top + 36 * s}Q${x0 + 8 * s} ${top + 8 * s} ${x0 + w / 2} ${top + 8 * s}Q${x0 + w - 8 * s} ${top + 8 * s} ${x0 + w - 8 * s} ${top + 36 * s}L${x0 + w - 8 * s} ${top + 70 * s}Z`, cover);
        b += rect(x0 + w * 0.16, top + 100 * s, w * 0.68, 80 * s, mix(seatC, '#000000', 0.14), { rx: 6 * s });
        b += rect(x0 + w * 0.42, top + 106 * s, w * 0.16, 8 * s, mix(seatC, '#FFFFFF', 0.3), { rx: 3 * s });
        b += rect(x0 + w - 10 * s, top + 40 * s, 10 * s, hgt - 40 * s, mix(seatC, '#000000', 0.1));
      }
    }
  }
  return finish(defs, b, '#EEE9E2', 0.12);
}

function shop() {
  let defs = lin('sh-wall', [[0, '#EDE3D2'], [1, '#E2D5C0']]) + lin('sh-floor', [[0, '#C9BBA6'], [1, '#B3A48F']]);
  let b = rect(0, 0, W, H, 'url(#sh-wall)');
  // sign band
  b += rect(0, 0, W, 62, '#B8604F') + text(640, 44, '惠民便利店', 32, '#F6EBDD', { 'letter-spacing': 10 });
  // back shelves
  const r = rng(21);
  const goods = ['#D88B6A', '#E2C07A', '#8FB1A8', '#C97A7A', '#A8B77E', '#E7D3A8', '#92A6C2', '#D9A25E'];
  const shelf = (x0, x1, y0, n, dy) => {
    let s = rect(x0, y0 - 10, x1 - x0, n * dy + 20, '#C8AE8C');
    for (let k = 0; k < n; k++) {
      const y = y0 + k * dy;
      let x = x0 + 8;
      while (x < x1 - 30) {
        const w = 18 + r() * 20;
        const h = dy * (0.45 + r() * 0.4);
        s += rect(x, y + dy - 12 - h, w, h, goods[Math.floor(r() * goods.length)], { rx: 2 });
        x += w + 4;
      }
      s += rect(x0, y + dy - 12, x1 - x0, 10, '#A98D6B');
    }
    return s;
  };
  b += shelf(300, 980, 90, 4, 70);
  // drinks fridge on the left
  b += rect(20, 100, 250, 420, '#DCE3E4', { rx: 8 }) + rect(34, 116, 222, 390, '#B9CDD3', { rx: 4 });
  for (let k = 0; k < 5; k++) {
    b += rect(34, 188 + k * 76, 222, 5, '#E8EEEF');
    for (let i = 0; i < 8; i++) b += rect(44 + i * 26, 140 + k * 76, 16, 46, goods[(i + k) % goods.length], { rx: 6, opacity: 0.85 });
  }
  b += rect(142, 116, 4, 390, '#E8EEEF') + rect(128, 280, 6, 70, '#9AA6A8', { rx: 3 }) + rect(154, 280, 6, 70, '#9AA6A8', { rx: 3 });
  b += rect(34, 116, 222, 390, '#FFFFFF', { opacity: 0.15 });
  // counter on the right with register
  b += rect(990, 80, 270, 200, '#E6DACB') + rect(1000, 96, 250, 170, '#C9B9A2', { rx: 4 });
  for (let i = 0; i < 3; i++) for (let j = 0; j < 6; j++) b += rect(1012 + j * 40, 110 + i * 52, 30, 40, goods[(i * 3 + j) % goods.length], { rx: 3, opacity: 0.85 });
  b += rect(930, 420, 350, 26, '#B0764F') + rect(940, 444, 340, 276, '#C48B60') + rect(940, 444, 340, 10, '#A86F4A');
  b += rect(1040, 360, 110, 62, '#3D4348', { rx: 6 }) + rect(1050, 368, 90, 34, '#9CC0B4', { rx: 3 }) + rect(1070, 330, 50, 30, '#4A5157', { rx: 4 });
  b += rect(980, 396, 50, 26, '#E6DDCE', { rx: 3 }) + ellipse(1200, 404, 22, 18, '#E0B64E') + ellipse(1200, 404, 14, 11, '#C9983A');
  // floor
  b += rect(0, 520, W, 200, 'url(#sh-floor)') + floorLines(520, 640, 300, 12, '#A69782', 1.5, 0.45) + floorRows(520, 4, '#A69782', 1.5, 0.45);
  b += rect(300, 426, 680, 94, '#B89C78');
  // basket and boxes left foreground
  b += rect(60, 600, 160, 120, '#C8A77A', { rx: 4 }) + rect(60, 600, 160, 16, '#B48F62') + rect(90, 560, 110, 50, '#D9C19A', { rx: 3 });
  return finish(defs, b);
}

function restaurant() {
  let defs = lin('rs-wall', [[0, '#C9957A'], [1, '#B9826A']]) + lin('rs-floor', [[0, '#8E6F5E'], [1, '#77594B']]);
  let b = rect(0, 0, W, H, 'url(#rs-wall)');
  // wooden lattice screens
  const lattice = (x, y, w, h) => {
    let s = rect(x, y, w, h, '#7A4E3C', { rx: 4 }) + rect(x + 8, y + 8, w - 16, h - 16, '#E9D3B6', { opacity: 0.55 });
    for (let i = 1; i < 6; i++) s += rect(x + (i * w) / 6 - 2, y + 8, 4, h - 16, '#7A4E3C');
    for (let i = 1; i < 4; i++) s += rect(x + 8, y + (i * h) / 4 - 2, w - 16, 4, '#7A4E3C');
    return s;
  };
  b += lattice(40, 100, 260, 250) + lattice(980, 100, 260, 250);
  // sign plaque
  b += rect(470, 60, 340, 90, '#6E3B2E', { rx: 6 }) + rect(480, 70, 320, 70, '#8C4A38', { rx: 4 }) + text(640, 122, '老味道火锅', 40, '#F0CF8A', { 'letter-spacing': 8 });
  // lanterns
  for (const [x, y, s] of [[380, 150, 1], [900, 150, 1], [160, 70, 0.8], [1120, 70, 0.8], [640, 200, 0.6]]) b += lantern(x, y, s);
  // back tables with diners
  b += rect(0, 360, W, 22, '#7A4E3C') + rect(0, 380, W, 340, 'url(#rs-floor)') + floorLines(380, 640, 250, 14, '#6A4E42', 2, 0.35) + floorRows(380, 6, '#6A4E42', 2, 0.35);
  const table = (x, y, s) => {
    let t = '';
    t += ellipse(x, y, 120 * s, 34 * s, '#5E4034') + rect(x - 120 * s, y, 240 * s, 16 * s, '#5E4034') + ellipse(x, y - 2, 116 * s, 30 * s, '#8A6048');
    t += ellipse(x, y - 8 * s, 46 * s, 18 * s, '#9B9FA3') + ellipse(x, y - 12 * s, 40 * s, 14 * s, '#C64A3A');
    t += path(d`M${x} ${y - 26 * s}Q${x + 14 * s} ${y - 12 * s} ${x} ${y + 2 * s}Q${x + 40 * s} ${y - 6 * s} ${x + 40 * s} ${y - 12 * s}Q${x + 40 * s} ${y - 20 * s} ${x} ${y - 26 * s}Z`, '#E4C99A');
    for (const [dx, c] of [[-80, '#E3A07A'], [72, '#9DBB7A'], [-50, '#E8D8B4'], [92, '#D77B6A']]) t += ellipse(x + dx * s, y + 6 * s, 18 * s, 7 * s, c);
    t += steam(x - 12 * s, y - 24 * s, s * 1.2, '#FFFFFF', 0.45) + steam(x + 16 * s, y - 24 * s, s, '#FFFFFF', 0.35);
    return t;
  };
  const diners = [[150, 330, 0.8, '#6C7F8E'], [270, 336, 0.8, '#A35D55'], [1010, 330, 0.8, '#7D8B6A'], [1130, 336, 0.8, '#5F6E84'], [470, 350, 0.6, '#8B6F8E'], [810, 350, 0.6, '#6C8B86']];
  for (const [x, y, s, c] of diners) b += sitter(x, y, s * 1.6, c);
  b += table(210, 400, 1) + table(1070, 400, 1) + table(520, 380, 0.6) + table(760, 380, 0.6);
  // middle row
  for (const [x, y, s, c1, c2] of [[190, 470, 0.9, '#B07A62', '#5F7A8A'], [1090, 470, 0.9, '#6F8B73', '#9A6A7E']]) {
    b += sitter(x - 70, y - 52, s * 1.7, c1) + sitter(x + 70, y - 50, s * 1.7, c2, '#5A4A44');
    b += table(x, y + 40, 1.25);
  }
  // foreground tables, cut by frame, with diners seen from behind
  b += table(80, 650, 1.6) + table(1200, 650, 1.6);
  b += path('M150 720Q150 640 215 632Q280 640 280 720Z', '#55687A') + circle(215, 606, 32, '#3E3431');
  b += path('M1000 720Q1000 640 1065 632Q1130 640 1130 720Z', '#8A5E55') + circle(1065, 606, 32, '#4A3A34');
  // waiter carrying a tray far back
  b += figure(590, 372, 120, '#6E4A3E') + rect(572, 284, 30, 44, '#EDE3D3', { rx: 3 }) + ellipse(612, 276, 34, 6, '#B9B2A8') + ellipse(604, 270, 10, 5, '#D66A55') + ellipse(622, 270, 10, 5, '#9DBB7A');
  return finish(defs, b, '#F1E6DA', 0.16);
}

function office() {
  let defs = lin('of-wall', [[0, '#E8E4DC'], [1, '#DDD7CC']]) + lin('of-sky', [[0, '#C9DAE3'], [1, '#E6ECEC']]) + lin('of-floor', [[0, '#B3ACA2'], [1, '#9C958B']]);
  let b = rect(0, 0, W, H, 'url(#of-wall)');
  // big window with port view
  b += rect(330, 70, 620, 300, '#BFC6C8') + rect(340, 80, 600, 280, 'url(#of-sky)');
  b += rect(340, 290, 600, 70, '#A9BCC4');
  // cranes
  const crane = (x, s) =>
    rect(x, 150 * s + 60, 8, 160, '#C98B5A') + rect(x + 40, 150 * s + 60, 8, 160, '#C98B5A') + rect(x - 50, 150 * s + 56, 170, 10, '#C98B5A') + line(x + 4, 150 * s + 60, x + 44, 150 * s + 130, '#C98B5A', 3) + rect(x + 10, 150 * s + 66, 24, 14, '#B27A4E');
  b += crane(420, 0.4) + crane(600, 0.55) + crane(780, 0.45);
  const r = rng(33);
  const boxC = ['#B8735F', '#7E9BB0', '#C9A75E', '#8AA088', '#A98AA0'];
  for (let row = 0; row < 3; row++) for (let i = 0; i < 14; i++) b += rect(360 + i * 40 + (row % 2) * 10, 268 - row * 16, 36, 15, boxC[Math.floor(r() * boxC.length)], { opacity: 0.85 });
  b += path('M500 284L700 284L690 300L520 300Z', '#5F6F7B') + rect(640, 266, 40, 18, '#E9E4DA');
  for (let i = 1; i < 3; i++) b += rect(340 + i * 200 - 3, 80, 6, 280, '#BFC6C8');
  // world map on the left wall
  b += rect(40, 90, 250, 160, '#EFE9DD', { stroke: '#B9AD9C', 'stroke-width': 3 });
  b += ellipse(100, 150, 34, 24, '#A9C1A8') + ellipse(110, 200, 16, 24, '#A9C1A8') + ellipse(170, 140, 34, 20, '#A9C1A8') + ellipse(180, 180, 16, 26, '#A9C1A8') + ellipse(238, 150, 30, 26, '#A9C1A8') + ellipse(250, 215, 16, 10, '#A9C1A8');
  b += path('M232 160Q200 120 170 150Q140 170 104 150', 'none', { stroke: '#C4573E', 'stroke-width': 2.5, 'stroke-dasharray': '6 4' }) + circle(232, 160, 5, '#C4573E') + circle(104, 150, 4, '#C4573E');
  // binders shelf on the right
  b += rect(990, 90, 250, 230, '#C9B79C');
  const binder = ['#5E7D94', '#B86A5A', '#D9B36A', '#7E9678', '#8E7FA2'];
  for (let k = 0; k < 3; k++) {
    b += rect(990, 90 + (k + 1) * 76 - 8, 250, 8, '#AD9A7E');
    for (let i = 0; i < 9; i++) b += rect(1002 + i * 26, 100 + k * 76, 22, 58, binder[(i + k) % 5], { rx: 2 }) + rect(1006 + i * 26, 140 + k * 76, 14, 8, '#F2EDE4', { rx: 1 });
  }
  b += clock(170, 310, 28, 10, 10);
  // floor & desks
  b += rect(0, 440, W, 280, 'url(#of-floor)') + floorRows(440, 5, '#938C82', 1.5, 0.35);
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? -20 : 900;
    b += rect(x0, 470, 400, 22, '#E4DDD2') + rect(x0, 490, 400, 230, '#CFC6B9');
    const mx = side < 0 ? 70 : 1030;
    b += monitor(mx, 350, 170, 104, '#343C43', '#7E9EB2');
    b += rect(mx + (side < 0 ? 220 : -90), 430, 60, 44, '#E9E1D3', { rx: 2 }) + rect(mx + (side < 0 ? 226 : -84), 420, 56, 12, '#D8CDBA');
    b += rect(mx + (side < 0 ? 190 : -150), 452, 42, 20, '#B7754F', { rx: 2 }) + rect(mx + (side < 0 ? 196 : -144), 446, 30, 8, '#7D9BB0');
  }
  b += plant(940, 420, 0.9);
  return finish(defs, b);
}

function warehouse() {
  let defs = lin('wh-wall', [[0, '#CFD2CF'], [1, '#BFC3C0']]) + lin('wh-floor', [[0, '#A9A8A2'], [1, '#928F89']]);
  let b = rect(0, 0, W, H, 'url(#wh-wall)');
  // roof beams and lights
  b += rect(0, 0, W, 90, '#B9BDBB');
  for (let i = 0; i < 8; i++) b += path(d`M${i * 190 - 40} 0L${i * 190 + 60} 90`, 'none', { stroke: '#9CA1A0', 'stroke-width': 6 }) + path(d`M${i * 190 + 160} 0L${i * 190 + 60} 90`, 'none', { stroke: '#9CA1A0', 'stroke-width': 6 });
  b += rect(0, 86, W, 8, '#8F9594');
  for (const x of [250, 640, 1030]) b += line(x, 94, x, 130, '#6F7573', 2) + path(d`M${x - 30} 150L${x - 16} 130L${x + 16} 130L${x + 30} 150Z`, '#7C8482') + ellipse(x, 152, 26, 5, '#FFF6DC');
  // dock door
  b += rect(470, 170, 340, 300, '#A9AFAE') + rect(486, 186, 308, 284, '#C9CCC6');
  for (let i = 1; i < 14; i++) b += rect(486, 186 + i * 20, 308, 2, '#B4B8B2');
  b += rect(470, 150, 340, 22, '#D8B24E') + text(640, 167, '3号 月台', 16, '#3E3A33');
  // racks in perspective on both sides
  const rack = (x0, x1, y0, y1) => {
    let s = '';
    const levels = 4;
    for (let k = 0; k <= levels; k++) {
      const t = k / levels;
      const ya = y0 + (y1 - y0) * t;
      if (k < levels) {
        // boxes on this level
        const r = rng(Math.round(x0 + k * 13));
        let x = x0 + 10;
        while (x < x1 - 40) {
          const w = 40 + r() * 50;
          const h = (y1 - y0) / levels - 22;
          s += rect(x, ya + 8 + ((y1 - y0) / levels - 22 - h), w, h, r() < 0.25 ? '#B9A384' : '#C9A77A', { rx: 2 }) + rect(x, ya + 8 + h / 2 - 3, w, 6, '#B58E5F', { opacity: 0.7 });
          x += w + 8;
        }
      }
      s += rect(x0, ya - 6, x1 - x0, 10, '#D9824A');
    }
    for (const x of [x0, x1 - 12]) s += rect(x, y0 - 10, 12, y1 - y0 + 60, '#4F6F8A');
    return s;
  };
  b += rack(-20, 420, 120, 470) + rack(860, 1300, 120, 470);
  // floor with markings
  b += rect(0, 470, W, 250, 'url(#wh-floor)');
  b += path('M420 470L300 720', 'none', { stroke: '#D8B24E', 'stroke-width': 8 }) + path('M860 470L980 720', 'none', { stroke: '#D8B24E', 'stroke-width': 8 });
  b += floorRows(470, 4, '#8C8A84', 1.5, 0.3);
  // forklift left
  const fx = 120;
  b += rect(fx, 520, 150, 90, '#D8A33E', { rx: 8 }) + rect(fx + 20, 450, 90, 80, 'none', { stroke: '#4A4744', 'stroke-width': 6 }) + rect(fx + 150, 420, 10, 190, '#4A4744') + rect(fx + 160, 590, 70, 8, '#4A4744');
  b += circle(fx + 35, 612, 24, '#3A3836') + circle(fx + 120, 612, 24, '#3A3836') + circle(fx + 35, 612, 9, '#8C8A84') + circle(fx + 120, 612, 9, '#8C8A84');
  // crates right foreground
  const crate = (x, y, w, h) => rect(x, y, w, h, '#B98F5E', { rx: 3 }) + rect(x + 6, y + 6, w - 12, h - 12, 'none', { stroke: '#9C7447', 'stroke-width': 3 }) + line(x + 8, y + 8, x + w - 8, y + h - 8, '#9C7447', 3);
  b += rect(1000, 650, 260, 16, '#8E7A5E') + crate(1010, 540, 110, 110) + crate(1130, 540, 110, 110) + crate(1070, 440, 110, 100);
  return finish(defs, b);
}

function site() {
  let defs = lin('si-sky', [[0, '#C7D9E3'], [1, '#ECEBE3']]) + lin('si-ground', [[0, '#C2AE93'], [1, '#AA957A']]);
  let b = rect(0, 0, W, H, 'url(#si-sky)');
  b += ellipse(200, 120, 120, 26, '#FFFFFF', { opacity: 0.6 }) + ellipse(1000, 90, 150, 28, '#FFFFFF', { opacity: 0.55 });
  // distant crane
  b += rect(1216, 60, 8, 330, '#C9B48A') + rect(1060, 56, 220, 7, '#C9B48A') + line(1110, 63, 1110, 140, '#8C8A84', 1.5);
  // concrete frame under construction (right), scaffolding and safety net on part of it
  const fx0 = 800;
  const fx1 = 1170;
  for (let k = 0; k < 5; k++) {
    const y = 150 + k * 56;
    b += rect(fx0, y, fx1 - fx0, 56, '#9E9A92', { opacity: 0.55 });
    b += rect(fx0 - 8, y, fx1 - fx0 + 16, 11, '#C4C0B8');
  }
  for (let i = 0; i <= 5; i++) b += rect(fx0 + i * ((fx1 - fx0 - 16) / 5), 150, 16, 280, '#CFCBC3');
  for (let i = 0; i <= 5; i++) {
    const x = fx0 + 6 + i * ((fx1 - fx0 - 16) / 5);
    b += line(x, 150, x - 2, 124, '#7C6A5A', 2) + line(x + 6, 150, x + 8, 126, '#7C6A5A', 2);
  }
  for (let i = 0; i <= 6; i++) b += line(fx0 - 30 + i * 34, 150, fx0 - 30 + i * 34, 432, '#8A7A6A', 3);
  for (let k = 0; k < 9; k++) b += line(fx0 - 32, 170 + k * 30, fx0 + 176, 170 + k * 30, '#8A7A6A', 2.5);
  b += rect(fx0 - 34, 262, 214, 170, '#6F9A78', { opacity: 0.5 });
  // tower crane (left)
  const cx = 260;
  b += rect(cx - 12, 90, 24, 350, 'none', { stroke: '#D2A84A', 'stroke-width': 5 });
  for (let y = 90; y < 430; y += 30) b += line(cx - 12, y, cx + 12, y + 30, '#D2A84A', 3);
  b += rect(cx - 140, 80, 560, 14, '#D2A84A') + rect(cx - 140, 70, 60, 24, '#8C8A84') + rect(cx - 16, 60, 32, 40, '#C98E3E');
  b += line(cx + 300, 94, cx + 300, 230, '#5E5A55', 2) + rect(cx + 286, 230, 28, 16, '#8C6A46');
  // hoarding fence
  b += rect(0, 380, W, 70, '#5F87A4');
  for (let i = 0; i < 16; i++) b += rect(i * 82, 380, 4, 70, '#7FA0B8');
  b += rect(0, 380, W, 8, '#E9E6DE') + rect(40, 394, 250, 44, '#F1EEE7', { rx: 3 }) + text(165, 424, '安全第一 质量为本', 22, '#B4553E');
  // site office container
  b += rect(420, 330, 200, 70, '#E9E4DA') + rect(430, 344, 40, 26, '#A8BAC4') + rect(490, 344, 40, 26, '#A8BAC4') + rect(560, 344, 40, 46, '#9A8F82');
  // ground
  b += rect(0, 450, W, 270, 'url(#si-ground)');
  const r = rng(5);
  for (let i = 0; i < 40; i++) b += ellipse(r() * W, 470 + r() * 250, 6 + r() * 14, 2 + r() * 3, '#9C876C', { opacity: 0.5 });
  // concrete piles
  const pile = (x, y, s) =>
    rect(x - 22 * s, y - 70 * s, 44 * s, 70 * s, '#BDB9B1') + rect(x + 6 * s, y - 70 * s, 16 * s, 70 * s, '#A9A59D') + ellipse(x, y - 70 * s, 22 * s, 7 * s, '#D3D0C9') +
    [-12, -4, 4, 12].map((dx) => line(x + dx * s, y - 70 * s, x + dx * s + 2, y - 92 * s, '#7C6A5A', 2.5 * s)).join('') + ellipse(x, y, 30 * s, 8 * s, '#9C876C', { opacity: 0.6 });
  for (const [x, y, s] of [[80, 580, 1.2], [220, 540, 1], [340, 508, 0.85], [950, 508, 0.85], [1070, 540, 1], [1200, 580, 1.2], [150, 700, 1.5], [1130, 705, 1.5]]) b += pile(x, y, s);
  // rebar bundle and cones
  for (let i = 0; i < 7; i++) b += line(430, 470 + i * 4, 640, 462 + i * 4, '#8A6D58', 3);
  const cone = (x, y) => path(d`M${x - 14} ${y}L${x} ${y - 40}L${x + 14} ${y}Z`, '#E08A4E') + rect(x - 9, y - 24, 18, 6, '#F2EFE8') + rect(x - 20, y - 4, 40, 6, '#C7763F');
  b += cone(720, 480) + cone(770, 486);
  return finish(defs, b);
}

function hotel() {
  let defs = lin('ho-wall', [[0, '#E9E0D2'], [1, '#DDD1BF']]) + lin('ho-floor', [[0, '#D4C8B6'], [1, '#BBAE9A']]) + lin('ho-desk', [[0, '#7E5C45'], [1, '#6A4C39']]);
  let b = rect(0, 0, W, H, 'url(#ho-wall)');
  // marble panels with veins
  const r = rng(77);
  for (let i = 0; i < 6; i++) {
    const x = i * 220 - 10;
    b += rect(x, 60, 210, 380, '#EEE7DC') + rect(x + 210, 60, 10, 380, '#D8CCBA');
    for (let k = 0; k < 3; k++) {
      const y = 100 + r() * 300;
      b += path(d`M${x} ${y}Q${x + 70} ${y - 30 + r() * 60} ${x + 130} ${y + r() * 40}T${x + 210} ${y + 20}`, 'none', { stroke: '#D4C6B2', 'stroke-width': 2, opacity: 0.7 });
    }
  }
  // ceiling and pendant lights
  b += rect(0, 0, W, 60, '#F3EEE6') + rect(0, 56, W, 6, '#CDBFA9');
  for (const x of [180, 470, 810, 1100]) b += line(x, 62, x, 110, '#9C8A70', 2) + path(d`M${x - 34} 140Q${x} 96 ${x + 34} 140Z`, '#D9B56A') + ellipse(x, 140, 34, 6, '#FFF3D6');
  // back wood panel with clocks and logo
  b += rect(360, 110, 560, 290, '#8C6A50') + rect(372, 122, 536, 266, '#9B775A');
  for (let i = 0; i < 8; i++) b += rect(372 + i * 67, 122, 2, 266, '#8C6A50', { opacity: 0.6 });
  const clocks = [['北京', 14, 5], ['伦敦', 7, 5], ['纽约', 2, 5]];
  clocks.forEach(([n, h, m], i) => {
    const x = 500 + i * 140;
    b += clock(x, 180, 32, h, m, '#F6F1E7', '#C9A45C') + text(x, 242, n, 16, '#F1E6D2');
  });
  b += rect(520, 290, 240, 46, '#C9A45C', { rx: 4 }) + text(640, 322, '前台 RECEPTION', 22, '#FFF8EA');
  // front desk
  b += rect(260, 400, 760, 26, '#E7DDCF') + rect(260, 424, 760, 170, 'url(#ho-desk)');
  for (let i = 1; i < 8; i++) b += rect(260 + i * 95, 434, 3, 150, '#5C4131', { opacity: 0.6 });
  b += rect(260, 424, 760, 6, '#D8B56A');
  b += ellipse(860, 396, 18, 6, '#C9A45C') + path('M844 396Q860 374 876 396Z', '#D8B56A') + circle(860, 376, 3, '#C9A45C');
  b += rect(420, 378, 60, 24, '#E9E4DA', { rx: 2 }) + monitor(330, 330, 80, 56, '#3A3F44', '#8DAFC2', false);
  // floor
  b += rect(0, 594, W, 126, 'url(#ho-floor)') + floorLines(594, 640, 300, 12, '#B1A48F', 1.5, 0.4);
  b += rect(0, 440, 260, 154, '#D7CBB9') + rect(1020, 440, 260, 154, '#D7CBB9');
  b += path('M0 594L1280 594', 'none', { stroke: '#B1A48F', 'stroke-width': 2 });
  // plants and luggage cart
  b += plant(120, 470, 1.4, '#B9A27E', '#6E8F6A');
  const lx = 1120;
  b += rect(lx - 80, 620, 160, 10, '#C9A45C') + line(lx - 70, 620, lx - 70, 430, '#C9A45C', 6) + line(lx + 70, 620, lx + 70, 430, '#C9A45C', 6) + path(d`M${lx - 70} 430Q${lx} 380 ${lx + 70} 430`, 'none', { stroke: '#C9A45C', 'stroke-width': 6 });
  b += rect(lx - 56, 520, 70, 100, '#6F8798', { rx: 8 }) + rect(lx + 18, 550, 46, 70, '#B0705C', { rx: 6 }) + rect(lx - 40, 480, 50, 40, '#D8C7A8', { rx: 4 });
  b += circle(lx - 60, 640, 10, '#5E5650') + circle(lx + 60, 640, 10, '#5E5650');
  return finish(defs, b);
}

/** Small rounded appliances for the store's shelves. */
function kettle(x, y, s, c) {
  const dark = mix(c, '#000000', 0.2);
  return (
    path(d`M${x - 16 * s} ${y}L${x - 13 * s} ${y - 38 * s}Q${x} ${y - 44 * s} ${x + 13 * s} ${y - 38 * s}L${x + 16 * s} ${y}Z`, c) +
    path(d`M${x + 14 * s} ${y - 34 * s}Q${x + 28 * s} ${y - 30 * s} ${x + 18 * s} ${y - 8 * s}`, 'none', { stroke: dark, 'stroke-width': 4 * s }) +
    path(d`M${x - 13 * s} ${y - 30 * s}L${x - 24 * s} ${y - 36 * s}L${x - 14 * s} ${y - 22 * s}Z`, dark) +
    rect(x - 19 * s, y - 5 * s, 38 * s, 7 * s, '#3E4347', { rx: 2 }) +
    ellipse(x, y - 40 * s, 8 * s, 3 * s, dark)
  );
}
function riceCooker(x, y, s, c) {
  return (
    rect(x - 24 * s, y - 30 * s, 48 * s, 30 * s, c, { rx: 10 * s }) +
    ellipse(x, y - 30 * s, 24 * s, 9 * s, mix(c, '#FFFFFF', 0.3)) +
    rect(x - 8 * s, y - 18 * s, 16 * s, 7 * s, '#5C6B74', { rx: 2 }) +
    rect(x - 6 * s, y - 42 * s, 12 * s, 6 * s, mix(c, '#000000', 0.2), { rx: 2 })
  );
}
function microwave(x, y, s, c) {
  return rect(x - 34 * s, y - 34 * s, 68 * s, 34 * s, c, { rx: 3 }) + rect(x - 30 * s, y - 30 * s, 44 * s, 26 * s, '#3A4248', { rx: 2 }) + rect(x + 18 * s, y - 28 * s, 10 * s, 22 * s, mix(c, '#000000', 0.15));
}
function priceTag(x, y, t) {
  return rect(x - 20, y, 40, 16, '#F6E27A', { rx: 2 }) + text(x, y + 13, t, 12, '#A2452E');
}

function telecomHall() {
  let defs = lin('th-wall', [[0, '#E8EEF0'], [1, '#DCE4E6']]) + lin('th-floor', [[0, '#CDD3D4'], [1, '#B5BCBE']]) + lin('th-dusk', [[0, '#8FA5BC'], [0.6, '#D9B795'], [1, '#E9C9A0']]);
  let b = rect(0, 0, W, H, 'url(#th-wall)');
  b += rect(0, 0, W, 56, '#F3F5F5') + rect(0, 54, W, 4, '#C9D2D5');
  for (let i = 0; i < 6; i++) b += rect(80 + i * 210, 20, 130, 16, '#FFFFFF', { rx: 3, opacity: 0.9 });
  // the shop front on the left: glass doors to the dusk outside, the roller shutter half down
  b += rect(30, 86, 320, 400, '#A9B2B6') + rect(42, 98, 296, 388, 'url(#th-dusk)');
  b += skyline(42, 300, 296, 120, '#8C97A3', 12) + rect(42, 420, 296, 66, '#9BA2A4');
  b += rect(188, 98, 6, 388, '#A9B2B6') + rect(150, 330, 6, 60, '#D8DDDF', { rx: 3 }) + rect(226, 330, 6, 60, '#D8DDDF', { rx: 3 });
  for (let k = 0; k < 12; k++) b += rect(36, 92 + k * 18, 308, 16, k % 2 ? '#B7BEC2' : '#C3C9CC') + rect(36, 106 + k * 18, 308, 2, '#9CA4A9');
  b += rect(30, 308, 320, 12, '#8E979C', { rx: 3 }) + rect(170, 318, 40, 8, '#6E777C', { rx: 3 });
  b += rect(30, 80, 320, 14, '#7F898E');
  // brand sign, clock and queue display
  b += rect(560, 80, 660, 76, '#2F7F8C', { rx: 8 }) + circle(620, 118, 22, '#F2F7F7') + path('M606 122q14 -16 28 0M612 128q8 -8 16 0', 'none', { stroke: '#2F7F8C', 'stroke-width': 4, 'stroke-linecap': 'round' });
  b += text(905, 132, '畅联通信 营业厅', 38, '#F4FAFA', { 'letter-spacing': 8 });
  b += clock(440, 150, 34, 5, 55, '#F8F8F5', '#7F8C93');
  b += rect(600, 176, 300, 64, '#2B2F33', { rx: 6 }) + rect(608, 184, 284, 48, '#1B1E21', { rx: 4 }) + text(750, 218, '请 A052 号 到 2 号台', 24, '#F0A43C');
  // posters
  b += rect(930, 166, 130, 90, '#F5EFE3', { rx: 4 }) + rect(940, 174, 110, 50, '#7DB1C0', { rx: 3 }) + rect(982, 178, 26, 42, '#2F3A44', { rx: 5 }) + rect(985, 183, 20, 30, '#CFE6EC', { rx: 2 }) + text(995, 246, '5G 套餐', 17, '#2F7F8C');
  b += rect(1080, 166, 130, 90, '#F5EFE3', { rx: 4 }) + rect(1090, 174, 110, 50, '#E2B36A', { rx: 3 }) + path('M1124 216l21 -32l21 32Z', '#F5EFE3') + text(1145, 246, '宽带 提速', 17, '#B0643A');
  // service desks along the back
  b += rect(380, 300, 900, 22, '#D8DEE0');
  for (let i = 0; i < 4; i++) {
    const x = 420 + i * 215;
    b += rect(x, 322, 190, 100, '#EEF1F1') + rect(x, 322, 190, 10, '#2F7F8C');
    b += monitor(x + 60, 262, 70, 44, '#3A4147', '#90AFC0', false) + rect(x + 90, 306, 10, 16, '#3A4147');
    b += rect(x + 64, 350, 62, 24, '#2F7F8C', { rx: 4 }) + text(x + 95, 368, `${i + 1}号台`, 15, '#F4FAFA');
    b += rect(x + 20, 422, 150, 8, '#C9D0D2');
  }
  // floor
  b += rect(0, 486, W, 234, 'url(#th-floor)') + floorLines(486, 640, 300, 14, '#A9B1B3', 1.5, 0.45) + floorRows(486, 5, '#A9B1B3', 1.5, 0.45);
  b += rect(380, 430, 900, 56, '#C3CACC');
  // a phone display table, front right
  b += rect(900, 560, 380, 24, '#E6E9E9', { rx: 4 }) + rect(920, 584, 340, 136, '#C9CFD1');
  for (let i = 0; i < 5; i++) {
    const x = 940 + i * 66;
    b += rect(x, 512, 34, 52, '#2F3A44', { rx: 6 }) + rect(x + 3, 517, 28, 40, ['#9CC7D2', '#E3B7A0', '#B9CFA3', '#C2B5D8', '#E9D59A'][i], { rx: 3 }) + rect(x + 8, 562, 18, 6, '#9AA3A8');
    b += rect(x - 2, 592, 38, 14, '#F6E27A', { rx: 2 });
  }
  b += plant(1240, 470, 0.8, '#C9C2B6', '#6E9272');
  return finish(defs, b);
}

function applianceStore() {
  let defs = lin('as-wall', [[0, '#EFE9DF'], [1, '#E3DBCE']]) + lin('as-floor', [[0, '#D2CCC2'], [1, '#BDB5AA']]) + lin('as-tv', [[0, '#7FB0C9'], [0.6, '#A9CBB0'], [1, '#86A78A']]);
  let b = rect(0, 0, W, H, 'url(#as-wall)');
  b += rect(0, 0, W, 66, '#2E6A9A') + text(640, 46, '百家电器 · 家电卖场', 32, '#F4F8FB', { 'letter-spacing': 8 });
  for (let i = 0; i < 5; i++) b += rect(40 + i * 260, 70, 160, 8, '#FFFFFF', { rx: 3, opacity: 0.7 });
  // televisions along the back wall
  for (let i = 0; i < 4; i++) {
    const x = 330 + i * 160;
    b += rect(x, 96, 140, 84, '#262B30', { rx: 4 }) + rect(x + 5, 101, 130, 74, 'url(#as-tv)', { rx: 2 });
    b += path(d`M${x + 5} ${160}Q${x + 50} ${132} ${x + 80} ${150}T${x + 135} ${140}L${x + 135} ${175}L${x + 5} ${175}Z`, '#6F9A78', { opacity: 0.8 });
    b += rect(x + 60, 180, 20, 10, '#262B30');
  }
  // shelves of small appliances: kettles, rice cookers, microwaves
  b += rect(300, 214, 680, 230, '#D9CDBB');
  const ks = ['#E9E6E0', '#C9D4DA', '#D9B7A6', '#B9C7B2', '#E4DCCB'];
  for (const [k, y] of [[0, 300], [1, 384]]) {
    b += rect(300, y, 680, 12, '#B59E80');
    for (let i = 0; i < 9; i++) {
      const x = 340 + i * 74;
      if (k === 0) b += i % 3 === 2 ? riceCooker(x, y, 0.9, ks[(i + 1) % 5]) : kettle(x, y, 0.95, ks[i % 5]);
      else b += i % 2 ? microwave(x, y, 0.86, '#E7E4DE') : riceCooker(x, y, 0.9, ks[(i + 2) % 5]);
      b += priceTag(x, y + 14, '¥' + (99 + ((i * 37 + k * 50) % 200)));
    }
  }
  b += text(640, 240, '小家电 · 厨房电器', 20, '#7A5E44', { 'letter-spacing': 4 });
  // fridge and washing machines on the left
  b += rect(24, 120, 140, 380, '#E8ECEE', { rx: 8 }) + rect(24, 254, 140, 4, '#C6CDD1') + rect(140, 150, 8, 80, '#B9C1C6', { rx: 4 }) + rect(140, 280, 8, 100, '#B9C1C6', { rx: 4 });
  for (const x of [180]) {
    b += rect(x, 330, 120, 170, '#ECEFF0', { rx: 8 }) + rect(x, 330, 120, 26, '#DDE2E4', { rx: 6 }) + circle(x + 60, 428, 42, '#C9D1D5') + circle(x + 60, 428, 32, '#7E98A8') + circle(x + 48, 416, 10, '#FFFFFF', { opacity: 0.35 }) + circle(x + 100, 343, 6, '#8FB5C9');
  }
  b += rect(0, 500, W, 220, 'url(#as-floor)') + floorLines(500, 640, 300, 12, '#AFA79B', 1.5, 0.45) + floorRows(500, 4, '#AFA79B', 1.5, 0.45);
  b += rect(300, 444, 680, 56, '#CDBFA9');
  // after-sales desk on the right
  b += rect(1000, 96, 240, 60, '#C8553D', { rx: 6 }) + text(1120, 136, '售后服务台', 28, '#FFF6EE', { 'letter-spacing': 4 });
  b += rect(1010, 180, 220, 150, '#E6DED1', { rx: 4 }) + text(1120, 214, '服务须知', 18, '#7A5E44');
  for (let i = 0; i < 4; i++) b += rect(1034, 232 + i * 22, 172 - (i % 2) * 40, 6, '#C7B9A4', { rx: 3 });
  b += rect(960, 430, 320, 26, '#8E6C52') + rect(970, 454, 310, 266, '#A5826A') + rect(970, 454, 310, 10, '#8E6C52');
  b += monitor(1150, 360, 90, 62, '#3A4147', '#90AFC0', false) + rect(1190, 422, 10, 10, '#3A4147');
  b += rect(990, 384, 100, 46, '#E9D9BE', { rx: 2 }) + rect(990, 384, 100, 10, '#D6C3A2') + kettle(1040, 380, 0.7, '#E9E6E0');
  return finish(defs, b);
}

export const BACKGROUNDS = {
  'call-centre': callCentre,
  'service-counter': serviceCounter,
  'telecom-hall': telecomHall,
  station,
  train,
  shop,
  'appliance-store': applianceStore,
  restaurant,
  office,
  warehouse,
  site,
  hotel,
};
