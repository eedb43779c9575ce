/**
 * Saved progress in localStorage, versioned and validated. Anything unreadable (corrupt
 * JSON, an old or unknown version, wrong shapes) is reset to defaults and reported, so the
 * game can show a notice instead of crashing.
 */
// zod's small build: the save is read at start-up, before anything else of zod is needed.
import * as z from 'zod/mini';

export const STORAGE_KEY = 'complaint-dojo';
export const STORAGE_VERSION = 1;

const Attempt = z.object({
  scenario: z.string(),
  at: z.string(),
  overall: z.number(),
  grade: z.string(),
  outcome: z.string(),
  path: z.array(z.number()),
  seed: z.number(),
});

const SaveSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  settings: z.object({
    locale: z.optional(z.enum(['zh-CN', 'en'])),
    muted: z._default(z.boolean(), false),
    volume: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.7),
    /** The first-play guide was finished or skipped. */
    guided: z._default(z.boolean(), false),
  }),
  best: z._default(z.record(z.string(), z.number()), {}),
  attempts: z._default(z.array(Attempt), []),
  /** The game in progress: the scenario and the session actor's persisted snapshot. */
  resume: z._default(z.nullable(z.object({ scenario: z.string(), seed: z.number(), snapshot: z.unknown(), coaching: z.optional(z.boolean()) })), null),
  /** Scenario files a trainer imported: name and text, kept until removed. */
  imported: z._default(z.array(z.object({ name: z.string(), text: z.string(), at: z.string(), id: z.optional(z.string()) })), []),
});

export type Save = z.infer<typeof SaveSchema>;
export type AttemptRecord = z.infer<typeof Attempt>;

export function defaultSave(): Save {
  return { version: STORAGE_VERSION, settings: { muted: false, volume: 0.7, guided: false }, best: {}, attempts: [], resume: null, imported: [] };
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type LoadedSave = { save: Save; reset: false } | { save: Save; reset: true; reason: 'corrupt' | 'old-version' };

export function readSave(store: KeyValue): LoadedSave {
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return { save: defaultSave(), reset: false };
  }
  if (raw === null) return { save: defaultSave(), reset: false };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { save: defaultSave(), reset: true, reason: 'corrupt' };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== STORAGE_VERSION) return { save: defaultSave(), reset: true, reason: 'old-version' };
  const parsed = SaveSchema.safeParse(data);
  return parsed.success ? { save: parsed.data, reset: false } : { save: defaultSave(), reset: true, reason: 'corrupt' };
}

/** False when the browser refused (storage full or blocked): the game goes on without saving. */
export function writeSave(store: KeyValue, save: Save): boolean {
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

/** The one progress store the game uses, over window.localStorage. */
export class Progress {
  save: Save;
  readonly notice: 'corrupt' | 'old-version' | null;

  constructor(private readonly store: KeyValue) {
    const loaded = readSave(store);
    this.save = loaded.save;
    this.notice = loaded.reset ? loaded.reason : null;
    if (loaded.reset) writeSave(store, this.save);
  }

  update(fn: (s: Save) => void): boolean {
    fn(this.save);
    return writeSave(this.store, this.save);
  }

  /**
   * A finished play: kept with the best score. The game in progress is not cleared here: until
   * the debrief is on screen a reload must still lead to the last coaching, the ending and the
   * debrief (`finish`).
   */
  recordAttempt(a: AttemptRecord, finished?: { seed: number; snapshot: unknown }): void {
    this.update((s) => {
      s.attempts.push(a);
      if (s.attempts.length > 200) s.attempts.splice(0, s.attempts.length - 200);
      s.best[a.scenario] = Math.max(s.best[a.scenario] ?? 0, a.overall);
      s.resume = finished ? { scenario: a.scenario, seed: finished.seed, snapshot: finished.snapshot, coaching: true } : null;
    });
  }

  /** The debrief is on screen: nothing left to continue. */
  finish(): void {
    if (this.save.resume) this.update((s) => (s.resume = null));
  }
}
