/**
 * A throwaway PostgreSQL server for the store tests: initdb into a temporary directory, start
 * it on a free port (TCP on 127.0.0.1 only, its socket in that directory), stop it and delete
 * it afterwards. As root (CI) it runs as the `postgres` user, since PostgreSQL refuses root.
 * DOJO_TEST_PG_URL=postgres://USER@HOST:PORT/postgres uses a running server instead (a role
 * that may create databases). Without PostgreSQL on the machine the tests that need it are
 * skipped with one line saying why; under CI (CI set) that is an error instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>;
  /** A connection to `url` that the cluster ends when it stops. */
  connect(url: string): Promise<pg.Client>;
  stop(): Promise<void>;
}

function binDir(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath && existsSync(join(onPath, '..', 'initdb'))) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((ok, bad) => {
    const s = createServer();
    s.once('error', bad);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? ok(a.port) : bad(new Error('no port'))));
    });
  });
}

function uid(user: string): { uid: number; gid: number } | undefined {
  const u = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  return u.status === 0 && g.status === 0 ? { uid: Number(u.stdout), gid: Number(g.stdout) } : undefined;
}

let seq = 0;

function cluster(admin: string, cleanup: () => void): PgCluster {
  const clients: pg.Client[] = [];
  const connect = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    // Stopping the server under an open test connection must not crash the test run.
    c.on('error', () => undefined);
    await c.connect();
    clients.push(c);
    return c;
  };
  return {
    async createDatabase() {
      const name = `dojo_test_${process.pid}_${++seq}`;
      const c = await connect(admin);
      await c.query(`create database ${name}`);
      await c.end();
      const u = new URL(admin);
      u.pathname = `/${name}`;
      return u.toString();
    },
    connect,
    async stop() {
      await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
      cleanup();
    },
  };
}

/**
 * A PostgreSQL server to test against, or why there is none. `fsync`: commits reach the disk
 * (off by default: the tests kill the app server, never the database; the benchmark keeps it on).
 */
export async function startPg(o: { fsync?: boolean } = {}): Promise<{ pg: PgCluster } | { skip: string }> {
  const given = process.env.DOJO_TEST_PG_URL;
  if (given) return { pg: cluster(given, () => undefined) };
  const none = (why: string) => {
    if (process.env.CI) throw new Error(`PostgreSQL store tests cannot run in CI: ${why}`);
    return { skip: `PostgreSQL store tests skipped: ${why}` };
  };
  const bin = binDir();
  if (!bin) return none("no PostgreSQL found (no pg_ctl on PATH or in /usr/lib/postgresql/*/bin): install Debian's postgresql, or set DOJO_TEST_PG_URL");
  const root = process.getuid?.() === 0;
  const owner = root ? uid('postgres') : undefined;
  if (root && !owner) return none('running as root and there is no postgres user to run PostgreSQL as');
  // As root, under /tmp: root's own TMPDIR may be closed to the postgres user.
  const dir = mkdtempSync(join(root ? '/tmp' : tmpdir(), 'dojo-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd: string, args: string[]) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe', cwd: dir }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe', cwd: dir });
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);
    // fsync off: these tests kill the app server, never the database, and the disk is shared.
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${o.fsync ? 'on' : 'off'}`, 'start']);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    return none(`could not start a throwaway PostgreSQL: ${err.stderr?.toString().trim() || err.message}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run that ends without afterAll (killed, crashed) still stops its server.
  process.once('exit', stop);
  return { pg: cluster(`postgres://postgres@127.0.0.1:${port}/postgres`, stop) };
}
