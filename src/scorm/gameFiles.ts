/**
 * The built game a package carries (Node only): Vite builds the project into a folder with a
 * build manifest, and the package takes the launch page, every chunk, style and asset it can
 * reach (its imports and lazy imports, followed through .vite/manifest.json), and the public
 * files (pictures, sounds, credits); not the other pages (the game's index, the classroom's).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LAUNCH_PAGE } from './course.js';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
  isEntry?: boolean;
}

const MANIFEST = join('.vite', 'manifest.json');

/** Build the game into `outDir` with a build manifest (about 15 s here). */
export async function buildGame(root: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** The files of a built game (from buildGame) that the launch page needs, relative path → bytes. */
export function gameFiles(dir: string): Map<string, Uint8Array> {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(join(dir, LAUNCH_PAGE))) throw new Error(`${dir} has no ${LAUNCH_PAGE}: not a build of this version of the game`);
  if (!existsSync(manifestPath)) throw new Error(`${dir} has no ${MANIFEST}: build it with a build manifest (dojo export builds one itself when --game is not given)`);
  const chunks = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
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
  const files = new Map<string, Uint8Array>();
  for (const full of walk(dir)) {
    const rel = relative(dir, full).split(sep).join('/');
    if (rel.startsWith('.vite/')) continue;
    const keep = bundled.has(rel) ? reachable.has(rel) : rel === LAUNCH_PAGE || !rel.endsWith('.html');
    if (keep) files.set(rel, new Uint8Array(readFileSync(full)));
  }
  return files;
}
