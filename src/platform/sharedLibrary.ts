/**
 * Scenarios a trainer shared on the Dojo server that serves this game (POST /api/scenarios,
 * src/server/sharedScenarios.ts): the latest version of each, fetched when the library is
 * first needed. A server that does not answer, or answers with something else, means no
 * shared scenarios, never a broken list. Each file is still checked by the game's own loader
 * (Library.addShared): what comes over the network is input like any other.
 */

export interface SharedFile {
  id: string;
  version: number;
  /** The name problems are reported under: the same as a classroom room pins (`shared/ID/vN.yaml`). */
  name: string;
  text: string;
}

/** How long the list may take before the library goes on without it. */
export const SHARED_TIMEOUT_MS = 4000;
/** The most shared scenarios the game lists (the newest first are kept). */
export const SHARED_MAX = 200;

const ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

interface Listed {
  id: string;
  version: number;
}

function listed(body: unknown): Listed[] {
  const list = (body as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is Listed => !!s && typeof s === 'object' && typeof (s as Listed).id === 'string' && ID.test((s as Listed).id) && Number.isInteger((s as Listed).version) && (s as Listed).version > 0).slice(0, SHARED_MAX);
}

/**
 * The shared scenarios' files. `base` is the server's address as the page sees it (the game is
 * served at the root of the Dojo server); `fetchFn` and the timeout are for tests.
 */
export async function fetchShared(base = './', fetchFn: typeof fetch = fetch, timeoutMs = SHARED_TIMEOUT_MS): Promise<SharedFile[]> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const r = await fetchFn(`${base}api/scenarios`, { signal: ctl.signal, headers: { Accept: 'application/json' } });
    if (!r.ok) return [];
    const entries = listed(await r.json());
    const files = await Promise.all(
      entries.map(async (e) => {
        try {
          const f = await fetchFn(`${base}api/scenarios/${e.id}/${e.version}`, { signal: ctl.signal });
          return f.ok ? { id: e.id, version: e.version, name: `shared/${e.id}/v${e.version}.yaml`, text: await f.text() } : null;
        } catch {
          return null; // this one is left out; the others still come
        }
      }),
    );
    return files.filter((f): f is SharedFile => f !== null);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}
