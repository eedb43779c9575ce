/** Two logical resolutions: landscape for desktops and projectors, portrait for phones. */
export const LANDSCAPE = { width: 1280, height: 720 } as const;
export const PORTRAIT = { width: 720, height: 1280 } as const;

export function sizeFor(w: number, h: number): { width: number; height: number } {
  return h > w * 1.05 ? PORTRAIT : LANDSCAPE;
}

export function isPortrait(scene: { scale: { width: number; height: number } }): boolean {
  return scene.scale.height > scene.scale.width;
}
