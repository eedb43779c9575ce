/**
 * A class vote's count as the views show it, now that it is counted once per change rather than
 * per view (countedMap.ts, Room.currentTally), and a token's hash kept once seen (Room.pidOf):
 * every vote, changed vote, removed trainee and new decision shows at once, and a removed
 * trainee's token stops working although its hash was kept.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.js';
import { CountedMap } from '../../src/server/countedMap.js';
import { Hub, type Caller } from '../../src/server/hub.js';
import { ServerLibrary } from '../../src/server/library.js';
import type { Reply, TraineeView } from '../../src/server/protocol.js';
import { SqliteStore } from '../../src/server/sqliteStore.js';

const library = ServerLibrary.load(PROJECT_ROOT);
afterAll(() => library.close());
const trainer: Caller = { trainer: true };
const trainee: Caller = { trainer: false };

describe('CountedMap', () => {
  test('set, delete and clear each count as a change; reading does not', () => {
    const m = new CountedMap<string, number>();
    expect(m.changes).toBe(0);
    m.set('a', 1);
    m.set('a', 2);
    expect(m.changes).toBe(2);
    m.get('a');
    m.has('b');
    expect([...m.values()]).toEqual([2]);
    expect(m.changes).toBe(2);
    m.delete('a');
    m.clear();
    expect(m.changes).toBe(4);
    expect(m.size).toBe(0);
  });
});

describe("the class's count in the views", () => {
  test('each vote, a changed vote, a removed trainee and the next decision show at once; a removed token is refused', async () => {
    const store = new SqliteStore(':memory:');
    const hub = new Hub({ store, library });
    const ask = async (name: string, msg: Record<string, unknown>, caller = trainee) => (await hub.handle(name as never, msg as never, caller))!.reply as Reply<Record<string, unknown>>;
    const made = (await ask('room.create', { scenario: 'broadband-outage', mode: 'vote', voteSeconds: 600 }, trainer)) as unknown as { code: string; hostToken: string };
    const { code, hostToken } = made;
    const act = (action: Record<string, unknown>) => ask('host.act', { code, hostToken, action });
    const tokens: string[] = [];
    for (const name of ['Ann', 'Bo', 'Cy']) tokens.push(((await ask('trainee.join', { code, nickname: name })) as unknown as { token: string }).token);
    expect(await act({ type: 'settings', settings: { showLive: true, autoClose: false } })).toMatchObject({ ok: true });
    expect(await act({ type: 'start' })).toMatchObject({ ok: true });
    const seen = async (token: string) => ((await ask('trainee.attach', { code, token })) as unknown as { view: TraineeView }).view.vote!;
    const round = async () => (await seen(tokens[0]!)).round!;
    const first = await seen(tokens[0]!);
    const [x, y] = first.now.choices.map((c) => c.choice);
    const counts = async () => {
      const r = await round();
      return { voters: r.voters, counts: r.live!.options.map((o, i) => [o, r.live!.counts[i]]) };
    };
    const vote = (i: number, choice: number, seq: number, turn = first.round!.turn) => ask('trainee.vote', { code, token: tokens[i], turn, choice, seq });

    expect((await counts()).voters).toBe(0);
    expect(await vote(0, x!, 1)).toMatchObject({ ok: true });
    expect(await counts()).toMatchObject({ voters: 1, counts: expect.arrayContaining([[x, 1]]) });
    expect(await vote(1, x!, 1)).toMatchObject({ ok: true });
    expect(await counts()).toMatchObject({ voters: 2, counts: expect.arrayContaining([[x, 2]]) });
    // Bo changes his mind: one vote moves, the voters stay two.
    expect(await vote(1, y!, 2)).toMatchObject({ ok: true });
    expect(await counts()).toMatchObject({ voters: 2, counts: expect.arrayContaining([[x, 1], [y, 1]]) });
    // Each phone sees its own vote, whatever the others'.
    expect((await seen(tokens[1]!)).round!.mine).toBe(y);
    expect((await seen(tokens[2]!)).round!.mine).toBeUndefined();

    // Bo is taken out: his vote goes from the count, and his token (its hash kept) works no more.
    const room = hub.find(code)!;
    const bo = [...room.participants.values()].find((p) => p.name === 'Bo')!.pid;
    expect(await act({ type: 'remove', id: bo })).toMatchObject({ ok: true });
    expect(await counts()).toMatchObject({ voters: 1, counts: expect.arrayContaining([[x, 1], [y, 0]]) });
    expect(await ask('trainee.attach', { code, token: tokens[1] })).toMatchObject({ ok: false, error: 'unknown' });
    expect(await vote(1, y!, 3)).toMatchObject({ ok: false, error: 'unknown' });

    // Reveal and advance: the next decision starts with nobody counted.
    expect(await act({ type: 'reveal' })).toMatchObject({ ok: true });
    const shown = await round();
    expect(shown.status).toBe('revealed');
    // The model reply is named by the server (the debrief's rule: the first best reply on offer), not guessed from rounded scores.
    expect(shown.model).toBeDefined();
    if (shown.model! >= 0) expect(shown.options!.find((o) => o.choice === shown.model)!.score).toBe(Math.max(...shown.options!.map((o) => o.score)));
    expect(await act({ type: 'advance' })).toMatchObject({ ok: true });
    const next = await round();
    expect(next.turn).toBe(first.round!.turn + 1);
    expect(next.voters).toBe(0);
    expect(next.live!.counts.every((c) => c === 0)).toBe(true);
    hub.stop();
    await store.durable();
    store.close();
  });
});
