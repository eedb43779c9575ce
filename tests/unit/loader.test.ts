import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem } from '../../src/engine/problems.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { parseYaml } from '../../src/engine/yamlSource.js';
import { catalog, ROOT } from './helpers.js';

const cat = catalog();
const check = (name: string, text?: string) => {
  const file = `tests/fixtures/bad/${name}`;
  const r = loadScenario(file, text ?? readFileSync(join(ROOT, file), 'utf8'), cat);
  expect(r.ok).toBe(false);
  return r.problems.map((p) => formatProblem(p)).sort();
};

describe('scenario loader: located problems', () => {
  it('reports every cross-reference problem at once, each at its line and column', () => {
    expect(check('many-problems.yaml')).toEqual([
      'tests/fixtures/bad/many-problems.yaml:15:22: unknown principle "emotion-frist" (did you mean "emotion-first"?)',
      'tests/fixtures/bad/many-problems.yaml:17:15: no node or ending "nowhere"',
      'tests/fixtures/bad/many-problems.yaml:23:11: "mood" is not a meter of the angry customer (use one of: anger, trust, patience)',
      'tests/fixtures/bad/many-problems.yaml:24:9: duplicate node id "open": the first is at line 11',
    ]);
  });

  it('reports schema violations with the field path, missing fields and unknown keys', () => {
    const out = check('schema-errors.yaml');
    expect(out).toContain('tests/fixtures/bad/schema-errors.yaml:3:13: difficulty: expected 1 (introductory), 2 (intermediate) or 3 (hard)');
    expect(out).toContain('tests/fixtures/bad/schema-errors.yaml:14:9: nodes[0].choices[0].feedback: missing (required)');
    expect(out).toContain('tests/fixtures/bad/schema-errors.yaml:17:9: unknown field "colour" in nodes[0].choices[0] (check the spelling against the schema)');
    expect(out.some((l) => l.startsWith('tests/fixtures/bad/schema-errors.yaml:7:9: customer.type:'))).toBe(true);
    expect(out.some((l) => l.startsWith('tests/fixtures/bad/schema-errors.yaml:20:14: endings[0].outcome:'))).toBe(true);
    expect(out).toHaveLength(7);
  });

  it('points at YAML syntax errors', () => {
    expect(check('syntax-error.yaml')).toEqual(['tests/fixtures/bad/syntax-error.yaml:7:1: YAML: Missing closing "quote']);
  });

  it('explains the ASCII comma in a flow map of Chinese text', () => {
    expect(check('comma.yaml')).toContain(
      'tests/fixtures/bad/comma.yaml:2:20: unknown field "世界" in title (a comma inside { … } ends the text there: put the text in quotes, or use a Chinese comma (，))',
    );
  });

  it('rejects empty, binary, huge, deeply nested and alias-bomb files with one located message', () => {
    expect(check('empty.yaml')).toEqual(['tests/fixtures/bad/empty.yaml:1:1: file is empty (start from `dojo new` or a bundled scenario)']);
    expect(check('binary.yaml')[0]).toMatch(/^tests\/fixtures\/bad\/binary\.yaml:\d+:\d+: this is not a UTF-8 text file/);
    expect(check('huge.yaml', `id: x\nbrief: "${'x'.repeat(1_100_000)}"\n`)).toEqual([
      'tests/fixtures/bad/huge.yaml:1:1: file is 1.1 MB; a scenario file may be at most 1 MB',
    ]);
    expect(check('deep.yaml', `id: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)[0]).toMatch(/:1:\d+: data is nested more than 64 levels deep$/);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    const out = check('bomb.yaml', bomb.join('\n') + '\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^tests\/fixtures\/bad\/bomb\.yaml:1:1: YAML: .*alias/i);
  });

  it('requires an ending for the way the customer type breaks off', () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8').replace('outcome: escalated', 'outcome: unresolved');
    const r = loadScenario('x.yaml', text, cat);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toContain('an angry customer can break off (outcome escalated), but no ending has outcome "escalated"');
  });

  it('loads a valid file and fills defaults: plain strings by script, weights, start node', () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
    const r = loadScenario('mini.yaml', text, cat);
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    expect(r.scenario.start).toBe('open');
    expect(r.scenario.breakdown).toBe('end-escalated');
    expect(r.scenario.nodes.open!.line).toHaveLength(2);
    expect(r.scenario.nodes.open!.choices[0]!.principles).toEqual([
      { id: 'understand-feelings', weight: 1 },
      { id: 'emotion-first', weight: 2 },
    ]);
  });
});

describe('two parsers: js-yaml for plain files, yaml for the rest and for positions', () => {
  const bundled = [
    'scenarios/principles.yaml',
    ...readdirSync(join(ROOT, 'scenarios/library'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `scenarios/library/${f}`),
  ];

  it('reads every bundled file on the fast path, to exactly the data the full parser gives', () => {
    for (const file of bundled) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const r = parseYaml(file, text);
      expect(r.via, file).toBe('js-yaml');
      expect(r.data, file).toEqual(parse(text));
    }
  });

  it('sends aliases, anchors, directives, complex keys and multi-line flow collections to the full parser', () => {
    for (const text of ['a: &x 1\nb: *x\n', '%YAML 1.2\n---\na: 1\n', '? a\n: 1\n', 'a: [1,\n  2]\n', 'a: !custom 1\n']) {
      expect(parseYaml('t.yaml', text).via, text).toBe('yaml');
    }
    // What the full parser says is kept: an unknown tag is a located warning.
    expect(parseYaml('t.yaml', 'a: 1\nb: !custom 2\n').problems.map((p) => formatProblem(p))).toEqual(['t.yaml:2:4: warning: YAML: Unresolved tag: !custom']);
  });

  it('where the two parsers would read the same text differently, the data is the full parser\'s', () => {
    const tricky = [
      'a: 0b101\nb: -0x1F\nc: +0o7\n',
      'a: -.5\nb: +.5\n',
      'null: 1\nb: 2\n',
      '~: 2\n',
      '[a, b]: 1\n',
      '{a: 1}: 2\n',
      'a: 1_000\nb: 0o14\nc: .inf\nd: yes\ne: 2024-01-01\n',
      'a: "one\n  two"\n',
      'a: |\n  line\n   more\nb: >-\n  folded\n  text\n',
    ];
    for (const text of tricky) {
      const r = parseYaml('t.yaml', text);
      expect(r.data, text).toEqual(parse(text));
    }
    // Comment-only and empty documents hold no data: the full parser says so.
    expect(parseYaml('t.yaml', '# nothing here\n').via).toBe('yaml');
  });

  it('what js-yaml only warns about (a quoted line continued too far left) is refused, located, as yaml refuses it', () => {
    const text = 'title:\n  en: "A day\nOffline"\n';
    const r = parseYaml('t.yaml', text);
    expect(r.via).toBe('yaml');
    expect(r.problems.some((p) => p.severity === 'error' && p.line >= 2)).toBe(true);
  });

  it('a file js-yaml refuses gets the full parser\'s located message', () => {
    expect(parseYaml('t.yaml', 'id: a\ntitle: b\nid: c\n').problems.map((p) => formatProblem(p))).toEqual(['t.yaml:3:1: YAML: Map keys must be unique']);
  });

  it('a fast-path file still locates its problems exactly (the positions are looked up when asked for)', () => {
    const file = 'scenarios/library/broadband-outage.yaml';
    // Misspell the first tag of the file, wherever it sits.
    const original = readFileSync(join(ROOT, file), 'utf8');
    const tag = /\{ id: ([a-z-]+), weight|^\s+- ([a-z-]+)$/m.exec(original.slice(original.indexOf('principles:')))!;
    const id = tag[1] ?? tag[2]!;
    const at = original.indexOf(id, original.indexOf('principles:'));
    const text = `${original.slice(0, at)}${id}x${original.slice(at + id.length)}`;
    const lineNo = text.slice(0, at).split('\n').length;
    // The problem points at the tag: the id itself, or the `{` of a `{ id: …, weight: … }` tag.
    const col = (tag[1] ? text.lastIndexOf('{', at) : at) - text.lastIndexOf('\n', at - 1);
    const r = loadScenario(file, text, cat);
    expect(r.problems.map((p) => formatProblem(p))).toEqual([`${file}:${lineNo}:${col}: unknown principle "${id}x" (did you mean "${id}"?)`]);
    const ok = loadScenario(file, readFileSync(join(ROOT, file), 'utf8'), cat);
    expect(ok.ok && ok.scenario.nodes['when-fixed']!.loc.line).toBe(text.split('\n').findIndex((l) => l.includes('id: when-fixed')) + 1);
  });
});
