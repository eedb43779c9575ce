/**
 * One category's chart on the progress page: its score in each of the latest plays as bars
 * (0–100, oldest at the left), a dot where the category was not at stake, the average and the
 * trend above. Drawn with Phaser graphics; the figures are the engine's.
 */
import type { CategoryProgress, Trend } from '../../engine/progress/report.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLORS } from '../ui/theme.js';

export const TREND_MARK: Record<NonNullable<Trend>, string> = { up: '↑', down: '↓', steady: '→' };

/** The same colours as fills, for drawn arrows. */
export const TREND_FILL: Record<NonNullable<Trend> | 'none', number> = { up: COLORS.goodFill, down: COLORS.badFill, steady: 0x4a5568, none: 0x9aa3b0 };

export function trendColour(t: Trend): string {
  return t === 'up' ? COLORS.good : t === 'down' ? COLORS.bad : COLORS.inkSoft;
}

export const barFill = (v: number): number => (v >= 70 ? COLORS.goodFill : v >= 40 ? COLORS.warnFill : COLORS.badFill);

/** Draws the chart in the box; returns what a screen reader hears of it. */
export function drawCategoryChart(scene: BaseScene, c: CategoryProgress, box: { x: number; y: number; w: number; h: number }, slots: number, scale = 1): string {
  const { x, y, w, h } = box;
  const t = (k: string, v?: Record<string, unknown>) => scene.t(k, v);
  const g = scene.add.graphics();
  g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, w, h, 14);
  const trend = c.trend ? ` ${TREND_MARK[c.trend]}` : '';
  const avg = c.mean === null ? t('progress.noScore') : t('progress.chartAverage', { n: c.mean });
  const size = Math.round(18 * scale);
  const avgText = scene.text(x + w - 14, y + 10, `${avg}${trend}`, { size, bold: true, color: trendColour(c.trend) }).setOrigin(1, 0);
  // The average beside the name where both fit on a line; under it in a narrow card.
  const label = t(`categories.${c.id}`);
  const beside = w - 28 - avgText.width - 12;
  const name = scene.text(x + 14, y + 10, label, { size, bold: true, width: beside >= size * 8 ? beside : w - 28 });
  if (name.width > beside) avgText.setOrigin(0, 0).setPosition(x + 14, name.y + name.height);
  const headBottom = Math.max(name.y + name.height, avgText.y + avgText.height);
  // The plot: below the heading (with room for the values over the bars), above the axis labels.
  const labelH = Math.round(20 * scale);
  const valueH = Math.round(18 * scale);
  const top = headBottom + 8 + valueH;
  const bottom = y + h - labelH - 14;
  const left = x + 14;
  const right = x + w - 14;
  const ph = bottom - top;
  g.lineStyle(1, 0xdfe3ea, 1);
  for (const v of [0, 50, 100]) g.lineBetween(left, bottom - (ph * v) / 100, right, bottom - (ph * v) / 100);
  const slot = (right - left) / slots;
  const bw = Math.min(28 * scale, slot * 0.7);
  // The latest plays at the right, so a short history still ends at "latest".
  const start = slots - c.scores.length;
  c.scores.forEach((v, i) => {
    const cx = left + slot * (start + i) + slot / 2;
    if (v === null) {
      g.fillStyle(0xb8bfca, 1).fillCircle(cx, bottom - 4, 3 * scale);
      return;
    }
    const bh = Math.max(3, (ph * v) / 100);
    g.fillStyle(barFill(v), 1).fillRoundedRect(cx - bw / 2, bottom - bh, bw, bh, Math.min(4, bw / 2, bh / 2));
    scene.text(cx, bottom - bh - 2, String(v), { size: Math.round(13 * scale), color: COLORS.inkSoft }).setOrigin(0.5, 1);
  });
  const small = { size: Math.round(14 * scale), color: COLORS.inkSoft };
  scene.text(left, bottom + 6, t('progress.earlier'), small);
  scene.text(right, bottom + 6, t('progress.latest'), small).setOrigin(1, 0);
  const scores = c.scores.map((v) => (v === null ? '—' : String(v))).join(', ');
  return `${t(`categories.${c.id}`)}: ${avg}, ${t(`progress.trend.${c.trend ?? 'none'}`)}${c.scores.length ? ` (${scores})` : ''}`;
}
