/**
 * Solo play in the browser, reported to the Dojo server for xAPI (src/server/xapi.ts): when the
 * game is served by the Dojo server and the server has an LRS set up, each step of a play (its
 * scenario, seed and picks, and when each happened) is posted to api/xapi/plays; the server
 * replays it and makes the statements. Reports wait in localStorage until the server has them,
 * and are sent again (after 2 s, doubling to a minute, and when the browser comes back online)
 * while it cannot be reached: nothing is lost and the learner is never shown an error.
 */
import { LEARNING_ANSWERED, LEARNING_FINISHED, LEARNING_STARTED, type LearningAnswered, type LearningFinished, type LearningStarted } from '../../game/learning.js';
import { samePick, type TurnPick } from '../../engine/session/picks.js';
import type { KeyValue } from '../storage.js';
import type { LearningEvents } from './scorm12.js';

export const XAPI_STORE = 'complaint-dojo-xapi';

interface PlayRecord {
  learner: string;
  name?: string;
  registration: string;
  scenario: string;
  seed: number;
  picks: TurnPick[];
  startedAt: string;
  answeredAt: string[];
  latencies: number[];
  finishedAt?: string;
  language?: 'zh-CN' | 'en';
}

interface Kept {
  learner: string;
  name?: string;
  /** The play in progress, to go on with after a reload. */
  current: PlayRecord | null;
  /** Reports the server has not acknowledged yet, by registration (the latest of each play covers the earlier). */
  outbox: Record<string, PlayRecord>;
}

export interface XapiReporterOptions {
  events: LearningEvents;
  store: KeyValue;
  /** Where api/xapi is (the page's own server). */
  base: string;
  locale: () => 'zh-CN' | 'en';
  fetch?: typeof fetch;
  now?: () => number;
  uuid?: () => string;
  /** A learner's name for the statements (e.g. from the page's ?name=), kept for next time. */
  name?: string | null;
  /** First retry after this many ms (doubling, at most a minute). */
  retryMs?: number;
  online?: (fn: () => void) => void;
}

export class XapiReporter {
  private kept: Kept;
  private retryMs: number;
  private timer?: ReturnType<typeof setTimeout>;
  private sending = false;
  private enabled: boolean | null = null;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly o: XapiReporterOptions) {
    this.fetch = o.fetch ?? ((...a) => globalThis.fetch(...a));
    this.now = o.now ?? (() => Date.now());
    this.retryMs = o.retryMs ?? 2000;
    this.kept = this.read();
    const name = o.name?.trim().slice(0, 60);
    if (name) this.kept.name = name;
    this.write();
    o.events.on(LEARNING_STARTED, (e: LearningStarted) => this.started(e));
    o.events.on(LEARNING_ANSWERED, (e: LearningAnswered) => this.answered(e));
    o.events.on(LEARNING_FINISHED, (e: LearningFinished) => this.finished(e));
    o.online?.(() => {
      this.retryMs = o.retryMs ?? 2000;
      void this.send();
    });
    void this.send();
  }

  private uuid(): string {
    return this.o.uuid?.() ?? crypto.randomUUID();
  }

  private read(): Kept {
    try {
      const k = JSON.parse(this.o.store.getItem(XAPI_STORE) ?? 'null') as Kept | null;
      if (k && typeof k.learner === 'string' && k.outbox && typeof k.outbox === 'object') return k;
    } catch {
      // unreadable: start again (what was waiting is gone with it, as it would be with the browser's data cleared)
    }
    return { learner: this.uuid(), current: null, outbox: {} };
  }

  private write(): void {
    try {
      this.o.store.setItem(XAPI_STORE, JSON.stringify(this.kept));
    } catch {
      // storage full or blocked: the reports still go out from memory
    }
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private started(e: LearningStarted): void {
    const c = this.kept.current;
    // A play going on after a reload (or a rebuilt screen) is the same play.
    if (c && c.scenario === e.scenario && c.seed === e.seed && e.picks.length >= c.picks.length && c.picks.every((p, i) => samePick(e.picks[i], p))) return;
    this.kept.current = {
      learner: this.kept.learner,
      ...(this.kept.name ? { name: this.kept.name } : {}),
      registration: this.uuid(),
      scenario: e.scenario,
      seed: e.seed,
      picks: [...e.picks],
      startedAt: this.stamp(),
      answeredAt: e.picks.map(() => this.stamp()),
      latencies: [],
      language: this.o.locale(),
    };
    this.queue();
  }

  private answered(e: LearningAnswered): void {
    const c = this.kept.current;
    if (!c || c.scenario !== e.scenario || c.seed !== e.seed) return;
    c.picks = [...e.picks];
    c.answeredAt = [...c.answeredAt.slice(0, e.turn - 1), this.stamp()];
    c.latencies = [...c.latencies.slice(0, e.turn - 1), e.latencyMs];
    while (c.latencies.length < c.answeredAt.length) c.latencies.unshift(0);
    this.queue();
  }

  private finished(e: LearningFinished): void {
    const c = this.kept.current;
    if (!c || c.scenario !== e.scenario || c.seed !== e.seed) return;
    c.finishedAt = this.stamp();
    this.queue();
    this.kept.current = null;
    this.write();
  }

  private queue(): void {
    // The server has no LRS: nothing to keep.
    if (this.enabled === false) return;
    const c = this.kept.current!;
    this.kept.outbox[c.registration] = structuredClone(c);
    this.write();
    if (!this.sending) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.send();
    }
  }

  /** How many plays wait to be sent. */
  get waiting(): number {
    return Object.keys(this.kept.outbox).length;
  }

  private later(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), this.retryMs);
    this.retryMs = Math.min(60_000, this.retryMs * 2);
  }

  /** Send what waits; on any failure try again later. */
  async send(): Promise<void> {
    if (this.sending || this.enabled === false) return;
    this.sending = true;
    try {
      if (this.enabled === null) {
        const r = await this.fetch(`${this.o.base}api/xapi`, { cache: 'no-store' });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        this.enabled = ((await r.json()) as { enabled?: boolean }).enabled === true;
        if (!this.enabled) {
          this.kept.outbox = {};
          this.write();
          return;
        }
      }
      for (const [reg, report] of Object.entries(this.kept.outbox)) {
        const r = await this.fetch(`${this.o.base}api/xapi/plays`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...report, registration: reg }) });
        if (r.status >= 500 || r.status === 429 || r.status === 408) {
          // Over the server's limit: not before it says (Retry-After, in seconds).
          const after = Number(r.headers?.get('Retry-After'));
          if (r.status === 429 && after > 0) this.retryMs = Math.max(this.retryMs, Math.min(600, after) * 1000);
          throw new Error(`HTTP ${r.status}`);
        }
        // Taken (202), or refused for good (a scenario the server does not have): either way not sent again.
        if (this.kept.outbox[reg] === report || JSON.stringify(this.kept.outbox[reg]) === JSON.stringify(report)) delete this.kept.outbox[reg];
        this.write();
      }
      this.retryMs = this.o.retryMs ?? 2000;
    } catch {
      this.later();
    } finally {
      this.sending = false;
    }
    // Something was queued while sending.
    if (this.enabled && this.waiting && !this.timer) void this.send();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Start reporting if this page came from the Dojo server (which marks its pages). */
export function startXapiReporter(events: LearningEvents, locale: () => 'zh-CN' | 'en'): XapiReporter | null {
  if (typeof document === 'undefined' || !document.querySelector('meta[name="dojo-server"]')) return null;
  return new XapiReporter({
    events,
    store: window.localStorage,
    base: new URL('./', location.href).href,
    locale,
    name: new URLSearchParams(location.search).get('name'),
    online: (fn) => window.addEventListener('online', fn),
  });
}
