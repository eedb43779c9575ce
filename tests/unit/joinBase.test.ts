/** The join link's base: listen host × DOJO_PUBLIC_URL × this machine's LAN addresses (src/server/joinBase.ts). */
import { afterEach, describe, expect, test } from 'vitest';
import { isLoopback, joinBase } from '../../src/server/joinBase.js';
import { Client, ok, startServer } from './classroomServer.helpers.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const LAN = ['192.168.1.20', '10.0.0.5'];

describe('joinBase', () => {
  test('listening on every address: the first LAN address (none without one)', () => {
    for (const host of [undefined, '', '0.0.0.0', '::']) {
      expect(joinBase({ host, port: 8080, lan: LAN }), String(host)).toEqual({ base: 'http://192.168.1.20:8080', loopbackOnly: false });
      expect(joinBase({ host, port: 8080, lan: [] }), String(host)).toEqual({ loopbackOnly: false });
    }
  });

  test('listening on loopback only: never the LAN address, the loopback one, marked unreachable for phones', () => {
    expect(joinBase({ host: '127.0.0.1', port: 4430, lan: LAN })).toEqual({ base: 'http://127.0.0.1:4430', loopbackOnly: true });
    expect(joinBase({ host: '127.0.1.1', port: 80, lan: LAN })).toEqual({ base: 'http://127.0.1.1:80', loopbackOnly: true });
    expect(joinBase({ host: 'localhost', port: 8080, lan: LAN })).toEqual({ base: 'http://localhost:8080', loopbackOnly: true });
    expect(joinBase({ host: '::1', port: 8080, lan: LAN })).toEqual({ base: 'http://[::1]:8080', loopbackOnly: true });
    expect(joinBase({ host: '[::1]', port: 8080, lan: LAN })).toEqual({ base: 'http://[::1]:8080', loopbackOnly: true });
    expect(joinBase({ host: '127.0.0.1', port: 8080, lan: [] })).toEqual({ base: 'http://127.0.0.1:8080', loopbackOnly: true });
  });

  test('DOJO_PUBLIC_URL wins whatever the server listens on (a proxy on this machine reaches a loopback server)', () => {
    for (const host of [undefined, '0.0.0.0', '127.0.0.1', '::1', 'localhost', '192.168.1.20']) {
      expect(joinBase({ host, port: 8080, publicUrl: 'https://dojo.example.org/', lan: LAN }), String(host)).toEqual({ base: 'https://dojo.example.org', loopbackOnly: false });
    }
  });

  test('listening on one address of this machine: that address (not the first LAN one)', () => {
    expect(joinBase({ host: '10.0.0.5', port: 8080, lan: LAN })).toEqual({ base: 'http://10.0.0.5:8080', loopbackOnly: false });
    expect(joinBase({ host: 'fd00::5', port: 8080, lan: LAN })).toEqual({ base: 'http://[fd00::5]:8080', loopbackOnly: false });
  });
});

describe('isLoopback', () => {
  test.each(['127.0.0.1', '127.255.255.254', 'localhost', 'LOCALHOST', 'dojo.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is loopback', (h) => {
    expect(isLoopback(h)).toBe(true);
  });
  test.each(['0.0.0.0', '::', '192.168.1.20', '128.0.0.1', '10.127.0.1', 'example.org', 'localhost.example.org', '::2', 'fe80::1'])('%s is not', (h) => {
    expect(isLoopback(h)).toBe(false);
  });
});

describe('the server tells the host page where trainees join', () => {
  async function listed(o: Parameters<typeof startServer>[0], key?: string) {
    const s = await startServer(o);
    cleanup.push(() => s.close());
    const c = new Client(s.url, key ? { key } : {});
    cleanup.push(() => c.close());
    return { s, r: ok(await c.ask<{ joinBase?: string; loopbackOnly?: boolean }>('library.list', {})) };
  }

  test('on 127.0.0.1 (as `--host 127.0.0.1`): the loopback address, said to be out of the phones\' reach', async () => {
    const { s, r } = await listed({ host: '127.0.0.1' });
    expect(r.joinBase).toBe(`http://127.0.0.1:${s.port}`);
    expect(r.loopbackOnly).toBe(true);
  });

  test('behind a proxy on this machine: its public address, reachable', async () => {
    const { r } = await listed({ host: '127.0.0.1', publicUrl: 'https://dojo.example.org/', trainerKey: 'k'.repeat(16) }, 'k'.repeat(16));
    expect(r.joinBase).toBe('https://dojo.example.org');
    expect(r.loopbackOnly).toBeUndefined();
  });
});
