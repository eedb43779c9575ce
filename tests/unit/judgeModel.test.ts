/** The judge's trained n-gram model: reproducible from the committed training files, checked when loaded, and combined with the cues. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE, modelText, poolPrinciples, readPool, train } from '../../bench/judgeTrain.js';
import { DEFAULT_SIGNALS, readCatalog, readSignals } from '../../src/cli/files.js';
import { createJudge, fromPortable, toPortable } from '../../src/engine/judge/index.js';
import { featuresOf, modelProblem } from '../../src/engine/judge/model.js';
import { readSplit } from '../../bench/judgeSplit.js';

const c = readCatalog();
if ('problems' in c) throw new Error('catalog');
const catalog = c.catalog;
const s = readSignals(catalog);
if ('problems' in s) throw new Error(JSON.stringify(s.problems));
const signals = s.signals;
const known = new Set(catalog.principles.map((p) => p.id));

describe('judge model', () => {
  it('the committed weights are what npm run judge:train makes from the committed training files', { timeout: 180_000 }, () => {
    const rows = readPool();
    expect(modelText(train(rows, poolPrinciples(rows)))).toBe(readFileSync(MODEL_FILE, 'utf8'));
  });
  it('trains on train-only replies: never one of the frozen test split', () => {
    const test = new Set(readSplit().test);
    const rows = readPool();
    expect(rows.length).toBeGreaterThan(900);
    expect(rows.filter((r) => test.has(r.id))).toEqual([]);
  });
  it('features: Chinese character 1–3-grams, English words, word pairs and character 3–5-grams, lowercased', () => {
    expect(featuresOf('您好!').sort()).toEqual(['好', '您', '您好'].sort());
    const en = featuresOf('Take care');
    expect(en).toEqual(expect.arrayContaining(['w:take', 'w:care', 'b:take care', 'c: ta', 'c:take ', 'c: care']));
    expect(en.some((f) => /[A-Z]/.test(f))).toBe(false);
    expect(featuresOf('我不理解 ok')).toEqual(expect.arrayContaining(['不理解', 'w:ok']));
  });
  it('finds what no cue names, with the best clause as evidence and its probability as confidence', () => {
    const text = "Yeah, this shop is hopeless, I'd be annoyed too.";
    const { model: _m, ...cuesOnly } = signals;
    expect(createJudge(cuesOnly)(text, { locale: 'en' }).principles.map((f) => f.id)).not.toContain('complain-along');
    const f = createJudge(signals)(text, { locale: 'en' }).principles.find((x) => x.id === 'complain-along')!;
    expect(f.polarity).toBe('violation');
    expect(f.confidence).toBeGreaterThanOrEqual(signals.model!.threshold.violation);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(text.slice(...f.evidence)).toMatch(/hopeless/);
  });
  it('a negated cue keeps the model from finding that principle too', () => {
    const judge = createJudge(signals);
    expect(judge('我不理解您的意思。', { locale: 'zh-CN' }).principles.map((f) => f.id)).not.toContain('understand-feelings');
    expect(judge("I don't understand what you mean.", { locale: 'en' }).principles.map((f) => f.id)).not.toContain('understand-feelings');
  });
  it('with nothing found, the "says something" head reports the likeliest principle; a neutral question stays neutral', () => {
    const judge = createJudge(signals);
    const text = '哎,这事儿闹的,真够您受的。';
    const found = judge(text, { locale: 'zh-CN' }).principles;
    expect(found.map((f) => f.id)).toEqual(['understand-feelings']);
    expect(found[0]!.confidence).toBeLessThan(signals.model!.threshold.practice);
    const strict = createJudge({ ...signals, model: { ...signals.model!, threshold: { ...signals.model!.threshold, any: 0.9999 } } });
    expect(strict(text, { locale: 'zh-CN' }).principles).toEqual([]);
    expect(judge('请问您的订单号是多少?', { locale: 'zh-CN' }).principles).toEqual([]);
    expect(judge("What's the serial number on the back?", { locale: 'en' }).principles).toEqual([]);
  });
  it('is deterministic and travels to the browser as data', () => {
    const a = createJudge(signals)('您这火气我懂,这破系统确实不行。', { locale: 'zh-CN' });
    const b = createJudge(fromPortable(JSON.parse(JSON.stringify(toPortable(signals)))))('您这火气我懂,这破系统确实不行。', { locale: 'zh-CN' });
    expect(b).toEqual(a);
  });
  it('a weights file that does not fit is refused with a clear message', () => {
    const good = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
    expect(modelProblem(good, known)).toBeUndefined();
    expect(modelProblem(null, known)).toMatch(/version 1/);
    expect(modelProblem({ ...good, principles: ['no-such', ...good.principles.slice(1)] }, known)).toMatch(/unknown principle "no-such"/);
    expect(modelProblem({ ...good, threshold: { practice: 2, violation: 0.3 } }, known)).toMatch(/threshold/);
    expect(modelProblem({ ...good, weights: { x: [99, 1] } }, known)).toMatch(/weights of "x"/);
    expect(modelProblem({ ...good, threshold: { practice: 0.5, violation: 0.5 } }, known)).toMatch(/threshold\.any/);
    expect(modelProblem({ ...good, threshold: { ...good.threshold, any: 1.5 } }, known)).toMatch(/threshold\.any/);
    expect(modelProblem({ ...good, threshold: { ...good.threshold, violationBias: -1 } }, known)).toMatch(/violationBias/);
    const dir = mkdtempSync(join(tmpdir(), 'judge-model-'));
    writeFileSync(join(dir, 'bad.json'), '{not json');
    const r = readSignals(catalog, DEFAULT_SIGNALS, join(dir, 'bad.json'));
    expect('problems' in r && r.problems[0]!.message).toMatch(/not JSON/);
    expect('signals' in r).toBe(false);
    const none = readSignals(catalog, DEFAULT_SIGNALS, join(dir, 'absent.json'));
    expect('signals' in none && none.signals.model).toBeUndefined();
  });
});
