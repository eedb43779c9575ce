/** Shared plumbing for commands: catalog and locale options, problem printing. */
import type { Catalog } from '../../engine/catalog/catalog.js';
import { byPosition, formatProblem, type Problem } from '../../engine/problems.js';
import { LOCALES, type Locale } from '../../engine/text.js';
import { stringFlag, UsageError, type Args } from '../args.js';
import { readCatalog, readScenario } from '../files.js';
import type { Play } from '../../engine/session/session.js';
import type { Scenario } from '../../engine/scenario/model.js';
import type { Output } from '../main.js';

export function localeOf(args: Args): Locale {
  const l = stringFlag(args, 'locale') ?? 'zh-CN';
  if (!(LOCALES as readonly string[]).includes(l)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}`);
  return l as Locale;
}

/** The language of messages: --locale when given, else the environment's (LC_ALL, LC_MESSAGES, LANG), else English. */
export function messageLocale(args?: Args, env: NodeJS.ProcessEnv = process.env): Locale {
  if (args && stringFlag(args, 'locale') !== undefined) return localeOf(args);
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

export function printProblems(io: Output, problems: readonly Problem[], locale: Locale = messageLocale()): void {
  for (const p of [...problems].sort(byPosition)) io.err(formatProblem(p, locale));
}

/** The catalog, or undefined after printing why it could not be loaded. */
export function catalogOf(args: Args, io: Output): Catalog | undefined {
  const r = readCatalog(stringFlag(args, 'catalog'));
  if ('problems' in r) {
    printProblems(io, r.problems, messageLocale(args));
    return undefined;
  }
  return r.catalog;
}

/** The one scenario file a command works on, loaded with the catalog; undefined after printing why not. */
export function playOf(args: Args, io: Output): Play | undefined {
  if (args.positionals.length !== 1) throw new UsageError('give exactly one scenario file');
  const catalog = catalogOf(args, io);
  if (!catalog) return undefined;
  const r = readScenario(args.positionals[0]!, catalog);
  printProblems(io, r.problems, messageLocale(args));
  return r.ok ? { scenario: r.scenario, catalog } : undefined;
}

/** A scenario id used by an earlier file on the command line, as a located problem (and remember this one). */
export function duplicateId(seen: Map<string, string>, s: Scenario): Problem | undefined {
  const other = seen.get(s.id);
  if (other) return { file: s.file, ...s.idLoc, severity: 'error', code: 'duplicate-id', message: `scenario id "${s.id}" is also used by ${other}` };
  seen.set(s.id, `${s.file}:${s.idLoc.line}`);
  return undefined;
}
