/**
 * One holder per room across server processes: a lease in the store with a fencing token.
 * A process takes a room's lease before it makes, restores or takes on the room, renews it on
 * a timer, and lets it go when the room expires or the server stops. Another process may take
 * a lease only once it has run out (or, with `sole`, always: one process, one database), and
 * then gets a higher token; every write carries the token it was made under, and the store
 * refuses writes whose token is no longer current (store.ts `fence`). So a holder that froze
 * past its lease (a long GC pause, a starved CPU, SIGSTOP) can no longer write the room when it
 * wakes, whatever its clock says: it drops the room and the real holder answers for it.
 *
 * Between renewals, a holder trusts its lease only until `ttl - margin` after it asked for it
 * (measured on its own clock, so a freeze counts): past that it asks the store again before it
 * answers for the room or pushes a view of it. Time comes in as `now`.
 */
import { LeaseBusy, type Store } from './store.js';

export const DEFAULT_LEASE_MS = 10_000;

export interface LeaseOptions {
  /** This process, as named in the store (unique per start: a restarted process is another holder). */
  holder: string;
  ttlMs?: number;
  /** Take leases even from a live holder: this is the only process (no REDIS_URL). */
  sole?: boolean;
}

interface Held {
  token: number;
  /** Until when this process may act for the room without asking the store. */
  trustedUntil: number;
}

export type Taken = { ok: true } | { ok: false; until: number };

export class Leases {
  readonly holder: string;
  readonly ttlMs: number;
  readonly sole: boolean;
  private readonly held = new Map<string, Held>();
  private renewAt = 0;

  constructor(
    private readonly store: Store,
    o: LeaseOptions,
  ) {
    this.holder = o.holder;
    this.ttlMs = o.ttlMs ?? DEFAULT_LEASE_MS;
    this.sole = !!o.sole;
  }

  /** How long a grant is trusted: a quarter of the lease is left for clocks that drift apart. */
  private get trustMs(): number {
    return this.ttlMs - Math.ceil(this.ttlMs / 4);
  }

  /** Take the room's lease (or keep it); refused: when the current holder's lease runs out. */
  take(roomId: string, now: number): Taken {
    let r;
    try {
      r = this.store.acquireLease(roomId, this.holder, now, this.ttlMs, this.sole);
    } catch (e) {
      if (e instanceof LeaseBusy) return { ok: false, until: now + 250 };
      throw e;
    }
    if (!r.ok) return { ok: false, until: r.expiresAt };
    this.held.set(roomId, { token: r.token, trustedUntil: now + this.trustMs });
    this.store.fence(roomId, r.token);
    return { ok: true };
  }

  holds(roomId: string): boolean {
    return this.held.has(roomId);
  }

  token(roomId: string): number | undefined {
    return this.held.get(roomId)?.token;
  }

  /**
   * Whether this process may act for the room now: trusted, or renewed just now. When not,
   * `holds` says whether it is lost (forgotten here) or the store was only busy.
   */
  keep(roomId: string, now: number): boolean {
    const h = this.held.get(roomId);
    if (!h) return false;
    if (now < h.trustedUntil) return true;
    this.renew(now, [{ roomId, token: h.token }]);
    const again = this.held.get(roomId);
    return !!again && now < again.trustedUntil;
  }

  /** Time to renew every lease (a third of the lease has passed since the last time). */
  due(now: number): boolean {
    return now >= this.renewAt && this.held.size > 0;
  }

  /** Renew every lease held; the rooms lost to another holder (forgotten here). */
  renewAll(now: number): string[] {
    this.renewAt = now + Math.ceil(this.ttlMs / 3);
    return this.renew(now, [...this.held].map(([roomId, h]) => ({ roomId, token: h.token })));
  }

  /** When the store is busy nothing changes and the renewal is tried again shortly. */
  private renew(now: number, ask: { roomId: string; token: number }[]): string[] {
    let lost: string[];
    try {
      lost = this.store.renewLeases(this.holder, ask, now, this.ttlMs);
    } catch (e) {
      if (!(e instanceof LeaseBusy)) throw e;
      this.renewAt = now + 250;
      return [];
    }
    const gone = new Set(lost);
    for (const { roomId } of ask) {
      if (gone.has(roomId)) this.held.delete(roomId);
      else this.held.get(roomId)!.trustedUntil = now + this.trustMs;
    }
    return lost;
  }

  /** Let the room go (it expired here): another process may take it at once. */
  release(roomId: string): void {
    const h = this.held.get(roomId);
    if (!h) return;
    this.held.delete(roomId);
    try {
      this.store.releaseLease(roomId, h.token);
    } catch {
      // Busy, or the store failed: the lease then simply runs out.
    }
  }

  /** The room is another's now (its writes were refused): stop counting it as held. */
  forget(roomId: string): void {
    this.held.delete(roomId);
  }

  releaseAll(): void {
    for (const roomId of [...this.held.keys()]) this.release(roomId);
  }
}
