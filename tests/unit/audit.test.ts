/**
 * `dojo audit`: can a scenario be won without reading? Small scenarios written here, one whose
 * best replies are always the longest and most courteous (it must be caught) and one whose
 * wrong replies are the long, courteous ones (it must not), scored with the real catalog.
 * Assertions are about properties (good ending or not, grade band, shares), not today's figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditFindings,
  auditLibrary,
  auditScenario,
  courtesyCount,
  giveaways,
  keyGiveaway,
  openingOf,
  playStrategy,
  stageDirectionsIn,
  textLength,
  type At,
  type ScenarioAudit,
  type StrategyResult,
} from '../../src/engine/audit/index.js';
import { main, type Output } from '../../src/cli/main.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { lintScenario } from '../../src/engine/scenario/lint.js';
import { GOOD_OUTCOMES } from '../../src/engine/scenario/model.js';
import type { Play } from '../../src/engine/session/session.js';
import { catalog } from './helpers.js';

const cat = catalog();

interface Reply {
  zh: string;
  en: string;
  principles: string;
  next: string;
  /** Extra YAML lines for the reply (e.g. effects). */
  extra?: string;
}

/** Three decisions; at each, the replies in the order given. The last node's good reply wins the customer back. */
function scenarioText(id: string, nodes: Reply[][]): string {
  const node = (replies: Reply[], i: number) =>
    [
      `  - id: n${i + 1}`,
      `    line: { zh-CN: "第${i + 1}句。", en: "Line ${i + 1}." }`,
      '    choices:',
      ...replies.flatMap((r) => [
        `      - text: { zh-CN: "${r.zh}", en: "${r.en}" }`,
        `        principles: [${r.principles}]`,
        '        feedback: { zh-CN: 反馈。, en: Feedback. }',
        `        next: ${r.next}`,
        ...(r.extra ? [`        ${r.extra}`] : []),
      ]),
    ].join('\n');
  return `id: ${id}
title: { zh-CN: 测试, en: Test }
difficulty: 1
setting: call-centre
brief: { zh-CN: 测试。, en: A test. }
customer:
  type: angry
  name: { zh-CN: 王先生, en: Mr Wang }
  persona: { zh-CN: 店主。, en: A shop owner. }
nodes:
${nodes.map(node).join('\n')}
endings:
  - id: end-won
    outcome: won-back
    summary: { zh-CN: 挽回。, en: Won back. }
  - id: end-bad
    outcome: escalated
    summary: { zh-CN: 升级。, en: Escalated. }
`;
}

const GOOD = ['understand-feelings', 'own-the-problem', 'offer-alternative'];
const next = (i: number) => (i < 2 ? `n${i + 2}` : 'end-won');

/**
 * Giveaway: the best reply is the longest and the most courteous at every decision, opens
 * "您说得对" / "You're right" each time, and carries stage directions; the best sits at 1, 2, 3.
 */
const GIVEAWAY = scenarioText(
  'giveaway',
  [0, 1, 2].map((i) => {
    const best: Reply = {
      zh: `${i === 0 ? '(放低音量,放慢语速)' : ''}您说得对,非常抱歉让您久等了,请您放心,这件事我现在就亲自为您处理到底,谢谢您的耐心。`,
      en: `${i === 0 ? '(Lowering your voice) ' : ''}You're right, and I'm so sorry you've been kept waiting. Please don't worry: I'm handling this myself, right now, and I'll see it through. Thank you for your patience.`,
      principles: GOOD[i]!,
      next: next(i),
    };
    const wrong1: Reply = { zh: i === 1 ? '（低头看手机）嗯。' : '不是我们的错。', en: i === 1 ? '（Looks at phone）Hm.' : 'Not our fault.', principles: 'argue-back', next: 'end-bad' };
    const wrong2: Reply = { zh: '这个办不了。', en: "Can't be done.", principles: 'flat-refusal', next: 'end-bad' };
    return i === 0 ? [best, wrong1, wrong2] : i === 1 ? [wrong1, best, wrong2] : [wrong1, wrong2, best];
  }),
);

/**
 * Fair: the wrong replies are the long, courteous one and the short, blunt one; the best is
 * plain and in between, and moves around (2, 3, 1).
 */
const FAIR = scenarioText(
  'fair',
  [0, 1, 2].map((i) => {
    const best: Reply = { zh: `我来办:${['先把情况记下', '今天给您回电', '换一台给您'][i]}。`, en: ['I will note it all down now.', 'I will call you back today.', 'I can swap it for a new one.'][i]!, principles: GOOD[i]!, next: next(i) };
    const polite: Reply = {
      zh: '非常抱歉给您添麻烦了,请您理解,也感谢您的耐心,不过这种情况我们确实没有什么办法,您看您再等等吧,谢谢您。',
      en: "I'm so sorry for the trouble, and thank you for your patience; please understand, though, that there is really nothing we can do about this, so I'm afraid you'll just have to wait. Thank you.",
      principles: 'vague-brush-off',
      next: 'end-bad',
    };
    const blunt: Reply = { zh: '不行。', en: 'No.', principles: 'flat-refusal', next: 'end-bad' };
    return i === 0 ? [polite, best, blunt] : i === 1 ? [blunt, polite, best] : [best, blunt, polite];
  }),
);

function playOf(file: string, text: string): Play {
  const r = loadScenario(file, text, cat);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n'));
  return { scenario: r.scenario, catalog: cat };
}

/** 1-based line of the first line holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const result = (a: ScenarioAudit, strategy: string, locale: string): StrategyResult => a.strategies.find((r) => r.strategy === strategy && r.locale === locale)!;
const good = (o: string | null) => o !== null && (GOOD_OUTCOMES as readonly string[]).includes(o);

describe('reading-free strategies', () => {
  const giveaway = playOf('giveaway.yaml', GIVEAWAY);
  const fair = playOf('fair.yaml', FAIR);

  it('always-longest wins a scenario whose best reply is always the longest, in both languages', () => {
    const a = auditScenario(giveaway, { seeds: 5 });
    for (const l of ['zh-CN', 'en']) {
      const r = result(a, 'longest', l);
      expect(r.picks).toEqual([1, 2, 3]);
      expect(r.outcomes).toEqual({ 'won-back': 1 });
      expect(r.goodShare).toBe(1);
      expect(r.mean).toBeGreaterThanOrEqual(80);
      expect(['S', 'A']).toContain(r.grade);
      const c = result(a, 'courteous', l);
      expect(c.picks).toEqual([1, 2, 3]);
      expect(c.goodShare).toBe(1);
      // Shortest picks a blunt wrong reply at the first decision and is shown the door.
      expect(result(a, 'shortest', l).goodShare).toBe(0);
      expect(result(a, 'shortest', l).mean).toBeLessThan(65);
    }
    expect(a.readingFree.map((w) => `${w.strategy} ${w.locale}`).sort()).toEqual(['courteous en', 'courteous zh-CN', 'longest en', 'longest zh-CN']);
  });

  it('no reading-free strategy does well where the wrong replies are the long, courteous and short ones', () => {
    const a = auditScenario(fair, { seeds: 5 });
    for (const l of ['zh-CN', 'en']) {
      expect(result(a, 'longest', l).picks).toEqual([1]);
      expect(result(a, 'courteous', l).picks).toEqual([1]);
      expect(result(a, 'shortest', l).picks).toEqual([3]);
      for (const st of ['longest', 'shortest', 'courteous']) {
        const r = result(a, st, l);
        expect(r.mean, `${st} ${l}`).toBeLessThan(65);
        expect(r.goodShare, `${st} ${l}`).toBe(0);
        expect(good(r.runs[0]!.outcome)).toBe(false);
      }
    }
    expect(a.readingFree).toEqual([]);
  });

  it('measures length in characters and counts the documented courtesy markers', () => {
    expect(textLength(' 您好。 ')).toBe(3);
    expect(textLength('Hi there')).toBe(8);
    expect(courtesyCount('您好,请稍等,不好意思,谢谢您!', 'zh-CN')).toBe(5);
    expect(courtesyCount('不行。', 'zh-CN')).toBe(0);
    expect(courtesyCount("Sorry, please understand. Thanks, and I'm afraid we apologize; I appreciate it.", 'en')).toBe(7);
    expect(courtesyCount('Thank you ’n I’m afraid', 'en')).toBe(2);
    expect(courtesyCount('No.', 'en')).toBe(0);
  });

  it('is deterministic, and the random strategy is seeded: the same report twice, a mean that is the mean of its runs', () => {
    const a = auditScenario(giveaway, { seeds: 12 });
    const b = auditScenario(giveaway, { seeds: 12 });
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    const r = result(a, 'random', 'zh-CN');
    expect(r.runs.map((x) => x.seed)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const ended = r.runs.filter((x) => x.overall !== null);
    expect(r.mean).toBeCloseTo(ended.reduce((s, x) => s + x.overall!, 0) / ended.length, 1);
    expect(r.goodShare).toBeCloseTo(r.runs.filter((x) => good(x.outcome)).length / 12, 3);
    // Random really varies with the seed: over 60 seeds every reply of the first decision is picked.
    const firsts = new Set(Array.from({ length: 60 }, (_, i) => playStrategy(giveaway, 'random', 'en', i + 1).picks[0]));
    expect(firsts).toEqual(new Set([1, 2, 3]));
    expect(auditScenario(giveaway, { seeds: 3 }).seeds).toBe(3);
    expect(() => auditScenario(giveaway, { seeds: 0 })).toThrow();
  });

  it('stops a play at the turn cap and reports it, instead of looping for ever', () => {
    const loop = playOf(
      'loop.yaml',
      scenarioText('loop', [
        [
          // Meters held still, so the customer never breaks off: only the turn cap ends it.
          { zh: '我们再聊聊这个问题吧,您再说一遍。', en: "Let's go over it again, tell me once more.", principles: 'vague-brush-off', next: 'n1', extra: 'effects: { anger: 0, trust: 0, patience: 0 }' },
          { zh: '我来办。', en: "I'll do it.", principles: 'own-the-problem', next: 'end-won' },
        ],
      ]),
    );
    const run = playStrategy(loop, 'longest', 'en', 1, 10);
    expect(run.stopped).toBe('turn-cap');
    expect(run.picks).toHaveLength(10);
    expect(run.overall).toBeNull();
    const a = auditScenario(loop, { seeds: 2, turnCap: 10 });
    expect(result(a, 'longest', 'zh-CN')).toMatchObject({ mean: null, grade: null, stopped: 1, goodShare: 0 });
    expect(result(a, 'shortest', 'zh-CN')).toMatchObject({ outcomes: { 'won-back': 1 }, stopped: 0 });
  });
});

describe('giveaways', () => {
  const giveaway = playOf('giveaway.yaml', GIVEAWAY);
  const fair = playOf('fair.yaml', FAIR);

  it('the best reply is the longest at every decision of the giveaway, and at none of the fair one', () => {
    const g = giveaways(giveaway.scenario, cat);
    for (const l of ['zh-CN', 'en'] as const) {
      const len = g.languages[l].length;
      expect(len).toMatchObject({ decisions: 3, tied: 0, bestIsLongest: 3, share: 1 });
      expect(len.medianRatio).toBeGreaterThan(2);
      expect(len.medianLength.best!).toBeGreaterThan(len.medianLength.others! * 2);
      expect(len.nodes.map((n) => n.best)).toEqual([1, 2, 3]);
      const f = giveaways(fair.scenario, cat).languages[l].length;
      expect(f).toMatchObject({ decisions: 3, bestIsLongest: 0, share: 0 });
      expect(f.medianRatio).toBeLessThan(1);
    }
  });

  it('finds stage directions in full-width and ASCII brackets, in both languages, at the reply', () => {
    expect(stageDirectionsIn('(放低音量,放慢语速)陈先生,对不起。')).toEqual(['(放低音量,放慢语速)']);
    expect(stageDirectionsIn('（低头看手机）嗯。')).toEqual(['（低头看手机）']);
    expect(stageDirectionsIn('(answering messages on your phone)')).toEqual(['(answering messages on your phone)']);
    expect(stageDirectionsIn('（Smiling） Of course.')).toEqual(['（Smiling）']);
    expect(stageDirectionsIn('(回头)好的。(转回来)')).toEqual(['(回头)', '(转回来)']);
    // Not manner or action: a number, an abbreviation, no brackets at all.
    expect(stageDirectionsIn('We will call you (within 2 hours) and send the B/L (B/L) by 5 pm (17:00).')).toEqual(['(within 2 hours)']);
    expect(stageDirectionsIn('请在(14:00前)回复,提单(B/L)已寄出。')).toEqual([]);
    expect(stageDirectionsIn('您好,请坐。')).toEqual([]);

    const g = giveaways(giveaway.scenario, cat);
    const zh = g.languages['zh-CN'].stageDirections;
    const en = g.languages.en.stageDirections;
    expect(zh.map((d) => `${d.node} ${d.choice} ${d.text} ${d.best} ${d.whole}`)).toEqual(['n1 1 (放低音量,放慢语速) true false', 'n2 1 （低头看手机） false false']);
    expect(en.map((d) => `${d.node} ${d.choice} ${d.text}`)).toEqual(['n1 1 (Lowering your voice)', 'n2 1 （Looks at phone）']);
    expect(zh[0]!.loc.line).toBe(lineOf(GIVEAWAY, '(放低音量'));
    expect(zh[1]!.loc.line).toBe(lineOf(GIVEAWAY, '（低头看手机）'));
    expect(en[1]!.loc).toEqual(zh[1]!.loc);
    expect(giveaways(fair.scenario, cat).languages['zh-CN'].stageDirections).toEqual([]);
  });

  it('groups replies that open with the same words, three or more, with where they are', () => {
    expect(openingOf('(放低音量)您说得对,非常抱歉。', 'zh-CN')).toBe('您说得对');
    expect(openingOf('您好。', 'zh-CN')).toBeNull();
    expect(openingOf('You’re right, and I’m sorry.', 'en')).toBe("you're right");
    expect(openingOf('(Quietly) YOU\'RE RIGHT.', 'en')).toBe("you're right");
    expect(openingOf('No.', 'en')).toBeNull();
    const g = giveaways(giveaway.scenario, cat);
    for (const [l, opening, blunt] of [['zh-CN', '您说得对', '这个办不'], ['en', "you're right", "can't be"]] as const) {
      const groups = g.languages[l].sharedOpenings;
      expect(groups.map((o) => [o.opening, o.replies.length, o.best])).toEqual([[opening, 3, 3], [blunt, 3, 0]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      const right = groups.find((o) => o.opening === opening)!;
      expect(right.replies.map((r) => `${r.node} ${r.choice} ${r.best}`)).toEqual(['n1 1 true', 'n2 2 true', 'n3 3 true']);
      expect(right.replies.map((r) => r.loc.line)).toEqual(['n1', 'n2', 'n3'].map((n) => lineOf(GIVEAWAY, `- id: ${n}`) + 3 + (n === 'n1' ? 0 : n === 'n2' ? 4 : 8)));
    }
    // The fair scenario's polite reply opens three nodes the same way: reported, and none of them best.
    const fg = giveaways(fair.scenario, cat).languages.en.sharedOpenings;
    expect(fg.map((o) => [o.opening, o.replies.length, o.best])).toEqual([["i'm so", 3, 0]]);
    // "不行" is only two characters, "No." one word: too short to compare, so no group.
    expect(giveaways(fair.scenario, cat).languages['zh-CN'].sharedOpenings.map((o) => o.opening)).toEqual(['非常抱歉']);
  });

  it('the best reply under one key: the distribution of its positions, flagged at 80% or more', () => {
    expect(keyGiveaway(giveaway.scenario, cat)).toMatchObject({ decisions: 3, positions: { 1: 1, 2: 1, 3: 1 }, giveaway: false });
    const always1 = playOf(
      'key.yaml',
      scenarioText(
        'key',
        [0, 1, 2].map((i) => [
          { zh: '我来处理。', en: "I'll handle it.", principles: GOOD[i]!, next: next(i) },
          { zh: '不行。', en: 'No.', principles: 'flat-refusal', next: 'end-bad' },
        ]),
      ),
    );
    expect(keyGiveaway(always1.scenario, cat)).toEqual({ decisions: 3, positions: { 1: 3 }, key: 1, share: 1, giveaway: true });
  });

  it('a decision whose best value is shared has no best reply', () => {
    const tied = playOf(
      'tied.yaml',
      scenarioText('tied', [
        [
          { zh: '我来处理这个问题。', en: "I'll handle it myself.", principles: 'own-the-problem', next: 'end-won' },
          { zh: '我们换一个给您。', en: "We'll swap it.", principles: 'offer-alternative', next: 'end-won' },
          { zh: '不行。', en: 'No.', principles: 'flat-refusal', next: 'end-bad' },
        ],
      ]),
    );
    const len = giveaways(tied.scenario, cat).languages.en.length;
    expect(len).toMatchObject({ decisions: 0, tied: 1, bestIsLongest: 0, share: 0, medianRatio: null });
    expect(keyGiveaway(tied.scenario, cat)).toMatchObject({ decisions: 0, key: null, giveaway: false });
  });

  it('sums up a library: mean per strategy and language, good endings, best-is-longest over all decisions', () => {
    const a = auditScenario(giveaway, { seeds: 4 });
    const b = auditScenario(fair, { seeds: 4 });
    const lib = auditLibrary([a, b]);
    expect(lib.scenarios).toBe(2);
    const longestZh = lib.strategies.find((s) => s.strategy === 'longest' && s.locale === 'zh-CN')!;
    expect(longestZh.mean).toBeCloseTo((result(a, 'longest', 'zh-CN').mean! + result(b, 'longest', 'zh-CN').mean!) / 2, 1);
    expect(longestZh).toMatchObject({ goodEndings: 1, doWell: 1 });
    expect(lib.bestIsLongest['zh-CN']).toEqual({ decisions: 6, bestIsLongest: 3, share: 0.5 });
    expect(lib.stageDirections).toBe(2);
    expect(lib.sameKey).toBe(0);
  });
});

describe('lint', () => {
  const findings = (file: string, text: string) => {
    const r = lintScenario(file, text, cat);
    return r.problems.filter((p) => p.code === 'reading-free' || p.code === 'stage-direction');
  };

  it('warns when a reading-free strategy does well, at the first node, with a hint; and at every stage direction', () => {
    const found = findings('giveaway.yaml', GIVEAWAY);
    const rf = found.filter((p) => p.code === 'reading-free');
    expect(rf.map((p) => p.message.split(',')[0])).toEqual(['picking the longest reply every time', 'picking the reply with the most courtesy words (您']);
    expect(rf.every((p) => p.severity === 'warning' && p.line === lineOf(GIVEAWAY, '- id: n1') && /as long/.test(p.hint!) === p.message.includes('longest'))).toBe(true);
    expect(rf[0]!.message).toMatch(/zh-CN \d+ \((S|A), won-back\), en \d+ \((S|A), won-back\)/);
    const sd = found.filter((p) => p.code === 'stage-direction');
    expect(sd.map((p) => p.line)).toEqual([lineOf(GIVEAWAY, '(放低音量'), lineOf(GIVEAWAY, '（低头看手机）')]);
    expect(sd[0]!.message).toContain('"(放低音量,放慢语速)" / "(Lowering your voice)"');
    expect(sd[1]!.message).toContain('"（低头看手机）" / "（Looks at phone）"');
  });

  it('says nothing of the kind about the fair scenario', () => {
    expect(findings('fair.yaml', FAIR)).toEqual([]);
  });

  it('auditFindings can be called on its own, with any sink', () => {
    const seen: string[] = [];
    const at: At = (loc, severity, code) => seen.push(`${severity} ${code} ${loc.line}`);
    auditFindings(playOf('giveaway.yaml', GIVEAWAY).scenario, cat, at);
    expect(seen).toContain(`warning reading-free ${lineOf(GIVEAWAY, '- id: n1')}`);
    expect(seen).toContain(`warning stage-direction ${lineOf(GIVEAWAY, '（低头看手机）')}`);
  });
});

describe('dojo audit', () => {
  async function dojo(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await main(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dojo-audit-'));
  const giveawayFile = join(dir, 'giveaway.yaml');
  const fairFile = join(dir, 'fair.yaml');
  writeFileSync(giveawayFile, GIVEAWAY);
  writeFileSync(fairFile, FAIR);

  it('prints a table per scenario with the giveaways located, and a library summary', async () => {
    const r = await dojo('audit', giveawayFile, fairFile, '--seeds', '3');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.find((l) => l.trimStart().startsWith('longest reply'))).toMatch(/longest reply\s+\d+ [SA]\s+won-back\s+\d+ [SA]\s+won-back\s+⚠/);
    expect(r.out).toContain('random (3 seeds)');
    expect(r.out).toContain('⚠ can be won without reading: longest (zh-CN, en), most courteous (zh-CN, en)');
    expect(r.out).toContain('✓ no reading-free strategy does well');
    expect(r.out).toContain(`${giveawayFile}:${lineOf(GIVEAWAY, '(放低音量')}:9  n1 reply 1 (best): (放低音量,放慢语速) / (Lowering your voice)`);
    expect(r.out).toContain('3 replies open "您说得对…" / "you\'re right…", 3 of them the best:');
    expect(r.out).toMatch(/best is the longest\s+3\/3 decisions \(100%\)\s+3\/3 decisions \(100%\)\n/);
    expect(r.out).toMatch(/best is the longest\s+0\/3 decisions \(0%\)/);
    expect(r.out).toContain('library: 2 scenarios');
    expect(r.out).toMatch(/best reply is the longest: zh-CN 50% of 6 decisions; en 50% of 6 decisions/);
  });

  it('--json prints the full report: every strategy in both languages, the giveaways, the summary', async () => {
    const r = await dojo('audit', giveawayFile, fairFile, '--json', '--seeds', '2');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as { scenarios: ScenarioAudit[]; library: { scenarios: number } };
    expect(data.scenarios.map((s) => s.id)).toEqual(['giveaway', 'fair']);
    const s = data.scenarios[0]!;
    expect(s.seeds).toBe(2);
    expect(s.strategies.map((x) => `${x.strategy} ${x.locale}`)).toEqual([
      'longest zh-CN', 'longest en', 'shortest zh-CN', 'shortest en', 'courteous zh-CN', 'courteous en', 'random zh-CN', 'random en',
    ]);
    expect(result(s, 'random', 'en').runs).toHaveLength(2);
    expect(Object.keys(s.giveaways.languages)).toEqual(['zh-CN', 'en']);
    expect(s.giveaways.languages.en.stageDirections[0]!.loc).toEqual({ line: lineOf(GIVEAWAY, '(放低音量'), col: 9 });
    expect(data.library.scenarios).toBe(2);
    const one = JSON.parse((await dojo('audit', fairFile, '--json')).out);
    expect(one.library).toBeUndefined();
    expect(one.scenarios[0].seeds).toBe(20);
  });

  it('exit 1 with file:line:col for a broken file (the valid ones still reported); 2 for bad usage', async () => {
    const bad = await dojo('audit', 'tests/fixtures/bad/many-problems.yaml', fairFile);
    expect(bad.code).toBe(1);
    expect(bad.err.split('\n')).toContain('tests/fixtures/bad/many-problems.yaml:17:15: no node or ending "nowhere"');
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect(bad.out).toContain(`${fairFile}  fair`);
    expect((await dojo('audit', 'no/such/file.yaml')).err).toBe('no/such/file.yaml:1:1: no such file');
    expect((await dojo('audit', fairFile, fairFile)).code).toBe(1);
    expect((await dojo('audit')).code).toBe(2);
    expect((await dojo('audit', fairFile, '--seeds', '0')).code).toBe(2);
    expect((await dojo('audit', fairFile, '--seeds', 'many')).code).toBe(2);
    expect((await dojo('audit', fairFile, '--bogus')).code).toBe(2);
  });
});
