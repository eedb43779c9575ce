/**
 * The intro card before the first line: the title, the customer type, difficulty and setting,
 * the brief and who the customer is, and Begin. A long brief (English runs a third longer
 * than Chinese) sets the card's text smaller until the card and its Begin button fit below
 * the meters.
 */
import type Phaser from 'phaser';
import type { Scenario } from '../../engine/scenario/model.js';
import { pick, type Locale } from '../../engine/text.js';
import type { Button } from '../ui/button.js';
import { COLORS } from '../ui/theme.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { fitCard } from './card.js';

export function showIntro(scene: BaseScene, s: Scenario, locale: Locale, box: { x: number; y: number; w: number; bottom: number }, onBegin: () => void, textScale = 1, minTextSize = 0): { begin: Button; spoken: string[] } {
  const { x, y, w } = box;
  let begin!: Button;
  // Text no smaller than minTextSize (a phone's 14 CSS pixels) when the card fits so; a card that does not
  // (a long English brief) is fitted without the floor rather than push Begin off the screen.
  const build = (min: number) => fitCard(scene, [1, 0.92, 0.85, 0.78, 0.72, 0.66].map((k) => k * textScale), box.bottom, (c, size) => {
    const ts = (n: number) => Math.max(min, size(n));
    const bg = scene.add.graphics();
    c.add(bg);
    let yy = y + size(18);
    const add = (t: Phaser.GameObjects.Text, gap: number) => {
      c.add(t);
      yy += t.height + size(gap);
    };
    add(scene.text(x + 20, yy, pick(s.title, locale), { size: ts(26), bold: true, width: w - 40 }), 10);
    add(scene.text(x + 20, yy, `${scene.t(`types.${s.customer.type}`)} · ${'★'.repeat(s.difficulty)}${'☆'.repeat(3 - s.difficulty)} · ${scene.t(`settings.${s.setting}`)}`, { size: ts(18), color: COLORS.inkSoft }), 12);
    add(scene.text(x + 20, yy, pick(s.brief, locale), { size: ts(21), width: w - 40 }), 12);
    add(scene.text(x + 20, yy, `${pick(s.customer.name, locale)}: ${pick(s.customer.persona, locale)}`, { size: ts(19), width: w - 40, color: COLORS.inkSoft }), 18);
    begin = scene.button(x + w / 2, 0, scene.t('play.begin'), { width: 300, variant: 'primary', size: 24 }, () => {
      c.destroy();
      onBegin();
    });
    begin.setY(yy + begin.h / 2);
    c.add(begin);
    yy += begin.h + 18;
    bg.fillStyle(COLORS.panel, 0.98).fillRoundedRect(x, y, w, yy - y, 16);
    return yy;
  });
  const card = build(minTextSize);
  if (!card.fits && minTextSize) {
    card.card.destroy();
    build(0);
  }
  return { begin, spoken: [pick(s.title, locale), pick(s.brief, locale), pick(s.customer.persona, locale), begin.label.text] };
}
