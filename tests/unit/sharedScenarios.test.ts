/**
 * Sharing scenarios on the class server: the store keeps every version (both stores), and the
 * HTTP API lets only the trainer upload, checks the file as `dojo check` does (problems with
 * file:line:col), refuses a bundled scenario's id, and serves each version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.js';
import { main } from '../../src/cli/main.js';
import { SHARE_MAX_BYTES } from '../../src/server/sharedScenarios.js';
import { Client, ok, startServer, tempDir } from './classroomServer.helpers.js';
import { storeKinds, type OpenStore } from './storeKinds.helpers.js';

const kinds = await storeKinds();
afterAll(() => Promise.all(kinds.map((k) => k.stop())));

const library = readFileSync(join(PROJECT_ROOT, 'scenarios/library/broadband-outage.yaml'), 'utf8');
/** A library file under a new id (and a title of its own), as a trainer would share it. */
const mine = (title = 'Offline shop') => library.replace(/^id: broadband-outage$/m, 'id: my-offline-shop').replace(/^ {2}en: "A Day Offline: The Card Machine Is Down"$/m, `  en: "${title}"`);

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe.each(kinds)('$name store: shared scenarios', (kind) => {
  const opened: OpenStore[] = [];
  afterAll(() => {
    for (const s of opened.splice(0)) s.close();
  });
  describe.skipIf(!!kind.skip)('versions', () => {
    test('each upload of an id is a new version; the old ones stay; the list shows the latest; kept after reopening', async () => {
      const t = await kind.fresh();
      const s = await t.open();
      expect(s.sharedScenarios()).toEqual([]);
      expect(s.addScenario({ id: 'a', yaml: 'v1 中文', titles: '{"en":"A1"}', uploadedAt: 1_796_404_068_454, uploader: 'key' })).toBe(1);
      expect(s.addScenario({ id: 'a', yaml: 'v2', titles: '{"en":"A2"}', uploadedAt: 1_796_404_068_455 })).toBe(2);
      expect(s.addScenario({ id: 'b', yaml: 'b1', titles: '{"en":"B"}', uploadedAt: 3 })).toBe(1);
      await s.durable();
      expect(s.sharedScenarios()).toEqual([
        { id: 'a', version: 2, titles: '{"en":"A2"}', uploadedAt: 1_796_404_068_455 },
        { id: 'b', version: 1, titles: '{"en":"B"}', uploadedAt: 3 },
      ]);
      expect(s.sharedScenario('a')?.yaml).toBe('v2');
      expect(s.sharedScenario('a', 1)).toEqual({ id: 'a', version: 1, yaml: 'v1 中文', titles: '{"en":"A1"}', uploadedAt: 1_796_404_068_454, uploader: 'key' });
      expect(s.sharedScenario('a', 3)).toBeUndefined();
      expect(s.sharedScenario('zzz')).toBeUndefined();
      s.close();
      const again = await t.open();
      opened.push(again);
      expect(again.sharedScenario('a', 1)?.yaml).toBe('v1 中文');
      expect(again.addScenario({ id: 'a', yaml: 'v3', titles: '{}', uploadedAt: 4 })).toBe(3);
    });
  });
});

describe('the /api/scenarios endpoint', () => {
  async function server(o: { trustLoopback?: boolean; trainerKey?: string } = {}) {
    const s = await startServer(o);
    running.push(s);
    return s.url;
  }
  const post = (url: string, body: string, headers: Record<string, string> = {}, name = 'mine.yaml') =>
    fetch(`${url}/api/scenarios?name=${name}`, { method: 'POST', body, headers: { 'content-type': 'text/yaml', ...headers } });

  // Each upload is linted in full (the audit plays the scenario through): seconds on a busy machine.
  vi.setConfig({ testTimeout: 120_000 });
  test('the trainer uploads; versions count up; everyone lists and reads each version', async () => {
    const url = await server();
    expect(await (await fetch(`${url}/api/scenarios`)).json()).toEqual({ scenarios: [] });
    const r1 = await post(url, mine('First'));
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({ id: 'my-offline-shop', version: 1, title: { en: 'First' } });
    const r2 = await post(url, mine('Second'));
    expect(await r2.json()).toMatchObject({ version: 2 });
    const list = (await (await fetch(`${url}/api/scenarios`)).json()) as { scenarios: unknown[] };
    expect(list.scenarios).toEqual([{ id: 'my-offline-shop', version: 2, title: { 'zh-CN': '断网一整天:小店刷卡机用不了', en: 'Second' }, uploadedAt: expect.any(Number) }]);
    const latest = await fetch(`${url}/api/scenarios/my-offline-shop`);
    expect(latest.headers.get('x-dojo-version')).toBe('2');
    expect(await latest.text()).toBe(mine('Second'));
    expect(await (await fetch(`${url}/api/scenarios/my-offline-shop/1`)).text()).toBe(mine('First'));
    expect((await fetch(`${url}/api/scenarios/my-offline-shop/3`)).status).toBe(404);
    expect((await fetch(`${url}/api/scenarios/nope`)).status).toBe(404);
    for (const bad of ['/api/scenarios/..%2F..', '/api/scenarios/my-offline-shop/x', '/api/scenarios/my-offline-shop/0', '/api/scenarios/A_B', '/api/scenarios/a/1/2']) {
      expect((await fetch(`${url}${bad}`)).status, bad).toBe(400);
    }
  });

  test('a file that does not load: 400 with file:line:col problems, nothing stored', async () => {
    const url = await server();
    const broken = mine().replace(/^customer:/m, 'customer:\n\tname: x');
    const r = await post(url, broken);
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: string; problems: { file: string; line: number; col: number; text: string }[] };
    expect(body.problems.length).toBeGreaterThan(0);
    expect(body.problems[0]!.file).toBe('mine.yaml');
    expect(body.problems[0]!.text).toMatch(/^mine\.yaml:\d+:\d+: /);
    const schema = await post(url, 'id: x\ntitle: 1\n', {}, 'x.yaml');
    expect(schema.status).toBe(400);
    expect(((await schema.json()) as { problems: { text: string }[] }).problems[0]!.text).toMatch(/^x\.yaml:\d+:\d+: /);
    expect((await post(url, '')).status).toBe(400);
    expect((await post(url, '\u0000\u0001{{{: ]')).status).toBe(400);
    expect(await (await fetch(`${url}/api/scenarios`)).json()).toEqual({ scenarios: [] });
    // The server is still up.
    expect((await post(url, mine())).status).toBe(200);
  });

  test('a bundled scenario’s id is refused at its id: line, with a clear message', async () => {
    const url = await server();
    const r = await post(url, library, {}, 'copy.yaml');
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: string; problems: { line: number; col: number; code: string }[] };
    expect(body.error).toMatch(/already used by a bundled scenario/);
    expect(body.problems[0]).toMatchObject({ code: 'bundled-id', line: 10, col: 5 });
  });

  test('only the trainer may upload (the trainer key works); too large: 413', async () => {
    const key = 'k'.repeat(16);
    const url = await server({ trustLoopback: false, trainerKey: key });
    const refused = await post(url, mine());
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/only the trainer/);
    expect(await (await fetch(`${url}/api/scenarios`)).json()).toEqual({ scenarios: [] });
    expect((await post(url, mine(), { 'x-dojo-key': 'wrong' })).status).toBe(403);
    expect((await post(url, mine(), { 'x-dojo-key': key })).status).toBe(200);
    // Refused: 413, or the connection cut while the client is still sending the rest (the server stops reading at the limit).
    const big = await post(url, `${mine()}\n# ${'x'.repeat(SHARE_MAX_BYTES)}\n`, { 'x-dojo-key': key }).then(
      (r) => r.status,
      (e: { cause?: { code?: string } }) => e.cause?.code ?? 'failed',
    );
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(big);
    expect((await fetch(`${url}/api/scenarios`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('hosting a shared scenario', () => {
  test('the host lists it and makes a room; the room keeps its version after a new upload, also when read back from the store', async () => {
    const s = await startServer();
    running.push(s);
    const host = new Client(s.url);
    running.push({ close: async () => void host.close() });
    const post = (title: string) => fetch(`${s.url}/api/scenarios?name=mine.yaml`, { method: 'POST', body: mine(title) });
    expect(((await (await post('First')).json()) as { version: number }).version).toBe(1);
    const listed = ok(await host.ask<{ scenarios: { id: string; shared?: { version: number } }[] }>('library.list', {}));
    expect(listed.scenarios.find((x) => x.id === 'my-offline-shop')?.shared).toEqual({ version: 1 });
    expect(listed.scenarios.find((x) => x.id === 'broadband-outage')?.shared).toBeUndefined();
    const made = ok(await host.ask<{ code: string }>('room.create', { scenario: 'my-offline-shop', mode: 'vote', voteSeconds: 60 }));
    expect(((await (await post('Second')).json()) as { version: number }).version).toBe(2);
    // A new room takes the new version; the first room keeps version 1 (its text and its file name).
    const later = ok(await host.ask<{ code: string }>('room.create', { scenario: 'my-offline-shop', mode: 'vote', voteSeconds: 60 }));
    const exported = async (code: string) =>
      (await (await fetch(`${s.url}/api/rooms/${code}/export.json`)).json()) as { scenario: { id: string; title: { en: string }; file: string } };
    expect((await exported(made.code)).scenario).toMatchObject({ id: 'my-offline-shop', title: { en: 'First' }, file: 'shared/my-offline-shop/v1.yaml' });
    expect((await exported(later.code)).scenario).toMatchObject({ title: { en: 'Second' }, file: 'shared/my-offline-shop/v2.yaml' });
    // Read back from the store (as after a restart, or for a past session): still version 1.
    const past = s.hub.rebuild(made.code)!;
    expect(past.row.sourceFile).toBe('shared/my-offline-shop/v1.yaml');
    expect(past.play.scenario.title.en).toBe('First');
    const listedAgain = ok(await host.ask<{ scenarios: { id: string; shared?: { version: number } }[] }>('library.list', {}));
    expect(listedAgain.scenarios.find((x) => x.id === 'my-offline-shop')?.shared).toEqual({ version: 2 });
    // The trainer's list of rooms on a server that holds none of them live (another process, or
    // after a restart): each past room is named by the version it played, not by its id.
    host.close();
    await s.close();
    const again = await startServer({ db: s.db });
    running.push(again);
    const host2 = new Client(again.url);
    running.push({ close: async () => void host2.close() });
    const rooms = ok(await host2.ask<{ rooms: { code: string; title: { en: string } }[] }>('room.list', {})).rooms;
    expect(rooms.find((r) => r.code === made.code)?.title.en).toBe('First');
    expect(rooms.find((r) => r.code === later.code)?.title.en).toBe('Second');
  }, 120_000);
});

describe('dojo share', () => {
  test('uploads and prints the version; prints problems as file:line:col; refused without the key', async () => {
    const key = 'k'.repeat(16);
    const s = await startServer({ trustLoopback: false, trainerKey: key });
    running.push(s);
    const dir = tempDir();
    const good = join(dir, 'mine.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, mine('CLI'));
    writeFileSync(bad, mine().replace(/^difficulty: .*$/m, 'difficulty: many'));
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['share', ...argv, '--locale', 'en'], { out: (t) => void out.push(t), err: (t) => void err.push(t) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const shared = await run(good, '--server', s.url, '--key', key);
    expect(shared).toMatchObject({ code: 0 });
    expect(shared.out).toMatch(/shared my-offline-shop as version 1/);
    expect((await run(good, '--server', s.url, '--key', key)).out).toMatch(/as version 2/);
    const broken = await run(bad, '--server', s.url, '--key', key);
    expect(broken.code).toBe(1);
    expect(broken.out + broken.err).toContain(`${bad}:`);
    expect(broken.out + broken.err).toMatch(/bad\.yaml:\d+:\d+: /);
    const refused = await run(good, '--server', s.url);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/only the trainer/);
    expect((await run(good)).code).toBe(2);
    expect((await run(good, '--server', 'ftp://x')).code).toBe(2);
    expect((await run(good, '--server', 'http://127.0.0.1:1')).err).toMatch(/cannot reach/);
  }, 120_000);
});
