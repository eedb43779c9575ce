/**
 * One principle on the progress page: its name and category, how often it was honoured and
 * broken across every play (a practice: practised / missed; a violation: avoided / made, with
 * the severity), a bar of the two, and the trend.
 */
import type Phaser from 'phaser';
import type { PrincipleProgress, Trend } from '../../engine/progress/report.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { COLORS } from '../ui/theme.js';
import { TREND_FILL } from './chart.js';

export interface RowResult {
  height: number;
  spoken: string;
}

export function drawPrincipleRow(scene: BaseScene, p: PrincipleProgress, name: string, box: { x: number; y: number; w: number }, scale = 1): RowResult {
  const { x, y, w } = box;
  const t = (k: string, v?: Record<string, unknown>) => scene.t(k, v);
  const g = scene.add.graphics();
  const pad = 12;
  const trendW = 140 * scale;
  const textW = w - pad * 2 - trendW - 8;
  const title = scene.text(x + pad + 6, y + pad, name, { size: Math.round(19 * scale), bold: true, width: textW }).setDepth(1);
  const practice = p.polarity === 'practice';
  const severities = (['grave', 'serious', 'minor'] as const).filter((s) => p.severity[s] > 0).map((s) => `${t(`severity.${s}`)} ${p.severity[s]}`);
  const good = t(practice ? 'progress.practised' : 'progress.avoided', { n: p.honoured });
  const bad = t(practice ? 'progress.missed' : 'progress.committed', { n: p.broken }) + (severities.length ? ` (${severities.join(t('list'))})` : '');
  const detail = `${t(`categories.${p.category}`)}\n✓ ${good}   ✗ ${bad}`;
  const info = scene.text(x + pad + 6, title.y + title.height + 2, detail, { size: Math.round(16 * scale), color: COLORS.inkSoft, width: textW }).setDepth(1);
  const barY = info.y + info.height + 6;
  const barW = textW;
  const total = p.honoured + p.broken;
  const trendKey = p.trend ?? 'none';
  // The trend as a drawn arrow (a text per row would cost a texture each), its word below.
  const cx = x + w - pad - trendW / 2;
  const arrow = 12 * scale;
  const arrowY = y + pad + arrow;
  const word = scene.text(cx, arrowY + arrow + 6, t(`progress.trend.${trendKey}`), { size: Math.round(15 * scale), color: COLORS.inkSoft, align: 'center', width: trendW }).setOrigin(0.5, 0);
  const height = Math.max(barY + 10, word.y + word.height) + pad - y;
  g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, w, height, 12);
  const accent = p.recent >= 0.8 ? COLORS.goodFill : p.recent >= 0.5 ? COLORS.warnFill : COLORS.badFill;
  g.fillStyle(accent, 1).fillRoundedRect(x, y, 6, height, { tl: 12, bl: 12, tr: 0, br: 0 });
  g.fillStyle(COLORS.badFill, 1).fillRoundedRect(x + pad + 6, barY, barW, 8, 4);
  if (p.honoured) g.fillStyle(COLORS.goodFill, 1).fillRoundedRect(x + pad + 6, barY, Math.max(8, (barW * p.honoured) / total), 8, 4);
  drawTrend(g, p.trend, cx, arrowY, arrow);
  return { height, spoken: `${name} (${t(`categories.${p.category}`)}): ${good}, ${bad}; ${t(`progress.trend.${trendKey}`)}` };
}

/** ↑ a triangle up, ↓ down; steady a level "=" (a right-pointing triangle read as "play"); a short dash with too few plays to tell. */
function drawTrend(g: Phaser.GameObjects.Graphics, trend: Trend, cx: number, cy: number, r: number): void {
  g.fillStyle(TREND_FILL[trend ?? 'none'], 1);
  if (trend === 'up') g.fillTriangle(cx - r, cy + r * 0.7, cx + r, cy + r * 0.7, cx, cy - r);
  else if (trend === 'down') g.fillTriangle(cx - r, cy - r * 0.7, cx + r, cy - r * 0.7, cx, cy + r);
  else if (trend === 'steady') g.fillRect(cx - r, cy - r * 0.45, r * 2, r * 0.35).fillRect(cx - r, cy + r * 0.1, r * 2, r * 0.35);
  else g.fillRect(cx - r * 0.6, cy - 2, r * 1.2, 4);
}
