/**
 * xAPI statements on their way to the LRS (DOJO_XAPI_ENDPOINT, with basic auth): kept in a
 * journal file before anything is acknowledged, posted in batches, and retried with a growing
 * pause (1 s doubling to 60 s) while the LRS is down or answers 5xx, 429 or 401/403; a restart
 * picks up where it left off. A statement the LRS refuses as malformed (400) or conflicting
 * (409) is set aside in the journal with the reason, never silently dropped. The journal also
 * remembers every statement id ever queued, with its timestamp, so a statement made again for
 * the same moment is not sent twice and keeps its first timestamp.
 *
 * Journal lines (JSON): {"q":statement} queued · {"sent":[ids]} · {"dead":[ids],"why":"…"} ·
 * {"known":[[id,timestamp],…]} (written when the journal is compacted).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { XAPI_VERSION, type Statement } from './xapiStatements.js';

export interface OutboxOptions {
  /** The LRS's base address (statements go to BASE/statements). */
  endpoint: string;
  /** "user:password" (basic auth), or none. */
  auth?: string;
  journal: string;
  batch?: number;
  minRetryMs?: number;
  maxRetryMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export interface OutboxStatus {
  pending: number;
  sent: number;
  dead: number;
  /** The last failure, while the LRS is not taking statements. */
  failing: string | null;
  nextTryInMs: number | null;
}

export class XapiOutbox {
  private readonly pending = new Map<string, Statement>();
  private readonly known = new Map<string, string>();
  private sentCount = 0;
  private deadCount = 0;
  private failing: string | null = null;
  private retryMs: number;
  private timer?: NodeJS.Timeout;
  private nextAt: number | null = null;
  private flushing?: Promise<void>;
  private stopped = false;
  private loggedFailure = false;
  private readonly fetch: typeof fetch;
  private readonly log: (m: string) => void;

  constructor(private readonly o: OutboxOptions) {
    this.fetch = o.fetch ?? globalThis.fetch;
    this.log = o.log ?? ((m) => console.warn(m));
    this.retryMs = o.minRetryMs ?? 1000;
    mkdirSync(dirname(o.journal), { recursive: true });
    if (existsSync(o.journal)) this.replay(readFileSync(o.journal, 'utf8'));
    this.compact();
    // What an earlier run left waiting goes out now.
    if (this.pending.size) this.schedule(0);
  }

  private replay(text: string): void {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let rec: { q?: Statement; sent?: string[]; dead?: string[]; known?: [string, string][] };
      try {
        rec = JSON.parse(line);
      } catch {
        continue; // a line cut short by a crash: the statement it held was never acknowledged
      }
      if (rec.q) {
        this.pending.set(rec.q.id, rec.q);
        this.known.set(rec.q.id, rec.q.timestamp);
      }
      for (const id of rec.sent ?? []) if (this.pending.delete(id)) this.sentCount++;
      for (const id of rec.dead ?? []) if (this.pending.delete(id)) this.deadCount++;
      for (const [id, at] of rec.known ?? []) this.known.set(id, at);
    }
  }

  /** Rewrite the journal with only what is still pending (and the ids seen). */
  private compact(): void {
    const lines = [JSON.stringify({ known: [...this.known].filter(([id]) => !this.pending.has(id)) })];
    for (const s of this.pending.values()) lines.push(JSON.stringify({ q: s }));
    const tmp = `${this.o.journal}.tmp`;
    writeFileSync(tmp, lines.join('\n') + '\n');
    renameSync(tmp, this.o.journal);
  }

  /** When a statement id was first queued (its timestamp), if it ever was. */
  stampOf(id: string): string | undefined {
    return this.known.get(id);
  }

  /** Queue the statements not queued before; on disk before this returns. Returns how many were new. */
  add(statements: readonly Statement[]): number {
    const fresh = statements.filter((s) => !this.known.has(s.id));
    if (!fresh.length) return 0;
    appendFileSync(this.o.journal, fresh.map((s) => JSON.stringify({ q: s })).join('\n') + '\n');
    for (const s of fresh) {
      this.pending.set(s.id, s);
      this.known.set(s.id, s.timestamp);
    }
    this.schedule(0);
    return fresh.length;
  }

  status(): OutboxStatus {
    return { pending: this.pending.size, sent: this.sentCount, dead: this.deadCount, failing: this.failing, nextTryInMs: this.nextAt === null ? null : Math.max(0, this.nextAt - Date.now()) };
  }

  private schedule(ms: number): void {
    if (this.stopped || this.timer || this.flushing) return;
    this.nextAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.nextAt = null;
      void this.flush();
    }, ms);
    this.timer.unref?.();
  }

  /** Send everything pending now (tests and shutdown call it; normally it runs by itself). */
  flush(): Promise<void> {
    this.flushing ??= this.run().finally(() => {
      this.flushing = undefined;
      if (this.pending.size && !this.stopped) this.schedule(this.failing ? this.retryMs : 0);
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    while (this.pending.size && !this.stopped) {
      const batch = [...this.pending.values()].slice(0, this.o.batch ?? 50);
      const outcome = await this.post(batch);
      if (outcome === 'retry') {
        this.retryMs = Math.min(this.o.maxRetryMs ?? 60_000, this.retryMs * 2);
        return;
      }
      this.retryMs = this.o.minRetryMs ?? 1000;
      if (this.failing) this.log(`xAPI: the LRS takes statements again (${this.pending.size} waiting)`);
      this.failing = null;
      this.loggedFailure = false;
      if (outcome === 'split') continue;
      const ids = batch.map((s) => s.id);
      if (outcome === 'sent') {
        appendFileSync(this.o.journal, JSON.stringify({ sent: ids }) + '\n');
        this.sentCount += ids.length;
      } else {
        appendFileSync(this.o.journal, JSON.stringify({ dead: ids, why: outcome.why }) + '\n');
        this.deadCount += ids.length;
        this.log(`xAPI: the LRS refused ${ids.length} statement(s), kept in ${this.o.journal}: ${outcome.why}`);
      }
      for (const id of ids) this.pending.delete(id);
    }
  }

  /** 'split': a refused batch was sent one by one, each recorded already. */
  private async post(batch: Statement[]): Promise<'sent' | 'retry' | 'split' | { why: string }> {
    const url = `${this.o.endpoint.replace(/\/+$/, '')}/statements`;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION };
    if (this.o.auth) headers.Authorization = `Basic ${Buffer.from(this.o.auth).toString('base64')}`;
    let status: number;
    let body = '';
    try {
      const r = await this.fetch(url, { method: 'POST', headers, body: JSON.stringify(batch), signal: AbortSignal.timeout(15_000) });
      status = r.status;
      body = await r.text().catch(() => '');
    } catch (e) {
      return this.failed(`cannot reach ${url}: ${(e as Error).message}`);
    }
    if (status >= 200 && status < 300) return 'sent';
    if (status === 400 || status === 409 || status === 413) {
      // One bad statement would hold back a whole batch: send them one by one to find it.
      if (batch.length > 1) {
        for (const s of batch) {
          const one = await this.post([s]);
          if (one === 'retry') return 'retry';
          if (one === 'split') continue;
          appendFileSync(this.o.journal, JSON.stringify(one === 'sent' ? { sent: [s.id] } : { dead: [s.id], why: one.why }) + '\n');
          if (one === 'sent') this.sentCount++;
          else {
            this.deadCount++;
            this.log(`xAPI: the LRS refused 1 statement(s), kept in ${this.o.journal}: ${one.why}`);
          }
          this.pending.delete(s.id);
        }
        return 'split';
      }
      return { why: `HTTP ${status} ${body.slice(0, 200)}` };
    }
    return this.failed(`HTTP ${status} from ${url}${status === 401 || status === 403 ? ' (check DOJO_XAPI_USERNAME and DOJO_XAPI_PASSWORD)' : ''}`);
  }

  private failed(why: string): 'retry' {
    this.failing = why;
    if (!this.loggedFailure) this.log(`xAPI: ${why}; statements are kept and sent again later`);
    this.loggedFailure = true;
    return 'retry';
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
