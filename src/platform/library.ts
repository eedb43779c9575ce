/**
 * The scenario library in the browser: the catalog, every bundled scenario, and the files a
 * trainer opened. The bundled ones arrive as data, read and checked by the engine's loader
 * when the game was built (virtual:dojo-library, src/platform/libraryPlugin.ts); a file a
 * trainer opens is validated by that same loader here, fetched (with the YAML parsers and the
 * schema) only then. This module is itself imported lazily.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import { makeCatalog } from '../engine/catalog/make.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { bundledIdProblem } from '../engine/scenario/idRule.js';
import bundled from 'virtual:dojo-library';

/** The loader, with YAML and the schema: fetched the first time a file is opened. */
const loader = () => import('./fileLoader.js');

const TYPE_ORDER = { angry: 0, silent: 1, talkative: 2, expert: 3 } as const;
const byType = (a: Scenario, b: Scenario) => TYPE_ORDER[a.customer.type] - TYPE_ORDER[b.customer.type] || a.difficulty - b.difficulty || a.id.localeCompare(b.id);

export interface ImportResult {
  scenario?: Scenario;
  problems: Problem[];
}

export class Library {
  /** Scenarios a trainer opened, newest last. */
  readonly imported: Scenario[] = [];
  /** Scenarios shared on the Dojo server serving this game (sharedLibrary.ts), by id. */
  readonly shared: Scenario[] = [];
  /** Each imported scenario's file text, by id (what an LMS package carries). */
  private readonly texts = new Map<string, string>();

  constructor(
    readonly catalog: Catalog,
    public scenarios: Scenario[],
    readonly problems: Problem[],
  ) {}

  /** A trainer's own file comes first: it shadows a shared scenario with the same id. */
  find(id: string): Scenario | undefined {
    return this.imported.find((s) => s.id === id) ?? this.shared.find((s) => s.id === id) ?? this.scenarios.find((s) => s.id === id);
  }

  /** All scenarios in the order the list shows them: bundled by type, then shared, then imported. */
  all(): Scenario[] {
    return [...this.scenarios, ...this.sharedShown(), ...this.imported];
  }

  /** The shared scenarios the list shows: those no file of the trainer's own shadows. */
  sharedShown(): Scenario[] {
    return this.shared.filter((s) => !this.imported.some((i) => i.id === s.id));
  }

  /** A file shared on the server: checked by the same loader and id rule as an opened one. */
  async addShared(name: string, text: string): Promise<ImportResult> {
    const { loadScenario } = await loader();
    const r = loadScenario(name, text, this.catalog);
    if (!r.ok) return { problems: r.problems };
    const clash = bundledIdProblem(r.scenario, new Map(this.scenarios.map((s) => [s.id, s.file])));
    if (clash) return { problems: [clash] };
    const at = this.shared.findIndex((s) => s.id === r.scenario.id);
    if (at >= 0) this.shared.splice(at, 1);
    this.shared.push(r.scenario);
    this.shared.sort(byType);
    return { scenario: r.scenario, problems: r.problems };
  }

  /** Validate a file's text; on success it joins the imported list (replacing one with the same id). */
  async add(name: string, text: string, bytes = text.length): Promise<ImportResult> {
    const { loadScenario, MAX_FILE_BYTES } = await loader();
    if (bytes > MAX_FILE_BYTES) {
      return { problems: [{ file: name, line: 1, col: 1, severity: 'error', code: 'too-large', message: `file is ${(bytes / 1_000_000).toFixed(1)} MB; a scenario file may be at most ${MAX_FILE_BYTES / 1_000_000} MB` }] };
    }
    const r = loadScenario(name, text, this.catalog);
    if (!r.ok) return { problems: r.problems };
    const clash = bundledIdProblem(r.scenario, new Map(this.scenarios.map((s) => [s.id, s.file])));
    if (clash) return { problems: [clash] };
    this.remove(r.scenario.id);
    this.imported.push(r.scenario);
    this.texts.set(r.scenario.id, text);
    return { scenario: r.scenario, problems: r.problems };
  }

  remove(id: string): void {
    const i = this.imported.findIndex((s) => s.id === id);
    if (i >= 0) this.imported.splice(i, 1);
    this.texts.delete(id);
  }

  /** The file text of an imported scenario, as the trainer opened it. */
  textOf(id: string): string | undefined {
    return this.texts.get(id);
  }

  /** A bundled file changed on disk (development): validate and swap it in. */
  async replaceBundled(file: string, text: string): Promise<ImportResult> {
    const { loadScenario } = await loader();
    const r = loadScenario(file, text, this.catalog);
    if (!r.ok) return { problems: r.problems };
    this.scenarios = [...this.scenarios.filter((s) => s.file !== file && s.id !== r.scenario.id), r.scenario].sort(byType);
    return { scenario: r.scenario, problems: r.problems };
  }
}

/**
 * The library: bundled, then (when `shared` is given: the game is served by a Dojo server) the
 * scenarios shared there, then the trainer's saved imports.
 */
export async function loadLibrary(imported: readonly { name: string; text: string }[] = [], shared?: () => Promise<readonly { name: string; text: string }[]>): Promise<Library> {
  const lib = new Library(makeCatalog(bundled.catalog), [...bundled.scenarios].sort(byType), [...bundled.problems]);
  for (const f of shared ? await shared() : []) lib.problems.push(...(await lib.addShared(f.name, f.text)).problems.filter((p) => p.severity === 'error'));
  // A saved import that no longer loads (say, the catalog changed) is reported, not fatal.
  for (const f of imported) lib.problems.push(...(await lib.add(f.name, f.text)).problems.filter((p) => p.severity === 'error'));
  return lib;
}
