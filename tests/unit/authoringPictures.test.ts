/** Issue 17, items 2 and 3: `dojo graph --svg|--html` and `dojo coverage`, on every library scenario. */
import { describe, expect, it } from 'vitest';
import { layoutScenario, wrap } from '../../src/engine/scenario/graphLayout.js';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { startSession } from '../../src/engine/session/session.js';
import { catalog, libraryFiles, loadFile, runDojo } from './helpers.js';

const dojo = runDojo;

describe('dojo graph --svg', () => {
  it('draws every node, ending and reply of every library scenario, boxes apart, the best and worst paths marked', async () => {
    const cat = catalog();
    for (const s of libraryFiles().map((f) => loadFile(f, cat))) {
      const play = { scenario: s, catalog: cat };
      const report = findPaths(play, startSession(play, 1));
      const g = layoutScenario(s, cat, 'zh-CN', { best: report.best!, worst: report.worst! });
      expect(g.boxes.filter((b) => b.kind !== 'breakdown').map((b) => b.id).sort()).toEqual([...s.order, ...Object.keys(s.endings)].sort());
      const replies = s.order.reduce((n, id) => n + [...s.nodes[id]!.choices, ...(s.nodes[id]!.onTimeout ? [s.nodes[id]!.onTimeout!] : [])].reduce((k, r) => k + r.next.length, 0), 0);
      expect(g.edges.filter((e) => !e.dashed)).toHaveLength(replies);
      for (const a of g.boxes) for (const b of g.boxes) if (a !== b) expect(Math.abs(a.x - b.x) * 2 >= a.width + b.width - 1 || Math.abs(a.y - b.y) * 2 >= a.height + b.height - 1, `${s.id}: ${a.id} overlaps ${b.id}`).toBe(true);
      expect(g.boxes.find((b) => b.id === report.best!.ending)!.best).toBe(true);
      expect(g.edges.some((e) => e.best)).toBe(true);
      expect(g.edges.some((e) => e.worst) || g.boxes.some((b) => b.kind === 'breakdown')).toBe(true);
    }
  }, 300_000);

  it('writes well-formed SVG and HTML in both languages, endings coloured by outcome', async () => {
    const file = libraryFiles().find((f) => f.endsWith('hotpot-wait.yaml'))!;
    const zh = await dojo('graph', file, '--svg', '--locale', 'zh-CN');
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(zh.out).toContain('最佳路线');
    expect(zh.out).toContain('fill="#2e8b57"');
    expect(zh.out.match(/<g class="box/g)!.length).toBeGreaterThan(5);
    expect(zh.out).not.toMatch(/<script/);
    const en = await dojo('graph', file, '--html', '--locale', 'en');
    expect(en.out).toContain('<html lang="en">');
    expect(en.out).toContain('best path');
    expect((await dojo('graph', file, '--svg', '--html')).code).toBe(2);
  });

  it('wraps Chinese without spaces and English at spaces', () => {
    expect(wrap('你们到底怎么排号的?我们六点十分就拿了号,等了快一个小时!', 100).every((l) => [...l].length <= 8)).toBe(true);
    expect(wrap('Your broadband is down again and again', 130)[0]).toBe('Your broadband is');
  });
});

describe('dojo coverage', () => {
  it('counts principles per scenario and across the library, with trains never used and principles never exercised', async () => {
    const r = await dojo('coverage', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as { scenarios: { id: string; principles: { id: string; replies: number; best: number; tempting: number }[]; unusedTrains: string[] }[]; principles: { id: string; scenarios: number }[]; neverExercised: string[] };
    expect(data.scenarios).toHaveLength(libraryFiles().length);
    const hotpot = data.scenarios.find((s) => s.id === 'hotpot-wait')!;
    expect(hotpot.principles.find((p) => p.id === 'let-them-vent')!.best).toBeGreaterThan(0);
    expect(hotpot.principles.some((p) => p.tempting > 0)).toBe(true);
    const ids = new Set(catalog().principles.map((p) => p.id));
    expect(data.principles.every((p) => ids.has(p.id))).toBe(true);
    expect(data.neverExercised.every((id) => !data.principles.some((p) => p.id === id))).toBe(true);
    const mini = await dojo('coverage', 'tests/fixtures/mini-angry.yaml', '--json');
    const m = JSON.parse(mini.out) as typeof data;
    expect(m.neverExercised).toContain('let-them-vent');
    const zh = await dojo('coverage', 'tests/fixtures/mini-angry.yaml', '--locale', 'zh-CN');
    expect(zh.out).toContain('没有任何场景练到');
  }, 120_000);
});
