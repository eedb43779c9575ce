import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/engine/catalog/catalog.js';
import { CATEGORY_IDS, SEVERITIES, type SeverityLevel } from '../../src/engine/catalog/schema.js';
import { catalog, SEEDS } from './helpers.js';

const cat = catalog();

/** The source documents are beside the repository (or where DOJO_SOURCES says); a fresh clone has none. */
const present = existsSync(SEEDS) && readdirSync(SEEDS).some((f) => /^00[0-4]_[0-9a-f]+\.txt$/.test(f));
if (!present) console.log(`source documents not found at ${SEEDS}: set DOJO_SOURCES=dir to check the quotes verbatim`);

const seedText = new Map<string, string>();
function seed(file: string): string {
  if (!seedText.has(file)) {
    expect(existsSync(join(SEEDS, file)), `${file} is expected in ${SEEDS}`).toBe(true);
    seedText.set(file, readFileSync(join(SEEDS, file), 'utf8'));
  }
  return seedText.get(file)!;
}

const rank = (level: SeverityLevel) => SEVERITIES.indexOf(level);
const violations = cat.principles.filter((p) => p.polarity === 'violation');
const practices = cat.principles.filter((p) => p.polarity === 'practice');

/** file 002, 三、处理客户的抱怨 · 4. 处理客户抱怨的原则 1)–7), in the source's order. */
const STEPS = ['keep-calm', 'hear-out', 'empathise', 'record-and-thank', 'propose', 'act-now', 'review'];

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
      'attentive-listening', 'let-them-vent', 'act-with-urgency', 'admit-mistake', 'own-the-problem', 'solve-together',
      'emotion-first', 'say-i-not-we', 'real-demand', 'manage-expectations', 'thank-the-complaint',
      // file 002: the 6 能否 (positive attitude; upholding the company's rules), the complaint principles, 谈吐礼仪
      'stay-positive', 'principled-flexibility', 'establish-facts', 'pry-and-press',
      // file 000: the four complaint situations
      'stay-calm', 'focus-on-problem', 'complain-along', 'we-just-cant', 'steer-positive', 'consider-improvement',
      'understand-feelings', 'best-effort-promise', 'offer-alternative', 'humble-learning', 'praise-expertise',
      // file 001: 3F, 3T, inbound-call steps, hard vs soft service, value service and Haidilao's surprises
      'three-f', 'three-t', 'welcome-greeting', 'rapport-matching', 'take-initiative', 'take-action', 'hide-behind-rules',
      'exceed-expectations', 'care-while-waiting',
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
    expect(violations.length).toBeGreaterThanOrEqual(15);
  });

  it.skipIf(!present)('quotes every source verbatim from its seed file', () => {
    const quoted = [
      ...cat.principles.flatMap((p) => p.sources.map((s) => ({ who: p.id, s }))),
      ...(cat.procedure?.sources ?? []).map((s) => ({ who: 'procedure', s })),
      ...(cat.procedure?.steps ?? []).map((step) => ({ who: `procedure step ${step.id}`, s: step.source })),
    ].filter((q) => q.s.quote);
    expect(quoted.length).toBeGreaterThan(100);
    const wrong = quoted.filter((q) => !seed(q.s.file).includes(q.s.quote!)).map((q) => `${q.who}: ${q.s.quote}`);
    expect(wrong).toEqual([]);
  });
});

describe('severity', () => {
  it('is stated for every violation, with its reason in both languages, and for no practice', () => {
    expect(violations.length).toBeGreaterThan(0);
    for (const p of violations) {
      expect(p.severity, `${p.id} has no severity`).toBeDefined();
      expect(SEVERITIES, p.id).toContain(p.severity!.level);
      expect(p.severity!.why['zh-CN'].length, `${p.id} why zh-CN`).toBeGreaterThan(10);
      expect(p.severity!.why.en.length, `${p.id} why en`).toBeGreaterThan(20);
    }
    expect(practices.filter((p) => p.severity).map((p) => p.id)).toEqual([]);
  });

  it('puts arguing, doubting honesty and bluffing at grave, above a vague phrase at minor', () => {
    for (const id of ['argue-back', 'doubt-honesty', 'bluff']) expect(cat.get(id)?.severity?.level, id).toBe('grave');
    expect(cat.get('vague-brush-off')?.severity?.level).toBe('minor');
    for (const id of ['argue-back', 'doubt-honesty', 'bluff']) {
      expect(rank(severityOf(cat.get(id)!)), id).toBeGreaterThan(rank(severityOf(cat.get('vague-brush-off')!)));
    }
  });

  it('uses all three levels', () => {
    const used = new Set(violations.map((p) => severityOf(p)));
    expect([...used].sort()).toEqual([...SEVERITIES].sort());
  });
});

describe('aliases', () => {
  it('reads the old urgency-and-admit as admit-mistake and act-with-urgency', () => {
    expect(cat.get('urgency-and-admit')).toBeUndefined();
    expect(cat.alias('urgency-and-admit')?.to).toEqual(['admit-mistake', 'act-with-urgency']);
  });

  it('resolves every alias to existing principles, never to another alias or a principle id of its own', () => {
    expect(cat.aliases.length).toBeGreaterThan(0);
    for (const a of cat.aliases) {
      expect(cat.get(a.id), `${a.id} is both an alias and a principle`).toBeUndefined();
      expect(a.note['zh-CN'] && a.note.en, a.id).toBeTruthy();
      for (const to of a.to) expect(cat.get(to), `${a.id} -> ${to}`).toBeDefined();
    }
  });
});

describe('the complaint-handling procedure', () => {
  const steps = cat.procedure?.steps ?? [];

  it("has file 002's seven steps, in the source's order", () => {
    expect(steps.map((s) => s.id)).toEqual(STEPS);
    steps.forEach((s, i) => {
      expect(s.source.file, s.id).toBe('002_27eb744ca3868eee.txt');
      expect(s.source.item, s.id).toContain('处理客户抱怨的原则');
      expect(s.source.item.endsWith(`${i + 1})`), `${s.id}: ${s.source.item} should end with ${i + 1})`).toBe(true);
      expect(s.name['zh-CN'] && s.name.en, s.id).toBeTruthy();
    });
  });

  it('is carried out by practices that exist, each in at most one step', () => {
    const seen = new Map<string, string>();
    for (const s of steps) {
      expect(s.principles.length, s.id).toBeGreaterThan(0);
      for (const id of s.principles) {
        expect(cat.get(id), `${s.id}: ${id} does not exist`).toBeDefined();
        expect(cat.get(id)!.polarity, `${s.id}: ${id} is a violation`).toBe('practice');
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${s.id}`).toBeUndefined();
        seen.set(id, s.id);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(STEPS.length);
  });

  it.skipIf(!present)('quotes each step verbatim, the seven lines in the order the seed gives them', () => {
    const text = seed('002_27eb744ca3868eee.txt');
    const at = steps.map((s) => text.indexOf(s.source.quote ?? '\u0000'));
    expect(at.filter((i) => i < 0)).toEqual([]);
    for (let i = 1; i < at.length; i++) expect(at[i], `${steps[i]!.id} comes after ${steps[i - 1]!.id}`).toBeGreaterThan(at[i - 1]!);
  });
});

describe('reworked principles', () => {
  it('files focus-on-problem under soft service: it is self-control, not a procedure', () => {
    expect(cat.get('focus-on-problem')?.service).toBe('soft');
    expect(cat.get('focus-on-problem')?.category).toBe('emotion');
  });

  it('separates establishing the facts (a practice) from prying (a violation)', () => {
    const facts = cat.get('establish-facts');
    expect(facts).toMatchObject({ category: 'listening', polarity: 'practice', service: 'hard' });
    expect(cat.get('pry-and-press')?.polarity).toBe('violation');
  });

  it('splits the old urgency-and-admit into a hard and a soft ownership practice', () => {
    expect(cat.get('act-with-urgency')).toMatchObject({ category: 'ownership', polarity: 'practice', service: 'hard' });
    expect(cat.get('admit-mistake')).toMatchObject({ category: 'ownership', polarity: 'practice', service: 'soft' });
  });
});
