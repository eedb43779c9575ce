/**
 * The game's side of the page's own title (src/title/): find it while it is still on screen,
 * know when the canvas has drawn a scene, and act on a press the trainee made there.
 */
import Phaser from 'phaser';
import type { Save } from '../platform/storage.js';
import { PAGE_TITLE, type AfterDraw, type TitleHandover, type TitlePress } from '../title/handover.js';

/** The page's title, while it is still on screen. */
export function pageTitle(scene: Phaser.Scene): TitleHandover | undefined {
  const p = scene.registry.get(PAGE_TITLE) as TitleHandover | undefined;
  return p?.showing ? p : undefined;
}

/** Calls back after the canvas has drawn a frame with scene `key` running. */
export function afterDrawing(game: Phaser.Game, key: string): AfterDraw {
  return (then) => {
    const check = () => {
      if (game.scene.isActive(key)) then();
      else game.events.once(Phaser.Core.Events.POST_RENDER, check);
    };
    game.events.once(Phaser.Core.Events.POST_RENDER, check);
  };
}

/** What Continue opens: the game under way, where it was left. */
export function resumeData(resume: NonNullable<Save['resume']>): object {
  return { scenario: resume.scenario, seed: resume.seed, snapshot: resume.snapshot, coaching: resume.coaching ?? false };
}

/**
 * Go where a press on the page's title leads (Start: the scenario list; Continue: the game
 * under way), the page's title fading out as the game's title would have.
 */
export function followPress(scene: Phaser.Scene, page: TitleHandover, press: TitlePress, resume: Save['resume']): void {
  const [key, data] = press === 'continue' && resume ? ['Play', resumeData(resume)] : ['Select', undefined];
  page.leave(() => scene.scene.start(key, data), afterDrawing(scene.game, key));
}
