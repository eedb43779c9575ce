/**
 * The SCORM 1.2 API an LMS puts in a window above the course, found the standard way (the
 * window.parent chain, at most 7 levels, then the opener's), and a small client over it that
 * checks every value against the 1.2 limits (cmi12.refusal) before sending it and reports
 * what the LMS refused, once per element kind, on the console.
 */
import { refusal } from './cmi12.js';

/** The SCORM 1.2 API object (window.API). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

interface ApiWindow {
  API?: unknown;
  parent: ApiWindow | null;
  opener?: ApiWindow | null;
}

/** How many parents to climb (the ADL's own discovery algorithm gives up after 7). */
export const MAX_PARENTS = 7;

function apiOf(w: ApiWindow): Scorm12Api | null {
  try {
    const api = w.API as Partial<Scorm12Api> | undefined;
    return api && typeof api.LMSInitialize === 'function' && typeof api.LMSSetValue === 'function' ? (api as Scorm12Api) : null;
  } catch {
    // A window of another origin: not ours to look into.
    return null;
  }
}

function climb(start: ApiWindow): Scorm12Api | null {
  let w: ApiWindow = start;
  for (let i = 0; ; i++) {
    const api = apiOf(w);
    if (api) return api;
    let parent: ApiWindow | null = null;
    try {
      parent = w.parent;
    } catch {
      return null;
    }
    if (!parent || parent === w || i >= MAX_PARENTS) return null;
    w = parent;
  }
}

export function findApi(win: ApiWindow): Scorm12Api | null {
  const here = climb(win);
  if (here) return here;
  let opener: ApiWindow | null | undefined = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return opener ? climb(opener) : null;
}

export class LmsClient {
  private readonly told = new Set<string>();

  constructor(
    private readonly api: Scorm12Api,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {}

  initialize(): boolean {
    return this.api.LMSInitialize('') === 'true' || this.api.LMSGetLastError() === '101';
  }

  get(element: string): string {
    const v = this.api.LMSGetValue(element);
    return typeof v === 'string' ? v : String(v ?? '');
  }

  /** Send a value, unless it breaks a 1.2 limit; false when refused here or by the LMS. */
  set(element: string, value: string): boolean {
    const why = refusal(element, value);
    if (why) {
      this.once(`ours:${kind(element)}`, `SCORM: not sent ${element}: ${why}`);
      return false;
    }
    if (this.api.LMSSetValue(element, value) === 'true') return true;
    const code = this.api.LMSGetLastError();
    this.once(`lms:${kind(element)}:${code}`, `SCORM: the LMS refused ${element} = "${value.slice(0, 60)}": ${code} ${this.api.LMSGetErrorString(code)}`);
    return false;
  }

  commit(): boolean {
    return this.api.LMSCommit('') === 'true';
  }

  finish(): boolean {
    return this.api.LMSFinish('') === 'true';
  }

  private once(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.log(message);
  }
}

/** cmi.interactions.3.id → cmi.interactions.n.id, so a refusal is told once for all n. */
const kind = (element: string) => element.replace(/\.\d+\./g, '.n.');
