/**
 * What to work on next on the progress page: the weakest principle lately, why (how often it was
 * broken), the catalog's tip, and the scenario that trains it, with a button that starts it. With
 * nothing broken lately, a customer not yet mastered; with no plays at all, where to start.
 */
import type { ProgressReport, Suggestion } from '../../engine/progress/report.js';
import { pick } from '../../engine/text.js';
import type { Library } from '../../platform/library.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import type { Button } from '../ui/button.js';
import { COLORS } from '../ui/theme.js';

export interface SuggestionInput {
  report: ProgressReport;
  suggestion: Suggestion;
  lib: Library;
  name: (id: string) => string;
  /** Left, top and width of the card. */
  box: { x: number; y: number; w: number };
  scale: number;
  onPlay: (scenario: string) => void;
}

/** The card, or null when the scenario is no longer in the library; `bottom` is where the card ends. */
export function drawSuggestion(scene: BaseScene, o: SuggestionInput): { button: Button; bottom: number; spoken: string[] } | null {
  const { report: r, suggestion: s, lib, box, scale: k } = o;
  const scenario = lib.find(s.scenario);
  if (!scenario) return null;
  const t = (key: string, v?: Record<string, unknown>) => scene.t(key, v);
  const locale = scene.svc.locale();
  const title = pick(scenario.title, locale);
  const p = s.principle ? r.principles.find((x) => x.id === s.principle) : undefined;
  const tip = p ? lib.catalog.get(p.id)?.tip : undefined;
  const head = p ? t('progress.next', { name: o.name(p.id) }) : r.plays ? t('progress.fresh') : t('progress.start');
  const lines = [
    ...(p ? [t(p.polarity === 'practice' ? 'progress.whyPractice' : 'progress.whyViolation', { broken: p.broken, count: p.honoured + p.broken })] : []),
    ...(tip ? [t('progress.tip', { tip: pick(tip, locale) })] : []),
    p ? t('progress.trains', { title }) : r.plays ? t('progress.freshWhy', { title }) : t('progress.startWhy', { title }),
    ...(r.plays ? [s.best === null ? t('progress.notPlayed') : t('progress.bestSoFar', { n: s.best })] : []),
  ];
  const { x, y, w } = box;
  // Landscape: the button at the right of the text; portrait: below it, full width.
  const wide = !scene.portrait;
  const bw = wide ? 360 : w - 40;
  const textW = wide ? w - bw - 72 : w - 40;
  const g = scene.add.graphics();
  let ty = y + 16;
  ty += scene.text(x + 26, ty, head, { size: Math.round(22 * k), bold: true, width: textW }).setDepth(1).height + 6;
  ty += scene.text(x + 26, ty, lines.join('\n'), { size: Math.round(18 * k), width: textW, color: COLORS.ink }).setDepth(1).height;
  const button = scene.button(0, 0, t('progress.play', { title }), { width: bw, size: Math.round(20 * k), variant: 'primary' }, () => o.onPlay(s.scenario));
  let bottom: number;
  if (wide) {
    bottom = Math.max(ty, y + 16 + button.h) + 16;
    button.setPosition(x + w - 20 - bw / 2, (y + bottom) / 2);
  } else {
    button.setPosition(x + w / 2, ty + 16 + button.h / 2);
    bottom = ty + 16 + button.h + 20;
  }
  g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, w, bottom - y, 14);
  g.fillStyle(COLORS.accent, 1).fillRoundedRect(x, y, 8, bottom - y, { tl: 14, bl: 14, tr: 0, br: 0 });
  return { button, bottom, spoken: [head, ...lines, button.label.text] };
}
