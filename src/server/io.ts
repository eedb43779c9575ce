/**
 * The socket layer: who may do what, and nothing unchecked gets through. Every message is
 * validated against its schema and bounded in size; each address has a cap on connections,
 * on how fast it opens them, and a budget for joins and failed look-ups; each connection has
 * a message budget, and one that keeps sending past it is disconnected. A failure is
 * answered, never thrown, so one bad client cannot take the server down.
 */
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { normalizeRoomCode } from '../engine/classroom/code.js';
import { fail, notHost, notInRoom } from './room.js';
import type { Caller, Hub, Outcome } from './hub.js';
import { channels } from './hub.js';
import { Messages, MAX_MESSAGE_BYTES, quickMessage, type MessageName, type ServerToClient } from './protocol.js';
import { Buckets } from './limits.js';
import { addressKey, clientAddress, isTrainer, type Headers } from './trust.js';
import type { Cluster } from './cluster.js';
import { route } from './route.js';
import { DirectBroadcastAdapter, writeDirectly, type EngineSocket } from './directWrite.js';

export interface IoOptions {
  trainerKey: string;
  /** Connections from this machine may be the trainer (the default, but not behind a public proxy). */
  trustLoopback: boolean;
  /** This machine's own host names (besides localhost) for the trainer's local page. */
  localNames?: readonly string[];
  /** Proxies in front of the server (DOJO_TRUST_PROXY): the client's address is that many X-Forwarded-For entries from the right. */
  trustProxy?: number;
  /** Joins, and look-ups that found nothing, allowed per address: burst, then one per `joinRefillMs`. */
  joinBurst?: number;
  joinRefillMs?: number;
  /** Messages allowed per connection: burst, then one per `messageRefillMs`. */
  messageBurst?: number;
  messageRefillMs?: number;
  /** Connections open at once per address (DOJO_MAX_CONN_PER_IP); as many may open at once, then ten a second. */
  maxConnectionsPerAddress?: number;
  /** Over-budget messages a connection may send within `floodWindowMs` before it is disconnected. */
  floodRefusals?: number;
  floodWindowMs?: number;
  /** Sees every handshake's headers (the warning about an unannounced proxy). */
  onHeaders?: (headers: Headers) => void;
}

/**
 * A class behind one shared address (a school's NAT): up to about a hundred phones, each of which
 * may briefly hold two connections while it reconnects (the old one lingers until its ping
 * times out, 18 s), plus the trainer's screens.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
const CONNECT_REFILL_MS = 100;

/** Messages that name a room and a secret (a trainee's token or the host token). */
const LOOKUPS = new Set<MessageName>(['trainee.attach', 'trainee.vote', 'trainee.choose', 'trainee.say', 'trainee.timeout', 'trainee.seen', 'host.attach', 'host.act']);

/** The answer to a room message no process holds a room for: the same as a wrong token's. */
function noRoom(name: MessageName) {
  if (name === 'host.attach' || name === 'host.act') return notHost();
  if (LOOKUPS.has(name)) return notInRoom();
  return fail('no-room', 'no open room with that code');
}

type Ack = (r: unknown) => void;

/** The WebSocket under an engine.io connection, while it has one (engine.io keeps it as its transport's `socket`). */
type Transported = { transport?: { socket?: { readyState?: unknown } }; close(): unknown };

/**
 * Answer a message, unless the client has gone. A phone that drops right after sending (a train
 * going into a tunnel, or the benchmark's tenth of the class) has closed its WebSocket by the time
 * the answer is ready: engine.io only notices when the TCP connection is gone, and writing to the
 * closing socket meanwhile fails with an error, whose stack (through the source maps) costs more
 * than the message did. The connection is closed here instead, as it is about to be anyway.
 */
function answer(socket: { conn: object }, ack: Ack | undefined, r: unknown): void {
  if (!ack) return;
  const conn = socket.conn as Transported;
  const ws = conn.transport?.socket;
  if (ws && ws.readyState !== undefined && ws.readyState !== WS_OPEN) {
    conn.close();
    return;
  }
  try {
    ack(r);
  } catch {
    /* the client is gone */
  }
}

const WS_OPEN = 1;

const credential = (code: unknown, secret: unknown) => `${normalizeRoomCode(String(code ?? '')) ?? ''}|${String(secret ?? '')}`;

interface SocketData {
  as?: { code: string; pid: string };
  trainer: boolean;
  /** Where the connection comes from, as limits count it. */
  addressKey: string;
  /** Room and secret pairs that worked on this connection: using them again is no probe. */
  known: Set<string>;
  /** Over-budget messages in the current window. */
  refusals: { n: number; since: number };
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
    // One process: broadcasts reach each phone past engine.io's per-packet work (directWrite.ts);
    // with Redis (main.ts) the cluster's adapter replaces it.
    adapter: DirectBroadcastAdapter,
  });
  // And so do acknowledgements and a socket's own messages, on every connection.
  io.engine.on('connection', (conn: EngineSocket) => writeDirectly(conn));
  // A connection's id from Node's pool of random UUIDs: engine.io's own drew bytes from the
  // kernel, often once per id, for each phone that reconnects (socket.io documents this hook).
  io.engine.generateId = () => randomUUID();
  const joins = new Buckets(o.joinBurst ?? 30, o.joinRefillMs ?? 2_000);
  const budget = new Buckets(o.messageBurst ?? 40, o.messageRefillMs ?? 100);
  const cap = o.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  const opening = new Buckets(cap, CONNECT_REFILL_MS);
  const open = new Map<string, number>();
  const floodRefusals = o.floodRefusals ?? 20;
  const floodWindowMs = o.floodWindowMs ?? 10_000;
  let cluster: Cluster | undefined;

  hub.publisher = {
    host: (roomId, view) => io.to(channels.host(roomId)).emit('view.host', view),
    trainee: (roomId, pid, view) => io.to(channels.trainee(roomId, pid)).emit('view.trainee', view),
    class: (roomId, view) => io.to(channels.class(roomId)).emit('view.trainee', view),
    evictHost: (roomId, except) => io.in(channels.host(roomId)).except(except ?? []).socketsLeave(channels.host(roomId)),
    evictTrainee: (roomId, pid) => io.in(channels.trainee(roomId, pid)).socketsLeave(channels.class(roomId)),
  };

  // At the door: the address's connections at once, and how fast it opens new ones.
  io.use((socket, next) => {
    const headers = socket.handshake.headers as Headers;
    o.onHeaders?.(headers);
    const key = addressKey(clientAddress({ address: socket.handshake.address, headers }, o.trustProxy ?? 0));
    const n = open.get(key) ?? 0;
    if (n >= cap) return next(new Error('too-many-connections'));
    if (!opening.take(key)) return next(new Error('slow-down'));
    open.set(key, n + 1);
    socket.conn.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
    socket.data.addressKey = key;
    next();
  });

  io.on('connection', (socket: Socket<Record<string, never>, ServerToClient, Record<string, never>, SocketData>) => {
    const headers = socket.handshake.headers as Headers;
    const address = socket.data.addressKey;
    const key = (socket.handshake.auth as { key?: unknown } | undefined)?.key;
    socket.data.trainer = isTrainer(o, { address: socket.handshake.address, headers }, key);
    socket.data.known = new Set();
    socket.data.refusals = { n: 0, since: Date.now() };

    /** Past its budget: refused; refused too often in a short while, the connection is closed. */
    const flooding = (): boolean => {
      const r = socket.data.refusals;
      const now = Date.now();
      if (now - r.since > floodWindowMs) Object.assign(r, { n: 0, since: now });
      if (++r.n <= floodRefusals) return false;
      socket.disconnect(true);
      return true;
    };

    // No closure is made per message (a class of 1,000 sends a thousand at once): the handlers
    // are made once per connection.
    socket.onAny(function onMessage(...args: unknown[]) {
      const [name, payload] = args;
      const ack = args.length > 1 && typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as Ack) : undefined;
      if (!socket.connected) return;
      if (!budget.take(socket.id)) return flooding() ? undefined : answer(socket, ack, fail('slow-down', 'too many messages: slow down'));
      if (typeof name !== 'string' || !Object.hasOwn(Messages, name)) return answer(socket, ack, fail('unknown-message', 'unknown message'));
      let msg = quickMessage(name, payload);
      if (!msg) {
        const parsed = Messages[name as MessageName].safeParse(payload);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return answer(socket, ack, fail('bad-message', `${name}: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}`));
        }
        msg = parsed.data as Record<string, unknown>;
      }
      const caller = { trainer: socket.data.trainer || isTrainer(o, undefined, msg.key), socketId: socket.id };
      if (name === 'trainee.join' && !joins.take(address)) return answer(socket, ack, fail('slow-down', 'too many joins from this address: wait a moment'));
      // A room and secret this connection has not used yet is a look-up; look-ups that find
      // nothing spend the join budget, and once it is spent no more are tried.
      const lookup = LOOKUPS.has(name as MessageName) && !caller.trainer ? credential(msg.code, msg.token ?? msg.hostToken) : undefined;
      const probing = lookup !== undefined && !socket.data.known.has(lookup);
      if (probing && !joins.has(address)) return answer(socket, ack, fail('slow-down', 'too many tries from this address: wait a moment'));
      void settle(name as MessageName, msg, caller, lookup === undefined ? 'new' : probing ? 'probe' : 'known', ack);
    });

    /** `lookup`: whether the message names a room and secret ('new': it does not), and whether this connection used them before. */
    async function settle(name: MessageName, msg: Record<string, unknown>, caller: Caller, lookup: 'new' | 'probe' | 'known', ack: Ack | undefined): Promise<void> {
      let out: Outcome | undefined;
      try {
        // A room in memory here; else one another process holds; else one only the store
        // still has (after a restart, or its process died): this process takes it on.
        out = await route(hub, cluster, name, msg, caller);
      } catch (e) {
        console.error(`${name}: ${(e as Error).stack ?? e}`);
        return answer(socket, ack, fail('internal', 'the server could not do that'));
      }
      const reply = out?.reply ?? noRoom(name);
      if (lookup === 'probe' && !reply.ok && (reply.error === 'unknown' || reply.error === 'not-host')) joins.take(address);
      if (reply.ok && lookup !== 'known') remember(name, msg, reply as Record<string, unknown>);
      // Gone while this was being settled: nothing to join, no presence to count.
      if (!out || !socket.connected) return answer(socket, ack, reply);
      if (out.join) for (const c of out.join) void socket.join(c);
      if (out.as && (socket.data.as?.pid !== out.as.pid || socket.data.as.code !== out.as.code)) {
        if (socket.data.as) void presence(socket.data.as, -1);
        socket.data.as = out.as;
        void presence(out.as, 1);
      }
      answer(socket, ack, reply);
    }

    /** The room and secret that just worked: this connection may use them without spending its address's budget. */
    function remember(name: MessageName, msg: Record<string, unknown>, reply: Record<string, unknown>): void {
      const known = socket.data.known;
      if (known.size >= 16) known.clear();
      if (LOOKUPS.has(name)) known.add(credential(msg.code, msg.token ?? msg.hostToken));
      else if (name === 'trainee.join') known.add(credential(reply.code, reply.token));
      else if (name === 'room.create' || name === 'host.claim') known.add(credential(reply.code, reply.hostToken));
    }

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
