/**
 * The scenarios the server can host: the catalog and every file in scenarios/library, read
 * through the same loader as the CLI and the game. Saving a file there while the server runs
 * reloads it, and the change is passed on (the game replays it; new rooms use it).
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Catalog } from '../engine/catalog/catalog.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { loadScenario } from '../engine/scenario/load.js';
import { displayName, readCatalog, readText } from '../cli/files.js';

export interface LibraryEntry {
  scenario: Scenario;
  /** Path relative to the project (as the game names bundled files). */
  file: string;
  text: string;
}

export type LibraryChange = { file: string; text: string };

export class ServerLibrary {
  private readonly entries = new Map<string, LibraryEntry>();
  readonly problems: Problem[] = [];
  private watcher?: FSWatcher;
  private readonly listeners = new Set<(c: LibraryChange) => void>();

  private constructor(
    readonly catalog: Catalog,
    private readonly dir: string,
    private readonly root: string,
  ) {}

  static load(root: string, dir = join(root, 'scenarios/library'), catalogPath = join(root, 'scenarios/principles.yaml')): ServerLibrary {
    const c = readCatalog(catalogPath);
    if ('problems' in c) throw new Error(c.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
    const lib = new ServerLibrary(c.catalog, dir, root);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      /* no library folder: nothing to host but files sent later */
    }
    for (const n of names) {
      const read = readText(join(dir, n));
      if ('problem' in read) lib.problems.push(read.problem);
      else lib.put(join(dir, n), read.text);
    }
    return lib;
  }

  private put(path: string, text: string): { scenario?: Scenario; problems: Problem[] } {
    const r = loadScenario(displayName(path), text, this.catalog);
    if (!r.ok) return { problems: r.problems };
    const file = relative(this.root, path).split('\\').join('/');
    for (const [id, e] of this.entries) if (e.file === file && id !== r.scenario.id) this.entries.delete(id);
    this.entries.set(r.scenario.id, { scenario: r.scenario, file, text });
    return { scenario: r.scenario, problems: r.problems };
  }

  get(id: string): LibraryEntry | undefined {
    return this.entries.get(id);
  }

  list(): LibraryEntry[] {
    const order = { angry: 0, silent: 1, talkative: 2, expert: 3 } as const;
    return [...this.entries.values()].sort(
      (a, b) => order[a.scenario.customer.type] - order[b.scenario.customer.type] || a.scenario.difficulty - b.scenario.difficulty || a.scenario.id.localeCompare(b.scenario.id),
    );
  }

  onChange(f: (c: LibraryChange) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** Follow saves in the library folder. */
  watch(): void {
    const pending = new Map<string, NodeJS.Timeout>();
    try {
      this.watcher = watch(this.dir, (_event, name) => {
        if (!name || !/\.ya?ml$/.test(name)) return;
        clearTimeout(pending.get(name));
        pending.set(name, setTimeout(() => void this.reload(join(this.dir, name)), 60));
      });
    } catch {
      /* no folder to watch */
    }
  }

  private async reload(path: string): Promise<void> {
    let text: string;
    try {
      // An editor may still be writing: read until two reads a moment apart agree.
      text = await readFile(path, 'utf8');
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 40));
        const again = await readFile(path, 'utf8');
        if (again === text) break;
        text = again;
      }
    } catch {
      return; // deleted or renamed away
    }
    this.put(path, text);
    const file = relative(this.root, path).split('\\').join('/');
    for (const f of this.listeners) f({ file, text });
  }

  close(): void {
    this.watcher?.close();
  }
}
