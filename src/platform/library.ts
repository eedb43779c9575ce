/**
 * The scenario library in the browser: the catalog and every bundled scenario file, loaded
 * lazily (this module is imported dynamically, so YAML and the schema stay out of the first
 * download) and validated by the same engine loader the CLI uses.
 */
import { loadCatalog, type Catalog } from '../engine/catalog/catalog.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { loadScenario } from '../engine/scenario/load.js';
import catalogText from '../../scenarios/principles.yaml?raw';

const bundled = import.meta.glob('../../scenarios/library/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export interface Library {
  catalog: Catalog;
  scenarios: Scenario[];
  problems: Problem[];
}

export function loadCatalogText(): Catalog {
  const r = loadCatalog('scenarios/principles.yaml', catalogText);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.catalog;
}

export async function loadLibrary(): Promise<Library> {
  const catalog = loadCatalogText();
  const scenarios: Scenario[] = [];
  const problems: Problem[] = [];
  const entries = Object.entries(bundled).sort(([a], [b]) => a.localeCompare(b));
  const texts = await Promise.all(entries.map(([, load]) => load()));
  entries.forEach(([path, _], i) => {
    const file = path.replace(/^(\.\.\/)+/, '');
    const r = loadScenario(file, texts[i]!, catalog);
    if (r.ok) scenarios.push(r.scenario);
    else problems.push(...r.problems);
  });
  const order = { angry: 0, silent: 1, talkative: 2, expert: 3 } as const;
  scenarios.sort((a, b) => order[a.customer.type] - order[b.customer.type] || a.difficulty - b.difficulty || a.id.localeCompare(b.id));
  return { catalog, scenarios, problems };
}

/** Check and load one scenario file a trainer opened (text only, never HTML). */
export function importScenario(catalog: Catalog, name: string, text: string): { scenario?: Scenario; problems: Problem[] } {
  const r = loadScenario(name, text, catalog);
  return r.ok ? { scenario: r.scenario, problems: r.problems } : { problems: r.problems };
}
