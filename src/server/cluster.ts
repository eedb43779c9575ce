/**
 * Several server processes (REDIS_URL set): rooms are shared through the socket.io Redis
 * streams adapter. A room lives in the process whose trainer made it; a message about it
 * that reaches another process is forwarded there and the answer comes back the same way.
 * Views are published to socket.io rooms, which the adapter delivers on every process.
 */
import type { Server } from 'socket.io';
import type { Caller, Hub, Outcome } from './hub.js';
import type { MessageName } from './protocol.js';

type Forwarded = { name: MessageName; msg: unknown; caller: Caller };

/** At most this many messages go to the other processes in one forward. */
const BATCH = 256;

/** Messages that do no harm if they reach the room twice (their own sequence numbers or turns guard them). */
const REPEATABLE = new Set<MessageName>(['host.attach', 'host.act', 'trainee.attach', 'trainee.vote', 'trainee.choose', 'trainee.say', 'trainee.timeout', 'trainee.seen']);

export class Cluster {
  constructor(
    private readonly io: Server,
    hub: Hub,
    private readonly retries = 4,
  ) {
    const settle = (f: Forwarded): Promise<Outcome | null> =>
      hub.handle(f.name, f.msg as never, f.caller).then(
        (o) => o ?? null,
        (e: Error) => {
          console.error(`forwarded ${f.name}: ${e.stack ?? e}`);
          return { reply: { ok: false, error: 'internal', message: 'the server could not do that' } };
        },
      );
    io.on('dojo:forward', (f: Forwarded, reply: (o: Outcome | null) => void) => void settle(f).then(reply));
    // The messages one turn of the event loop forwards, together: one Redis entry each way for
    // the lot, instead of two per message (a class voting at once on the other process).
    io.on('dojo:forward-many', (fs: Forwarded[], reply: (o: (Outcome | null)[]) => void) => void Promise.all(fs.map(settle)).then(reply));
    io.on('dojo:presence', (p: { code: string; pid: string; delta: 1 | -1 }, reply: (held: boolean) => void) => reply(hub.presence(p.code, p.pid, p.delta)));
    io.on('dojo:code', (code: string, reply: (taken: boolean) => void) => reply(!!hub.find(code)));
  }

  /** Every other process's answer; on a timeout, the answers that did arrive (and `complete: false`). */
  private async ask<T>(event: string, payload: unknown): Promise<{ answers: T[]; complete: boolean }> {
    try {
      return { answers: (await this.io.serverSideEmitWithAck(event, payload)) as T[], complete: true };
    } catch (e) {
      return { answers: ((e as { responses?: T[] }).responses ?? []) as T[], complete: false };
    }
  }

  private waiting: { f: Forwarded; done: (r: { found?: Outcome; complete: boolean }) => void }[] = [];

  /** Forward with the other messages of this turn of the event loop. */
  private send(f: Forwarded): Promise<{ found?: Outcome; complete: boolean }> {
    return new Promise((done) => {
      this.waiting.push({ f, done });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    for (let i = 0; i < all.length; i += BATCH) {
      const part = all.slice(i, i + BATCH);
      void this.ask<(Outcome | null)[] | null>('dojo:forward-many', part.map((p) => p.f)).then(({ answers, complete }) =>
        part.forEach((p, j) => p.done({ found: answers.map((a) => (Array.isArray(a) ? a[j] : undefined)).find((o) => o) ?? undefined, complete })),
      );
    }
  }

  /** The answer from the process holding the room; undefined when none does. */
  async forward(name: MessageName, msg: unknown, caller: Caller): Promise<Outcome | undefined> {
    for (let i = 0; i <= this.retries; i++) {
      const { found, complete } = await this.send({ name, msg, caller });
      if (found) return found;
      // A process that has just started may not have heard of the others yet: ask again
      // shortly, unless some process did not answer in time and the message must not run
      // twice (a join, a take-over): it may have run there.
      if (!complete && !REPEATABLE.has(name)) return undefined;
      if (i < this.retries) await new Promise((r) => setTimeout(r, 250));
    }
    return undefined;
  }

  async presence(code: string, pid: string, delta: 1 | -1): Promise<void> {
    await this.ask('dojo:presence', { code, pid, delta });
  }

  /** Whether another process holds a room with this code (a process that did not answer counts as yes). */
  async codeTaken(code: string): Promise<boolean> {
    const { answers, complete } = await this.ask<boolean>('dojo:code', code);
    return !complete || answers.some(Boolean);
  }
}
