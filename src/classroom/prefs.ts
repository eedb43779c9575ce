/**
 * What the classroom pages remember in localStorage: the language, the trainer key, each
 * room's host token and each room's trainee token and nickname. Anything unreadable is
 * treated as absent; a browser that refuses storage still works until a reload.
 */
import type { Locale } from '../engine/text.js';

const KEY = 'complaint-dojo-classroom';
/** The game's own save (src/platform/storage.ts STORAGE_KEY; not imported: it would bring zod along). */
const GAME_KEY = 'complaint-dojo';

interface Saved {
  locale?: Locale;
  trainerKey?: string;
  /** Room code → host token. */
  hosts: Record<string, { hostToken: string; at: number }>;
  /** Room code → trainee token and nickname. */
  /** coached: the last turn whose coaching was read, in the session's scenario number coachedStage (1 when absent). */
  trainees: Record<string, { token: string; name: string; at: number; coached?: number; coachedStage?: number }>;
  /** Room code → the key of a join not yet answered (see joinKey). */
  joining?: Record<string, { key: string; at: number }>;
  /** The last nickname used (prefills the join form). */
  nickname?: string;
  lastCode?: string;
  /** The host page's high-contrast light theme (for a washed-out projector). */
  lightTheme?: boolean;
}

const empty = (): Saved => ({ hosts: {}, trainees: {} });

function read(): Saved {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return empty();
    const data = JSON.parse(raw) as Partial<Saved>;
    if (!data || typeof data !== 'object') return empty();
    return { ...data, hosts: { ...(data.hosts ?? {}) }, trainees: { ...(data.trainees ?? {}) } };
  } catch {
    return empty();
  }
}

function write(s: Saved): void {
  // Keep the newest 30 rooms of each kind.
  const trim = <T extends { at: number }>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).sort((a, b) => b[1].at - a[1].at).slice(0, 30));
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...s, hosts: trim(s.hosts), trainees: trim(s.trainees), joining: trim(s.joining ?? {}) }));
  } catch {
    /* storage full or blocked: go on without remembering */
  }
}

function update(f: (s: Saved) => void): void {
  const s = read();
  f(s);
  write(s);
}

/** The classroom's own choice, else the game's saved language on this browser. */
export function savedLocale(): Locale | undefined {
  const own = read().locale;
  if (own === 'en' || own === 'zh-CN') return own;
  try {
    const game = JSON.parse(localStorage.getItem(GAME_KEY) ?? 'null') as { settings?: { locale?: unknown } } | null;
    const l = game?.settings?.locale;
    return l === 'en' || l === 'zh-CN' ? l : undefined;
  } catch {
    return undefined;
  }
}

export const saveLocale = (locale: Locale) => update((s) => (s.locale = locale));

export const trainerKey = () => read().trainerKey;
export const saveTrainerKey = (key: string) => update((s) => (s.trainerKey = key));

export const hostToken = (code: string) => read().hosts[code]?.hostToken;
export const saveHostToken = (code: string, hostToken: string) => update((s) => (s.hosts[code] = { hostToken, at: Date.now() }));
export const forgetHostToken = (code: string) => update((s) => delete s.hosts[code]);

export const trainee = (code: string) => read().trainees[code];
export const saveTrainee = (code: string, token: string, name: string) =>
  update((s) => {
    s.trainees[code] = { token, name, at: Date.now() };
    s.nickname = name;
    s.lastCode = code;
  });
export const forgetTrainee = (code: string) => update((s) => delete s.trainees[code]);

/**
 * The key to join this room with: made once and kept until the join is answered, so a join
 * sent again (after a lost answer, a reload, a second tap) finds the same trainee.
 */
export function joinKey(code: string): string {
  const pending = read().joining?.[code]?.key;
  if (pending) return pending;
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  update((s) => (s.joining = { ...s.joining, [code]: { key, at: Date.now() } }));
  return key;
}

export const forgetJoinKey = (code: string) =>
  update((s) => {
    if (s.joining) delete s.joining[code];
  });
/** Everyone plays: the last turn whose coaching the trainee has read. */
export const saveCoached = (code: string, turn: number, stage: number) =>
  update((s) => {
    const t = s.trainees[code];
    if (t) {
      t.coached = turn;
      t.coachedStage = stage;
    }
  });

export const lastNickname = () => read().nickname;
export const lastCode = () => read().lastCode;

export const lightTheme = () => read().lightTheme === true;
export const saveLightTheme = (on: boolean) => update((s) => (s.lightTheme = on));
