/** Token buckets by key: `burst` at once, then one more every `refillMs`. */
export class Buckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly refillMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.refillMs);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(now);
    return ok;
  }

  /** Whether `take` would succeed now (nothing is taken). */
  has(key: string): boolean {
    const b = this.buckets.get(key);
    return !b || b.tokens + (this.now() - b.at) / this.refillMs >= 1;
  }

  /** How long until `take` would succeed (0 if it would now). */
  waitMs(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = b.tokens + (this.now() - b.at) / this.refillMs;
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * this.refillMs);
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Drop buckets that have refilled completely (they hold no information). */
  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) / this.refillMs >= this.burst) this.buckets.delete(k);
  }
}
