/**
 * `dojo export scorm FILE… --out course.zip [--pass 65] [--locale zh-CN|en|both] [--title …] [--game DIR]`:
 * a SCORM 1.2 package of the full game with these scenarios, one SCO each, for an LMS (Moodle
 * and most commercial ones). Every file is checked first (as `dojo check`, plus the SCORM 1.2
 * id rules): a file with a problem gives no package, only its located problems. Without
 * --game the game is built for the package (Vite, about 15 s); --game DIR reuses such a build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../../engine/problems.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { loadScenario } from '../../engine/scenario/load.js';
import { scormProblems } from '../../scorm/check.js';
import { DEFAULT_PASS, type CourseLocale } from '../../scorm/course.js';
import { buildGame, gameFiles } from '../../scorm/gameFiles.js';
import { SCHEMA_FILES } from '../../scorm/manifest.js';
import { buildPackage } from '../../scorm/package.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { displayName, PROJECT_ROOT, readText } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, duplicateId, printProblems } from './common.js';

const XSD_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../scorm/xsd');

export function schemaFiles(): Map<string, Uint8Array> {
  return new Map(SCHEMA_FILES.map((f) => [f, new Uint8Array(readFileSync(join(XSD_DIR, f)))]));
}

function passOf(v: string | undefined): number {
  if (v === undefined) return DEFAULT_PASS;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 100) throw new UsageError(`--pass must be a whole number from 0 to 100, not "${v}"`);
  return n;
}

function localeOf(v: string | undefined): CourseLocale {
  const l = v ?? 'both';
  if (l !== 'zh-CN' && l !== 'en' && l !== 'both') throw new UsageError(`--locale must be zh-CN, en or both, not "${l}"`);
  return l;
}

const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

export async function exportCommand(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'pass', 'locale', 'title', 'catalog', 'game'] });
  const [kind, ...files] = args.positionals;
  if (kind !== 'scorm') throw new UsageError(kind ? `cannot export "${kind}": the one format is scorm (dojo export scorm FILE… --out course.zip)` : 'give the format: dojo export scorm FILE… --out course.zip');
  if (!files.length) throw new UsageError('give one or more scenario files');
  const outFlag = stringFlag(args, 'out');
  if (!outFlag) throw new UsageError('give the package to write: --out course.zip');
  const pass = passOf(stringFlag(args, 'pass'));
  const locale = localeOf(stringFlag(args, 'locale'));
  const out = resolve(outFlag);
  try {
    if (statSync(out).isDirectory()) throw new UsageError(`--out ${outFlag} is a folder: give the file to write, e.g. ${join(outFlag, 'course.zip')}`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }

  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const chosen: { scenario: Scenario; text: string }[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  let bad = 0;
  for (const file of files) {
    const read = readText(file);
    if ('problem' in read) {
      problems.push(read.problem);
      bad++;
      continue;
    }
    const r = loadScenario(displayName(file), read.text, catalog);
    problems.push(...r.problems);
    if (!r.ok) {
      bad++;
      continue;
    }
    const fit = [...scormProblems(r.scenario, catalog)];
    const dup = duplicateId(ids, r.scenario);
    if (dup) fit.push(dup);
    problems.push(...fit);
    if (fit.length) bad++;
    else chosen.push({ scenario: r.scenario, text: read.text });
  }
  printProblems(io, problems);
  if (bad) {
    io.err(`no package written: ${bad} of ${files.length} file(s) ${bad > 1 ? 'have' : 'has'} problems (fix them and run again; \`dojo check\` shows them too)`);
    return 1;
  }

  let made: string | undefined;
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch (e) {
    io.err(`cannot make the folder ${dirname(outFlag)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    return 1;
  }
  let dir = stringFlag(args, 'game');
  try {
    if (!dir) {
      made = mkdtempSync(join(tmpdir(), 'dojo-scorm-'));
      dir = made;
      io.err('building the game for the package…');
      await buildGame(PROJECT_ROOT, made);
    }
    let game: Map<string, Uint8Array>;
    try {
      game = gameFiles(resolve(dir));
    } catch (e) {
      io.err(`--game ${dir}: ${(e as Error).message}`);
      return 1;
    }
    const pkg = buildPackage({ game, scenarios: chosen, schemas: schemaFiles(), pass, locale, ...(stringFlag(args, 'title') ? { title: stringFlag(args, 'title')! } : {}) });
    try {
      writeFileSync(out, pkg.zip);
    } catch (e) {
      io.err(`cannot write ${outFlag}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return 1;
    }
    io.out(
      `wrote ${displayName(out)}: SCORM 1.2, ${mb(pkg.zip.length)}, ${pkg.files.length} files; ${chosen.length} SCO${chosen.length > 1 ? 's' : ''} (${chosen.map((c) => c.scenario.id).join(', ')}); pass mark ${pass}; ${locale === 'both' ? 'zh-CN and en' : locale}`,
    );
    return 0;
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
}
