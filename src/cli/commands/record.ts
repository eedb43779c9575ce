/**
 * `dojo record FILE (--choices … | --path best|worst) [--name NAME] [--seed N] [--locale …]`:
 * write a golden transcript. With --path the route comes from the path search, and the name defaults to it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { goldenPath, projectRelative, replay, writeGolden } from '../golden.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import type { Output } from '../main.js';
import { catalogOf, localeOf, printProblems } from './common.js';
import { findPaths } from '../../engine/scoring/paths.js';
import { startSession } from '../../engine/session/session.js';
import { readScenario } from '../files.js';
import { parseChoices, parseSeed } from './play.js';

export function recordCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { values: ['catalog', 'locale', 'choices', 'seed', 'name', 'path'] });
  if (args.positionals.length !== 1) throw new UsageError('give exactly one scenario file');
  const route = stringFlag(args, 'path');
  if (route !== undefined && route !== 'best' && route !== 'worst') throw new UsageError('--path is best or worst');
  let choices = stringFlag(args, 'choices');
  if (!choices === !route) throw new UsageError('give either --choices (e.g. --choices 1,2,1) or --path best|worst');
  if (choices) parseChoices(choices);
  const name = stringFlag(args, 'name') ?? route ?? 'transcript';
  if (!/^[a-z0-9-]+$/.test(name)) throw new UsageError('--name uses lowercase letters, digits and hyphens');
  const file = resolve(args.positionals[0]!);
  if (!existsSync(file)) {
    io.err(`${args.positionals[0]}:1:1: no such file`);
    return 1;
  }
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const seed = parseSeed(stringFlag(args, 'seed'));
  if (route) {
    const loaded = readScenario(file, catalog);
    if (!loaded.ok) {
      printProblems(io, loaded.problems);
      return 1;
    }
    const play = { scenario: loaded.scenario, catalog };
    const found = findPaths(play, startSession(play, seed))[route];
    if (!found) {
      io.err(`${loaded.scenario.file}: no route reaches an ending`);
      return 1;
    }
    choices = found.picks.join(',');
  }
  const g = { scenario: projectRelative(file), seed, locale: localeOf(args), choices: choices! };
  const r = replay(g, catalog);
  if (!r.ok) {
    io.err(r.error);
    return 1;
  }
  const out = goldenPath(r.actual.scenario, name);
  try {
    writeGolden(out, { ...g, expected: r.actual });
  } catch (e) {
    io.err(`${projectRelative(out)}:1:1: cannot write the transcript (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  io.out(`wrote ${projectRelative(out)} (${r.actual.debrief.outcome}, overall ${r.actual.debrief.overall})`);
  return 0;
}
