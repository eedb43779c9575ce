/**
 * A card that sets its text smaller until it fits: `build` lays the card out at a scale
 * (into a fresh container) and returns how far down it reached; the first scale at which it
 * ends above `bottom` is kept, else the smallest.
 */
import type Phaser from 'phaser';
import type { BaseScene } from '../scenes/BaseScene.js';

export interface FittedCard {
  card: Phaser.GameObjects.Container;
  /** Where the card's bottom edge ended up (before any move). */
  end: number;
  fits: boolean;
}

export function fitCard(scene: BaseScene, scales: readonly number[], bottom: number, build: (card: Phaser.GameObjects.Container, size: (n: number) => number) => number): FittedCard {
  let card: Phaser.GameObjects.Container | undefined;
  let end = 0;
  for (const scale of scales) {
    card?.destroy();
    card = scene.add.container(0, 0);
    end = build(card, (n) => Math.round(n * scale));
    if (end <= bottom) return { card, end, fits: true };
  }
  return { card: card!, end, fits: false };
}
