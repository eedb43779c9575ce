/**
 * The intro card before the first line: the title, the customer type, difficulty and setting,
 * the brief and who the customer is, and how to answer: picking replies, or in my own words (the
 * choice last made is the primary button, first in focus; it is saved). A long brief (English runs a third longer
 * than Chinese) sets the card's text smaller until the card and its Begin button fit below
 * the meters.
 */
import type { Scenario } from '../../engine/scenario/model.js';
import { pick, type Locale } from '../../engine/text.js';
import { Button } from '../ui/button.js';
import { textHeight, type TextOptions } from '../ui/text.js';
import { COLORS } from '../ui/theme.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { fitCard } from './card.js';

export interface IntroChoice {
  /** The trainee answers in their own words (else by picking replies); what they chose last. */
  ownWords: boolean;
  onBegin: (ownWords: boolean) => void;
}

export function showIntro(scene: BaseScene, s: Scenario, locale: Locale, box: { x: number; y: number; w: number; bottom: number }, how: IntroChoice, textScale = 1, minTextSize = 0): { buttons: Button[]; spoken: string[] } {
  const { x, y, w } = box;
  let buttons: Button[] = [];
  // Text no smaller than minTextSize (a phone's 14 CSS pixels) when the card fits so; a card that does not
  // (a long English brief) is fitted without the floor rather than push Begin off the screen.
  const build = (min: number) => fitCard(scene, [1, 0.92, 0.85, 0.78, 0.72, 0.66].map((k) => k * textScale), box.bottom, (c, size) => {
    const ts = (n: number) => Math.max(min, size(n));
    // No container: only measured (play/card.ts).
    const bg = c ? scene.add.graphics() : null;
    if (bg) c!.add(bg);
    let yy = y + size(18);
    let known = true;
    const add = (text: string, o: TextOptions, gap: number) => {
      let h: number | null;
      if (c) {
        const t = scene.text(x + 20, yy, text, o);
        c.add(t);
        h = t.height;
      } else h = textHeight(text, o);
      if (h === null) known = false;
      yy += (h ?? 0) + size(gap);
    };
    add(pick(s.title, locale), { size: ts(26), bold: true, width: w - 40 }, 10);
    add(`${scene.t(`types.${s.customer.type}`)} · ${'★'.repeat(s.difficulty)}${'☆'.repeat(3 - s.difficulty)} · ${scene.t(`settings.${s.setting}`)}`, { size: ts(18), color: COLORS.inkSoft }, 12);
    add(pick(s.brief, locale), { size: ts(21), width: w - 40 }, 12);
    add(`${pick(s.customer.name, locale)}: ${pick(s.customer.persona, locale)}`, { size: ts(19), width: w - 40, color: COLORS.inkSoft }, 18);
    add(scene.t('play.howToAnswer'), { size: ts(19), bold: true, width: w - 40 }, 10);
    const bw = Math.min(300, (w - 60) / 2);
    const label = (own: boolean) => scene.t(own ? 'play.beginOwnWords' : 'play.beginPick');
    const opts = (own: boolean) => ({ width: bw, variant: own === how.ownWords ? ('primary' as const) : ('secondary' as const), size: Math.max(min, size(22)) });
    if (!c) {
      const hs = [false, true].map((own) => Button.heightFor(scene, label(own), opts(own)));
      if (!known || hs.some((h) => h === null)) return null;
      return yy + Math.max(...(hs as number[])) + 18;
    }
    buttons = [false, true].map((own) =>
      scene.button(0, 0, label(own), opts(own), () => {
        c.destroy();
        how.onBegin(own);
      }),
    );
    buttons.forEach((b, i) => {
      b.setPosition(x + w / 2 + (i === 0 ? -1 : 1) * (bw / 2 + 10), yy + b.h / 2);
      c.add(b);
    });
    yy += Math.max(...buttons.map((b) => b.h)) + 18;
    bg!.fillStyle(COLORS.panel, 1).fillRoundedRect(x, y, w, yy - y, 16);
    return yy;
  });
  const card = build(minTextSize);
  if (!card.fits && minTextSize) {
    card.card.destroy();
    build(0);
  }
  // The choice made last comes first in focus (Enter begins as before).
  if (how.ownWords) buttons.reverse();
  return { buttons, spoken: [pick(s.title, locale), pick(s.brief, locale), pick(s.customer.persona, locale), scene.t('play.howToAnswer'), ...buttons.map((b) => b.label.text)] };
}
