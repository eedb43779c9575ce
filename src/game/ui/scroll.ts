/** Vertical scrolling of a scene's camera by wheel, drag and keys, for content taller than the screen. */
import Phaser from 'phaser';
import { onKeys } from './keys.js';

export function enableScroll(scene: Phaser.Scene, contentBottom: number, onKey?: (clamp: (y: number) => number, e: KeyboardEvent) => void): void {
  const cam = scene.cameras.main;
  const max = Math.max(0, contentBottom - scene.scale.height);
  if (!max) return;
  const clamp = (y: number) => Phaser.Math.Clamp(y, 0, max);
  scene.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => (cam.scrollY = clamp(cam.scrollY + dy)));
  let from: number | null = null;
  scene.input.on('pointerdown', (p: Phaser.Input.Pointer) => (from = p.y + cam.scrollY));
  scene.input.on('pointermove', (p: Phaser.Input.Pointer) => {
    if (from !== null && p.isDown) cam.scrollY = clamp(from - p.y);
  });
  scene.input.on('pointerup', () => (from = null));
  onKeys(scene, (e) => {
    const page = scene.scale.height * 0.8;
    if (e.key === 'PageDown') cam.scrollY = clamp(cam.scrollY + page);
    else if (e.key === 'PageUp') cam.scrollY = clamp(cam.scrollY - page);
    else if (e.key === 'Home') cam.scrollY = 0;
    else if (e.key === 'End') cam.scrollY = max;
    else onKey?.(clamp, e);
  });
}
