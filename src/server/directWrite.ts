/**
 * A shorter way for a message to reach a phone's WebSocket.
 *
 * socket.io hands each message to engine.io's socket, which makes a packet object, emits five
 * events, queues a send callback and passes it to its WebSocket transport, which hands it to
 * ws, which frames it and writes header and body as two writes, then calls back so engine.io
 * can drain its queue. At a class of 1,000 phones that is about 3,000 times per decision (the
 * acknowledgements, then the views pushed to the whole class), and it was a good part of what
 * a message cost besides the kernel's write.
 *
 * Here a message to a connection that is open on WebSocket, with nothing waiting in
 * engine.io's buffer, is framed as one buffer and written straight to ws's sender (the call
 * engine.io's own WebSocket transport makes for a frame encoded in advance), so it goes out
 * after everything sent to that connection before, as it would have. Anything else (engine.io
 * still holding packets, long polling, compression, a send callback, binary data) goes the
 * usual way. A broadcast is framed once for all its sockets (`DirectBroadcastAdapter`: the
 * in-memory adapter, i.e. one server process; with Redis, cluster.ts's adapter replaces it).
 */
import { Adapter, type BroadcastOptions } from 'socket.io-adapter';

const WS_OPEN = 1;
/** FIN and the text opcode: a whole text message in one frame. */
const FIN_TEXT = 0x81;

type Sender = { sendFrame(list: Buffer[], cb?: () => void): void };

/** What is used here of engine.io's socket, its WebSocket transport and ws's WebSocket. */
export interface EngineSocket {
  readyState: string;
  upgrading?: boolean;
  writeBuffer: unknown[];
  transport?: {
    name: string;
    perMessageDeflate?: unknown;
    socket?: { readyState: number; _sender?: Partial<Sender> };
  };
  write(data: unknown, options?: unknown, callback?: unknown): unknown;
}

/** The connection's ws sender, if a frame written to it now would go out after everything sent before. */
function directSender(conn: EngineSocket): Sender | undefined {
  if (conn.readyState !== 'open' || conn.upgrading || conn.writeBuffer.length > 0) return undefined;
  const t = conn.transport;
  if (!t || t.name !== 'websocket' || t.perMessageDeflate) return undefined;
  const ws = t.socket;
  const sender = ws?._sender;
  if (!ws || ws.readyState !== WS_OPEN || typeof sender?.sendFrame !== 'function') return undefined;
  return sender as Sender;
}

/** An unmasked WebSocket text frame (RFC 6455 §5.2), header and payload in one buffer. */
export function textFrame(text: string): Buffer {
  const n = Buffer.byteLength(text);
  const head = n < 126 ? 2 : n < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = FIN_TEXT;
  if (n < 126) frame[1] = n;
  else if (n < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 0x100000000), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.write(text, head);
  return frame;
}

/** Write a whole frame straight to the connection's WebSocket if nothing can be ahead of it; false: send it the usual way. */
export function writeFrame(conn: EngineSocket, frame: Buffer): boolean {
  const sender = directSender(conn);
  if (!sender) return false;
  sender.sendFrame([frame]);
  return true;
}

/**
 * Messages socket.io writes to this engine.io connection (acknowledgements, a socket's own
 * emits) take the short way when they can: a text message (engine.io's "4" and socket.io's
 * encoding) with no send callback.
 */
export function writeDirectly(conn: EngineSocket): void {
  const write = conn.write;
  conn.write = function (data: unknown, options?: unknown, callback?: unknown) {
    if (typeof data === 'string' && callback === undefined && typeof options !== 'function' && !(options as { wsPreEncodedFrame?: unknown } | undefined)?.wsPreEncodedFrame) {
      const sender = directSender(conn);
      if (sender) {
        sender.sendFrame([textFrame(`4${data}`)]);
        return conn;
      }
    }
    return write.call(conn, data, options, callback);
  };
}

interface SocketLike {
  conn: EngineSocket;
  client: { writeToEngine(encoded: unknown[], opts: object): void };
  notifyOutgoingListeners?: (packet: unknown) => void;
}

/** The in-memory adapter's own encoding and room walk (not in its typings). */
interface AdapterInternals {
  _encode(packet: unknown, opts: PacketOptions): unknown[];
  apply(opts: BroadcastOptions, callback: (socket: SocketLike) => void): void;
}

interface PacketOptions {
  preEncoded: true;
  volatile?: boolean;
  compress?: boolean;
  wsPreEncodedFrame?: Buffer[];
}

/** The in-memory adapter, each broadcast framed once and written straight to every socket that can take it so. */
export class DirectBroadcastAdapter extends Adapter {
  override broadcast(packet: { nsp?: string }, opts: BroadcastOptions): void {
    const flags = opts.flags ?? {};
    if (flags.volatile) return super.broadcast(packet, opts);
    const packetOpts: PacketOptions = { preEncoded: true, volatile: false, compress: flags.compress };
    packet.nsp = (this.nsp as { name: string }).name;
    const self = this as unknown as AdapterInternals;
    const encoded = self._encode(packet, packetOpts);
    const parts = packetOpts.wsPreEncodedFrame;
    const frame = parts ? (parts.length === 1 ? parts[0]! : Buffer.concat(parts)) : undefined;
    const send = (socket: SocketLike) => {
      socket.notifyOutgoingListeners?.(packet);
      if (frame && writeFrame(socket.conn, frame)) return;
      socket.client.writeToEngine(encoded, packetOpts);
    };
    // One room and nobody left out (every view the server pushes): its sockets as they are,
    // without the set of those already sent to that several rooms need.
    const [room, more] = opts.rooms;
    if (opts.rooms.size === 1 && more === undefined && !opts.except?.size) {
      const sockets = (this.nsp as { sockets: Map<string, SocketLike> }).sockets;
      for (const id of this.rooms.get(room!) ?? []) {
        const socket = sockets.get(id);
        if (socket) send(socket);
      }
    } else self.apply(opts, send);
  }
}
