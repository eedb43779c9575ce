/** Classroom server tests: start a real server on a free port with a throwaway database, and socket.io clients. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { parseCsv } from '../../src/cli/sheet.js';
import { serve, type Running, type ServeOptions } from '../../src/server/main.js';
import type { HostView, Reply, TraineeView } from '../../src/server/protocol.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dojo-server-'));
}

/** A stand-in for dist/: the server only needs pages to exist. */
export function fakeDist(): string {
  const dir = tempDir();
  for (const p of ['index.html', 'host.html', 'join.html']) writeFileSync(join(dir, p), `<!doctype html><html><head><title>${p}</title></head><body></body></html>`);
  return dir;
}

export async function startServer(o: Partial<ServeOptions> = {}): Promise<Running & { url: string; db: string }> {
  const db = o.db ?? join(tempDir(), 'dojo.db');
  const running = await serve({ port: 0, host: '127.0.0.1', db, dist: fakeDist(), quiet: true, ...o });
  return Object.assign(running, { url: `http://127.0.0.1:${running.port}`, db });
}

export class Client {
  readonly socket: Socket;
  hostViews: HostView[] = [];
  traineeViews: TraineeView[] = [];

  /** `extra`: more socket.io-client options (e.g. `extraHeaders`, as a proxy or another site would send). */
  constructor(url: string, auth: Record<string, unknown> = {}, extra: Partial<ManagerOptions & SocketOptions> = {}) {
    this.socket = connect(url, { transports: ['websocket'], auth, reconnectionDelay: 50, reconnectionDelayMax: 200, ...extra });
    this.socket.on('view.host', (v: HostView) => this.hostViews.push(v));
    this.socket.on('view.trainee', (v: TraineeView) => this.traineeViews.push(v));
  }

  /** The answer may wait behind seconds of work on a busy machine (a class-vote start searches the model route). */
  async ask<T = Record<string, unknown>>(event: string, payload: unknown, timeout = 15_000): Promise<Reply<T>> {
    return (await this.socket.timeout(timeout).emitWithAck(event, payload)) as Reply<T>;
  }

  get host(): HostView | undefined {
    return this.hostViews.at(-1);
  }

  get trainee(): TraineeView | undefined {
    return this.traineeViews.at(-1);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function until<T>(f: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function ok<T>(r: Reply<T>): { ok: true } & T {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r;
}

/** A CSV file's tables (split at empty lines), each a list of rows of cell texts. */
export function csvTables(text: string): string[][][] {
  const tables: string[][][] = [[]];
  for (const r of parseCsv(text)) {
    if (r.length === 1 && r[0] === '') tables.push([]);
    else tables.at(-1)!.push(r);
  }
  return tables;
}
