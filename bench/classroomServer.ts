/**
 * A server alone in a child process, for bench/classroom.ts, so its memory is measured on
 * its own: `--kind classroom` is the real classroom server (serve() from src/server/main.ts),
 * `--kind echo` a bare socket.io server that acknowledges `echo` with what it got, the floor.
 * `--redis URL --database-url URL`: a classroom server that shares its rooms with others.
 * Started with fork() through bin/run-ts.mjs; it speaks over the IPC channel: it sends
 * { type: 'ready', port }, answers { type: 'stats' } with its CPU time so far and its memory
 * after a garbage collection, and leaves on { type: 'stop' } or when the parent goes away.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export type ToChild = { type: 'stats' } | { type: 'stop' } | { type: 'profile'; start: boolean };
export type FromChild = { type: 'ready'; port: number } | { type: 'profiled' } | { type: 'stats'; cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage };

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function start(): Promise<{ port: number; close(): Promise<void> }> {
  if (option('kind') === 'echo') {
    const { Server } = await import('socket.io');
    const http = createServer();
    const io = new Server(http);
    io.on('connection', (socket) => socket.on('echo', (x: unknown, ack: (x: unknown) => void) => ack(x)));
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    return { port: (http.address() as { port: number }).port, close: () => new Promise((ok) => io.close(() => ok())) };
  }
  const { serve } = await import('../src/server/main.js');
  // Every client comes from 127.0.0.1: the per-address join budget and connection cap and the
  // per-connection message budget must not be what the benchmark measures.
  const burst = Number(option('burst') ?? 1_000_000);
  const running = await serve({
    port: 0,
    host: '127.0.0.1',
    db: option('db')!,
    dist: option('dist')!,
    quiet: true,
    trustLoopback: true,
    joinBurst: burst,
    joinRefillMs: 1,
    messageBurst: burst,
    messageRefillMs: 1,
    maxConnectionsPerAddress: burst,
    // Two processes sharing rooms (bench --two-process): Redis and PostgreSQL.
    ...(option('redis') ? { redisUrl: option('redis')! } : {}),
    ...(option('database-url') ? { databaseUrl: option('database-url')! } : {}),
  });
  return running;
}

const send = (m: FromChild) => process.send?.(m);
const server = await start();
/**
 * `--profile-dir DIR`: a CPU profile of the measured window only (between { profile, start }
 * and { profile, stop }), without start-up and joining, written as DIR/KIND-PID.cpuprofile.
 */
const profileDir = option('profile-dir');
let profiler: Session | undefined;
async function profile(on: boolean): Promise<void> {
  if (!profileDir) return;
  if (on) {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
  } else if (profiler) {
    const { profile: p } = await profiler.post('Profiler.stop');
    writeFileSync(join(profileDir, `${option('kind')}-${process.pid}.cpuprofile`), JSON.stringify(p));
    profiler.disconnect();
    profiler = undefined;
  }
}
process.on('message', (m: ToChild) => {
  if (m.type === 'profile') {
    void profile(m.start).then(() => send({ type: 'profiled' }));
  } else if (m.type === 'stats') {
    const cpu = process.cpuUsage();
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'stats', cpu, memory: process.memoryUsage() });
  } else if (m.type === 'stop') {
    // A normal exit, so that --cpu-prof writes its profile.
    const bye = setTimeout(() => process.exit(0), 2000);
    void server.close().finally(() => {
      clearTimeout(bye);
      process.exit(0);
    });
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', port: server.port });
