/**
 * The judge's frozen test split (tests/judge/split.json). In each stratum (locale × customer type)
 * the replies are ordered by the SHA-256 of their id and the first 30% (rounded) go to test, the
 * rest to train. It depends on nothing but the ids, so it was fixed before any judge rule existed.
 * `node bin/run-ts.mjs bench/judgeSplit.ts` writes the file; the unit test checks it still matches.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../tests/judge');
export const TEST_SHARE = 0.3;

export interface ReplyRow {
  id: string;
  locale: string;
  type: string;
  context: string;
  text: string;
}

export interface Split {
  method: string;
  test: string[];
  train: string[];
}

export function readReplies(file = join(DIR, 'replies.jsonl')): ReplyRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ReplyRow);
}

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

export function makeSplit(rows: readonly Pick<ReplyRow, 'id' | 'locale' | 'type'>[], share = TEST_SHARE): Split {
  const strata = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.locale}/${r.type}`;
    strata.set(key, [...(strata.get(key) ?? []), r.id]);
  }
  const test: string[] = [];
  const train: string[] = [];
  for (const key of [...strata.keys()].sort()) {
    const ids = strata.get(key)!.sort((a, b) => (hash(a) < hash(b) ? -1 : hash(a) > hash(b) ? 1 : 0));
    const n = Math.round(ids.length * share);
    test.push(...ids.slice(0, n));
    train.push(...ids.slice(n));
  }
  return {
    method: `per locale × customer type, ids ordered by sha256(id); first ${share * 100}% (rounded) of each stratum is test`,
    test: test.sort(),
    train: train.sort(),
  };
}

export function readSplit(file = join(DIR, 'split.json')): Split {
  return JSON.parse(readFileSync(file, 'utf8')) as Split;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const split = makeSplit(readReplies());
  writeFileSync(join(DIR, 'split.json'), JSON.stringify(split, null, 1) + '\n');
  process.stdout.write(`test ${split.test.length}, train ${split.train.length}\n`);
}
