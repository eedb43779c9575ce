/** `npm run bench`: every benchmark, as JSON on stdout and in bench/out/bench.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { classroomFigures } from './classroom.js';
import { engineFigures } from './engine.js';
import { gameFigures } from './game.js';
import { judgeFigures } from './judge.js';
import { reconnectFigures } from './reconnect.js';
import { scormFigures } from './scorm.js';

// `npm run bench [engine] [game] [startup] [classroom] [reconnect] [scorm] [judge] [-- --clients N]` (`startup`:
// only the game's phone start-up and /join figures, which `game` includes)
const args = process.argv.slice(2);
const at = args.indexOf('--clients');
const clients = at >= 0 ? Number(args[at + 1]) : 300;
const only = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
const wanted = (name: string) => !only.length || only.includes(name);
const figures = [
  ...(wanted('engine') ? engineFigures() : []),
  ...(wanted('game') ? await gameFigures() : wanted('startup') ? await gameFigures({ desktop: false, phone: true }) : []),
  ...(wanted('classroom') ? await classroomFigures({ clients }) : []),
  ...(wanted('reconnect') ? await reconnectFigures() : []),
  ...(wanted('scorm') ? scormFigures() : []),
  ...(wanted('judge') ? judgeFigures() : []),
];
const result = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
  figures,
};
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
