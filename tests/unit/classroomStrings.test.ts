import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_ERRORS } from '../../src/classroom/errorCodes.js';
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

describe('error messages on the classroom pages', () => {
  // fail() and Failure take only the listed codes (the compiler refuses any other); this reads the
  // sources as well, for a code written where the type does not reach, and asks each listed code
  // for its text in both locales.
  it('every error code the server sends has its own text in both locales (else the English message showed on Chinese phones)', () => {
    const sent = new Set<string>();
    for (const f of [...sources(join(ROOT, 'src/server')), ...sources(join(ROOT, 'src/engine/classroom'))]) {
      for (const m of readFileSync(f, 'utf8').matchAll(/fail\(\s*'([a-z-]+)'|error: '([a-z-]+)'/g)) sent.add((m[1] ?? m[2])!);
    }
    // The clock's two refusals are made by a conditional; a session error and an unreadable file carry their only text.
    for (const c of ['paused', 'running']) sent.add(c);
    for (const c of ['session', 'unreadable']) sent.delete(c);
    expect(sent.size).toBeGreaterThan(30);
    for (const code of sent) expect(KNOWN_ERRORS, `the server sends '${code}'`).toContain(code);
    for (const l of ['zh-CN', 'en']) {
      const errors = (JSON.parse(readFileSync(join(ROOT, 'locales', l, 'translation.json'), 'utf8')) as { classroom: { errors: Record<string, string> } }).classroom.errors;
      for (const code of KNOWN_ERRORS) expect(typeof errors[code], `${l}: classroom.errors.${code}`).toBe('string');
    }
  });
});
