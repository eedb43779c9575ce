/** The dojo CLI as a trainer runs it: exit codes, located messages, no stack traces. */
import { describe, expect, it } from 'vitest';
import { main, type Output } from '../../src/cli/main.js';
import { listGoldens, readGolden } from '../../src/cli/golden.js';

async function dojo(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dojo CLI', () => {
  it('lists at least 30 principles as JSON, each with a seed source', async () => {
    const r = await dojo('principles', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as { principles: { id: string; sources: { file: string }[] }[] };
    expect(data.principles.length).toBeGreaterThanOrEqual(30);
    expect(data.principles.every((p) => p.sources.length > 0 && /^00[0-4]_/.test(p.sources[0]!.file))).toBe(true);
  });

  it('check: 0 for a valid file, 1 with file:line:col for a broken one, 2 for bad usage', async () => {
    expect((await dojo('check', 'tests/fixtures/mini-angry.yaml')).code).toBe(0);
    const bad = await dojo('check', 'tests/fixtures/bad/many-problems.yaml');
    expect(bad.code).toBe(1);
    expect(bad.err.split('\n')).toContain('tests/fixtures/bad/many-problems.yaml:17:15: no node or ending "nowhere"');
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect((await dojo('check')).code).toBe(2);
    expect((await dojo('check', '--bogus', 'x')).code).toBe(2);
    expect((await dojo('nonsense')).code).toBe(2);
    const missing = await dojo('check', 'no/such/file.yaml');
    expect(missing).toMatchObject({ code: 1, err: 'no/such/file.yaml:1:1: no such file' });
  });

  it('play: prints the transcript and debrief, JSON equal to the golden record', async () => {
    for (const file of listGoldens()) {
      const g = readGolden(file);
      const r = await dojo('play', g.scenario, '--choices', g.choices, '--seed', String(g.seed), '--locale', g.locale, '--json');
      expect(r.code, file).toBe(0);
      expect(JSON.parse(r.out)).toEqual(g.expected);
    }
    const text = await dojo('play', 'tests/fixtures/mini-angry.yaml', '--choices', '1,1', '--locale', 'en');
    expect(text.out).toContain('Overall: 100 (S)');
    expect(text.out).toContain('Service type: Quality service');
  });

  it('play: refuses impossible choices with a clear message', async () => {
    const r = await dojo('play', 'tests/fixtures/mini-angry.yaml', '--choices', '1,5');
    expect(r.code).toBe(1);
    expect(r.err).toContain('turn 2 (node "fix"): there is no choice 5 here (choices 1–2)');
    const short = await dojo('play', 'tests/fixtures/mini-angry.yaml', '--choices', '1');
    expect(short.code).toBe(1);
    expect(short.err).toContain('has not ended after 1 choice(s)');
    expect((await dojo('play', 'tests/fixtures/mini-angry.yaml', '--choices', 'x')).code).toBe(2);
  });

  it('paths: every ending with the best and worst routes', async () => {
    const r = await dojo('paths', 'tests/fixtures/mini-angry.yaml', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.exact).toBe(true);
    expect(report.best).toMatchObject({ ending: 'end-won', picks: [1, 1], overall: 100 });
    expect(report.worst).toMatchObject({ ending: 'end-escalated', picks: [3], overall: 0 });
    expect(report.endings.every((e: { reachable: boolean }) => e.reachable)).toBe(true);
  });
});
