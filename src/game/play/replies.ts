/**
 * The replies on offer, as numbered buttons under the customer's line. Long lines and long
 * replies step the text down until the list fits on screen.
 */
import { pick, type Locale } from '../../engine/text.js';
import type { Choice } from '../../engine/scenario/model.js';
import type { Button } from '../ui/button.js';
import type { BaseScene } from '../scenes/BaseScene.js';

/** The replies' text sizes, largest first: the first at which the list fits is used. */
export const replySizes = (portrait: boolean): readonly number[] => (portrait ? [24, 21, 18, 16] : [20, 18, 16, 15, 14]);

/** The replies laid out, and the text size they took (the last of replySizes when none fits). */
export function layReplies(scene: BaseScene, offered: readonly Choice[], locale: Locale, box: { x: number; top: number; w: number; bottom: number }, onPick: (i: number) => void): { buttons: Button[]; size: number } {
  let buttons: Button[] = [];
  let took = 0;
  for (const size of replySizes(scene.portrait)) {
    took = size;
    buttons.forEach((b) => b.destroy());
    let y = box.top;
    buttons = offered.map((c, i) => {
      const b = scene.button(box.x, 0, pick(c.text, locale), { width: box.w, height: size + 26, size, align: 'left', badge: String(i + 1), variant: 'choice' }, () => onPick(i));
      b.setY(y + b.h / 2);
      y += b.h + (size > 18 ? 12 : 8);
      return b;
    });
    if (y <= box.bottom) break;
  }
  return { buttons, size: took };
}
