/**
 * The two stores the store tests run against (describe.each): the embedded SQLite file and
 * PostgreSQL (a throwaway server from pgCluster.helpers.ts). Each gives a fresh empty store
 * target: how to open it directly, how a server is pointed at it (in-process and spawned),
 * and an independent connection for looking at, or tampering with, what is on disk.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PgStore } from '../../src/server/pgStore.js';
import { SqliteStore } from '../../src/server/sqliteStore.js';
import type { Store } from '../../src/server/store.js';
import { tempDir } from './classroomServer.helpers.js';
import { startPg, type PgCluster } from './pgCluster.helpers.js';

export type OpenStore = Store & { onFailure?: (e: Error) => void };

export interface StoreTarget {
  /** For serve(): the same options reopen the same data. */
  serve: { db: string; databaseUrl?: string };
  /** For a spawned bin/serve.mjs. */
  args: string[];
  env: Record<string, string>;
  open(): Promise<OpenStore>;
  /** A statement on a connection of its own (rows for a select). */
  sql(query: string): Promise<Record<string, unknown>[]>;
  /** From now on, every transaction that writes a vote fails (as a full disk or a lost database would). */
  breakVotes(): Promise<void>;
  /**
   * PostgreSQL: lock `table` from another transaction, so that the store's next write to it
   * waits (its transaction stays open) until the returned function releases it.
   */
  holdTable?: (table: string) => Promise<() => Promise<void>>;
  /** Does a broken write fail at its statement (SQLite: it throws) or at the commit (PostgreSQL)? */
  failsAt: 'statement' | 'commit';
}

export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** Why this kind is skipped here, if it is. */
  skip?: string;
  fresh(): Promise<StoreTarget>;
  stop(): Promise<void>;
}

export function sqliteKind(): StoreKind {
  return {
    name: 'SQLite',
    async fresh() {
      const db = join(tempDir(), 'dojo.db');
      const sql = async (q: string) => {
        const c = new Database(db);
        try {
          c.pragma('busy_timeout = 5000');
          return /^\s*select/i.test(q) ? (c.prepare(q).all() as Record<string, unknown>[]) : (c.exec(q), []);
        } finally {
          c.close();
        }
      };
      return {
        serve: { db },
        args: ['--db', db],
        env: {},
        open: async () => new SqliteStore(db),
        sql,
        breakVotes: async () => void (await sql("create trigger votes_fail before insert on votes begin select raise(abort, 'disk full (test)'); end")),
        failsAt: 'statement',
      };
    },
    async stop() {},
  };
}

export async function pgKind(): Promise<StoreKind> {
  const started = await startPg();
  if ('skip' in started) {
    return { name: 'PostgreSQL', skip: started.skip, fresh: () => Promise.reject(new Error(started.skip)), stop: async () => undefined };
  }
  const cluster: PgCluster = started.pg;
  return {
    name: 'PostgreSQL',
    async fresh() {
      const url = await cluster.createDatabase();
      let c: Awaited<ReturnType<PgCluster['connect']>> | undefined;
      const sql = async (q: string) => {
        c ??= await cluster.connect(url);
        return (await c.query(q)).rows as Record<string, unknown>[];
      };
      return {
        serve: { db: '(unused)', databaseUrl: url },
        args: [],
        env: { DATABASE_URL: url },
        open: () => PgStore.open(url),
        sql,
        // A deferred trigger: the statements go through, the COMMIT fails.
        breakVotes: async () =>
          void (await sql(`create or replace function votes_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$;
            create constraint trigger votes_fail after insert or update on votes deferrable initially deferred for each row execute function votes_fail();`)),
        failsAt: 'commit',
        async holdTable(table) {
          const lock = await cluster.connect(url);
          await lock.query('begin');
          await lock.query(`lock table ${table} in share mode`);
          return async () => void (await lock.query('commit'));
        },
      };
    },
    stop: () => cluster.stop(),
  };
}

/** Both kinds, PostgreSQL started once per test file; prints one line if it is skipped. */
export async function storeKinds(): Promise<StoreKind[]> {
  const kinds = [sqliteKind(), await pgKind()];
  for (const k of kinds) if (k.skip) console.log(k.skip);
  return kinds;
}
