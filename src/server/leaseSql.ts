/**
 * The room leases' table and statements, shared by both stores ($1 … placeholders; the SQLite
 * store names them @p1 …). One row per room, never deleted, so a room's token only grows: a
 * new holder gets the old token + 1, the same holder keeps its own, and a write that carries
 * an older token is refused. Times are milliseconds since 1970 from the server's clock.
 */

export const LEASE_TABLE = `
create table if not exists room_leases (
  room_id text primary key, holder text not null, token bigint not null, expires_at bigint not null
);`;

/** $1 room, $2 holder, $3 new expiry, $4 now, $5 force (1 or 0): the token, or no row when refused. */
export const ACQUIRE = `insert into room_leases (room_id, holder, token, expires_at) values ($1, $2, 1, $3)
  on conflict (room_id) do update set
    token = case when room_leases.holder = excluded.holder then room_leases.token else room_leases.token + 1 end,
    holder = excluded.holder, expires_at = excluded.expires_at
  where room_leases.holder = excluded.holder or room_leases.expires_at <= $4 or $5 = 1
  returning token`;

/** $1 room: who holds it until when (after a refused ACQUIRE). */
export const HOLDER = 'select holder, expires_at from room_leases where room_id = $1';

/** $1 room, $2 token: a row while the token is current. */
export const CHECK = 'select 1 as ok from room_leases where room_id = $1 and token = $2';

/** $1 holder, $2 new expiry, $3 room, $4 token (one room; PostgreSQL renews them all at once: pgStore.ts). */
export const RENEW_ONE = 'update room_leases set expires_at = $2 where room_id = $3 and token = $4 and holder = $1';

/** $1 room, $2 token. */
export const RELEASE = 'update room_leases set expires_at = 0 where room_id = $1 and token = $2';

/** The statement for better-sqlite3, which binds named parameters: $1 → @p1. */
export const sqliteNamed = (sql: string) => sql.replace(/\$(\d+)/g, '@p$1');
export const sqliteParams = (params: unknown[]) => Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]));
