/**
 * The SCORM 1.2 package's size (issue 16): `dojo export scorm` on broadband-outage, as a trainer
 * runs it (the game built for the package included), measured against the files it holds.
 * An LMS takes the package as one upload, so its size is what a site's upload limit must allow.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Figure } from './engine.js';

const ROOT = join(import.meta.dirname, '..');
/** A budget that fits under common LMS upload settings once raised from PHP's 2 MB default (docs/lms.md). */
const BUDGET = 5_000_000;

export function scormFigures(): Figure[] {
  const out = join(ROOT, 'bench/out');
  mkdirSync(out, { recursive: true });
  const zip = join(out, 'course.zip');
  const t0 = performance.now();
  execFileSync('node', ['bin/dojo.mjs', 'export', 'scorm', 'scenarios/library/broadband-outage.yaml', '--out', zip], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = performance.now() - t0;
  const bytes = readFileSync(zip);
  const files = unzipSync(new Uint8Array(bytes));
  const raw = Object.values(files).reduce((s, f) => s + f.length, 0);
  return [
    {
      name: 'scorm.package_bytes',
      unit: 'B',
      value: bytes.length,
      floor: { what: `the ${Object.keys(files).length} files it holds, uncompressed`, value: raw },
      ratio: Math.round((bytes.length / raw) * 100) / 100,
      target: `≤ ${BUDGET / 1_000_000} MB`,
      pass: bytes.length <= BUDGET,
    },
    { name: 'scorm.export_ms', unit: 'ms', value: Math.round(ms), target: '≤ 60 s (the game is built for the package each time)', pass: ms <= 60_000 },
  ];
}
