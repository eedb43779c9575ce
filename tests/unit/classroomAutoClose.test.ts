/**
 * "Close the vote when everyone has voted" while phones drop and come back (Room.closeIfAllVoted
 * looks at a count first and lists who is connected only for the last votes): over seeded runs of
 * votes, drops, reconnects and removals, the vote closes at the first moment every connected,
 * let-in trainee has voted, and never before, as a plain look at the whole class says.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.js';
import { nextRandom } from '../../src/engine/rng.js';
import { Hub, type Caller } from '../../src/server/hub.js';
import { ServerLibrary } from '../../src/server/library.js';
import type { Reply } from '../../src/server/protocol.js';
import { SqliteStore } from '../../src/server/sqliteStore.js';

const library = ServerLibrary.load(PROJECT_ROOT);
afterAll(() => library.close());
const trainer: Caller = { trainer: true };
const trainee: Caller = { trainer: false };

describe('the vote closes by itself when every connected trainee has voted', () => {
  test.each([0, 1, 2, 3, 4, 5, 6])('seeded class %i: votes with drops, returns and removals between them (0: none)', async (seed) => {
    let state = seed;
    const rnd = () => {
      const r = nextRandom(state);
      state = r.state;
      return r.value;
    };
    const store = new SqliteStore(':memory:');
    const hub = new Hub({ store, library });
    const ask = async (name: string, msg: Record<string, unknown>, caller = trainee) => (await hub.handle(name as never, msg as never, caller))!.reply as Reply<Record<string, unknown>>;
    const { code, hostToken } = (await ask('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 600 }, trainer)) as unknown as { code: string; hostToken: string };
    const act = (action: Record<string, unknown>) => ask('host.act', { code, hostToken, action });
    const n = 12;
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) tokens.push(((await ask('trainee.join', { code, nickname: `T${i}` })) as unknown as { token: string }).token);
    const room = hub.find(code)!;
    const pids = [...room.participants.keys()];
    // Each phone's connections (a phone coming back may briefly hold two).
    const sockets = new Map(pids.map((p) => [p, 0]));
    const connect = (pid: string) => {
      sockets.set(pid, sockets.get(pid)! + 1);
      hub.presence(code, pid, 1);
    };
    const drop = (pid: string) => {
      if (!sockets.get(pid)) return;
      sockets.set(pid, sockets.get(pid)! - 1);
      hub.presence(code, pid, -1);
    };
    for (const p of pids) connect(p);
    expect(await act({ type: 'start' })).toMatchObject({ ok: true });
    const choice = room.round!.offered[0]!;
    const voted = new Set<string>();
    const removed = new Set<string>();
    const everyoneThereVoted = () => {
      const there = pids.filter((p) => !removed.has(p) && sockets.get(p)! > 0);
      return there.length > 0 && there.every((p) => voted.has(p));
    };
    let steps = 0;
    const status = (): string => room.round!.status;
    for (; status() === 'open' && steps < 400; steps++) {
      const i = Math.floor(rnd() * n);
      const pid = pids[i]!;
      if (removed.has(pid)) continue;
      // Seed 0: nobody drops; the vote closes with the last of the class.
      const r = seed === 0 ? 0 : rnd();
      if (r < 0.45) {
        if (!sockets.get(pid) || (seed === 0 && voted.has(pid))) continue; // an offline phone cannot vote
        const answer = await ask('trainee.vote', { code, token: tokens[i], turn: room.round!.turn, choice, seq: steps + 1 });
        expect(answer).toMatchObject({ ok: true });
        voted.add(pid);
        // Closed exactly when the last one connected and let in has voted.
        expect(status() === 'closed').toBe(everyoneThereVoted());
      } else if (r < 0.7) drop(pid);
      else if (r < 0.95) connect(pid);
      else if (removed.size < n / 3) {
        expect(await act({ type: 'remove', id: pid })).toMatchObject({ ok: true });
        removed.add(pid);
        sockets.set(pid, 0);
      }
      // Drops, returns and removals never close the vote by themselves.
      if (r >= 0.45) expect(status()).toBe('open');
    }
    expect(status()).toBe('closed');
    if (seed === 0) expect(voted.size).toBe(n);
    expect(voted.size).toBeGreaterThan(0);
    hub.stop();
    await store.durable();
    store.close();
  });
});
