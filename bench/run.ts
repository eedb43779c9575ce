/** `npm run bench`: every benchmark, as JSON on stdout and in bench/out/bench.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { engineFigures } from './engine.js';
import { gameFigures } from './game.js';

const only = process.argv.slice(2);
const figures = [...(only.length && !only.includes('engine') ? [] : engineFigures()), ...(only.length && !only.includes('game') ? [] : await gameFigures())];
const result = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
  figures,
};
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
