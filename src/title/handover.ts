/**
 * What the game asks of the page's own title (pageTitle.ts), which shows while Phaser and the
 * art load behind it. The game finds it in its registry under PAGE_TITLE.
 */
import type { Locale } from '../engine/text.js';
import type { TitleItemKey } from '../game/titleLayout.js';

export const PAGE_TITLE = 'pageTitle';

/** A press on the page's title that leaves it: what the trainee came for. */
export type TitlePress = 'start' | 'continue';

/** The settings as the trainee left them on the page's title. */
export interface TitleSettings {
  locale: Locale;
  muted: boolean;
  volume: number;
}

/** Where changes made on the page's title go once the game is running. */
export interface TitleSink {
  settings(s: TitleSettings): void;
}

/** Calls back once, after the canvas next draws. */
export type AfterDraw = (then: () => void) => void;

export interface TitleHandover {
  /** Still on screen (not yet handed over). */
  readonly showing: boolean;
  /** The item with focus there. */
  readonly focused: TitleItemKey;
  readonly settings: TitleSettings;
  /** The press to act on, if the trainee made one there; taken once. */
  take(): TitlePress | null;
  /** Changes made on the page's title from now on (and at once the current settings) go to the game. */
  connect(sink: TitleSink): void;
  /**
   * The game's own title is built beneath, the same to the pixel: the page's stops taking
   * input at once and leaves after the canvas has drawn (a short fade, none with reduced motion).
   */
  handOver(afterDraw: AfterDraw): void;
  /**
   * Act on a press: the page's title fades to the game's fade colour (as the game's title
   * does when left), `then` starts the next scene, and the page's title goes after the canvas has drawn it.
   */
  leave(then: () => void, afterDraw: AfterDraw): void;
  /** Gone at once (the game could not start). */
  remove(): void;
}
