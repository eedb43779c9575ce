/**
 * `dojo export scorm` as a trainer runs it: bad input refused with located problems and no
 * package; the output folder made; the package holding what the launch page needs and
 * nothing of the other pages. A small stand-in build (--game) keeps it fast; the real build
 * and the package in an LMS are tested in tests/e2e/scorm.spec.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Output } from '../../src/cli/main.js';
import { scormProblems } from '../../src/scorm/check.js';
import { parseCourse } from '../../src/scorm/course.js';
import { manifestXml, xmlEscape } from '../../src/scorm/manifest.js';
import { catalog, ROOT } from './helpers.js';
import { loadScenario } from '../../src/engine/scenario/load.js';

async function dojo(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let game: string;
const MINI = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dojo-scorm-test-'));
  game = join(dir, 'game');
  const put = (rel: string, text: string) => {
    mkdirSync(join(game, rel, '..'), { recursive: true });
    writeFileSync(join(game, rel), text);
  };
  put('scorm.html', '<!doctype html><script type="module" src="./assets/scorm-1.js"></script>');
  put('index.html', '<!doctype html><script type="module" src="./assets/index-1.js"></script>');
  put('host.html', '<!doctype html>');
  put('assets/scorm-1.js', 'import "./shared-1.js"; import("./library-1.js");');
  put('assets/shared-1.js', '');
  put('assets/library-1.js', '');
  put('assets/library-1.css', '');
  put('assets/index-1.js', '');
  put('assets/host-1.js', '');
  put('audio/ui-click.ogg', 'OggS');
  put('backgrounds/office.svg', '<svg/>');
  put('ART.md', '# credits');
  put(
    '.vite/manifest.json',
    JSON.stringify({
      'scorm.html': { file: 'assets/scorm-1.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/platform/library.ts'] },
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared.js'] },
      'host.html': { file: 'assets/host-1.js', isEntry: true },
      '_shared.js': { file: 'assets/shared-1.js' },
      'src/platform/library.ts': { file: 'assets/library-1.js', css: ['assets/library-1.css'] },
    }),
  );
});

describe('dojo export scorm', () => {
  it('writes a package: the launch page and what it reaches, public files, the scenario, course file, XSDs, manifest', async () => {
    const out = join(dir, 'made/on/the/way/course.zip');
    const r = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', out, '--game', game, '--pass', '70', '--locale', 'en', '--title', 'Angry <customers> & co');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*course\.zip: SCORM 1\.2, \d+\.\d MB, 15 files; 1 SCO \(mini-angry\); pass mark 70; en$/);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(
      [
        'ART.md',
        'adlcp_rootv1p2.xsd',
        'assets/library-1.css',
        'assets/library-1.js',
        'assets/scorm-1.js',
        'assets/shared-1.js',
        'audio/ui-click.ogg',
        'backgrounds/office.svg',
        'dojo-course.json',
        'ims_xml.xsd',
        'imscp_rootv1p1p2.xsd',
        'imsmanifest.xml',
        'imsmd_rootv1p2p1.xsd',
        'scenarios/mini-angry.yaml',
        'scorm.html',
      ].sort(),
    );
    expect(strFromU8(files['scenarios/mini-angry.yaml']!)).toBe(MINI);
    expect(parseCourse(strFromU8(files['dojo-course.json']!))).toEqual({ version: 1, title: 'Angry <customers> & co', pass: 70, locale: 'en', scenarios: [{ id: 'mini-angry', file: 'scenarios/mini-angry.yaml' }] });
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(manifest).toContain('<title>Angry &lt;customers&gt; &amp; co</title>');
    expect(manifest).toContain('<title>Mini test: an angry customer</title>');
    expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
  });

  it('several files: one SCO each; a duplicate id is refused', async () => {
    const other = join(dir, 'other.yaml');
    writeFileSync(other, MINI.replace('id: mini-angry', 'id: mini-two'));
    const out = join(dir, 'two.zip');
    const r = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', other, '--out', out, '--game', game);
    expect(r.code).toBe(0);
    const manifest = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['imsmanifest.xml']!);
    expect([...manifest.matchAll(/adlcp:scormtype="sco" href="([^"]+)"/g)].map((m) => m[1])).toEqual(['scorm.html?scenario=mini-angry', 'scorm.html?scenario=mini-two']);
    const dup = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', 'tests/fixtures/mini-angry.yaml', '--out', join(dir, 'dup.zip'), '--game', game);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('scenario id "mini-angry" is also used by tests/fixtures/mini-angry.yaml');
    expect(existsSync(join(dir, 'dup.zip'))).toBe(false);
  });

  it('a file that fails dojo check: its located problems, no package', async () => {
    const out = join(dir, 'bad.zip');
    const r = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', 'tests/fixtures/bad/many-problems.yaml', '--out', out, '--game', game);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toContain('tests/fixtures/bad/many-problems.yaml:17:15: no node or ending "nowhere"');
    expect(r.err).toContain('no package written: 1 of 2 file(s) has problems');
    expect(existsSync(out)).toBe(false);
    const missing = await dojo('export', 'scorm', 'no/such.yaml', '--out', out, '--game', game);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('no/such.yaml:1:1: no such file');
  });

  it('ids that do not fit SCORM 1.2 are refused at the node, not renamed', async () => {
    const long = 'x'.repeat(250);
    const file = join(dir, 'long-node.yaml');
    writeFileSync(file, MINI.replaceAll('fix', long));
    const r = await dojo('export', 'scorm', file, '--out', join(dir, 'long.zip'), '--game', game);
    expect(r.code).toBe(1);
    const line = MINI.split('\n').findIndex((l) => l === '  - id: fix') + 1;
    expect(r.err).toMatch(new RegExp(`long-node\\.yaml:${line}:5: node "x{40}…" makes the interaction id "mini-angry_x+…" \\(261 characters\\): SCORM 1\\.2 identifiers use letters, digits, "-" and "_", at most 255 characters \\(shorten the node id \\(or the scenario id\\) to at most 244 characters\\)`));
    expect(existsSync(join(dir, 'long.zip'))).toBe(false);
    // The library fits.
    const cat = catalog();
    const lib = loadScenario('scenarios/library/broadband-outage.yaml', readFileSync(join(ROOT, 'scenarios/library/broadband-outage.yaml'), 'utf8'), cat);
    expect(lib.ok && scormProblems(lib.scenario, cat)).toEqual([]);
  });

  it('usage: the format, the files and --out are needed; --pass and --locale checked; --out must be a file; --game must be a build', async () => {
    for (const argv of [
      ['export'],
      ['export', 'pdf', 'a.yaml', '--out', 'x.zip'],
      ['export', 'scorm', '--out', 'x.zip'],
      ['export', 'scorm', 'tests/fixtures/mini-angry.yaml'],
      ['export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', 'x.zip', '--pass', '101'],
      ['export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', 'x.zip', '--pass', 'high'],
      ['export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', 'x.zip', '--locale', 'fr'],
      ['export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', dir],
    ]) {
      const r = await dojo(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/^dojo export: /);
    }
    // A folder that cannot be made (a file stands where it would go): a clear error, no package.
    writeFileSync(join(dir, 'a-file'), 'x');
    const blocked = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', join(dir, 'a-file', 'sub', 'course.zip'), '--game', game);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(/^cannot make the folder .*a-file\/sub: ENOTDIR$/);
    const notBuilt = await dojo('export', 'scorm', 'tests/fixtures/mini-angry.yaml', '--out', join(dir, 'g.zip'), '--game', join(dir, 'nothing'));
    expect(notBuilt.code).toBe(1);
    expect(notBuilt.err).toMatch(/--game .*nothing: .* has no scorm\.html/);
  });
});

describe('manifest template', () => {
  it('escapes text, encodes paths, keeps ids and the SCO/asset split', () => {
    const xml = manifestXml({ id: 'dojo-a', title: 'A "quoted" & <b>', pass: 65, scos: [{ id: 'a', title: '甲', launch: 'scorm.html?scenario=a' }], files: ['audio/a b.ogg', 'x.js'] });
    expect(xml).toContain('<title>A &quot;quoted&quot; &amp; &lt;b&gt;</title>');
    expect(xml).toContain('<file href="audio/a%20b.ogg"/>');
    expect(xml).toContain('<resource identifier="sco-a" type="webcontent" adlcp:scormtype="sco" href="scorm.html?scenario=a">');
    expect(xml).toContain('<resource identifier="game" type="webcontent" adlcp:scormtype="asset">');
    expect(xmlEscape('a\u0001b')).toBe('ab');
  });

  it('course file: damaged ones are a clear error', () => {
    expect(() => parseCourse('{')).toThrow(/not JSON/);
    expect(() => parseCourse(JSON.stringify({ version: 1, pass: 200, locale: 'en', scenarios: [] }))).toThrow(/pass/);
    expect(() => parseCourse(JSON.stringify({ version: 1, pass: 65, locale: 'en', scenarios: [{ id: 'a', file: '../../etc/passwd' }] }))).toThrow(/malformed/);
  });
});
