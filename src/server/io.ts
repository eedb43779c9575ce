/**
 * The socket layer: who may do what, and nothing unchecked gets through. Every message is
 * validated against its schema and bounded in size; each connection has a message budget
 * and each address a join budget; a failure is answered, never thrown, so one bad client
 * cannot take the server down.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { fail } from './room.js';
import type { Hub, Outcome } from './hub.js';
import { channels } from './hub.js';
import { Messages, MAX_MESSAGE_BYTES, type MessageName, type ServerToClient } from './protocol.js';
import { Buckets } from './limits.js';
import { isTrainer } from './trust.js';
import type { Cluster } from './cluster.js';

export interface IoOptions {
  trainerKey: string;
  /** Treat connections from this machine as the trainer (the default, but not behind a proxy). */
  trustLoopback: boolean;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  behindProxy?: boolean;
  /** Joins allowed per address: burst, then one per `joinRefillMs`. */
  joinBurst?: number;
  joinRefillMs?: number;
  /** Messages allowed per connection: burst, then one per `messageRefillMs`. */
  messageBurst?: number;
  messageRefillMs?: number;
}


/** The client's address: behind a trusted proxy, the one it forwarded. */
function clientAddress(socket: Socket, behindProxy: boolean): string {
  const fwd = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  return behindProxy && first ? first : socket.handshake.address;
}

interface SocketData {
  as?: { code: string; pid: string };
  trainer: boolean;
}

export function attachIo(http: HttpServer, hub: Hub, o: IoOptions): { io: Server; useCluster(c: Cluster): void } {
  const io = new Server<Record<string, never>, ServerToClient, Record<string, never>, SocketData>(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // No connection-state recovery: every (re)connect resyncs through *.attach, which is the
    // guarantee, and recovery in socket.io 4.8 can leave a twice-recovered socket out of its
    // rooms (socketio/socket.io#4880: the phone stops hearing updates) while it buffers every
    // packet sent for two minutes.
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  const joins = new Buckets(o.joinBurst ?? 30, o.joinRefillMs ?? 2_000);
  const budget = new Buckets(o.messageBurst ?? 40, o.messageRefillMs ?? 100);
  let cluster: Cluster | undefined;

  hub.publisher = {
    host: (roomId, view) => io.to(channels.host(roomId)).emit('view.host', view),
    trainee: (roomId, pid, view) => io.to(channels.trainee(roomId, pid)).emit('view.trainee', view),
    class: (roomId, view) => io.to(channels.class(roomId)).emit('view.trainee', view),
    evictHost: (roomId, except) => io.in(channels.host(roomId)).except(except ?? []).socketsLeave(channels.host(roomId)),
    evictTrainee: (roomId, pid) => io.in(channels.trainee(roomId, pid)).socketsLeave(channels.class(roomId)),
  };

  io.on('connection', (socket: Socket<Record<string, never>, ServerToClient, Record<string, never>, SocketData>) => {
    const address = clientAddress(socket, !!o.behindProxy);
    const key = (socket.handshake.auth as { key?: unknown } | undefined)?.key;
    socket.data.trainer = isTrainer(o, address, key);

    socket.onAny((...args: unknown[]) => {
      const [name, payload] = args;
      const ack = args.length > 1 && typeof args.at(-1) === 'function' ? (args.at(-1) as (r: unknown) => void) : undefined;
      const answer = (r: unknown) => {
        try {
          ack?.(r);
        } catch {
          /* the client is gone */
        }
      };
      if (!budget.take(socket.id)) return answer(fail('slow-down', 'too many messages: slow down'));
      if (typeof name !== 'string' || !Object.hasOwn(Messages, name)) return answer(fail('unknown-message', 'unknown message'));
      const schema = Messages[name as MessageName];
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return answer(fail('bad-message', `${name}: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}`));
      }
      const msg = parsed.data as Record<string, unknown>;
      if (name === 'trainee.join' && !joins.take(address)) return answer(fail('slow-down', 'too many joins from this address: wait a moment'));
      const caller = { trainer: socket.data.trainer || isTrainer(o, undefined, msg.key), socketId: socket.id };
      void (async () => {
        let out: Outcome | undefined;
        try {
          // A room in memory here; else one another process holds; else one only the store
          // still has (after a restart, or its process died): this process takes it on.
          out = await hub.handle(name as MessageName, msg as never, caller);
          if (!out && cluster) out = await cluster.forward(name as MessageName, msg, caller);
          out ??= await hub.handle(name as MessageName, msg as never, caller, { adopt: true });
        } catch (e) {
          console.error(`${name}: ${(e as Error).stack ?? e}`);
          return answer(fail('internal', 'the server could not do that'));
        }
        if (!out) return answer(fail('no-room', 'no open room with that code'));
        // Gone while this was being settled: nothing to join, no presence to count.
        if (!socket.connected) return;
        if (out.join) for (const c of out.join) void socket.join(c);
        if (out.as && (socket.data.as?.pid !== out.as.pid || socket.data.as.code !== out.as.code)) {
          if (socket.data.as) void presence(socket.data.as, -1);
          socket.data.as = out.as;
          void presence(out.as, 1);
        }
        answer(out.reply);
      })();
    });

    socket.on('disconnect', () => {
      budget.forget(socket.id);
      if (socket.data.as) void presence(socket.data.as, -1);
    });
  });

  async function presence(as: { code: string; pid: string }, delta: 1 | -1): Promise<void> {
    if (hub.presence(as.code, as.pid, delta)) return;
    await cluster?.presence(as.code, as.pid, delta);
  }

  return {
    io: io as unknown as Server,
    useCluster(c: Cluster) {
      cluster = c;
    },
  };
}
