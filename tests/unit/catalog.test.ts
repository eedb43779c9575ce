import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/engine/catalog/schema.js';
import { catalog, SEEDS } from './helpers.js';

const cat = catalog();

describe('principle catalog', () => {
  it('holds at least 30 principles, each with a seed source and both languages', () => {
    expect(cat.principles.length).toBeGreaterThanOrEqual(30);
    for (const p of cat.principles) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.name['zh-CN'] && p.name.en && p.tip['zh-CN'] && p.tip.en, p.id).toBeTruthy();
    }
  });

  it('covers every item the source documents require', () => {
    const required = [
      // file 002: the ten wrong behaviours (十诫; item 1 split into arguing, interrupting, lecturing) and the five right ones (五做)
      'argue-back', 'interrupt-customer', 'lecture-customer', 'flat-refusal', 'insist-im-right', 'belittle-customer',
      'fail-to-notify', 'vague-brush-off', 'doubt-honesty', 'blame-colleagues', 'stall-or-hide', 'fake-attention',
      'attentive-listening', 'let-them-vent', 'urgency-and-admit', 'own-the-problem', 'solve-together',
      'emotion-first', 'say-i-not-we', 'real-demand', 'manage-expectations', 'thank-the-complaint',
      // file 000: the four complaint situations
      'stay-calm', 'focus-on-problem', 'complain-along', 'we-just-cant', 'steer-positive', 'consider-improvement',
      'understand-feelings', 'best-effort-promise', 'offer-alternative', 'humble-learning', 'praise-expertise',
      // file 001: 3F, inbound-call steps, hard vs soft service
      'three-f', 'welcome-greeting', 'rapport-matching', 'take-initiative', 'take-action', 'hide-behind-rules',
      // file 003: McDonald's three voices, Haier's four 不漏
      'answer-every-question', 'warm-farewell', 'record-the-issue', 'follow-up-recheck', 'feed-back-upstream',
      // file 004: the two gaps, desk to desk
      'over-promise', 'pass-the-buck',
    ];
    const missing = required.filter((id) => !cat.get(id));
    expect(missing).toEqual([]);
  });

  it('cites every seed file, and only the five that exist', () => {
    const files = new Set(cat.principles.flatMap((p) => p.sources.map((s) => s.file.slice(0, 3))));
    expect([...files].sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('uses a few meaningful categories, each with practices and violations, and both service types', () => {
    for (const c of CATEGORY_IDS) {
      for (const polarity of ['practice', 'violation']) {
        expect(cat.principles.some((p) => p.category === c && p.polarity === polarity), `${c} ${polarity}`).toBe(true);
      }
    }
    expect(cat.principles.some((p) => p.service === 'soft')).toBe(true);
    expect(cat.principles.some((p) => p.service === 'hard')).toBe(true);
    expect(cat.principles.filter((p) => p.polarity === 'violation').length).toBeGreaterThanOrEqual(15);
  });

  it('quotes every source verbatim from its seed file', () => {
    expect(existsSync(SEEDS), `the source documents are expected at ${SEEDS}`).toBe(true);
    const text = new Map<string, string>();
    const wrong: string[] = [];
    for (const p of cat.principles) {
      for (const s of p.sources) {
        if (!s.quote) continue;
        if (!text.has(s.file)) text.set(s.file, readFileSync(join(SEEDS, s.file), 'utf8'));
        if (!text.get(s.file)!.includes(s.quote)) wrong.push(`${p.id}: ${s.quote}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
