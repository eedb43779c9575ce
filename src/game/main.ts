/** Create the game: services first (settings, language, audio), then Phaser with its scenes. */
import Phaser from 'phaser';
import type { Problem } from '../engine/problems.js';
import { pick, type Locale } from '../engine/text.js';
import { Audio } from '../platform/audio.js';
import { createI18n, detectLocale } from '../platform/i18n.js';
import type { Library } from '../platform/library.js';
import { Progress } from '../platform/storage.js';
import { FileWatch, type WatchedHandle } from '../platform/fileWatch.js';
import { myScenarios } from './myScenarios.js';
import { LiveRegion } from './a11y.js';
import { currentControls } from './ui/focus.js';
import { fontFor, setTextLocale } from './ui/theme.js';
import { relayoutNeeded, sizeFor } from './layout.js';
import { renderOnDemand } from './renderOnDemand.js';
import { StageLayer } from './stage/layer.js';
import { BootScene } from './scenes/BootScene.js';
import { DebriefScene } from './scenes/DebriefScene.js';
import { GuideScene } from './scenes/GuideScene.js';
import { HistoryScene } from './scenes/HistoryScene.js';
import { MessageScene } from './scenes/MessageScene.js';
import { ExportScene } from './scenes/ExportScene.js';
import { PauseScene } from './scenes/PauseScene.js';
import { PlayScene } from './scenes/PlayScene.js';
import { PreloadScene } from './scenes/PreloadScene.js';
import { ProgressScene } from './scenes/ProgressScene.js';
import { SelectScene } from './scenes/SelectScene.js';
import { TitleScene } from './scenes/TitleScene.js';
import { SERVICES, type DojoSnapshot, type Services } from './services.js';
import { startXapiReporter } from '../platform/lms/xapiReport.js';
import { PAGE_TITLE, type TitleHandover } from '../title/handover.js';

/** Show a file's problems over the current scene; a message already showing is replaced. */
export function showProblems(game: Phaser.Game, title: string, problems: Problem[]): void {
  const message = game.scene.getScene('Message') as unknown as { args?: { from: string } };
  if (game.scene.isActive('Message') || game.scene.isPaused('Message')) {
    game.scene.start('Message', { from: message.args?.from ?? 'Select', title, problems });
    return;
  }
  const top = game.scene.getScenes(true).at(-1);
  if (!top) return;
  // Through the manager, at once (the plugin's pause waits for the next frame): the scene
  // below must not take a key pressed the moment the message appears.
  game.scene.pause(top.scene.key);
  game.scene.run('Message', { from: top.scene.key, title, problems });
}

/** Leave whatever is on screen and play a scenario from the start. */
function playNow(game: Phaser.Game, scenario: string, seed: number, skipIntro = false): void {
  // Through the scene manager, not each scene's plugin: a plugin's stop is queued and would
  // land after the new start.
  for (const s of game.scene.getScenes(false)) if (s.scene.key !== 'Play' && (s.sys.isActive() || s.sys.isPaused())) game.scene.stop(s.scene.key);
  game.scene.start('Play', { scenario, seed, skipIntro });
}

/**
 * "Open a scenario file…": the browser's file picker (with a handle, so the file is watched and
 * a save in the trainer's editor reloads it: platform/fileWatch.ts), else a plain file input;
 * and drag and drop anywhere on the page. A valid file is kept and played at once; one with
 * the id of another file opened before goes to the list, which says what it replaced (with
 * Undo); a broken one gets its located problems on screen.
 */
function wireFileImport(game: Phaser.Game, services: Services, parent: HTMLElement): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.yaml,.yml,text/yaml';
  input.id = 'scenario-file';
  input.className = 'visually-hidden';
  input.tabIndex = -1;
  document.body.appendChild(input);
  const watch = new FileWatch((id, name, text) => void changed(id, name, text));
  const open = async (file: File, handle?: WatchedHandle) => {
    const text = file.size > 1_000_000 ? '' : await file.text();
    const r = await services.importText(file.name, text, file.size);
    if (!r.scenario) {
      showProblems(game, `${services.i18n.t('import.failed')}: ${file.name}`, r.problems);
      return;
    }
    if (handle) watch.watch(r.scenario.id, handle, file);
    if (r.replaced) toList(game, services, r.scenario.id);
    else playNow(game, r.scenario.id, Date.now() % 100000);
  };
  // A watched file saved: the new version in the list, or in play from its start if it is being played.
  const changed = async (id: string, name: string, text: string) => {
    const r = await services.importText(name, text, text.length);
    if (!r.scenario) {
      showProblems(game, `${services.i18n.t('import.failed')}: ${name}`, r.problems);
      return;
    }
    watch.rekey(id, r.scenario.id);
    const said = services.i18n.t('select.reloaded', { file: name });
    services.live.say([said]);
    const current = (game.scene.getScene('Play') as unknown as { args?: { scenario?: string; seed?: number } }).args;
    const playing = game.scene.isActive('Play') || game.scene.isPaused('Play');
    if (playing && (current?.scenario === id || current?.scenario === r.scenario.id)) playNow(game, r.scenario.id, current.seed ?? 1, true);
    else services.events.emit('library', said);
  };
  services.forgetFile = (id) => watch.forget(id);
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    input.value = '';
    if (f) void open(f);
  });
  const picker = (window as unknown as { showOpenFilePicker?: (o: object) => Promise<(WatchedHandle & { kind: string })[]> }).showOpenFilePicker;
  services.openFile = () => {
    if (!picker) {
      input.click();
      return;
    }
    picker({ types: [{ description: 'Scenario (YAML)', accept: { 'text/yaml': ['.yaml', '.yml'] } }] }).then(
      async ([handle]) => {
        if (handle) await open(await handle.getFile(), handle);
      },
      // Cancelled, or the picker refused (an iframe, say): the plain input does the same job.
      (e: unknown) => {
        if ((e as { name?: string }).name !== 'AbortError') input.click();
      },
    );
  };
  parent.addEventListener('dragover', (e) => e.preventDefault());
  parent.addEventListener('drop', (e) => {
    e.preventDefault();
    const item = e.dataTransfer?.items?.[0] as (DataTransferItem & { getAsFileSystemHandle?: () => Promise<(WatchedHandle & { kind: string }) | null> }) | undefined;
    const f = e.dataTransfer?.files[0];
    if (!f) return;
    // The handle must be asked for during the drop event; the file is read after.
    const handle = item?.getAsFileSystemHandle?.().catch(() => null);
    void (handle ?? Promise.resolve(null)).then((h) => open(f, h?.kind === 'file' ? h : undefined));
  });
}

/** Back to the scenario list (rebuilt), its card for `id` focused. */
function toList(game: Phaser.Game, services: Services, id: string): void {
  if (game.scene.isActive('Select')) {
    services.events.emit('library');
    return;
  }
  for (const s of game.scene.getScenes(false)) if (s.scene.key !== 'Select' && (s.sys.isActive() || s.sys.isPaused())) game.scene.stop(s.scene.key);
  game.scene.start('Select', { focus: id });
}

/** Development: a bundled scenario file was saved. Play the new version, or show what is wrong with it. */
async function reloadScenario(game: Phaser.Game, services: Services, file: string, text: string): Promise<void> {
  const lib = await services.library();
  const r = await lib.replaceBundled(file, text);
  if (!r.scenario) {
    showProblems(game, `${services.i18n.t('import.failed')}: ${file}`, r.problems);
    return;
  }
  const playing = game.scene.isActive('Play') || game.scene.isPaused('Play');
  const current = (game.scene.getScene('Play') as unknown as { args?: { scenario?: string; seed?: number } }).args;
  if (playing && current?.scenario === r.scenario.id) playNow(game, r.scenario.id, current.seed ?? 1, true);
  else services.events.emit('library');
}

/**
 * Start the game in `parent`. `pageTitle` is the title the page drew while the game loaded
 * (src/title/): its settings are the trainee's, and the game takes over from it.
 */
export async function startGame(parent: HTMLElement, pageTitle?: TitleHandover): Promise<Phaser.Game> {
  const progress = new Progress(window.localStorage);
  const detected = detectLocale(progress.save.settings.locale, navigator.languages ?? [navigator.language]);
  const chosen = pageTitle?.settings;
  const locale = chosen?.locale ?? detected;
  const i18n = await createI18n(locale);
  const audio = new Audio('./audio/', chosen?.muted ?? progress.save.settings.muted, chosen?.volume ?? progress.save.settings.volume);
  audio.unlockOn(window);
  document.documentElement.lang = locale;
  setTextLocale(locale);

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
  const mine = myScenarios(
    () => services.library(),
    progress,
    (lib, id) => {
      const s = lib.find(id);
      return s ? pick(s.title, services.locale()) : id;
    },
    () => services.events.emit('library'),
  );
  const services: Services = {
    i18n,
    audio,
    progress,
    live: new LiveRegion(document),
    reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
    // Served by a Dojo server: the scenarios trainers shared there join the list.
    library: () =>
      (library ??= Promise.all([import('../platform/library.js'), import('../platform/sharedLibrary.js')]).then(([m, sh]) =>
        m.loadLibrary(progress.save.imported, document.querySelector('meta[name="dojo-server"]') ? () => sh.fetchShared() : undefined),
      )),
    importText: (name, text, bytes) => mine.importText(name, text, bytes),
    async removeImported(id) {
      services.forgetFile(id);
      await mine.remove(id);
    },
    undo: () => mine.undo(),
    async undoLast() {
      const r = await mine.undoLast();
      if (r && !r.scenario) showProblems(game, `${i18n.t('import.failed')}`, r.problems);
    },
    forgetFile: () => {},
    events: new Phaser.Events.EventEmitter(),
    openFile: () => {},
    locale: () => i18n.language as Locale,
    async setLocale(l) {
      // Before the change: the scenes rebuild on it, in the new language's font.
      setTextLocale(l);
      services.stage.setFont(fontFor(l));
      services.overlay.setFont(fontFor(l));
      await i18n.changeLanguage(l);
      document.documentElement.lang = l;
      progress.update((s) => (s.settings.locale = l));
      snapshot = { ...snapshot, locale: l };
    },
    backdrop({ image, dim = 0, color = '#1d2433' }) {
      const layers = [`linear-gradient(rgba(0,0,0,${dim}), rgba(0,0,0,${dim}))`, ...(image ? [`url("${image}") center / cover no-repeat`] : [])];
      parent.style.background = `${layers.join(', ')}, ${color}`;
    },
    stage: new StageLayer(parent),
    overlay: new StageLayer(parent, { over: true }),
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
    // The page centres the canvas (index.html); the scale manager only fits it. Centring here too
    // would add margins on top of the page's centring.
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.NO_CENTER },
    // Keys come straight from the page (ui/keys.ts), not through Phaser's per-frame queue.
    input: { keyboard: false, touch: true, mouse: true },
    callbacks: {
      preBoot: (g) => {
        g.registry.set(SERVICES, services);
        if (pageTitle) g.registry.set(PAGE_TITLE, pageTitle);
      },
    },
    scene: [BootScene, PreloadScene, TitleScene, SelectScene, PlayScene, PauseScene, HistoryScene, GuideScene, ProgressScene, DebriefScene, MessageScene, ExportScene],
  });

  services.stage.attach(game);
  services.overlay.attach(game);
  // What the trainee changes on the page's title while the game's is not yet up (and what
  // they changed before the game started) is the game's setting too, and saved.
  pageTitle?.connect({
    settings(s) {
      if (s.locale !== services.locale()) void services.setLocale(s.locale);
      else if (s.locale !== detected && progress.save.settings.locale !== s.locale) progress.update((save) => (save.settings.locale = s.locale));
      audio.setMuted(s.muted);
      audio.setVolume(s.volume);
      const kept = progress.save.settings;
      if (kept.muted !== audio.muted || kept.volume !== audio.volume) progress.update((save) => Object.assign(save.settings, { muted: audio.muted, volume: audio.volume }));
    },
  });
  const frames = renderOnDemand(game);
  Object.defineProperty(window, 'dojoControls', { configurable: true, value: () => currentControls() });
  Object.defineProperty(window, 'dojoFrames', { configurable: true, get: () => ({ ...frames }) });
  wireFileImport(game, services, parent);
  // Served by the Dojo server with an LRS set up: solo plays become xAPI statements there.
  startXapiReporter(services.events, () => services.locale());
  // Saving a scenario file reloads it here: through Vite in development, through the Dojo
  // server's event stream when it serves the built game (the page it sends says so).
  const saved = (d: { file: string; text: string }) => void reloadScenario(game, services, d.file, d.text);
  if (import.meta.hot) import.meta.hot.on('dojo:scenario', saved);
  else if (document.querySelector('meta[name="dojo-server"]')) {
    new EventSource('api/library/events').addEventListener('scenario', (e) => saved(JSON.parse((e as MessageEvent<string>).data) as { file: string; text: string }));
  }

  // Turning a phone (or resizing a window past square) switches layout at once. Within one
  // layout the height follows the window only once it has settled and changed by a tenth: a
  // phone's address bar coming and going must not rebuild the screen mid-conversation.
  let settle: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(settle);
    const apply = () => {
      const next = sizeFor(window.innerWidth, window.innerHeight);
      if (!relayoutNeeded(game.scale, next)) return;
      // An on-screen keyboard coming up for the own-words text box changes the height only: typing goes on.
      if (next.width === game.scale.width && document.activeElement instanceof HTMLTextAreaElement) return;
      game.scale.setGameSize(next.width, next.height);
      for (const s of game.scene.getScenes(true)) s.events.emit('relayout');
    };
    if (sizeFor(window.innerWidth, window.innerHeight).width !== game.scale.width) apply();
    else settle = setTimeout(apply, 250);
  });
  return game;
}
