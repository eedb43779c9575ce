/**
 * Two layouts: landscape for desktops and projectors (1280 wide), portrait for phones (720
 * wide). The width is fixed; the height follows the screen's shape within a range, so the
 * canvas fills the screen instead of leaving bands above and below (scenes lay out from the
 * top and from `scale.height`, never from a fixed bottom).
 */
export const LANDSCAPE = { width: 1280, minHeight: 720, maxHeight: 960 } as const;
export const PORTRAIT = { width: 720, minHeight: 1280, maxHeight: 1600 } as const;

export function sizeFor(w: number, h: number): { width: number; height: number } {
  const l = h > w * 1.05 ? PORTRAIT : LANDSCAPE;
  const tall = w > 0 && h > 0 ? Math.round((l.width * h) / w / 2) * 2 : l.minHeight;
  return { width: l.width, height: Math.min(l.maxHeight, Math.max(l.minHeight, tall)) };
}

/**
 * The least height of a control on a phone, in canvas pixels: the portrait canvas (720 wide) is
 * drawn at about 0.54 on a 390-pixel screen, so 84 is 45 CSS pixels, a finger's width.
 */
export const PHONE_MIN_TARGET = 84;

export function isPortrait(scene: { scale: { width: number; height: number } }): boolean {
  return scene.scale.height > scene.scale.width;
}

/** A new layout (portrait ↔ landscape), or the same one at a height a tenth or more away. */
export function relayoutNeeded(now: { width: number; height: number }, next: { width: number; height: number }): boolean {
  if (next.width !== now.width) return true;
  return Math.abs(next.height - now.height) >= now.height * 0.1;
}
