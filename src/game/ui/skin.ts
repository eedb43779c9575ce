/**
 * Panels, buttons and bars drawn once into small textures and stretched as nine-slices.
 * A Graphics object is re-tessellated and drawn on its own every frame; a nine-slice is a few
 * textured quads that batch with text and images, which matters on machines without a GPU.
 */
import type Phaser from 'phaser';
import { COLORS } from './theme.js';

const SIZE = 64;
const R = 12;
/** Margin kept around the shape for the focus ring. */
export const RING = 6;

type Draw = (g: Phaser.GameObjects.Graphics) => void;

function ensure(scene: Phaser.Scene, key: string, draw: Draw): string {
  if (!scene.textures.exists(key)) {
    const g = scene.make.graphics({}, false);
    draw(g);
    g.generateTexture(key, SIZE, SIZE);
    g.destroy();
  }
  return key;
}

export type Variant = 'primary' | 'secondary' | 'choice' | 'ghost';

/** A button's background in one state, ring margin included. */
export function buttonSkin(scene: Phaser.Scene, variant: Variant, hover: boolean, focus: boolean): string {
  return ensure(scene, `skin-btn-${variant}-${hover ? 'h' : 'n'}-${focus ? 'f' : 'n'}`, (g) => {
    const inner = SIZE - 2 * RING;
    if (focus) g.lineStyle(4, COLORS.focus, 1).strokeRoundedRect(2, 2, SIZE - 4, SIZE - 4, R + 4);
    if (variant === 'primary') {
      g.fillStyle(COLORS.accent, 1).fillRoundedRect(RING, RING, inner, inner, R);
      if (hover) g.fillStyle(0xffffff, 0.12).fillRoundedRect(RING, RING, inner, inner, R);
      return;
    }
    g.fillStyle(variant === 'ghost' ? 0xffffff : COLORS.panel, variant === 'ghost' ? (hover ? 0.25 : 0.12) : 1).fillRoundedRect(RING, RING, inner, inner, R);
    g.lineStyle(2, hover || focus ? COLORS.accent : 0xc9ced6, 1).strokeRoundedRect(RING + 1, RING + 1, inner - 2, inner - 2, R);
  });
}

/** A plain rounded rectangle in one colour (tint it for others). */
export function roundSkin(scene: Phaser.Scene, colour: number, alpha = 1, radius = R): string {
  return ensure(scene, `skin-round-${colour.toString(16)}-${alpha}-${radius}`, (g) => g.fillStyle(colour, alpha).fillRoundedRect(0, 0, SIZE, SIZE, radius));
}

/** Stretch a skin to w × h; `corner` is how much of each edge keeps its shape. */
export function slice(scene: Phaser.Scene, x: number, y: number, key: string, w: number, h: number, corner = R + RING): Phaser.GameObjects.NineSlice {
  const c = Math.min(corner, Math.floor(Math.min(w, h) / 2));
  return scene.add.nineslice(x, y, key, undefined, w, h, c, c, c, c);
}
