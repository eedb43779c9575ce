/**
 * Which files of a built game go into a SCORM package: the launch page, every chunk, style and
 * asset it can reach (its imports and lazy imports, followed through Vite's build manifest),
 * and the public files (pictures, sounds, credits); not the other pages (the game's index, the
 * classroom's) nor what only they use. Pure, so that `dojo export` (Node: gameFiles.ts) and the
 * list the build writes for the game's own export (vite.config.ts, scorm-files.json) agree.
 */
import { LAUNCH_PAGE } from './course.js';

export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
  isEntry?: boolean;
}

/** Vite's build manifest, relative to the build folder. */
export const BUILD_MANIFEST = '.vite/manifest.json';
/** The list the build writes for the game's own export (never itself packaged). */
export const FILE_LIST = 'scorm-files.json';

export interface FileList {
  version: 1;
  files: { path: string; size: number }[];
}

/** Of a build's files (relative, "/"-separated), those a package carries, sorted. */
export function packageFiles(paths: readonly string[], chunks: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(chunks).find((k) => k === LAUNCH_PAGE || k.endsWith(`/${LAUNCH_PAGE}`));
  if (!entry) throw new Error(`the build manifest has no entry for ${LAUNCH_PAGE}`);
  const bundled = new Set<string>();
  for (const c of Object.values(chunks)) for (const f of [c.file, ...(c.css ?? []), ...(c.assets ?? [])]) bundled.add(f);
  const reachable = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = chunks[key];
    if (!c) return;
    for (const f of [c.file, ...(c.css ?? []), ...(c.assets ?? [])]) reachable.add(f);
    for (const k of [...(c.imports ?? []), ...(c.dynamicImports ?? [])]) visit(k);
  };
  visit(entry);
  return paths
    .filter((rel) => {
      if (rel.startsWith('.vite/') || rel === FILE_LIST) return false;
      return bundled.has(rel) ? reachable.has(rel) : rel === LAUNCH_PAGE || !rel.endsWith('.html');
    })
    .sort();
}

/** A file list as the build wrote it; a damaged one is a clear error. */
export function parseFileList(text: string): FileList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${FILE_LIST} is not JSON`);
  }
  const l = data as Partial<FileList> | null;
  if (!l || l.version !== 1 || !Array.isArray(l.files)) throw new Error(`${FILE_LIST}: unknown version`);
  for (const f of l.files) {
    if (typeof f?.path !== 'string' || typeof f.size !== 'number' || f.path.startsWith('/') || f.path.split('/').includes('..') || /^[a-z]+:/i.test(f.path)) throw new Error(`${FILE_LIST}: an entry is malformed`);
  }
  if (!l.files.some((f) => f.path === LAUNCH_PAGE)) throw new Error(`${FILE_LIST} does not list ${LAUNCH_PAGE}`);
  return { version: 1, files: l.files };
}
