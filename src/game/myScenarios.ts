/**
 * "My scenarios": the files a trainer opened, kept in saved progress. Opening a file with the id
 * of one opened before from another file replaces it — said so, with Undo; removing one can be
 * undone too. The last change only: a new one takes the place of the Undo before it.
 */
import type { ImportResult, Library } from '../platform/library.js';
import type { Progress } from '../platform/storage.js';

type Kept = Progress['save']['imported'][number];

export interface Undo {
  kind: 'removed' | 'replaced';
  /** The scenario's title (removed) or the two file names (replaced), for the Undo button. */
  title: string;
  file: string;
  by?: string;
}

export interface MyScenarios {
  importText(name: string, text: string, bytes: number): Promise<ImportResult & { replaced?: string }>;
  remove(id: string): Promise<void>;
  /** What Undo would bring back, if anything. */
  undo(): Undo | null;
  undoLast(): Promise<ImportResult | null>;
}

export function myScenarios(library: () => Promise<Library>, progress: Progress, titleOf: (lib: Library, id: string) => string, changed: () => void): MyScenarios {
  let last: (Undo & { restore: Kept; drop?: string }) | null = null;
  const keep = (entry: Kept) =>
    progress.update((s) => {
      s.imported = [...s.imported.filter((f) => f.id !== entry.id), entry];
    });

  return {
    async importText(name, text, bytes) {
      const lib = await library();
      const before = lib.imported.map((s) => s.id);
      const r = await lib.add(name, text, bytes);
      if (!r.scenario) return r;
      const id = r.scenario.id;
      const earlier = before.includes(id) ? progress.save.imported.find((f) => f.id === id) : undefined;
      const kept = keep({ name, text, id, at: new Date().toISOString() });
      if (!kept) r.problems.push({ file: name, line: 1, col: 1, severity: 'warning', code: 'storage', message: 'could not be kept for next time: the browser storage is full' });
      // The same file saved again is an update; another file with the same id replaces it: say so.
      if (earlier && earlier.name !== name) {
        last = { kind: 'replaced', title: titleOf(lib, id), file: earlier.name, by: name, restore: earlier };
        return { ...r, replaced: earlier.name };
      }
      return r;
    },
    async remove(id) {
      const lib = await library();
      const entry = progress.save.imported.find((f) => f.id === id);
      const title = titleOf(lib, id);
      lib.remove(id);
      progress.update((s) => (s.imported = s.imported.filter((f) => f.id !== id)));
      if (entry) last = { kind: 'removed', title, file: entry.name, restore: entry };
      changed();
    },
    undo: () => (last ? { kind: last.kind, title: last.title, file: last.file, ...(last.by ? { by: last.by } : {}) } : null),
    async undoLast() {
      const u = last;
      if (!u) return null;
      last = null;
      const lib = await library();
      const r = await lib.add(u.restore.name, u.restore.text);
      if (r.scenario) keep({ ...u.restore, id: r.scenario.id });
      changed();
      return r;
    },
  };
}
