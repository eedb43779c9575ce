/**
 * Scenarios a trainer shares on the class server: POST /api/scenarios (the trainer only; the
 * body is the YAML file), checked by the engine's loader and linter as `dojo check` does and
 * refused with file:line:col problems when it does not load or takes a bundled scenario's id;
 * kept in the store as a new version each time (old versions stay for past sessions).
 * GET /api/scenarios lists the latest version of each; GET /api/scenarios/ID and
 * /api/scenarios/ID/VERSION give a file's text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalog } from '../engine/catalog/catalog.js';
import { formatProblem, type Problem } from '../engine/problems.js';
import { bundledIdProblem } from '../engine/scenario/idRule.js';
import { lintScenario } from '../engine/scenario/lint.js';
import type { Scenario } from '../engine/scenario/model.js';
import { MAX_FILE_BYTES } from '../engine/yamlSource.js';
import { json, readBody } from './body.js';
import type { SharedScenarioRow, Store } from './store.js';

export const SHARE_MAX_BYTES = MAX_FILE_BYTES;

export interface SharedApiOptions {
  store: Store;
  catalog: () => Catalog;
  /** The bundled scenarios' ids, each with its file (an upload may not take one). */
  bundled: () => ReadonlyMap<string, string>;
  /** Whether the request comes from the trainer (the studio's check: trust.ts). */
  trainer: (req: IncomingMessage, url: URL) => boolean;
  now?: () => number;
}

export type ShareCheck = { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Check an uploaded file exactly as `dojo check` does (loader, then the bundled-id rule), with the linter's warnings. */
export function checkUpload(name: string, text: string, catalog: Catalog, bundled: ReadonlyMap<string, string>): ShareCheck {
  const r = lintScenario(name, text, catalog);
  const errors = r.problems.filter((p) => p.severity === 'error');
  if (!r.scenario || errors.length) return { ok: false, problems: errors.length ? errors : r.problems };
  const clash = bundledIdProblem(r.scenario, bundled);
  if (clash) return { ok: false, problems: [clash] };
  return { ok: true, scenario: r.scenario, warnings: r.problems.filter((p) => p.severity !== 'error') };
}

/** A file name for messages: the one the sender gave (?name=), kept short and plain. */
function uploadName(url: URL): string {
  const n = (url.searchParams.get('name') ?? '').split(/[\\/]/).pop()!.replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 100);
  return n || 'upload.yaml';
}

const ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

export class SharedScenarioApi {
  constructor(private readonly o: SharedApiOptions) {}

  /** Handles /api/scenarios…; false when the path is not its own. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const parts = url.pathname.split('/').slice(3); // ['', 'api', 'scenarios', …]
    if (url.pathname !== '/api/scenarios' && !url.pathname.startsWith('/api/scenarios/')) return false;
    if (parts.length === 0) {
      if (req.method === 'POST') await this.upload(req, res, url);
      else if (req.method === 'GET' || req.method === 'HEAD') this.list(res);
      else json(res, 405, { error: 'method not allowed' });
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }), true;
    const [id, v, ...rest] = parts;
    const version = v === undefined ? undefined : /^[1-9]\d{0,8}$/.test(v) ? Number(v) : NaN;
    if (!id || !ID.test(id) || Number.isNaN(version) || rest.length) return json(res, 400, { error: 'ask for /api/scenarios/ID or /api/scenarios/ID/VERSION' }), true;
    const row = this.o.store.sharedScenario(id, version);
    if (!row) return json(res, 404, { error: version ? `no version ${version} of shared scenario "${id}"` : `no shared scenario "${id}"` }), true;
    res.writeHead(200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Cache-Control': 'no-store', 'X-Dojo-Version': String(row.version) });
    res.end(req.method === 'HEAD' ? undefined : row.yaml);
    return true;
  }

  private list(res: ServerResponse): void {
    json(res, 200, {
      scenarios: this.o.store.sharedScenarios().map((s) => ({ id: s.id, version: s.version, title: JSON.parse(s.titles) as Record<string, string>, uploadedAt: s.uploadedAt })),
    });
  }

  private async upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!this.o.trainer(req, url)) return json(res, 403, { error: 'only the trainer can share scenarios on this server (on its own machine, or with the trainer key)' });
    const text = await readBody(req, SHARE_MAX_BYTES);
    if (text === null) return json(res, 413, { error: `the file is larger than ${SHARE_MAX_BYTES} bytes` });
    if (!text.trim()) return json(res, 400, { error: 'the body must be the scenario file (YAML)' });
    const name = uploadName(url);
    let checked: ShareCheck;
    try {
      checked = checkUpload(name, text, this.o.catalog(), this.o.bundled());
    } catch (e) {
      return json(res, 400, { error: `the file cannot be read: ${(e as Error).message}` });
    }
    if (!checked.ok) {
      const clash = checked.problems.find((p) => p.code === 'bundled-id');
      return json(res, 400, {
        error: clash ? clash.message : 'the file does not load',
        problems: checked.problems.map((p) => ({ ...p, text: formatProblem(p) })),
      });
    }
    const s = checked.scenario;
    const row: Omit<SharedScenarioRow, 'version'> = { id: s.id, yaml: text, titles: JSON.stringify(s.title), uploadedAt: (this.o.now ?? Date.now)() };
    const version = this.o.store.addScenario(row);
    await this.o.store.durable();
    json(res, 200, { id: s.id, version, title: s.title, warnings: checked.warnings.map((p) => ({ ...p, text: formatProblem(p) })) });
  }
}
