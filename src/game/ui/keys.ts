/**
 * Keyboard input straight from the page, not through Phaser's per-frame queue: a key is
 * handled once, by the scene that is running when it is pressed, and never by a scene that
 * started after it (the Enter that opens the debrief does not also press its first button).
 */
import Phaser from 'phaser';

/** Which scene took a key press: one press never acts in two scenes. */
const taken = new WeakMap<KeyboardEvent, Phaser.Scene>();

export function onKeys(scene: Phaser.Scene, handler: (e: KeyboardEvent) => void): void {
  const since = performance.now();
  const listener = (e: KeyboardEvent) => {
    const by = taken.get(e);
    if ((by && by !== scene) || e.timeStamp < since || !scene.scene.isActive()) return;
    taken.set(e, scene);
    handler(e);
  };
  window.addEventListener('keydown', listener);
  // Scenes are reused: whichever of these fires, both go, or the closures pile up start after start.
  const cleanup = () => {
    window.removeEventListener('keydown', listener);
    scene.events.off(Phaser.Scenes.Events.SHUTDOWN, cleanup);
    scene.events.off(Phaser.Scenes.Events.DESTROY, cleanup);
  };
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, cleanup);
  scene.events.once(Phaser.Scenes.Events.DESTROY, cleanup);
}
