/**
 * Everyone plays in own words, over real sockets: the server's judge reads each typed reply; one
 * read as close to a reply on offer is a turn scored on what was written (the phone's coaching
 * shows the text, the marks and the reply it was read as; the board shows the principles found);
 * one that is not makes the customer ask again; an empty or wordless one is refused with the
 * judge's notice; a trainee may still pick; rooms without own words refuse typed replies.
 */
import { afterEach, describe, expect, test } from 'vitest';
import * as pageLimits from '../../src/classroom/limits.js';
import { SAY_MAX_CHARS, type HostView, type TraineeView } from '../../src/server/protocol.js';
import { Client, ok, startServer, until } from './classroomServer.helpers.js';

type Server = Awaited<ReturnType<typeof startServer>>;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function server(): Promise<Server> {
  const s = await startServer();
  cleanup.push(() => s.close());
  return s;
}
function client(s: Server): Client {
  const c = new Client(s.url);
  cleanup.push(() => c.close());
  return c;
}

/** An everyone-plays room on kettle-return (first node "open"), one trainee in, started. */
async function room(s: Server, ownWords: boolean) {
  const host = client(s);
  const made = ok(await host.ask<{ code: string; hostToken: string; view: HostView }>('room.create', { scenario: 'kettle-return', mode: 'solo', ownWords }));
  const phone = client(s);
  const { token } = ok(await phone.ask<{ token: string }>('trainee.join', { code: made.code, nickname: 'Lin' }));
  ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
  await until(() => phone.trainee?.solo?.now.node === 'open');
  const say = (text: string, seq: number, turn = 0) => phone.ask<{ askedAgain?: number; notice?: string; heard?: { en?: string }[] }>('trainee.say', { code: made.code, token, turn, text, seq });
  return { host, phone, token, code: made.code, made, say };
}

describe('everyone plays, in own words', () => {
  test('a typed reply close to a reply on offer is a turn: coached with its marks and the reply it was read as; the board shows what was found', async () => {
    const s = await server();
    const r = await room(s, true);
    expect(r.made.view.settings.ownWords).toBe(true);
    expect(r.phone.trainee!.ownWords, 'said to every phone, from the lobby on').toBe(true);
    expect(r.phone.trainee!.solo!.ownWords).toBe(true);
    // Its own wording (nearly word for word a reply would simply be that reply, with nothing to mark).
    const text = "Hi there, take your time and put the box on the counter, dear. What's gone wrong with the kettle?";
    ok(await r.say(text, 1));
    const v = await until(() => r.phone.trainee?.solo?.last && r.phone.trainee);
    const last = v.solo!.last!;
    expect(last.said?.text).toBe(text);
    expect(last.said!.found.map((f) => f.id).sort()).toEqual(['open-questions', 'show-patience']);
    for (const f of last.said!.found) expect(text.slice(f.start, f.end).length).toBeGreaterThan(3);
    expect(text.slice(last.said!.found.find((f) => f.id === 'show-patience')!.start, last.said!.found.find((f) => f.id === 'show-patience')!.end).toLowerCase()).toContain('take your time');
    // Read as a reply on offer (its number as the phone showed it), and scored from what was written.
    const offered = (await until(() => r.host.host)).scenario;
    expect(offered).toBeTruthy();
    expect(last.said!.readAs).toBeGreaterThanOrEqual(0);
    // Honoured: what was found, and the read-as reply's practices it is credited with (kettle-return's first reply:
    // rapport-matching, small-courtesies, take-initiative), never a principle from neither.
    expect(last.honoured).toEqual(expect.arrayContaining(['open-questions', 'show-patience']));
    expect(last.honoured.filter((id) => !['open-questions', 'show-patience'].includes(id)).sort()).toEqual(['rapport-matching', 'small-courtesies', 'take-initiative']);
    expect(v.principles['show-patience']?.polarity).toBe('practice');
    // The coaching is not the authored reply's feedback (about words not written): the better reply, or none.
    // Read as the best reply itself and credited in full here: nothing scores better (read as the best reply but
    // scoring less, the coaching would say that reply's wording scores better, not that another reply was on offer).
    expect(last.feedback.en).toBe('Nothing on offer here would have scored better.');
    // Credited through that reply, apart from what was found in the words (the phone shows them under their own label).
    expect(last.said!.verbatim).toBeUndefined();
    // The trainer's board: the row's last typed reply and the class heat map.
    const board = await until(() => r.host.host?.solo?.rows[0]?.found && r.host.host.solo);
    expect(board.rows[0]!.found!.map((f) => f.id).sort()).toEqual(['open-questions', 'show-patience']);
    expect(board.heat.map((h) => h.principle)).toEqual(expect.arrayContaining(['show-patience', 'open-questions']));
    expect(r.host.host!.principles['open-questions']?.name.en).toBeTruthy();
    // The same message again (a retry) changes nothing.
    ok(await r.say(text, 1));
    expect(r.phone.trainee!.solo!.now.turn).toBe(1);
    // The results say what was typed, not the reply it was read as.
    const csv = await (await fetch(`${s.url}/api/rooms/${r.code}/export.csv?lang=en`)).text();
    expect(csv).toContain(`(typed) ${text}`);
  });

  test('a reply the customer cannot follow: asked again, nothing scored; then a pick still works', async () => {
    const s = await server();
    const r = await room(s, true);
    const first = ok(await r.say('What colour is the sky today?', 1));
    expect(first.askedAgain).toBe(1);
    expect(first.heard, 'nothing good heard in it').toBeUndefined();
    expect(ok(await r.say('Hmm.', 2)).askedAgain).toBe(2);
    await until(() => r.phone.trainee?.solo?.askedAgain === 2);
    // The trainer sees the tries the customer did not follow.
    await until(() => r.host.host?.solo?.rows[0]?.askedAgain === 2);
    expect(r.phone.trainee!.solo!.last).toBeUndefined();
    const choice = r.phone.trainee!.solo!.now.choices[0]!.choice;
    ok(await r.phone.ask('trainee.choose', { code: r.code, token: r.token, turn: 0, choice, seq: 3 }));
    const after = await until(() => r.phone.trainee?.solo?.last && r.phone.trainee.solo);
    expect(after.last!.said).toBeUndefined();
    expect(after.askedAgain).toBeUndefined();
  });

  test('a reply good in itself but the way of no reply here: asked again, and the phone is told what was heard', async () => {
    const s = await server();
    const r = await room(s, true);
    // Thanks for the complaint while the customer is still saying what it is about (kettle-return "open").
    const a = ok(await r.say('Thank you for bringing this to us, it helps us improve.', 1));
    expect(a.askedAgain).toBe(1);
    expect(a.heard?.map((n) => n.en)).toEqual(['Thank them for complaining']);
    expect(r.phone.trainee!.solo!.last).toBeUndefined();
    // Anything broken in it, and it is not "good in itself".
    const b = ok(await r.say('Thank you for telling us, but honestly that is not my problem, calm down.', 2));
    expect(b.heard).toBeUndefined();
  });

  test('empty or wordless replies are refused with the notice and change nothing; rooms that pick refuse typing', async () => {
    const s = await server();
    const r = await room(s, true);
    for (const [text, notice] of [
      ['   ', 'empty'],
      ['😀😀😀 123', 'no-words'],
    ] as const) {
      const a = await r.say(text, 1);
      expect(a.ok).toBe(false);
      expect((a as { notice?: string }).notice).toBe(notice);
    }
    const tooLong = await r.phone.ask('trainee.say', { code: r.code, token: r.token, turn: 0, text: 'x'.repeat(5000), seq: 5 });
    expect(tooLong.ok).toBe(false);
    expect(r.phone.trainee!.solo!.now.turn).toBe(0);
    expect(r.phone.trainee!.solo!.askedAgain).toBeUndefined();

    const picking = await room(s, false);
    expect(picking.phone.trainee!.solo!.ownWords).toBeUndefined();
    const refused = await picking.say("Hello, take your time. What's up with the kettle?", 1);
    expect(refused.ok).toBe(false);
    expect((refused as { error: string }).error).toBe('not-own-words');
    // …until the trainer turns it on for the room.
    ok(await picking.host.ask('host.act', { code: picking.code, hostToken: picking.made.hostToken, action: { type: 'settings', settings: { ownWords: true } } }));
    await until(() => picking.phone.trainee?.solo?.ownWords);
    ok(await picking.say("Hello, take your time and pop the box down here, dear. What's up with the kettle?", 2));
    await until(() => (picking.phone.trainee as TraineeView | undefined)?.solo?.last?.said);
  });
});

test("the phone's copy of the longest typed reply is the server's", () => {
  expect(pageLimits.SAY_MAX_CHARS).toBe(SAY_MAX_CHARS);
});
