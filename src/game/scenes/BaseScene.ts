/**
 * What every scene does the same way: reach the services, translate, report itself to
 * window.dojo, and rebuild when the language or the layout changes (scenes hold no state
 * of their own worth keeping: a rebuild is a restart with the same data).
 */
import Phaser from 'phaser';
import { isPortrait } from '../layout.js';
import type { Library } from '../../platform/library.js';
import { services, type DojoSnapshot, type Services } from '../services.js';
import { Button, type ButtonOptions } from '../ui/button.js';
import { makeText, type TextOptions } from '../ui/text.js';

/** The picture behind the title and the scenario list. */
export const TITLE_SETTING = 'service-counter';

export abstract class BaseScene<D extends object = object> extends Phaser.Scene {
  protected args!: D;

  get svc(): Services {
    return services(this);
  }

  get portrait(): boolean {
    return isPortrait(this);
  }

  get w(): number {
    return this.scale.width;
  }

  get h(): number {
    return this.scale.height;
  }

  t(key: string, opts?: Record<string, unknown>): string {
    return this.svc.i18n.t(key, opts);
  }

  /** Counts starts: an async callback from an earlier start of this (singleton) scene must do nothing. */
  private generation = 0;

  /** A check that this start of the scene is still the running one (for async callbacks). */
  thisStart(): () => boolean {
    const gen = this.generation;
    return () => gen === this.generation && (this.sys.isActive() || this.sys.isPaused());
  }

  /**
   * Run `then` for this start of the scene: now, or — if an overlay (a message, the pause
   * menu) has paused the scene — once it resumes, so nothing is built or spoken behind it.
   */
  whenRunning(here: () => boolean, then: () => void): void {
    if (!here()) return;
    if (this.sys.isPaused()) this.events.once(Phaser.Scenes.Events.RESUME, () => this.whenRunning(here, then));
    else then();
  }

  /** The library, for this start of the scene only (a restart in between drops the callback). */
  withLibrary(then: (lib: Library) => void): void {
    const here = this.thisStart();
    void this.svc.library().then((lib) => this.whenRunning(here, () => then(lib)));
  }

  /** What this scene has told window.dojo, re-told when the scene resumes from an overlay. */
  private published: Partial<DojoSnapshot> = {};

  /** What this scene had said when an overlay covered it: said again when the overlay closes. */
  private covered: string[] = [];

  /** Tell the screen reader: now, or (under an overlay) once the overlay closes. */
  sayOrKeep(lines: string[]): void {
    if (this.sys.isPaused()) this.covered = [...lines];
    else this.svc.live.say(lines);
  }

  publish(patch: Partial<DojoSnapshot>): void {
    Object.assign(this.published, patch);
    this.svc.report(patch);
  }

  init(data: D): void {
    this.args = data ?? ({} as D);
    this.published = {};
    this.publish({ scene: this.scene.key, phase: undefined, practice: undefined, ownWords: undefined, choices: [], focus: undefined, focusIndex: undefined, loading: undefined });
    // Re-tell window.dojo what is on screen after an overlay closes, unless a rebuild is due; and the screen
    // reader what this scene last said (the overlay's words — a guide step, the pause menu — are gone with it).
    let rebuildDue = false;
    this.covered = [];
    const paused = () => {
      this.covered = this.svc.live.lines;
    };
    const resumed = () => {
      if (rebuildDue) return;
      this.svc.report({ ...this.published, scene: this.scene.key });
      this.svc.live.say(this.covered);
    };
    this.events.on(Phaser.Scenes.Events.PAUSE, paused);
    this.events.on(Phaser.Scenes.Events.RESUME, resumed);
    const restart = () => {
      if (this.scene.isPaused()) {
        if (!rebuildDue) this.events.once(Phaser.Scenes.Events.RESUME, restart);
        rebuildDue = true;
      } else this.scene.restart(this.restartData());
    };
    const onLang = () => (this.scene.isPaused() ? restart() : this.time.delayedCall(0, restart));
    this.events.on('relayout', restart);
    this.svc.i18n.on('languageChanged', onLang);
    this.generation++;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(Phaser.Scenes.Events.RESUME, restart);
      this.events.off(Phaser.Scenes.Events.PAUSE, paused);
      this.events.off(Phaser.Scenes.Events.RESUME, resumed);
      this.events.off('relayout', restart);
      this.svc.i18n.off('languageChanged', onLang);
    });
  }

  /** The data to restart with after a language or layout change (a scene may save progress into it). */
  protected restartData(): D {
    return this.args;
  }

  text(x: number, y: number, s: string, o?: TextOptions): Phaser.GameObjects.Text {
    return makeText(this, x, y, s, o);
  }

  button(x: number, y: number, label: string, opts: ButtonOptions, onClick: () => void): Button {
    return new Button(this, x, y, label, opts, () => {
      this.svc.audio.play('ui-click');
      onClick();
    });
  }

  /** The setting's picture (or a plain colour) behind the scene, dimmed for legible text. */
  backdrop(setting: string | null, dim = 0.25, color?: string): void {
    this.svc.backdrop({ ...(setting ? { image: `backgrounds/${setting}.svg` } : {}), dim, ...(color ? { color } : {}) });
  }

  fadeTo(key: string, data?: object): void {
    if (this.svc.reducedMotion) {
      this.scene.start(key, data);
      return;
    }
    this.cameras.main.fadeOut(180, 29, 36, 51);
    this.cameras.main.once(Phaser.Cameras.Scene2D.Events.FADE_OUT_COMPLETE, () => this.scene.start(key, data));
  }

  fadeIn(): void {
    if (!this.svc.reducedMotion) this.cameras.main.fadeIn(180, 29, 36, 51);
  }
}
