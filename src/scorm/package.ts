/**
 * A SCORM 1.2 package from the built game and the chosen scenario files: the game's files as
 * they are, the scenarios under scenarios/, dojo-course.json (pass mark, language, which
 * scenarios), the four XSDs and imsmanifest.xml, zipped with fflate. Pure (bytes in, bytes
 * out), so the CLI and the game's trainer menu make the same package.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Scenario } from '../engine/scenario/model.js';
import { pick } from '../engine/text.js';
import { COURSE_FILE, LAUNCH_PAGE, type Course, type CourseLocale } from './course.js';
import { manifestXml } from './manifest.js';

export interface PackageInput {
  /** The built game: launch page, scripts, styles, pictures, sounds (relative path → bytes). */
  game: ReadonlyMap<string, Uint8Array>;
  scenarios: readonly { scenario: Scenario; text: string }[];
  /** The XSDs the manifest names (file name → bytes). */
  schemas: ReadonlyMap<string, Uint8Array>;
  pass: number;
  locale: CourseLocale;
  title?: string;
  /** The zip entries' date (default: now). */
  date?: Date;
}

export interface BuiltPackage {
  zip: Uint8Array;
  /** Every file in the package, the manifest first. */
  files: string[];
  manifest: string;
  course: Course;
}

/** Already compressed: stored as they are. */
const STORED = /\.(ogg|mp3|png|jpe?g|webp|woff2?|gz|zip)$/i;

export function titleOf(s: Scenario, locale: CourseLocale): string {
  if (locale !== 'both') return pick(s.title, locale);
  const zh = s.title['zh-CN'];
  const en = s.title.en;
  return zh && en ? `${zh} · ${en}` : (zh ?? en ?? s.id);
}

export function courseTitle(scenarios: readonly Scenario[], locale: CourseLocale): string {
  if (scenarios.length === 1) return titleOf(scenarios[0]!, locale);
  return locale === 'en' ? 'Complaint Dojo' : locale === 'zh-CN' ? '投诉应对实训' : '投诉应对实训 · Complaint Dojo';
}

export function buildPackage(input: PackageInput): BuiltPackage {
  if (!input.scenarios.length) throw new Error('a package needs at least one scenario');
  if (!input.game.has(LAUNCH_PAGE)) throw new Error(`the built game has no ${LAUNCH_PAGE}`);
  const scenarios = input.scenarios.map((s) => s.scenario);
  const course: Course = {
    version: 1,
    title: input.title?.trim() || courseTitle(scenarios, input.locale),
    pass: input.pass,
    locale: input.locale,
    scenarios: scenarios.map((s) => ({ id: s.id, file: `scenarios/${s.id}.yaml` })),
  };
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of input.game) if (!path.startsWith('scenarios/') && path !== COURSE_FILE && path !== 'imsmanifest.xml') files.set(path, bytes);
  input.scenarios.forEach((s, i) => files.set(course.scenarios[i]!.file, strToU8(s.text)));
  files.set(COURSE_FILE, strToU8(JSON.stringify(course, null, 2) + '\n'));
  for (const [name, bytes] of input.schemas) files.set(name, bytes);
  const listed = [...files.keys()].sort();
  const id = `dojo-${scenarios[0]!.id}${scenarios.length > 1 ? `-and-${scenarios.length - 1}` : ''}`.slice(0, 200);
  const manifest = manifestXml({
    id,
    title: course.title,
    pass: input.pass,
    scos: scenarios.map((s) => ({ id: s.id, title: titleOf(s, input.locale), launch: `${LAUNCH_PAGE}?scenario=${s.id}` })),
    files: listed.filter((f) => f !== LAUNCH_PAGE),
  });
  const date = input.date ?? new Date();
  const zippable: Zippable = { 'imsmanifest.xml': [strToU8(manifest), { level: 9, mtime: date }] };
  for (const f of listed) zippable[f] = [files.get(f)!, { level: STORED.test(f) ? 0 : 9, mtime: date }];
  return { zip: zipSync(zippable), files: ['imsmanifest.xml', ...listed], manifest, course };
}
