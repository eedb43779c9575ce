/**
 * Classroom servers as real processes (bin/serve.mjs), for what an in-process server cannot
 * show: kill -9, SIGSTOP / SIGCONT, two processes on one database. And a throwaway Redis for
 * several processes sharing rooms (Debian's redis-server; none: the caller skips or fails).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { until } from './classroomServer.helpers.js';

export interface ServerProcess {
  /** Resolves once the server printed where it listens. */
  up: Promise<{ url: string; out: string }>;
  exited: Promise<{ code: number | null; out: string; err: string }>;
  kill(): void;
  signal(s: NodeJS.Signals): void;
  /** Everything it printed so far. */
  output(): string;
}

/** bin/serve.mjs on a store (its `--db` / DATABASE_URL in args and env); `cleanup` gets what stops it. */
export function spawnServer(t: { args: string[]; env: Record<string, string> }, dist: string, cleanup: (f: () => unknown) => void): ServerProcess {
  const child = spawn(process.execPath, ['bin/serve.mjs', '--port', '0', '--host', '127.0.0.1', '--dist', dist, ...t.args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...t.env },
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
  const up = new Promise<{ url: string; out: string }>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /localhost:(\d+)\/host/.exec(out);
      if (m && /results:.*\n/.test(out)) resolve({ url: `http://127.0.0.1:${m[1]}`, out });
    });
    void exited.then((e) => reject(new Error(`server exited ${e.code}: ${e.out}${e.err}`)));
  });
  const kill = () => {
    // A stopped process must be woken to die of anything but SIGKILL; SIGKILL needs no waking.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  cleanup(kill);
  return { up, exited, kill, signal: (s) => void child.kill(s), output: () => out + err };
}

export const haveRedis = spawnSync('redis-server', ['--version']).status === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis of its own on a free port, nothing saved; its URL and how to stop it. */
export async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const redis: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await until(() => spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG'), 10_000);
  return { url: `redis://127.0.0.1:${port}`, stop: () => void redis.kill() };
}
