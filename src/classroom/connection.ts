/**
 * The page's line to the classroom server: one socket.io socket over WebSocket, requests
 * that wait for their answer and try again, and a (re)connect hook. The server's connection
 * state recovery is only an optimisation: on every connect the page attaches again and
 * redraws from the view it gets back.
 */
import { io, type Socket } from 'socket.io-client';
import type { MessageIn, MessageName, Reply, ServerToClient } from '../server/protocol.js';

export type LinkState = 'connecting' | 'online' | 'offline';

export interface RequestOptions {
  /** How many times to send it (the same payload each time). */
  tries?: number;
  /** How long to wait for each answer, and for the connection to come back before each try. */
  timeoutMs?: number;
}

export interface ConnectionOptions {
  auth?: Record<string, string>;
  /** Runs on the first connect and every reconnect. */
  onConnect: () => void;
  onState?: (s: LinkState) => void;
  /** The server turned the connection away at the door (too many from this address, or too fast); it is tried again shortly. */
  onRefused?: (reason: string) => void;
}

/** Refusals at the door, after which socket.io does not try again by itself. */
const REFUSED = new Set(['too-many-connections', 'slow-down']);

export type Answer<T> = Reply<T>;

/** What the page sends: each message with its payload and an acknowledgement. */
type ClientToServer = { [N in MessageName]: (payload: MessageIn<N>, ack: (r: Reply<Record<string, unknown>>) => void) => void };

export class Connection {
  readonly socket: Socket<ServerToClient, ClientToServer>;
  private linkState: LinkState = 'connecting';
  private waiters = new Set<() => void>();
  private refusals = 0;

  constructor(private readonly o: ConnectionOptions) {
    this.socket = io({ transports: ['websocket'], auth: o.auth ?? {}, reconnectionDelay: 500, reconnectionDelayMax: 4000 });
    this.socket.on('connect', () => {
      this.refusals = 0;
      this.set('online');
      for (const w of [...this.waiters]) w();
      o.onConnect();
    });
    this.socket.on('disconnect', () => this.set('offline'));
    this.socket.on('connect_error', (e: Error) => {
      this.set(this.linkState === 'connecting' ? 'connecting' : 'offline');
      if (!REFUSED.has(e.message)) return;
      o.onRefused?.(e.message);
      // A place may free up in a moment: try again, a little later each time and not all at once.
      this.refusals++;
      setTimeout(() => this.socket.connect(), Math.min(30_000, 2000 * this.refusals) + Math.random() * 2000);
    });
  }

  get state(): LinkState {
    return this.linkState;
  }

  private set(s: LinkState): void {
    if (s === this.linkState) return;
    this.linkState = s;
    this.o.onState?.(s);
  }

  /** Resolves when connected, or false after `ms`. */
  private connected(ms: number): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(onUp);
        resolve(ok);
      };
      const onUp = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(onUp);
    });
  }

  /**
   * Send a message and wait for the server's answer. Each try waits for the connection, then
   * for an acknowledgement; a lost one is sent again unchanged (the server settles repeats).
   * Only idempotent messages should use more than one try.
   */
  async request<T = object, N extends MessageName = MessageName>(name: N, payload: MessageIn<N>, o: RequestOptions = {}): Promise<Answer<T>> {
    const tries = o.tries ?? 4;
    const timeoutMs = o.timeoutMs ?? 4000;
    for (let i = 0; i < tries; i++) {
      if (!(await this.connected(timeoutMs))) continue;
      try {
        const reply: unknown = await this.socket.timeout(timeoutMs).emitWithAck(name as MessageName, payload as never);
        return reply as Answer<T>;
      } catch {
        /* no answer in time: try again */
      }
    }
    return { ok: false, error: 'timeout', message: 'the server did not answer' };
  }

  /** Messages the server pushes (views). */
  on<E extends keyof ServerToClient>(event: E, f: ServerToClient[E]): void {
    this.socket.on(event, f as never);
  }
}

/** The small "reconnecting…" pill: hidden while online, shown after a short grace otherwise. */
export function linkIndicator(node: HTMLElement, label: (s: LinkState) => string): (s: LinkState) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (s) => {
    clearTimeout(timer);
    if (s === 'online') {
      node.hidden = true;
      node.textContent = '';
      return;
    }
    timer = setTimeout(() => {
      node.textContent = label(s);
      node.hidden = false;
    }, 400);
  };
}
