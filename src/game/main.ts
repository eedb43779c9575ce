/** Create the game: services first (settings, language, audio), then Phaser with its scenes. */
import Phaser from 'phaser';
import type { Locale } from '../engine/text.js';
import { Audio } from '../platform/audio.js';
import { createI18n, detectLocale } from '../platform/i18n.js';
import type { Library } from '../platform/library.js';
import { Progress } from '../platform/storage.js';
import { LiveRegion } from './a11y.js';
import { sizeFor } from './layout.js';
import { BootScene } from './scenes/BootScene.js';
import { DebriefScene } from './scenes/DebriefScene.js';
import { PauseScene } from './scenes/PauseScene.js';
import { PlayScene } from './scenes/PlayScene.js';
import { PreloadScene } from './scenes/PreloadScene.js';
import { SelectScene } from './scenes/SelectScene.js';
import { TitleScene } from './scenes/TitleScene.js';
import { SERVICES, type DojoSnapshot, type Services } from './services.js';

export async function startGame(parent: HTMLElement): Promise<Phaser.Game> {
  const progress = new Progress(window.localStorage);
  const locale = detectLocale(progress.save.settings.locale, navigator.languages ?? [navigator.language]);
  const i18n = await createI18n(locale);
  const audio = new Audio('./audio/', progress.save.settings.muted, progress.save.settings.volume);
  audio.unlockOn(window);
  document.documentElement.lang = locale;

  let snapshot: DojoSnapshot = {
    scene: 'Boot',
    scenario: null,
    node: null,
    choices: [],
    customer: null,
    score: null,
    outcome: null,
    locale,
    notice: progress.notice,
    ready: false,
  };
  Object.defineProperty(window, 'dojo', {
    configurable: true,
    get: () => structuredClone(snapshot),
  });

  let library: Promise<Library> | undefined;
  const services: Services = {
    i18n,
    audio,
    progress,
    live: new LiveRegion(document),
    reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    library: () => (library ??= import('../platform/library.js').then((m) => m.loadLibrary())),
    locale: () => i18n.language as Locale,
    async setLocale(l) {
      await i18n.changeLanguage(l);
      document.documentElement.lang = l;
      progress.update((s) => (s.settings.locale = l));
      snapshot = { ...snapshot, locale: l };
    },
    backdrop({ image, dim = 0, color = '#1d2433' }) {
      const layers = [`linear-gradient(rgba(0,0,0,${dim}), rgba(0,0,0,${dim}))`, ...(image ? [`url("${image}") center / cover no-repeat`] : [])];
      parent.style.background = `${layers.join(', ')}, ${color}`;
    },
    report(patch) {
      snapshot = { ...snapshot, ...patch };
    },
  };

  const size = sizeFor(window.innerWidth, window.innerHeight);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: size.width,
    height: size.height,
    transparent: true,
    // No multisampling: textures and text are already smooth, and on software GL (no GPU) MSAA
    // nearly halves the frame rate. Texture smoothing (antialias) stays on.
    antialiasGL: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Keys come straight from the page (ui/keys.ts), not through Phaser's per-frame queue.
    input: { keyboard: false, touch: true, mouse: true },
    callbacks: { preBoot: (g) => g.registry.set(SERVICES, services) },
    scene: [BootScene, PreloadScene, TitleScene, SelectScene, PlayScene, PauseScene, DebriefScene],
  });

  // Turning a phone (or resizing a window past square) switches layout: resize and re-lay out.
  window.addEventListener('resize', () => {
    const next = sizeFor(window.innerWidth, window.innerHeight);
    if (next.width === game.scale.width) return;
    game.scale.setGameSize(next.width, next.height);
    for (const s of game.scene.getScenes(true)) s.events.emit('relayout');
  });
  return game;
}
