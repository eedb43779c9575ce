/**
 * Where a message about a room is settled: here, if this process holds the room; else by the
 * process that does (cluster.ts forwards it); else here, once this process can take the
 * room's lease (lease.ts). While another process's lease runs but that process does not
 * answer (frozen, starved, cut off), the message waits for the lease to run out, asking again
 * in between, rather than make a second holder. A join carries its key to every process it
 * visits, so settling it twice makes one trainee.
 */
import { newToken } from './room.js';
import type { Cluster } from './cluster.js';
import type { Caller, Hub, Outcome } from './hub.js';
import type { MessageName } from './protocol.js';

export interface RouteOptions {
  /** How long a message may wait for a room whose holder does not answer (default: a lease and 2 s). */
  waitMs?: number;
}

export async function route(hub: Hub, cluster: Cluster | undefined, name: MessageName, input: Record<string, unknown>, caller: Caller, o: RouteOptions = {}): Promise<Outcome | undefined> {
  const msg = name === 'trainee.join' && input.key === undefined ? { ...input, key: newToken() } : input;
  const here = await hub.handle(name, msg as never, caller);
  if (here) return here;
  const end = hub.now() + (o.waitMs ?? hub.leases.ttlMs + 2000);
  for (let i = 0; ; i++) {
    // Ask the holder; after a wait for its lease, try to take the room first, then ask again.
    if (cluster && i % 2 === 0) {
      const there = await cluster.forward(name, msg, caller);
      if (there) return there;
    }
    const out = await hub.handle(name, msg as never, caller, { adopt: true });
    if (out?.heldUntil === undefined) return out;
    const now = hub.now();
    if (now >= end) return out;
    if (i % 2 === 0) await new Promise((r) => setTimeout(r, Math.min(Math.max(out.heldUntil! - now + 25, 25), end - now)));
  }
}
