/**
 * A card that sets its text smaller until it fits: `build` lays the card out at a scale
 * (into a fresh container) and returns how far down it reached; the first scale at which it
 * ends above `bottom` is kept, else the smallest.
 *
 * Each scale is first measured without being made (`build` with no container: no text drawn,
 * no texture uploaded; it returns null when it cannot tell), and only the scale kept is built:
 * a card that fits only at its smallest size used to be built five times over, in one frame.
 */
import type Phaser from 'phaser';
import type { BaseScene } from '../scenes/BaseScene.js';

export interface FittedCard {
  card: Phaser.GameObjects.Container;
  /** Where the card's bottom edge ended up (before any move). */
  end: number;
  fits: boolean;
}

/** Lays the card out into `card`, or only measures it when `card` is null (null: cannot tell). */
export type CardBuild = (card: Phaser.GameObjects.Container | null, size: (n: number) => number) => number | null;

export function fitCard(scene: BaseScene, scales: readonly number[], bottom: number, build: CardBuild): FittedCard {
  let card: Phaser.GameObjects.Container | undefined;
  let end = 0;
  for (const [i, scale] of scales.entries()) {
    const size = (n: number) => Math.round(n * scale);
    const measured = build(null, size);
    if (measured !== null && measured > bottom && i < scales.length - 1) continue;
    card?.destroy();
    card = scene.add.container(0, 0);
    end = build(card, size) ?? 0;
    if (end <= bottom) return { card, end, fits: true };
  }
  return { card: card!, end, fits: false };
}
