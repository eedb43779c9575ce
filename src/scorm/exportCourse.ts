/**
 * "Export for LMS (SCORM 1.2)…" from the game's trainer tools: the package `dojo export scorm`
 * makes, built in the browser. The game's own files are fetched from where the game is served
 * (the Dojo server or any static host), by the list the build wrote (scorm-files.json:
 * fileList.ts, vitePlugin.ts); the scenario is the file the trainer imported; the checks,
 * the manifest and the zip are the CLI's own (check.ts, package.ts). Loaded only on demand.
 */
import { strToU8 } from 'fflate';
import type { Catalog } from '../engine/catalog/catalog.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { scormProblems } from './check.js';
import type { CourseLocale } from './course.js';
import { FILE_LIST, parseFileList } from './fileList.js';
import { SCHEMA_FILES } from './manifest.js';
import { buildPackage, type BuiltPackage } from './package.js';
import adlcp from './xsd/adlcp_rootv1p2.xsd?raw';
import imsXml from './xsd/ims_xml.xsd?raw';
import imscp from './xsd/imscp_rootv1p1p2.xsd?raw';
import imsmd from './xsd/imsmd_rootv1p2p1.xsd?raw';

const XSD: Record<(typeof SCHEMA_FILES)[number], string> = { 'imscp_rootv1p1p2.xsd': imscp, 'adlcp_rootv1p2.xsd': adlcp, 'imsmd_rootv1p2p1.xsd': imsmd, 'ims_xml.xsd': imsXml };

/** The four XSDs the manifest names, as the CLI reads them from src/scorm/xsd. */
export function bundledSchemas(): Map<string, Uint8Array> {
  return new Map(SCHEMA_FILES.map((f) => [f, strToU8(XSD[f])]));
}

/** What stops a scenario from being packaged: the SCORM 1.2 id rules, located in its file. */
export function exportProblems(scenario: Scenario, catalog: Catalog): Problem[] {
  return scormProblems(scenario, catalog);
}

export interface ExportRequest {
  scenario: Scenario;
  /** The scenario file's text, as the trainer imported it. */
  text: string;
  catalog: Catalog;
  pass: number;
  locale: CourseLocale;
  title?: string;
  /** The folder the game is served from (ends in "/"). */
  base: string;
  fetch?: typeof fetch;
  /** Files fetched so far, of how many. */
  onProgress?: (done: number, total: number) => void;
  date?: Date;
}

export type ExportOutcome = { ok: true; pkg: BuiltPackage; fileName: string } | { ok: false; problems: Problem[] } | { ok: false; error: ExportError };

/** Why the game's files could not be gathered (shown in the trainer's language by the scene). */
export type ExportError = { kind: 'no-list' } | { kind: 'unreachable'; file: string; status?: number } | { kind: 'changed'; file: string } | { kind: 'bad-list'; message: string };

/** Fetch at most this many files at once. */
const PARALLEL = 6;

export async function exportCourse(r: ExportRequest): Promise<ExportOutcome> {
  if (!Number.isInteger(r.pass) || r.pass < 0 || r.pass > 100) throw new RangeError(`the pass mark must be a whole number from 0 to 100, not ${r.pass}`);
  const problems = exportProblems(r.scenario, r.catalog);
  if (problems.length) return { ok: false, problems };
  const get = r.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  let listed;
  try {
    const res = await get(new URL(FILE_LIST, r.base).href, { cache: 'no-cache' });
    if (res.status === 404) return { ok: false, error: { kind: 'no-list' } };
    if (!res.ok) return { ok: false, error: { kind: 'unreachable', file: FILE_LIST, status: res.status } };
    listed = parseFileList(await res.text()).files;
  } catch (e) {
    return { ok: false, error: e instanceof TypeError ? { kind: 'unreachable', file: FILE_LIST } : { kind: 'bad-list', message: (e as Error).message } };
  }
  const game = new Map<string, Uint8Array>();
  let done = 0;
  let failed: ExportError | null = null;
  const queue = [...listed];
  r.onProgress?.(0, listed.length);
  const worker = async () => {
    for (let f = queue.shift(); f && !failed; f = queue.shift()) {
      const url = new URL(f.path.split('/').map(encodeURIComponent).join('/'), r.base).href;
      const res = await get(url, { cache: 'no-cache' }).catch(() => null);
      if (!res?.ok) {
        failed ??= { kind: 'unreachable', file: f.path, ...(res ? { status: res.status } : {}) };
        return;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      // Another build was put in place meanwhile, or a server answered with some other page.
      if (bytes.length !== f.size) {
        failed ??= { kind: 'changed', file: f.path };
        return;
      }
      game.set(f.path, bytes);
      r.onProgress?.(++done, listed.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failed) return { ok: false, error: failed };
  const pkg = buildPackage({
    game,
    scenarios: [{ scenario: r.scenario, text: r.text }],
    schemas: bundledSchemas(),
    pass: r.pass,
    locale: r.locale,
    ...(r.title?.trim() ? { title: r.title } : {}),
    ...(r.date ? { date: r.date } : {}),
  });
  return { ok: true, pkg, fileName: `${r.scenario.id}-scorm12.zip` };
}
