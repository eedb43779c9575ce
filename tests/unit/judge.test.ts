/** The offline own-words judge (src/engine/judge/) with the bundled signals, its bad input, and the signals lint. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCatalog, readScenario, readSignals } from '../../src/cli/files.js';
import { createJudge, loadSignals, MAX_CHARS, verdictOf } from '../../src/engine/judge/index.js';

const c = readCatalog();
if ('problems' in c) throw new Error('catalog');
const catalog = c.catalog;
const s = readSignals(catalog);
if ('problems' in s) throw new Error(JSON.stringify(s.problems));
const judge = createJudge(s.signals);
const ids = (text: string, locale?: 'zh-CN' | 'en') => judge(text, locale ? { locale } : {}).principles.map((f) => f.id).sort();

describe('judge', () => {
  it('finds practices and violations in both languages, mixed replies included', () => {
    expect(ids('我理解您的心情,但是规定就是规定。')).toEqual(['hide-behind-rules', 'understand-feelings']);
    expect(ids("I completely understand how you feel. Leave it with me and I'll call you back by 4pm.", 'en')).toEqual(['best-effort-promise', 'manage-expectations', 'own-the-problem', 'understand-feelings']);
    expect(ids('这是快递公司的事,您找快递吧。')).toEqual(['pass-the-buck']);
    expect(ids('Are you sure you didn’t order it yourself?', 'en')).toEqual(['doubt-honesty']);
  });
  it('reports each finding with polarity, a confidence and the evidence span in the text', () => {
    const text = '您好,欢迎光临!您慢慢说,不着急。';
    const r = judge(text, { locale: 'zh-CN' });
    for (const f of r.principles) {
      expect(f.polarity).toBe(catalog.get(f.id)!.polarity);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.evidence[0]).toBeGreaterThanOrEqual(0);
      expect(f.evidence[1]).toBeGreaterThan(f.evidence[0]);
    }
    const greet = r.principles.find((f) => f.id === 'welcome-greeting')!;
    expect(text.slice(...greet.evidence)).toBe('欢迎');
  });
  it('does not count a negated cue', () => {
    expect(ids('我不理解您的意思。')).not.toContain('understand-feelings');
    expect(ids("I won't hide behind the policy. What are you after?", 'en')).not.toContain('hide-behind-rules');
  });
  it('lets a principle yield to another: thanks inside a brush-off are not thanks', () => {
    expect(ids('Thanks for letting us know. We will see what we can do at some point.', 'en')).toEqual(['vague-brush-off']);
  });
  it('finds nothing in fact-finding, and says so', () => {
    const r = judge('请问您的订单号是多少?', { locale: 'zh-CN' });
    expect(r.principles).toEqual([]);
    expect(r.notice?.code).toBe('nothing-recognised');
    expect(r.notice?.message.en).toBeTruthy();
    expect(r.notice?.message['zh-CN']).toBeTruthy();
  });
  it('verdict: any violation is bad, practices alone good, nothing neutral', () => {
    expect(verdictOf(['practice', 'violation'])).toBe('bad');
    expect(verdictOf(['practice'])).toBe('good');
    expect(verdictOf([])).toBe('neutral');
  });
  it('finds the closest authored reply at a node', () => {
    const r = readScenario('scenarios/library/kettle-return.yaml', catalog);
    if (!r.ok) throw new Error('scenario');
    const node = r.scenario.nodes['open']!;
    const authored = node.choices[1]!.text['zh-CN']!;
    const res = judge(authored, { locale: 'zh-CN', scenario: r.scenario, node: 'open' });
    expect(res.closest).toMatchObject({ node: 'open', reply: 1 });
    expect(res.closest!.similarity).toBeGreaterThan(0.3);
    expect(judge('您好', { scenario: r.scenario, node: 'nowhere' }).notice?.code).toBe('unknown-node');
  });
});

describe('judge on bad input: a message, never a crash, under 100 ms', () => {
  const cases: [string, string, string | undefined][] = [
    ['empty', '', 'empty'],
    ['whitespace', ' \n\t　 ', 'empty'],
    ['10,000 characters', '我理解您的心情,'.repeat(1250), 'too-long'],
    ['10,000 Latin characters', 'a'.repeat(10_000), 'too-long'],
    ['binary', '\u0000\u0001\u0002PNG\u0000\u00ff\ufffd\ufffd', 'binary'],
    ['emoji only', '😀😡🙏👍', 'no-words'],
    ['mixed script', '我理解您的心情 and I will call you back by 5pm', undefined],
  ];
  for (const [name, text, code] of cases) {
    it(name, () => {
      const t = performance.now();
      const r = judge(text);
      expect(performance.now() - t).toBeLessThan(100);
      expect(Array.isArray(r.principles)).toBe(true);
      if (code) expect(r.notice?.code).toBe(code);
    });
  }
  it('judges a mixed-script reply in both languages', () => {
    expect(ids('我理解您的心情 and I will call you back by 5pm')).toEqual(['best-effort-promise', 'manage-expectations', 'understand-feelings']);
  });
  it('keeps evidence inside the judged part of a long reply', () => {
    const r = judge('x'.repeat(MAX_CHARS - 10) + ' take your time ' + 'y'.repeat(8000), { locale: 'en' });
    for (const f of r.principles) expect(f.evidence[1]).toBeLessThanOrEqual(MAX_CHARS);
  });
});

describe('signals lint', () => {
  const base = readFileSync('scenarios/judge-signals.yaml', 'utf8');
  const broken = (body: string) => loadSignals('signals.yaml', `version: 1\nprinciples:\n${body}`, catalog);
  it('the bundled file loads clean', () => {
    expect(loadSignals('scenarios/judge-signals.yaml', base, catalog).ok).toBe(true);
  });
  it('reports a pattern that does not compile at its line and column', () => {
    const r = broken("  - id: show-patience\n    en:\n      - 'take (your time'\n");
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ file: 'signals.yaml', line: 5, col: 9, code: 'bad-pattern' });
  });
  it('reports empty matches, nested quantifiers and unknown principles', () => {
    const r = broken("  - id: show-patienc\n    en: ['x']\n  - id: warm-farewell\n    en:\n      - 'a|'\n      - { re: '(?:\\w+)+x' }\n");
    expect(r.ok).toBe(false);
    const got = r.problems.map((p) => `${p.line}:${p.col} ${p.code}`);
    expect(got).toEqual(['3:9 unknown-principle', '7:9 bad-pattern', '8:15 slow-pattern']);
    expect(r.problems[0]!.hint).toContain('show-patience');
  });
});
