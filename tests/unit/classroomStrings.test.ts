import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASSROOM_KEYS } from '../../src/classroom/stringsPlugin.js';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the classroom pages load only part of each locale file', () => {
  it("covers every game string the pages show (tg('x.…') and tg(`x.${…}`))", () => {
    const used = new Set<string>();
    for (const f of sources(join(ROOT, 'src/classroom'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\btg\(\s*['`]([a-zA-Z]+)\./g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(3);
    for (const k of used) expect(CLASSROOM_KEYS, `tg('${k}.…') is used by a classroom page`).toContain(k);
  });

  it('picks keys that exist in both locales', () => {
    for (const l of ['zh-CN', 'en']) {
      const all = JSON.parse(readFileSync(join(ROOT, 'locales', l, 'translation.json'), 'utf8')) as Record<string, unknown>;
      for (const k of CLASSROOM_KEYS) expect(typeof all[k], `${l}: ${k}`).toBe('object');
    }
  });
});
