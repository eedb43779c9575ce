/**
 * The game's own "Export for LMS": the build's file list (the Vite plugin), and the package
 * made from it the browser's way (files fetched by URL) against `dojo export scorm --game` on
 * the same build: the same files, byte for byte, and the same manifest. The failures a trainer
 * can meet are told apart. (The real build in a browser: tests/e2e/scorm-game-export.spec.ts.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Output } from '../../src/cli/main.js';
import { schemaFiles } from '../../src/cli/commands/export.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { bundledSchemas, exportCourse, type ExportRequest } from '../../src/scorm/exportCourse.js';
import { FILE_LIST, parseFileList } from '../../src/scorm/fileList.js';
import { gameFileNames } from '../../src/scorm/gameFiles.js';
import { scormFileList } from '../../src/scorm/vitePlugin.js';
import { startServer } from './classroomServer.helpers.js';
import { catalog, ROOT } from './helpers.js';

let dir: string;
let game: string;
const MINI = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');

/** fetch over the stand-in build's folder, as a web server would serve it. */
const serveDir: typeof fetch = async (input) => {
  const path = fileURLToPath(String(input));
  try {
    return new Response(readFileSync(path), { status: 200 });
  } catch {
    return new Response('not found', { status: 404 });
  }
};

/** Run the plugin's hooks on a finished build, as Vite does. */
function listBuild(outDir: string): void {
  const plugin = scormFileList() as { configResolved: (c: unknown) => void; closeBundle: () => void };
  plugin.configResolved({ root: ROOT, build: { outDir } });
  plugin.closeBundle();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dojo-game-export-'));
  game = join(dir, 'game');
  const put = (rel: string, text: string) => {
    mkdirSync(join(game, rel, '..'), { recursive: true });
    writeFileSync(join(game, rel), text);
  };
  put('scorm.html', '<!doctype html><html><head><script type="module" src="./assets/scorm-1.js"></script></head></html>');
  put('index.html', '<!doctype html><html><head><script type="module" src="./assets/index-1.js"></script></head></html>');
  put('assets/scorm-1.js', 'import "./shared-1.js"; import("./export-1.js");');
  put('assets/shared-1.js', 'export const a = 1;');
  put('assets/export-1.js', 'export const b = "导出";');
  put('assets/index-1.js', '');
  put('audio/ui click.ogg', 'OggS\u0000\u0001');
  put('backgrounds/office.svg', '<svg/>');
  put('ART.md', '# credits');
  put(
    '.vite/manifest.json',
    JSON.stringify({
      'scorm.html': { file: 'assets/scorm-1.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/scorm/exportCourse.ts'] },
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared.js'] },
      '_shared.js': { file: 'assets/shared-1.js' },
      'src/scorm/exportCourse.ts': { file: 'assets/export-1.js' },
    }),
  );
  listBuild(game);
});

function request(over: Partial<ExportRequest> = {}): ExportRequest {
  const cat = catalog();
  const r = loadScenario('mini-angry.yaml', MINI, cat);
  if (!r.ok) throw new Error('fixture does not load');
  return { scenario: r.scenario, text: MINI, catalog: cat, pass: 70, locale: 'en', base: pathToFileURL(game + '/').href, fetch: serveDir, date: new Date('2026-03-01T10:00:00Z'), ...over };
}

describe('the build lists what a package carries', () => {
  it('scorm-files.json: the files `dojo export` would take, with their sizes, not itself nor the other pages', () => {
    const list = parseFileList(readFileSync(join(game, FILE_LIST), 'utf8'));
    expect(list.files.map((f) => f.path)).toEqual(gameFileNames(game));
    expect(list.files.map((f) => f.path)).toEqual(['ART.md', 'assets/export-1.js', 'assets/scorm-1.js', 'assets/shared-1.js', 'audio/ui click.ogg', 'backgrounds/office.svg', 'scorm.html']);
    expect(list.files.find((f) => f.path === 'assets/export-1.js')!.size).toBe(Buffer.byteLength('export const b = "导出";'));
  });

  it('a damaged list is a clear error', () => {
    expect(() => parseFileList('nope')).toThrow(/scorm-files\.json is not JSON/);
    expect(() => parseFileList('{"version":2,"files":[]}')).toThrow(/unknown version/);
    expect(() => parseFileList('{"version":1,"files":[{"path":"../x","size":1},{"path":"scorm.html","size":1}]}')).toThrow(/malformed/);
    expect(() => parseFileList('{"version":1,"files":[{"path":"a.js","size":1}]}')).toThrow(/does not list scorm\.html/);
  });

  it('the XSDs the game carries are the CLI\'s, byte for byte', () => {
    const cli = schemaFiles();
    const game = bundledSchemas();
    expect([...game.keys()]).toEqual([...cli.keys()]);
    for (const [name, bytes] of cli) expect(Buffer.from(game.get(name)!).equals(Buffer.from(bytes)), name).toBe(true);
  });
});

describe('exportCourse (the game\'s export)', () => {
  it('makes the package `dojo export scorm` makes from the same build: same files, same bytes, same manifest', async () => {
    const progress: number[] = [];
    const made = await exportCourse(request({ onProgress: (done, total) => progress.push(done / total) }));
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(made.fileName).toBe('mini-angry-scorm12.zip');
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(1);
    const out = join(dir, 'cli.zip');
    const errors: string[] = [];
    const io: Output = { out: () => undefined, err: (t) => errors.push(t) };
    writeFileSync(join(dir, 'mini-angry.yaml'), MINI);
    expect(await main(['export', 'scorm', join(dir, 'mini-angry.yaml'), '--out', out, '--game', game, '--pass', '70', '--locale', 'en'], io), errors.join('\n')).toBe(0);
    const cli = unzipSync(new Uint8Array(readFileSync(out)));
    const browser = unzipSync(made.pkg.zip);
    expect(Object.keys(browser).sort()).toEqual(Object.keys(cli).sort());
    for (const name of Object.keys(cli)) expect(Buffer.from(browser[name]!).equals(Buffer.from(cli[name]!)), name).toBe(true);
    expect(strFromU8(browser['imsmanifest.xml']!)).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(JSON.parse(strFromU8(browser['dojo-course.json']!))).toMatchObject({ pass: 70, locale: 'en', scenarios: [{ id: 'mini-angry', file: 'scenarios/mini-angry.yaml' }] });
  });

  it('from the Dojo server: pages are marked as served by it, but the launch page goes out as the package carries it', async () => {
    const s = await startServer({ dist: game });
    try {
      expect(await (await fetch(`${s.url}/index.html`)).text()).toContain('name="dojo-server"');
      expect(Buffer.from(await (await fetch(`${s.url}/scorm.html`)).arrayBuffer()).equals(readFileSync(join(game, 'scorm.html')))).toBe(true);
      const made = await exportCourse(request({ base: `${s.url}/`, fetch: (...a) => globalThis.fetch(...a) }));
      const local = await exportCourse(request());
      if (!made.ok || !local.ok) throw new Error(JSON.stringify(made));
      expect(Buffer.from(made.pkg.zip).equals(Buffer.from(local.pkg.zip))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('ids that do not fit SCORM 1.2: the located problems, nothing fetched', async () => {
    const long = MINI.replaceAll('fix', 'x'.repeat(250));
    const cat = catalog();
    const r = loadScenario('long.yaml', long, cat);
    if (!r.ok) throw new Error('does not load');
    let fetched = 0;
    const made = await exportCourse(request({ scenario: r.scenario, text: long, fetch: async (...a) => (fetched++, serveDir(...a)) }));
    expect(made.ok).toBe(false);
    expect('problems' in made && made.problems.map((p) => `${p.file}:${p.line}:${p.col}`)).toEqual([`long.yaml:${MINI.split('\n').findIndex((l) => l === '  - id: fix') + 1}:5`]);
    expect(fetched).toBe(0);
    await expect(exportCourse(request({ pass: 101 }))).rejects.toThrow(/pass mark/);
  });

  it('no list (a development server, an old build), a file gone or changed, the server down: told apart', async () => {
    const bare = join(dir, 'bare');
    mkdirSync(bare);
    expect(await exportCourse(request({ base: pathToFileURL(bare + '/').href }))).toEqual({ ok: false, error: { kind: 'no-list' } });
    const copy = join(dir, 'copy');
    mkdirSync(join(copy, 'assets'), { recursive: true });
    for (const f of [FILE_LIST, 'scorm.html', 'ART.md']) writeFileSync(join(copy, f), readFileSync(join(game, f)));
    const base = pathToFileURL(copy + '/').href;
    const gone = await exportCourse(request({ base }));
    expect(gone.ok === false && 'error' in gone && gone.error.kind).toBe('unreachable');
    rmSync(join(copy, FILE_LIST));
    writeFileSync(join(copy, FILE_LIST), JSON.stringify({ version: 1, files: [{ path: 'scorm.html', size: 3 }] }));
    expect(await exportCourse(request({ base }))).toEqual({ ok: false, error: { kind: 'changed', file: 'scorm.html' } });
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await exportCourse(request({ fetch: down }))).toEqual({ ok: false, error: { kind: 'unreachable', file: FILE_LIST } });
  });
});
