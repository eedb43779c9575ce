/**
 * The PostgreSQL store's schema, as numbered migrations. A database is brought up to date
 * when a server opens it: the versions it already has (table schema_version) are skipped,
 * the rest run in one transaction under an advisory lock, so two servers starting together
 * on a new database do not both create it. Add a migration; never edit one that shipped.
 * Columns mirror the SQLite store's (sqliteStore.ts); times are milliseconds since 1970.
 */
import { LEASE_TABLE } from './leaseSql.js';
import { ARCHIVE_TABLES } from './store.js';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
create table if not exists meta (key text primary key, value text not null);
create table if not exists rooms (
  id text primary key, code text not null, mode text not null, scenario_id text not null,
  source_file text not null, source_text text not null, host_token_hash text not null,
  created_at bigint not null, updated_at bigint not null, expires_at bigint not null,
  phase text not null, state text not null
);
create index if not exists rooms_expires on rooms (expires_at);
create index if not exists rooms_code on rooms (code, created_at desc);
create index if not exists rooms_created on rooms (created_at desc);
create table if not exists participants (
  room_id text not null, pid text not null, name text not null, token_hash text not null, joined_at bigint not null,
  primary key (room_id, pid)
);
create table if not exists votes (
  room_id text not null, turn integer not null, pid text not null, choice integer not null, seq integer not null, at bigint not null,
  primary key (room_id, turn, pid)
);
create table if not exists plays (
  room_id text not null, pid text not null, state text not null, seq integer not null, updated_at bigint not null,
  primary key (room_id, pid)
);
`,
  },
  {
    // One holder per room (lease.ts), and one trainee per join key in a room: a database that
    // two holders wrote at once (issue 14, V1) may hold such twins; the later ones go.
    version: 2,
    sql: `
${LEASE_TABLE}
create temporary table twins on commit drop as
  select p.room_id, p.pid from participants p where exists (select 1 from participants q
    where q.room_id = p.room_id and q.token_hash = p.token_hash and (q.joined_at, q.pid) < (p.joined_at, p.pid));
delete from votes v using twins t where v.room_id = t.room_id and v.pid = t.pid;
delete from plays v using twins t where v.room_id = t.room_id and v.pid = t.pid;
delete from participants v using twins t where v.room_id = t.room_id and v.pid = t.pid;
create unique index participants_token on participants (room_id, token_hash);
`,
  },
  {
    // Scenarios trainers share on the server (sharedScenarios.ts): every upload a new version.
    version: 3,
    sql: `
create table if not exists scenarios (
  id text not null, version integer not null, yaml text not null, titles text not null,
  uploaded_at bigint not null, uploader text, primary key (id, version)
);
`,
  },
  {
    // The scenarios a classroom session moved on from (Room.nextScenario), kept for the export.
    version: 4,
    sql: `
${ARCHIVE_TABLES}
`,
  },
];

/** The advisory lock that serialises migrations (any constant that no other part of the app uses). */
export const MIGRATION_LOCK = 0x646f6a6f; // 'dojo'
