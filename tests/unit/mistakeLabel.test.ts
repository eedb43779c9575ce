/** A mistake's label explains its cost (the play-test: "minor, −38" beside "serious, −25" on one screen). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mistakesOf } from '../../src/engine/scoring/debrief.js';
import { mistakeLabel } from '../../src/game/mistakeLabel.js';
import { catalog, libraryFiles, loadFile, ROOT } from './helpers.js';

const SEVERITY_RANK = { minor: 1, serious: 2, grave: 3 } as const;

function translator(locale: 'en' | 'zh-CN') {
  const table = JSON.parse(readFileSync(join(ROOT, `locales/${locale}/translation.json`), 'utf8')) as Record<string, unknown>;
  return (key: string, values: Record<string, unknown> = {}) => {
    const raw = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], table);
    if (typeof raw !== 'string') throw new Error(`no string ${key}`);
    return raw.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
  };
}

describe('mistake labels', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  // Never "minor, flagrant": read as a contradiction in the play-test; the degree qualifies the severity.
  it('say when a mistake is shown only in part or blatantly, in both languages', () => {
    expect(mistakeLabel(en, 'Vague fobbing off', { id: 'x', severity: 'minor', points: 38, weight: 1.5 })).toBe('Vague fobbing off (minor but blatant, −38)');
    expect(mistakeLabel(en, 'Faking attention', { id: 'y', severity: 'serious', points: 25, weight: 0.5 })).toBe('Faking attention (serious, only in part, −25)');
    expect(mistakeLabel(en, 'We just can’t', { id: 'z', severity: 'serious', points: 50, weight: 1 })).toBe('We just can’t (serious, −50)');
    expect(mistakeLabel(zh, '敷衍了事', { id: 'x', severity: 'minor', points: 38, weight: 1.5 })).toBe('敷衍了事(轻微,但很露骨 −38)');
  });

  it('on every library reply, a milder mistake that costs more than a worse one is labelled so that it makes sense', () => {
    const cat = catalog();
    const unexplained: string[] = [];
    let crossed = 0;
    for (const f of libraryFiles()) {
      const s = loadFile(f, cat);
      for (const node of Object.values(s.nodes))
        {
          // Across the replies of one decision: coaching and the debrief show them side by side.
          const ms = node.choices.flatMap((reply) => mistakesOf(cat, reply));
          for (const a of ms)
            for (const b of ms) {
              if (!(SEVERITY_RANK[a.severity] < SEVERITY_RANK[b.severity] && a.points > b.points)) continue;
              crossed++;
              const la = mistakeLabel(en, a.id, a);
              const lb = mistakeLabel(en, b.id, b);
              if (!/blatant/.test(la) && !/in part/.test(lb)) unexplained.push(`${f} ${node.id}: ${la} / ${lb}`);
            }
        }
    }
    expect(unexplained).toEqual([]);
    // Such pairs exist in the library, so the check is not empty.
    expect(crossed).toBeGreaterThan(0);
  });
});
