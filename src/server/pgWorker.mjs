/**
 * The PostgreSQL store's connection, on a thread of its own (see pgStore.ts). It runs what the
 * server thread sends, strictly in order, on one connection: writes join the open transaction
 * (BEGIN on the first write after a commit), `commit` ends it and reports on the event port,
 * reads and `close` answer on the reply port and wake the server thread, which waits for them
 * the way better-sqlite3 callers wait for a query. Plain JavaScript: a worker thread does not
 * inherit the TypeScript loader of the process that starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

/** @type {{ url: string, migrations: { version: number, sql: string }[], lockKey: number, fenceCheck: string, leaseLockTimeout: string, flag: SharedArrayBuffer, replyPort: import('node:worker_threads').MessagePort, eventPort: import('node:worker_threads').MessagePort, connectTimeoutMs: number }} */
const w = workerData;
const flag = new Int32Array(w.flag);
// Times are milliseconds since 1970 in bigint columns, counts are bigint: both fit a JS number.
// (This thread has its own copy of the pg module, so this does not leak into the server thread.)
pg.types.setTypeParser(20, (v) => Number(v));

/** @type {pg.Client | undefined} */
let client;
/** Set when the connection broke; the next statement reconnects if no transaction was open. */
let broken;
/** An open transaction, with the first error any of its statements met and its fenced rooms' checks (room → token current). */
let tx;

async function connect() {
  const c = new pg.Client({ connectionString: w.url, connectionTimeoutMillis: w.connectTimeoutMs, application_name: 'complaint-dojo', keepAlive: true });
  c.on('error', (e) => {
    broken = e;
  });
  await c.connect();
  broken = undefined;
  client = c;
  return c;
}

async function conn() {
  if (client && !broken) return client;
  if (client) {
    const old = client;
    client = undefined;
    old.end().catch(() => undefined);
  }
  return connect();
}

async function migrate() {
  const c = await conn();
  const known = Math.max(0, ...w.migrations.map((m) => m.version));
  await c.query('BEGIN');
  try {
    // Two servers starting at once on a fresh database: one migrates, the other waits and sees it done.
    await c.query('SELECT pg_advisory_xact_lock($1)', [w.lockKey]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at bigint NOT NULL)');
    const { rows } = await c.query('SELECT coalesce(max(version), 0) AS v FROM schema_version');
    const at = Number(rows[0].v);
    if (at > known) throw new Error(`the database has schema version ${at}, newer than this Complaint Dojo knows (${known}): upgrade it, or use another database`);
    for (const m of w.migrations) {
      if (m.version <= at) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
    }
    await c.query('COMMIT');
    return { from: at, to: known };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

function answer(msg) {
  w.replyPort.postMessage(msg);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const describe = (e) => (e instanceof Error ? e.message || e.code || String(e) : String(e));

/**
 * Whether a fenced room's token is current, checked once per transaction (pgStore.ts
 * FENCE_CHECK: the lease row stays locked until the commit). Not current: its writes are left out.
 */
async function fenceOk(room, token) {
  const known = tx.fences.get(room);
  if (known !== undefined) return known.ok;
  let ok = false;
  try {
    ok = (await client.query({ name: 'fence-check', text: w.fenceCheck, values: [room, token] })).rowCount > 0;
  } catch (e) {
    tx.error = e;
  }
  tx.fences.set(room, { ok, token });
  return ok;
}

async function begin() {
  if (!tx) {
    tx = { error: undefined, fences: new Map() };
    try {
      await (await conn()).query('BEGIN');
    } catch (e) {
      tx.error = e;
    }
  }
}

async function write(m) {
  await begin();
  // After an error PostgreSQL refuses the rest of the transaction anyway; keep the first cause.
  if (tx.error) return;
  if (m.room !== undefined && !(await fenceOk(m.room, m.token))) return;
  if (tx.error) return;
  try {
    await client.query(m.name ? { name: m.name, text: m.sql, values: m.params } : { text: m.sql, values: m.params });
  } catch (e) {
    tx.error = e;
  }
}

/**
 * Consecutive upserts of one kind as one statement (see Merge in pgStore.ts): per key, the row
 * that running them in order would leave, so the result is the same, in one round trip.
 */
async function writeMany(all) {
  const spec = all[0].merge;
  await begin();
  const group = [];
  for (const m of all) if (tx.error || m.room === undefined || (await fenceOk(m.room, m.token))) group.push(m);
  if (!group.length) return;
  const byKey = new Map();
  for (const m of group) {
    const k = JSON.stringify(spec.key.map((i) => m.params[i]));
    const had = byKey.get(k);
    if (!had || spec.seq === undefined || m.params[spec.seq] > had.params[spec.seq]) byKey.set(k, m);
  }
  const rows = [...byKey.values()];
  if (rows.length === 1) return write(rows[0]);
  const values = rows.map((_, r) => `(${Array.from({ length: spec.cols }, (_, c) => `$${r * spec.cols + c + 1}`).join(', ')})`).join(', ');
  return write({ sql: `${spec.head} values ${values} ${spec.tail}`, params: rows.flatMap((m) => m.params) });
}

/** At most this many rows in one merged statement (PostgreSQL takes up to 65,535 parameters). */
const MERGE_ROWS = 500;

async function commit(m) {
  if (!tx) {
    w.eventPort.postMessage({ op: 'committed', batch: m.batch });
    return;
  }
  const batches = [m.batch];
  // Group commit: whole batches already queued behind this one (their writes, then their commit)
  // join its transaction, so one COMMIT, one flush to disk, confirms them all. A batch is never
  // split: its writes are committed together or not at all.
  for (;;) {
    const end = queue.findIndex((q) => q.op !== 'write');
    if (end < 0 || queue[end].op !== 'commit' || tx.error || batches.length >= FOLD_BATCHES) break;
    while (queue[0].op === 'write') await takeWrite();
    batches.push(queue.shift().batch);
  }
  const t = tx;
  tx = undefined;
  if (!t.error) {
    try {
      // COMMIT of a transaction that failed answers ROLLBACK without an error: check what it did.
      const r = await client.query('COMMIT');
      if (r.command !== 'COMMIT') t.error = new Error(`the transaction was rolled back (${r.command})`);
    } catch (e) {
      t.error = e;
    }
  } else if (client && !broken) await client.query('ROLLBACK').catch(() => undefined);
  const fenced = [...t.fences].filter(([, f]) => !f.ok).map(([room, f]) => ({ room, token: f.token }));
  for (const batch of batches) w.eventPort.postMessage(t.error ? { op: 'failed', batch, message: describe(t.error) } : { op: 'committed', batch, fenced });
}

/** At most this many batches share one commit. */
const FOLD_BATCHES = 64;

/** Run the write at the head of the queue, with the upserts of its kind right behind it. */
async function takeWrite() {
  const m = queue.shift();
  if (!m.merge) return write(m);
  const group = [m];
  while (group.length < MERGE_ROWS && queue[0]?.op === 'write' && queue[0].name === m.name) group.push(queue.shift());
  return group.length > 1 ? writeMany(group) : write(m);
}

async function read(m) {
  try {
    if (tx?.error) throw tx.error;
    const r = await (await conn()).query({ name: m.name, text: m.sql, values: m.params });
    answer({ rows: r.rows });
  } catch (e) {
    // A read that fails inside the open transaction spoils it too (PostgreSQL aborts it).
    if (tx && !tx.error) tx.error = e;
    answer({ error: describe(e) });
  }
}

/** A lease statement on its own (no transaction is open: the server thread committed first), waiting a bounded time for the row. */
async function lease(m) {
  try {
    if (tx) throw new Error('a lease statement inside a write transaction');
    const c = await conn();
    await c.query(`SET lock_timeout = '${w.leaseLockTimeout}'`);
    try {
      const r = await c.query({ name: m.name, text: m.sql, values: m.params });
      answer({ rows: r.rows });
    } finally {
      await c.query('SET lock_timeout = 0');
    }
  } catch (e) {
    answer({ error: describe(e), code: e?.code });
  }
}

async function close(m) {
  let committed = true;
  if (tx) await commit({ batch: m.batch });
  // The outcome of that last batch went out on the event port; the caller drains it.
  try {
    await client?.end();
  } catch {
    committed = false;
  }
  client = undefined;
  answer({ closed: true, committed });
}

const queue = [];
let running = false;
async function drain() {
  if (running) return;
  running = true;
  await started;
  while (queue.length) {
    if (queue[0].op === 'write') {
      await takeWrite();
      continue;
    }
    const m = queue.shift();
    if (m.op === 'commit') await commit(m);
    else if (m.op === 'read') await read(m);
    else if (m.op === 'lease') await lease(m);
    else if (m.op === 'close') await close(m);
  }
  running = false;
}

parentPort.on('message', (m) => {
  // A turn's writes come together, with what follows them (the commit, a read, a lease).
  if (m.op === 'many') queue.push(...m.items);
  else queue.push(m);
  void drain();
});

// Nothing runs before the schema is in place (the server thread also waits for 'ready').
const started = migrate().then(
  (v) => w.eventPort.postMessage({ op: 'ready', ...v }),
  async (e) => {
    w.eventPort.postMessage({ op: 'open-failed', message: describe(e), code: e?.code });
    await client?.end().catch(() => undefined);
  },
);
