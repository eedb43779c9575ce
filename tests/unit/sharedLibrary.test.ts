/**
 * The game's list of scenarios shared on its Dojo server: what the server answers is input,
 * so a bad list, a missing file, a slow server or a file that does not load never breaks the
 * library; a trainer's own file with the same id shadows the shared one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readBundledLibrary } from '../../src/platform/libraryPlugin.js';
import { fetchShared } from '../../src/platform/sharedLibrary.js';

const ROOT = join(import.meta.dirname, '../..');
const bundled = await readBundledLibrary(ROOT);
vi.mock('virtual:dojo-library', () => ({ default: bundled.library }));
const { loadLibrary } = await import('../../src/platform/library.js');

/** A scenario file under another id, as a trainer would share one. */
const sharedText = (id: string) => readFileSync(join(ROOT, 'scenarios/library/kettle-return.yaml'), 'utf8').replace(/^id: kettle-return$/m, `id: ${id}`);

/** A fake server: routes to bodies (string = text, object = JSON, number = status). */
function server(routes: Record<string, unknown>): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const f = (async (url: string) => {
    asked.push(url);
    const body = routes[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    if (typeof body === 'number') return new Response('', { status: body });
    if (body instanceof Error) throw body;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
  }) as unknown as typeof fetch;
  return { fetch: f, asked };
}

describe('fetching the shared scenarios', () => {
  it('fetches the latest version of each listed scenario, named as a room pins it', async () => {
    const s = server({
      '/api/scenarios': { scenarios: [{ id: 'refund-desk', version: 3, title: {} }, { id: 'late-bus', version: 1, title: {} }] },
      '/api/scenarios/refund-desk/3': sharedText('refund-desk'),
      '/api/scenarios/late-bus/1': sharedText('late-bus'),
    });
    const files = await fetchShared('/', s.fetch);
    expect(files.map((f) => [f.id, f.version, f.name])).toEqual([
      ['refund-desk', 3, 'shared/refund-desk/v3.yaml'],
      ['late-bus', 1, 'shared/late-bus/v1.yaml'],
    ]);
    expect(files[0]!.text).toContain('id: refund-desk');
  });

  it('leaves out entries with bad ids or versions and files that fail, and keeps the rest', async () => {
    const s = server({
      '/api/scenarios': { scenarios: [{ id: '../etc', version: 1 }, { id: 'ok-one', version: 0 }, { id: 'gone', version: 2 }, { id: 'broken-net', version: 1 }, { id: 'fine', version: 1 }, 'junk', null] },
      '/api/scenarios/gone/2': 500,
      '/api/scenarios/broken-net/1': new Error('socket hang up'),
      '/api/scenarios/fine/1': sharedText('fine'),
    });
    expect((await fetchShared('/', s.fetch)).map((f) => f.id)).toEqual(['fine']);
    expect(s.asked).not.toContain('/api/scenarios/../etc/1');
  });

  it('a server without the list, with something else, or that throws: no shared scenarios', async () => {
    expect(await fetchShared('/', server({}).fetch)).toEqual([]);
    expect(await fetchShared('/', server({ '/api/scenarios': '<html>not json</html>' }).fetch)).toEqual([]);
    expect(await fetchShared('/', server({ '/api/scenarios': { scenarios: 'nope' } }).fetch)).toEqual([]);
    expect(await fetchShared('/', server({ '/api/scenarios': new Error('refused') }).fetch)).toEqual([]);
  });

  it('a server that does not answer: the library goes on without it after the timeout', async () => {
    const hang = ((_url: string, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
    expect(await fetchShared('/', hang, 50)).toEqual([]);
  });
});

describe('the library with shared scenarios', () => {
  it('lists them after the bundled ones, finds them, and reports a file that does not load', async () => {
    const lib = await loadLibrary([], async () => [
      { name: 'shared/refund-desk/v2.yaml', text: sharedText('refund-desk') },
      { name: 'shared/bad/v1.yaml', text: 'id: bad\ntitle: { zh-CN: 坏, en: Bad }\n' },
      { name: 'shared/kettle-return/v1.yaml', text: sharedText('kettle-return') },
    ]);
    expect(lib.shared.map((s) => s.id)).toEqual(['refund-desk']);
    expect(lib.find('refund-desk')?.file).toBe('shared/refund-desk/v2.yaml');
    expect(lib.all().at(-1)?.id).toBe('refund-desk');
    const files = lib.problems.map((p) => p.file);
    expect(files).toContain('shared/bad/v1.yaml');
    // A bundled id is never taken by a shared file (the server refuses it too).
    expect(files).toContain('shared/kettle-return/v1.yaml');
    expect(lib.find('kettle-return')?.file).toBe('scenarios/library/kettle-return.yaml');
  });

  it("a trainer's own file with the same id shadows the shared one, in the list and when played", async () => {
    const lib = await loadLibrary([{ name: 'my-refund.yaml', text: sharedText('refund-desk') }], async () => [{ name: 'shared/refund-desk/v1.yaml', text: sharedText('refund-desk') }]);
    expect(lib.shared.map((s) => s.id)).toEqual(['refund-desk']);
    expect(lib.sharedShown()).toEqual([]);
    expect(lib.find('refund-desk')?.file).toBe('my-refund.yaml');
    lib.remove('refund-desk');
    expect(lib.sharedShown().map((s) => s.id)).toEqual(['refund-desk']);
    expect(lib.find('refund-desk')?.file).toBe('shared/refund-desk/v1.yaml');
  });
});
