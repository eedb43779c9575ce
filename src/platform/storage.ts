/**
 * Saved progress in localStorage, versioned and validated. An older version that was valid in
 * its day is brought up to date (MIGRATIONS), never reset. Anything unreadable (corrupt JSON, an
 * unknown version, wrong shapes) is reset to defaults and reported, so the game can show a
 * notice instead of crashing.
 */
// zod's small build: the save is read at start-up, before anything else of zod is needed.
import * as z from 'zod/mini';
import type { AttemptTally } from '../engine/progress/tally.js';
import { SEVERITIES } from '../engine/vocabulary.js';

export const STORAGE_KEY = 'complaint-dojo';
export const STORAGE_VERSION = 3;

/** What a play did to each principle and category (engine/progress/tally.ts), kept so a later edit of the scenario does not rewrite it. */
const Tally = z.object({
  principles: z.record(z.string(), z.object({ honoured: z.number(), broken: z.number(), severity: z.optional(z.enum(SEVERITIES)) })),
  categories: z.record(z.string(), z.number()),
});

const Attempt = z.object({
  scenario: z.string(),
  at: z.string(),
  overall: z.number(),
  grade: z.string(),
  outcome: z.string(),
  path: z.array(z.number()),
  seed: z.number(),
  /** Version 2. Missing until the library has been loaded to make it (a version-1 play, or one recorded before), or when it cannot be made. */
  tally: z.optional(Tally),
});

/**
 * Each older version brought up to the next. 1 → 2: plays gain a tally, which needs the scenario
 * library, so it is made later (Progress.backfill); every play, setting, import and the game in
 * progress are kept as they were. 2 → 3: the settings gain how the trainee answers (`ownWords`:
 * picking replies, as every earlier game did).
 */
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  1: (d) => ({ ...d, version: 2 }),
  // Settings that are not an object stay as they are: the save is corrupt, and reset with a notice.
  2: (d) => ({ ...d, version: 3, ...(typeof d.settings === 'object' && d.settings !== null ? { settings: { ownWords: false, ...d.settings } } : {}) }),
};

const SaveSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  settings: z.object({
    locale: z.optional(z.enum(['zh-CN', 'en'])),
    muted: z._default(z.boolean(), false),
    volume: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.7),
    /** The first-play guide was finished or skipped. */
    guided: z._default(z.boolean(), false),
    /**
     * The customer types whose meters the guide has explained. Absent in saves from before it was
     * kept: a trainee guided then has met the meters on screen, so every type counts as seen.
     */
    metersSeen: z.optional(z.array(z.string())),
    /**
     * Version 3. The trainee answers in their own words (a text box, read by the judge) instead of picking
     * replies; chosen on a scenario's intro card. Anything but true or false reads as picking (readSave).
     */
    ownWords: z._default(z.boolean(), false),
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
  return { version: STORAGE_VERSION, settings: { muted: false, volume: 0.7, guided: false, ownWords: false }, best: {}, attempts: [], resume: null, imported: [] };
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type LoadedSave = { save: Save; reset: false; migratedFrom?: number } | { save: Save; reset: true; reason: 'corrupt' | 'old-version' };

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
  const from = (data as { version?: unknown } | null)?.version;
  let version = from;
  while (typeof version === 'number' && version < STORAGE_VERSION && MIGRATIONS[version] && typeof data === 'object' && data !== null) {
    data = MIGRATIONS[version]!(data as Record<string, unknown>);
    version = (data as { version?: unknown }).version;
  }
  if (typeof version === 'number' && version !== STORAGE_VERSION) return { save: defaultSave(), reset: true, reason: 'old-version' };
  // A setting of how to answer that is not true or false reads as picking replies, rather than losing the save
  // (checked here, not with zod's catch, which would grow the start-up chunk by a kilobyte).
  const settings = typeof data === 'object' && data !== null ? (data as { settings?: unknown }).settings : undefined;
  if (typeof settings === 'object' && settings !== null && 'ownWords' in settings && typeof settings.ownWords !== 'boolean') delete settings.ownWords;
  const parsed = SaveSchema.safeParse(data);
  if (!parsed.success) return { save: defaultSave(), reset: true, reason: 'corrupt' };
  return from !== version && typeof from === 'number' ? { save: parsed.data, reset: false, migratedFrom: from } : { save: parsed.data, reset: false };
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

  /** Makes a play's tally (it needs the scenario library); null when it cannot. */
  private tally?: (a: AttemptRecord) => AttemptTally | null;
  /** Plays whose tally could not be made this session: not tried again until the next. */
  private readonly untallied = new WeakSet<AttemptRecord>();

  constructor(private readonly store: KeyValue) {
    const loaded = readSave(store);
    this.save = loaded.save;
    this.notice = loaded.reset ? loaded.reason : null;
    if (loaded.reset || loaded.migratedFrom !== undefined) writeSave(store, this.save);
  }

  /** How to tally plays from now on: every play recorded after this gets its tally at once. */
  tallyWith(fn: (a: AttemptRecord) => AttemptTally | null): void {
    this.tally = fn;
  }

  private tallyOf(a: AttemptRecord): void {
    if (a.tally || this.untallied.has(a) || !this.tally) return;
    let t: AttemptTally | null = null;
    try {
      t = this.tally(a);
    } catch {
      t = null;
    }
    if (t) a.tally = t;
    else this.untallied.add(a);
  }

  /** Saved plays with no tally that have not been tried yet this session. */
  get toTally(): number {
    return this.save.attempts.filter((a) => !a.tally && !this.untallied.has(a)).length;
  }

  /**
   * Tally saved plays that have none yet (version-1 plays, plays recorded before the library
   * loaded), for at most about `budgetMs`, then save. Returns how many are left to try, so a
   * long history can be read a slice per frame.
   */
  backfill(budgetMs = Infinity, now: () => number = () => performance.now()): number {
    if (!this.tally) return 0;
    const start = now();
    let changed = false;
    for (const a of this.save.attempts) {
      if (a.tally || this.untallied.has(a)) continue;
      if (now() - start > budgetMs) break;
      this.tallyOf(a);
      changed ||= !!a.tally;
    }
    if (changed) writeSave(this.store, this.save);
    return this.toTally;
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
    this.tallyOf(a);
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
