/** What every scene shares: i18n, audio, saved progress, the scenario library, accessibility. */
import type { i18n } from 'i18next';
import type Phaser from 'phaser';
import type { Locale } from '../engine/text.js';
import type { Audio } from '../platform/audio.js';
import type { ImportResult, Library } from '../platform/library.js';
import type { Progress } from '../platform/storage.js';
import type { LiveRegion } from './a11y.js';
import type { Undo } from './myScenarios.js';
import type { StageLayer } from './stage/layer.js';

export interface Services {
  i18n: i18n;
  audio: Audio;
  progress: Progress;
  live: LiveRegion;
  reducedMotion: boolean;
  /** The library loads lazily, once. */
  library(): Promise<Library>;
  /** Check a scenario file a trainer opened; keep it (in saved progress too) when it is valid. */
  importText(name: string, text: string, bytes: number): Promise<ImportResult & { replaced?: string }>;
  removeImported(id: string): Promise<void>;
  /** The last removal or replacement of one of My scenarios, if it can be undone. */
  undo(): Undo | null;
  undoLast(): Promise<void>;
  /** Stop watching a trainer's file for saves (it was removed). */
  forgetFile(id: string): void;
  /** Show the file picker for a scenario file. */
  openFile(): void;
  /** Emits 'library' when scenarios were added, removed or changed. */
  events: Phaser.Events.EventEmitter;
  locale(): Locale;
  setLocale(l: Locale): Promise<void>;
  /**
   * The scene's backdrop, drawn by the page behind a transparent canvas: a static picture
   * costs nothing per frame there, where in WebGL it would be redrawn every frame.
   */
  backdrop(b: Backdrop): void;
  /** The page layer between the backdrop and the canvas (see stage/layer.ts). */
  stage: StageLayer;
  /** The page layer over the canvas, for page controls on the play screen (the own-words text box). */
  overlay: StageLayer;
  /** Read-only state for tests and tooling (window.dojo). */
  report(patch: Partial<DojoSnapshot>): void;
}

export interface DojoSnapshot {
  scene: string;
  /** In the play scene: what the trainee is looking at. */
  phase?: 'loading' | 'intro' | 'line' | 'choosing' | 'coaching' | 'ending';
  /**
   * In the play scene: answering in my own words (`on`), and the text box when it is on screen: its text,
   * an input method composing, keyboard focus in it, Send waiting for the judge, the message under it, the
   * customer's line asking again over it, and how many tries at this node the customer did not follow.
   */
  ownWords?: { on: boolean; box: { text: string; composing: boolean; focused: boolean; busy: boolean; message: string; asked: string; askedAgain: number } | null };
  /** In the play scene: a turn being tried again (practice, not scored). */
  practice?: boolean;
  scenario: string | null;
  node: string | null;
  choices: string[];
  /** A progress bar on screen: the share loaded so far (0–1). */
  loading?: number;
  /** The label of the item with keyboard focus. */
  focus?: string;
  focusIndex?: number;
  /** Enter or Space pressed while replies were held back (just shown): lit, not picked. */
  heldPresses?: number;
  /** `character`: the drawn character shown; `channel`: in person, or on the phone (in a call frame). */
  customer: { type: string; character: string; channel: string; state: string; expression: string; meters: Record<string, number> } | null;
  score: { decisions: number; turns: number } | null;
  outcome: string | null;
  /** A message on screen (e.g. the problems of a file that did not load). */
  message?: { title: string; lines: string[] };
  /** The trainer's "Export for LMS" dialog: the options chosen and how the package is coming along. */
  export?: { scenario: string; pass: number; locale: string; state: 'options' | 'building' | 'saved' | 'failed'; done?: number; total?: number; file?: string; bytes?: number; error?: string };
  /** The conversation so far, while it is open: "who: what was said", oldest first. */
  history?: string[];
  /** The debrief's figures once a scenario has ended. */
  debrief?: {
    overall: number;
    grade: string;
    decisions: number;
    outcome: string;
    quadrant: string | null;
    categories: Record<string, number | null>;
    path: number[];
  };
  locale: Locale;
  notice: string | null;
  ready: boolean;
}

export interface Backdrop {
  image?: string;
  /** 0–1: how much to darken the picture. */
  dim?: number;
  color?: string;
}

export const SERVICES = 'services';

export function services(scene: Phaser.Scene): Services {
  return scene.registry.get(SERVICES) as Services;
}
