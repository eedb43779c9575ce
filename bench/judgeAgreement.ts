/**
 * How far the two annotators of the judge's reply set agree (tests/judge/labels-a.jsonl and
 * labels-b.jsonl, labelled blind): Cohen's κ over every (reply, principle) decision, per
 * principle, and the share of replies labelled identically. The ceiling a judge is compared with.
 * `node bin/run-ts.mjs bench/judgeAgreement.ts` prints JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../tests/judge');

interface Labels {
  id: string;
  principles: string[];
}

export function readLabels(file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as Labels;
    out.set(l.id, new Set(l.principles));
  }
  return out;
}

/** Cohen's κ for two raters' yes/no decisions. */
export function kappa(pairs: readonly [boolean, boolean][]): number | null {
  const n = pairs.length;
  if (!n) return null;
  let agree = 0;
  let a = 0;
  let b = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    if (x) a++;
    if (y) b++;
  }
  const po = agree / n;
  const pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

export function agreement(a: Map<string, Set<string>>, b: Map<string, Set<string>>) {
  const ids = [...a.keys()].filter((id) => b.has(id));
  const principles = [...new Set([...a.values(), ...b.values()].flatMap((s) => [...s]))].sort();
  const all: [boolean, boolean][] = [];
  const per: Record<string, { kappa: number | null; a: number; b: number; both: number }> = {};
  for (const p of principles) {
    const pairs = ids.map((id) => [a.get(id)!.has(p), b.get(id)!.has(p)] as [boolean, boolean]);
    all.push(...pairs);
    per[p] = { kappa: kappa(pairs), a: pairs.filter(([x]) => x).length, b: pairs.filter(([, y]) => y).length, both: pairs.filter(([x, y]) => x && y).length };
  }
  const same = ids.filter((id) => [...a.get(id)!].sort().join() === [...b.get(id)!].sort().join()).length;
  return { replies: ids.length, kappa: kappa(all), identical: same / ids.length, perPrinciple: per };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = agreement(readLabels(join(DIR, 'labels-a.jsonl')), readLabels(join(DIR, 'labels-b.jsonl')));
  process.stdout.write(JSON.stringify(r, null, 2) + '\n');
}
