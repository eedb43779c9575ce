/** Issue 17, item 6: each stumble of the trainer test, fixed and kept fixed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { messageLocale } from '../../src/cli/commands/common.js';
import { formatProblem } from '../../src/engine/problems.js';
import { problemText } from '../../src/engine/problemText.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { lintScenario } from '../../src/engine/scenario/lint.js';
import { catalog, libraryFiles, ROOT, runDojo } from './helpers.js';

const cat = catalog();
const MINI = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'dojo-stumbles-'));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const dojo = runDojo;
const problems = (text: string) => loadScenario('x.yaml', text, cat).problems;
const lintCodes = (text: string) => lintScenario('x.yaml', text, cat).problems.map((p) => `${p.code}: ${p.message}`);

describe('the comma and colon traps', () => {
  it('the guides\' "right" example and the hint use the full-width comma, and the example really loads', () => {
    for (const guide of ['docs/authoring.md', 'docs/authoring.zh-CN.md']) {
      const text = readFileSync(join(ROOT, guide), 'utf8');
      const right = text.split('\n').find((l) => /full-width|全角逗号/.test(l) && l.startsWith('title:'))!;
      expect(right, guide).toContain('你好\uff0c世界');
      expect(parse(right).title['zh-CN']).toBe('你好\uff0c世界');
      expect(text).toContain('use a Chinese comma (\uff0c))');
    }
    const bad = problems(MINI.replace(/^title: .*$/m, 'title: { zh-CN: 你好,世界, en: Hi }'));
    expect(bad.find((p) => p.message.startsWith('unknown field "世界"'))!.hint).toContain('(\uff0c)');
  });

  it('an ASCII colon inside { } gets a hint', () => {
    const [p] = problems(MINI.replace(/^title: .*$/m, 'title: { zh-CN: 注意: 这是, en: Hi }'));
    expect(p!.hint).toMatch(/ASCII colon .* Chinese colon \(\uff1a\)/);
  });

  it('a tab in the indentation gives one error, the follow-on lines counted', () => {
    const lines = MINI.split('\n');
    const i = lines.findIndex((l) => l.startsWith('  - id: open'));
    lines[i + 1] = '\t' + lines[i + 1]!.trimStart();
    const ps = problems(lines.join('\n'));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.line).toBe(i + 2);
    expect(ps[0]!.message).toMatch(/^YAML: Tabs are not allowed as indentation; \d+ more lines? affected$/);
    expect(ps[0]!.hint).toMatch(/spaces, not tabs/);
  });
});

describe('ids', () => {
  it('check and lint refuse a bundled scenario\'s id, at the id: line; the library files themselves pass', async () => {
    const f = write('clash.yaml', MINI.replace('id: mini-angry', 'id: hotpot-wait'));
    const r = await dojo('check', f, '--locale', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/clash\.yaml:2:5: id "hotpot-wait" is already used by a bundled scenario \(scenarios\/library\/hotpot-wait\.yaml\)/);
    expect((await dojo('lint', f, '--locale', 'en')).code).toBe(1);
    expect((await dojo('check', 'scenarios/library/hotpot-wait.yaml')).code).toBe(0);
  });

  it('a duplicate node, ending or choice id says where the first one is', () => {
    const dupNode = MINI.replace('  - id: fix\n', '  - id: open\n');
    expect(problems(dupNode).map((p) => p.message)).toContain('duplicate node id "open": the first is at line 12');
    const dupEnding = MINI.replace('  - id: end-resolved\n', '  - id: end-won\n');
    expect(problems(dupEnding).map((p) => p.message)).toContain('duplicate id "end-won": the first is at line 50; node and ending ids must all differ');
  });
});

describe('lint findings', () => {
  it('an ending no next leads to gets one warning, not also "the conditions never hold"', () => {
    const text = MINI.replace('next: end-unresolved', 'next: end-resolved');
    const found = lintCodes(text).filter((m) => m.includes('"end-unresolved"'));
    expect(found).toEqual(['unreachable: ending "end-unresolved" can never be reached']);
  });

  it('an angry customer\'s breakdown ending cannot be left-silently (the type says which outcomes fit)', () => {
    const text = MINI.replace('outcome: unresolved', 'outcome: left-silently').replace('endings:\n', 'breakdown: end-unresolved\nendings:\n');
    const p = problems(text).find((x) => x.code === 'breakdown-outcome');
    expect(p?.message).toBe('an angry customer cannot break off as "left-silently" (ending "end-unresolved")');
    expect(p?.hint).toBe('point breakdown at an ending with outcome escalated or unresolved');
  });

  it('the signature warning comes once, naming every signature principle left out, as the guides say', () => {
    const sig = lintScenario('x.yaml', MINI, cat).problems.filter((p) => p.code === 'signature');
    expect(sig).toHaveLength(1);
    expect(sig[0]!.message).toMatch(/reacts most to let-them-vent, stay-calm, flat-refusal, but no reply here uses them/);
    expect(readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8')).toContain('lint gives one `signature` warning naming each of them that no reply practises or violates');
  });

  it('a customer won back although most replies broke a principle', () => {
    const text = MINI.replace('next: end-unresolved', 'next: end-won').replace('principles: [understand-feelings, { id: emotion-first, weight: 2 }]', 'principles: [vague-brush-off]');
    expect(lintCodes(text).filter((m) => m.startsWith('forgiving-ending'))).toEqual([
      'forgiving-ending: ending "end-won" (won-back) can be reached although 2 of its 2 replies break a principle (via 1,2): the mistakes cost the trainee nothing',
    ]);
    expect(lintCodes(MINI).some((m) => m.startsWith('forgiving-ending'))).toBe(false);
  });

  it('a customer who breaks off right after the model reply', () => {
    const text = MINI.replace('principles: [understand-feelings, { id: emotion-first, weight: 2 }]', 'principles: [understand-feelings, { id: emotion-first, weight: 2 }]\n        effects: { anger: 100 }');
    expect(lintCodes(text).filter((m) => m.startsWith('breaks-off-after-best'))).toEqual([
      'breaks-off-after-best: in "open", reply 1 scores best, yet the customer breaks off right after it (ending "end-escalated")',
    ]);
    expect(lintCodes(MINI).some((m) => m.startsWith('breaks-off-after-best'))).toBe(false);
  });
});

describe('messages in Chinese and English', () => {
  it('--locale, else LC_ALL / LANG, picks the language; the default is English', async () => {
    expect(messageLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(messageLocale(undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(messageLocale(undefined, {})).toBe('en');
    const r = await dojo('check', 'tests/fixtures/bad/many-problems.yaml', '--locale', 'zh-CN');
    expect(r.err.split('\n')).toContain('tests/fixtures/bad/many-problems.yaml:17:15: 没有叫“nowhere”的节点或结局');
    const lint = await dojo('lint', 'tests/fixtures/lint-problems.yaml', '--locale', 'zh-CN');
    expect(lint.out).toMatch(/个错误,\d+ 个警告/);
  });

  it('every problem the fixtures and the library raise reads in Chinese', () => {
    const files = [...libraryFiles(), ...['lint-problems', 'lint-more', 'mini-angry'].map((f) => join(ROOT, `tests/fixtures/${f}.yaml`))];
    const bad = ['many-problems', 'schema-errors', 'comma', 'syntax-error', 'empty'].map((f) => join(ROOT, `tests/fixtures/bad/${f}.yaml`));
    const untranslated: string[] = [];
    for (const f of [...files, ...bad]) {
      for (const p of lintScenario(f, readFileSync(f, 'utf8'), cat).problems) {
        if (!problemText(p, 'zh-CN').translated) untranslated.push(formatProblem(p));
      }
    }
    expect(untranslated).toEqual([]);
  }, 900_000);
});

describe('the transcript and the starter', () => {
  it('the scripted transcript prints the stage note before the customer\'s line', async () => {
    const file = 'scenarios/library/birthday-table.yaml';
    const r = await dojo('play', file, '--choices', '1,1', '--locale', 'en');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    const noteAt = lines.findIndex((l) => /^\d+\. \(/.test(l));
    expect(noteAt).toBeGreaterThan(0);
    expect(lines[noteAt + 1]).toMatch(/^\s+.+: /);
  });

  it('the starter\'s comment names the path given with --out', async () => {
    const out = join(dir, 'sub', 'mine.yaml');
    expect((await dojo('new', '--type', 'silent', '--id', 'mine', '--out', out)).code).toBe(0);
    const head = readFileSync(out, 'utf8').split('\n')[2]!;
    expect(head).toContain(`npx dojo lint ${out}`);
    expect(head).not.toContain(' mine.yaml');
  });
});
