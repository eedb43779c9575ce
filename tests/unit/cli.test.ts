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

describe('dojo authoring commands', () => {
  it('new writes a starter for every type that passes lint with no findings', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'dojo-new-'));
    for (const type of ['angry', 'silent', 'talkative', 'expert']) {
      const out = join(dir, `${type}.yaml`);
      expect((await dojo('new', '--type', type, '--id', `my-${type}`, '--out', out)).code).toBe(0);
      const lint = await dojo('lint', out);
      expect(lint.code, lint.err + lint.out).toBe(0);
      expect(lint.out).toContain('0 error(s), 0 warning(s)');
      expect((await dojo('play', out, '--choices', '1,1')).code).toBe(0);
    }
    expect((await dojo('new', '--type', 'angry', '--id', 'my-angry', '--out', join(dir, 'angry.yaml'))).code).toBe(1);
    expect((await dojo('new', '--type', 'grumpy', '--id', 'x')).code).toBe(2);
  });

  it('lint finds unreachable nodes, loops with no way out, untagged replies, missing translations and bad teaching', async () => {
    const r = await dojo('lint', 'tests/fixtures/lint-problems.yaml', '--json');
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.out) as { code: string; line: number; severity: string }[]).map((p) => `${p.severity} ${p.code} ${p.line}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'warning unreachable 38',
        'error no-way-out 45',
        'error no-way-out 56',
        'warning untagged 23',
        'warning missing-translation 17',
        'warning no-difference 45',
        'warning signature 12',
      ]),
    );
  });

  it('lint is clean on every bundled scenario', async () => {
    const r = await dojo('lint', '--json', ...(await import('./helpers.js')).libraryFiles());
    expect(r.code).toBe(0);
    const found = JSON.parse(r.out) as { code: string; severity: string; file: string; line: number }[];
    // No warning of any kind: the audit's reading-free and stage-direction findings included (library v2).
    expect(found.filter((p) => p.severity !== 'info').map((p) => `${p.file}:${p.line} ${p.code}`)).toEqual([]);
  }, 300_000);

  it('graph prints a Mermaid flowchart with every node, ending and reply', async () => {
    const r = await dojo('graph', 'tests/fixtures/mini-angry.yaml', '--locale', 'en');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines).toContain('  n_open["open: Your broadband is down again!"]');
    expect(lines).toContain('  n_fix -->|"1 ✓ own-the-problem [trust≥45]"| n_end_won');
    expect(lines).toContain('  n_fix -->|"⏱ ✗ stall-or-hide"| n_end_escalated');
    expect(lines.some((l) => l.startsWith('  n_end_escalated(["end-escalated · escalated"]):::escalated'))).toBe(true);
    expect(lines.some((l) => l.startsWith('  classDef won_back fill:#2e8b57'))).toBe(true);
  });
});

describe('dojo play in the terminal', () => {
  it('reads replies from standard input, re-asks on nonsense, and prints the debrief', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync('node', ['bin/dojo.mjs', 'play', 'tests/fixtures/mini-angry.yaml', '--locale', 'en'], { input: '1\nnine\n1\n', encoding: 'utf8' });
    expect(out).toContain('Type the number of a reply');
    expect(out).toContain('Overall: 100 (S)');
  });

  it('stops with a message when input ends before the conversation does', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('node', ['bin/dojo.mjs', 'play', 'tests/fixtures/mini-angry.yaml', '--locale', 'en'], { input: '1\n', encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Input ended before the conversation did.');
  });
});

describe('bad input at the command line', () => {
  it('rejects a 10 MB file, a binary file and an alias bomb quickly, each with one located line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'dojo-bad-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'id: x\n' + '#'.repeat(10_000_000));
    const bomb = join(dir, 'bomb.yaml');
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    writeFileSync(bomb, lines.join('\n'));
    for (const [file, pattern] of [
      [big, /big\.yaml:1:1: file is 10\.0 MB/],
      ['tests/fixtures/bad/binary.yaml', /binary\.yaml:\d+:\d+: this is not a UTF-8 text file/],
      [bomb, /bomb\.yaml:1:1: YAML: .*alias/i],
    ] as const) {
      const t = Date.now();
      const r = await dojo('check', file);
      expect(Date.now() - t).toBeLessThan(2000);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(pattern);
      expect(r.err.split('\n')).toHaveLength(1);
    }
  });
});

describe('dojo lint, deeper checks', () => {
  it('finds a node that can leave the trainee stuck, an ending no play reaches, and text cut by a comment', async () => {
    const r = await dojo('lint', 'tests/fixtures/lint-more.yaml', '--json');
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.out) as { code: string; line: number; col: number; severity: string }[]).map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);
    expect(found).toEqual(expect.arrayContaining(['warning cut-by-comment 15:11', 'warning never-reached 37:5', 'error stuck 25:5']));
  });

  it('check reports a second file with the same id at its id line, and not as ok', async () => {
    const r = await dojo('check', 'tests/fixtures/mini-angry.yaml', 'tests/fixtures/mini-angry.yaml');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual(['ok tests/fixtures/mini-angry.yaml']);
    expect(r.err).toBe('tests/fixtures/mini-angry.yaml:2:5: scenario id "mini-angry" is also used by tests/fixtures/mini-angry.yaml:2');
  });
});

describe('dojo lint edge cases', () => {
  it('reports a scenario id used by two files, as check does', async () => {
    const r = await dojo('lint', 'tests/fixtures/mini-angry.yaml', 'tests/fixtures/mini-angry.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests/fixtures/mini-angry.yaml:2:5: scenario id "mini-angry" is also used by tests/fixtures/mini-angry.yaml:2');
  });

  it('lints a file that reuses text through many YAML aliases, as check accepts it', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const base = readFileSync('tests/fixtures/mini-angry.yaml', 'utf8').replace('feedback: { zh-CN: 推诿。, en: Passing the buck. }', 'feedback: &fb { zh-CN: 推诿。, en: Passing the buck. }');
    const file = join(mkdtempSync(join(tmpdir(), 'dojo-alias-')), 'alias.yaml');
    const extra = Array.from({ length: 150 }, (_, i) => `  - id: extra-${i}\n    line: x\n    choices:\n      - text: y\n        principles: [stay-calm]\n        feedback: *fb\n        next: end-won\n`).join('');
    writeFileSync(file, base.replace('endings:\n', extra + 'endings:\n'));
    expect((await dojo('check', file)).code).toBe(0);
    const r = await dojo('lint', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('node "extra-0" can never be reached');
  });
});
