/**
 * The launch page of a SCORM package (scorm.html?scenario=ID): the full game, opened straight
 * into the course's scenario, reporting to the LMS it finds in a window above it (SCORM 1.2).
 * A learner who left in the middle resumes where they were (cmi.suspend_data holds the seed
 * and the picks; the game's saved progress gets the rebuilt session, so Continue works too).
 * With no LMS above it, it plays as usual and says once that results are not being recorded.
 */
import type Phaser from 'phaser';
import type { Library } from '../platform/library.js';
import { findApi, LmsClient } from '../platform/lms/api.js';
import { readLms, reportToLms } from '../platform/lms/scorm12.js';
import { FONT, FONT_EN } from '../game/ui/theme.js';
import { SERVICES, type Services } from '../game/services.js';
import type { PlayData } from '../game/scenes/PlayScene.js';
import { COURSE_FILE, DEFAULT_PASS, parseCourse, passMark, type Course } from './course.js';

/** Fonts first: text is drawn to canvas (as src/main.ts does). */
async function fonts(): Promise<void> {
  await Promise.race([
    Promise.all([document.fonts.load(`24px ${FONT}`, '投诉应对'), document.fonts.load(`bold 24px ${FONT}`, '投诉应对'), document.fonts.load(`24px ${FONT_EN}`, 'Complaint “Dojo”')]),
    new Promise((r) => setTimeout(r, 3000)),
  ]);
}

async function loadCourse(): Promise<Course | null> {
  const r = await fetch(COURSE_FILE, { cache: 'no-cache' }).catch(() => null);
  // The page served without a package around it (development): the bundled library, default pass mark.
  if (!r || r.status === 404) return null;
  if (!r.ok) throw new Error(`${COURSE_FILE}: HTTP ${r.status}`);
  return parseCourse(await r.text());
}

/** Put the course's own scenario files in the library (replacing a bundled one of the same id), and show only them. */
async function courseLibrary(lib: Library, course: Course): Promise<string[]> {
  const problems: string[] = [];
  for (const s of course.scenarios) {
    const r = await fetch(s.file, { cache: 'no-cache' });
    if (!r.ok) {
      problems.push(`${s.file}: HTTP ${r.status}`);
      continue;
    }
    const text = await r.text();
    const loaded = await (lib.find(s.id) && !lib.imported.some((x) => x.id === s.id) ? lib.replaceBundled(s.file, text) : lib.add(s.file, text));
    if (!loaded.scenario) problems.push(...loaded.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`));
  }
  const ids = new Set(course.scenarios.map((s) => s.id));
  lib.scenarios = lib.scenarios.filter((s) => ids.has(s.id));
  for (const s of [...lib.imported]) if (!ids.has(s.id)) lib.remove(s.id);
  return problems;
}

/** Once the game has booted (its title is up), leave whatever is on screen and play. */
function whenBooted(game: Phaser.Game): Promise<void> {
  return new Promise((resolve) => {
    const check = setInterval(() => {
      const up = game.scene?.getScenes(true).some((s) => s.scene.key !== 'Boot' && s.scene.key !== 'Preload');
      if (up) {
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
}

function play(game: Phaser.Game, data: PlayData): void {
  for (const s of game.scene.getScenes(false)) if (s.scene.key !== 'Play' && (s.sys.isActive() || s.sys.isPaused())) game.scene.stop(s.scene.key);
  game.scene.start('Play', data);
}

function note(text: string): void {
  const el = document.getElementById('lms-note');
  if (!el) return;
  el.textContent = text;
  el.hidden = false;
  setTimeout(() => el.classList.add('is-gone'), 8000);
  setTimeout(() => (el.hidden = true), 8600);
}

async function boot(): Promise<void> {
  const parent = document.getElementById('game')!;
  try {
    const course = await loadCourse();
    const wanted = new URLSearchParams(location.search).get('scenario') ?? course?.scenarios[0]?.id ?? null;
    if (course && (!wanted || !course.scenarios.some((s) => s.id === wanted))) throw new Error(`this package has no scenario "${wanted ?? ''}"`);
    const api = findApi(window);
    const lms = api ? new LmsClient(api) : null;
    const connected = !!lms?.initialize();
    if (lms && !connected) console.warn('SCORM: the LMS did not start the session (LMSInitialize failed): results are not being recorded.');
    else if (!lms) console.info('Complaint Dojo: no learning platform (SCORM API) found: playing without recording results.');
    const state = connected ? readLms(lms!) : null;

    await fonts();
    const { startGame } = await import('../game/main.js');
    const game = await startGame(parent);
    await whenBooted(game);
    const svc = game.registry.get(SERVICES) as Services;
    if (course && course.locale !== 'both' && svc.locale() !== course.locale) await svc.setLocale(course.locale);
    if (!connected) note(svc.i18n.t('lms.notRecorded'));
    const lib = await svc.library();
    const problems = course ? await courseLibrary(lib, course) : [];
    const scenario = wanted ? lib.find(wanted) : undefined;
    if (!scenario) throw new Error([`the scenario "${wanted ?? ''}" could not be loaded`, ...problems].join('\n'));

    const { SessionController } = await import('../game/sessionController.js');
    const playData: PlayData = { scenario: scenario.id, seed: Date.now() % 100000 };
    const saved = state?.suspend;
    if (saved && saved.scenario === scenario.id && !saved.done) {
      const resumed = SessionController.replay(scenario, lib.catalog, saved.seed, saved.picks);
      if (resumed) {
        const snapshot = resumed.persisted();
        resumed.stop();
        Object.assign(playData, { seed: saved.seed, snapshot, coaching: saved.coaching });
        svc.progress.update((p) => (p.resume = { scenario: scenario.id, seed: saved.seed, snapshot, coaching: saved.coaching }));
      } else console.warn('SCORM: the saved game no longer fits this scenario: starting it afresh.');
    }
    if (connected) {
      const session = reportToLms({ lms: lms!, state: state!, events: svc.events, play: { scenario, catalog: lib.catalog }, pass: passMark(course ?? { pass: DEFAULT_PASS } as Course, state!.mastery), locale: () => svc.locale() });
      const end = () => session.end();
      window.addEventListener('pagehide', end);
      window.addEventListener('beforeunload', end);
    }
    play(game, playData);
  } catch (e) {
    const p = document.createElement('p');
    p.id = 'boot-error';
    p.textContent = `Complaint Dojo could not start: ${e instanceof Error ? e.message : String(e)}`;
    p.style.whiteSpace = 'pre-wrap';
    parent.replaceChildren(p);
    throw e;
  }
}

void boot();
