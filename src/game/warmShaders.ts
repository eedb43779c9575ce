/**
 * Phaser compiles its sprite and text shader once for each number of textures a draw batches
 * (1, 2, … up to the renderer's limit), the first time a screen needs that number. The coaching
 * card was the first screen to batch three and four textures: two shaders compiled in the first
 * frame after a reply (40 ms and more in software WebGL, on top of drawing the card). Here they
 * are compiled ahead, one per idle moment, while the trainee is on the scenario list.
 */
import Phaser from 'phaser';

interface QuadBatch {
  maxTexturesPerBatch: number;
  finalizeTextureCount(count: number): void;
  programManager: { getCurrentProgramSuite(): unknown; currentConfig: { additions: unknown[] } };
}

const warmed = new WeakSet<Phaser.Game>();

/** Once per game; nothing without WebGL or where idle callbacks are missing. */
export function warmShaders(game: Phaser.Game): void {
  const renderer = game.renderer;
  if (warmed.has(game) || !(renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer) || typeof requestIdleCallback !== 'function') return;
  warmed.add(game);
  const quad = renderer.renderNodes.getNode('BatchHandlerQuad') as unknown as QuadBatch | null;
  if (!quad?.programManager) return;
  let count = 1;
  const next = () => {
    if ((game as unknown as { pendingDestroy: boolean }).pendingDestroy) return;
    // One compile per idle moment (the list is still: a frame it delays goes unseen).
    const pm = quad.programManager;
    // The batch's shader settings as they were: the next draw sets its own count anyway.
    const kept = pm.currentConfig.additions.slice();
    quad.finalizeTextureCount(count);
    // Null while a parallel compile is under way: asked again next time.
    if (pm.getCurrentProgramSuite()) count++;
    pm.currentConfig.additions.splice(0, Infinity, ...kept);
    if (count <= quad.maxTexturesPerBatch) requestIdleCallback(next, { timeout: 1000 });
  };
  requestIdleCallback(next, { timeout: 1000 });
}
