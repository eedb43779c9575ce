/** `dojo judge` run as a trainer runs it: the real command line, its JSON lines, its lint. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function dojo(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/dojo.mjs', 'judge', ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case starts the real CLI (tsx compiles it): slow on a busy machine, hence the long timeout.
describe('dojo judge', { timeout: 180_000 }, () => {
  it('--text prints what was found with its evidence, in the reply’s language', () => {
    const zh = dojo(['--text', '我理解您的心情,但是规定就是规定。']);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('✓ 表示理解客户心情 (understand-feelings)');
    expect(zh.out).toContain('“理解您的心情”');
    expect(zh.out).toContain('判断: 差');
    const en = dojo(['--text', 'Take your time, I’m listening.', '--locale', 'en', '--json']);
    expect(JSON.parse(en.out).principles.map((p: { id: string }) => p.id)).toEqual(['show-patience']);
  });
  it('--scenario and --node add the closest authored reply', () => {
    const r = dojo(['--text', '您好,您慢慢说,这壶是哪儿不对劲了?', '--scenario', 'kettle-return', '--node', 'open', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).closest).toMatchObject({ node: 'open', reply: 1 });
    expect(dojo(['--text', 'x', '--scenario', 'no-such-scenario', '--node', 'open']).code).toBe(1);
    expect(dojo(['--text', 'x', '--scenario', 'kettle-return']).code).toBe(2);
  });
  it('--jsonl answers every line in order; a bad line gets an error and the rest go on', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: '不行,退不了。' }),
      'not json',
      JSON.stringify({ id: 'b' }),
      JSON.stringify({ id: 'c', text: 'Sorry to hear that. I can swap it for another one, or refund it.', locale: 'en' }),
      JSON.stringify({ id: 'd', text: 'hi', locale: 'fr' }),
      JSON.stringify({ id: 'e', text: '😀😀' }),
      JSON.stringify({ id: 'f', text: '您好', scenario: 'kettle-return', node: 'open' }),
    ];
    const r = dojo(['--jsonl'], lines.join('\n') + '\n\n');
    expect(r.code).toBe(0);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', 'd', 'e', 'f']);
    expect(out[0].principles[0]).toMatchObject({ id: 'flat-refusal', polarity: 'violation' });
    expect(out[1].error).toMatch(/not JSON/);
    expect(out[2].error).toMatch(/text/);
    expect(out[3].principles.map((p: { id: string }) => p.id).sort()).toEqual(['offer-alternative', 'understand-feelings']);
    expect(out[4].error).toMatch(/locale/);
    expect(out[5].notice.code).toBe('no-words');
    expect(out[6].closest.node).toBe('open');
  });
  it('--lint passes the bundled signals and locates a broken pattern', () => {
    expect(dojo(['--lint']).code).toBe(0);
    mkdirSync('/tmp/dojo-judge-test', { recursive: true });
    writeFileSync('/tmp/dojo-judge-test/s.yaml', "version: 1\nprinciples:\n  - id: show-patience\n    en:\n      - 'go (on'\n");
    const r = dojo(['--lint', '--signals', '/tmp/dojo-judge-test/s.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/s\.yaml:5:9: pattern does not compile/);
  });
});
