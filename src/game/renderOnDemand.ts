/**
 * Draw a frame only when something on screen changed. Most of a dialogue is still (a line
 * shown, replies waiting), yet Phaser redraws and the browser recomposites the whole canvas
 * every frame — on software WebGL that alone costs more than a frame's budget. Updates
 * (input, tweens, timers) still run every frame; after them, a cheap fingerprint of what
 * each visible scene shows — positions, sizes, alpha, textures, text, drawing commands,
 * cameras — decides whether to render. An undrawn frame leaves the last picture on screen.
 * What changes most often in a dialogue (the line typing out, the meters, the face) is not
 * on the canvas at all but on the page stage under it (stage/layer.ts).
 */
import Phaser from 'phaser';

type Obj = Phaser.GameObjects.GameObject & Record<string, unknown>;

/**
 * Frames drawn after any change, the changed one included (ten at start). One: the frame that
 * changed. Each drawn frame costs a read-back of the whole canvas in software WebGL (20–40 ms on
 * the 2-core machine, more when it is busy); a second, identical one only doubled that.
 */
const SETTLE_FRAMES = 1;
/**
 * Draw at least this often anyway, in case a change escapes the fingerprint. Not every half
 * second: on a still screen those draws were most of what a dialogue turn drew.
 */
const MAX_STILL_MS = 2000;

class Fingerprint {
  h = 0x811c9dc5;
  /** Visible objects and cameras that paint something: none, and the frame would be empty. */
  shown = 0;

  num(v: unknown): void {
    const n = typeof v === 'number' ? (Number.isFinite(v) ? Math.round(v * 64) : 7) : typeof v === 'boolean' ? (v ? 1 : 2) : 3;
    this.h = Math.imul(this.h ^ n, 0x01000193);
  }

  str(s: string): void {
    this.num(s.length);
    for (let i = 0; i < s.length; i++) this.h = Math.imul(this.h ^ s.charCodeAt(i), 0x01000193);
  }
}

/** Colour and tint fields of images and shapes. */
const SHAPE_KEYS = ['tintTopLeft', 'tintBottomRight', 'fillColor', 'fillAlpha', 'strokeColor', 'strokeAlpha', 'lineWidth'] as const;

function visit(f: Fingerprint, o: Obj): void {
  const g = o as unknown as Phaser.GameObjects.Components.Transform &
    Phaser.GameObjects.Components.Visible &
    Phaser.GameObjects.Components.Alpha &
    Phaser.GameObjects.Components.Depth & { width?: number; height?: number; originX?: number; originY?: number; scrollFactorX?: number };
  f.num(g.visible);
  if (!g.visible) return;
  f.shown++;
  f.num(g.x);
  f.num(g.y);
  f.num(g.scaleX);
  f.num(g.scaleY);
  f.num(g.rotation);
  f.num(g.alpha);
  f.num(g.depth);
  f.num(g.width);
  f.num(g.height);
  f.num(g.originX);
  f.num(g.originY);
  const frame = o['frame'] as Phaser.Textures.Frame | undefined;
  if (frame) {
    f.str(frame.texture.key);
    f.str(String(frame.name));
    f.num(frame.cutX);
    f.num(frame.cutWidth);
    f.num(frame.cutHeight);
  }
  for (const k of SHAPE_KEYS) if (typeof o[k] === 'number') f.num(o[k]);
  if (o instanceof Phaser.GameObjects.Text) {
    f.str(o.text);
    f.str(String(o.style.color));
    f.str(String(o.style.fontSize));
  }
  if (o instanceof Phaser.GameObjects.Graphics) {
    const cmds = (o as unknown as { commandBuffer: unknown[] }).commandBuffer;
    f.num(cmds.length);
    for (const c of cmds) f.num(c);
  }
  if (o instanceof Phaser.GameObjects.Container) {
    f.num(o.list.length);
    for (const child of o.list) visit(f, child as Obj);
  }
}

function fingerprint(game: Phaser.Game): Fingerprint {
  const f = new Fingerprint();
  f.num(game.scale.width);
  f.num(game.scale.height);
  for (const scene of game.scene.scenes) {
    const sys = scene.sys;
    if (!sys.settings.visible || !(sys.isActive() || sys.isPaused())) continue;
    f.str(sys.settings.key);
    for (const cam of sys.cameras.cameras) {
      f.num(cam.scrollX);
      f.num(cam.scrollY);
      f.num(cam.zoom);
      f.num(cam.alpha);
      f.num(cam.x);
      f.num(cam.y);
      f.num(cam.width);
      f.num(cam.height);
      f.num(cam.backgroundColor.color32);
      f.num(cam.fadeEffect.isRunning ? cam.fadeEffect.progress : cam.fadeEffect.isComplete ? 2 : 3);
      f.num(cam.flashEffect.isRunning ? cam.flashEffect.progress : 4);
      if (cam.backgroundColor.alpha > 0 || cam.fadeEffect.isRunning || cam.fadeEffect.isComplete || cam.flashEffect.isRunning) f.shown++;
    }
    const list = sys.displayList.list as Obj[];
    f.num(list.length);
    for (const o of list) visit(f, o);
  }
  return f;
}

export interface RenderStats {
  drawn: number;
  skipped: number;
}

/** Replace the game's step with one that renders only changed frames. */
export function renderOnDemand(game: Phaser.Game): RenderStats {
  const stats: RenderStats = { drawn: 0, skipped: 0 };
  let settle = 10;
  let last = 0;
  let lastDrawn = 0;
  // The canvas starts transparent: frames with nothing on it (Boot and Preload under the page's
  // own title) need no drawing until something shows, and an empty frame needs drawing only once.
  let drewEmpty = true;
  const g = game as Phaser.Game & { pendingDestroy: boolean; runDestroy(): void };
  game.step = function step(time: number, delta: number): void {
    if (g.pendingDestroy) return g.runDestroy();
    if (game.isPaused) return;
    const events = game.events;
    events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
    events.emit(Phaser.Core.Events.STEP, time, delta);
    game.scene.update(time, delta);
    events.emit(Phaser.Core.Events.POST_STEP, time, delta);
    const f = fingerprint(game);
    const empty = f.shown === 0;
    if (f.h !== last) {
      last = f.h;
      if (!(empty && drewEmpty)) settle = SETTLE_FRAMES;
    }
    if ((empty && drewEmpty) || (settle <= 0 && time - lastDrawn < MAX_STILL_MS)) {
      stats.skipped++;
      // The scene manager's render ends its processing state; without that, scene changes
      // asked for between frames (from key or file events) would wait for the next update.
      (game.scene as unknown as { isProcessing: boolean }).isProcessing = false;
      return;
    }
    settle--;
    lastDrawn = time;
    drewEmpty = empty;
    stats.drawn++;
    const renderer = game.renderer;
    renderer.preRender();
    events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
    game.scene.render(renderer);
    renderer.postRender();
    events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
  };
  return stats;
}
