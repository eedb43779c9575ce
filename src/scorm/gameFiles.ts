/**
 * The built game a package carries (Node only): Vite builds the project into a folder with a
 * build manifest, and the package takes the files fileList.ts picks from it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LAUNCH_PAGE } from './course.js';
import { BUILD_MANIFEST, packageFiles, type ManifestChunk } from './fileList.js';

/** Build the game into `outDir` (with a build manifest: vite.config.ts asks for one; about 15 s here). */
export async function buildGame(root: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
}

/** Every file under `dir`, relative and "/"-separated. */
export function walk(dir: string, under = dir, out: string[] = []): string[] {
  for (const name of readdirSync(under)) {
    const full = join(under, name);
    if (statSync(full).isDirectory()) walk(dir, full, out);
    else out.push(relative(dir, full).split(sep).join('/'));
  }
  return out;
}

/** The names of a built game's files that a package carries (the build manifest read from `dir`). */
export function gameFileNames(dir: string): string[] {
  const manifestPath = join(dir, BUILD_MANIFEST);
  if (!existsSync(join(dir, LAUNCH_PAGE))) throw new Error(`${dir} has no ${LAUNCH_PAGE}: not a build of this version of the game`);
  if (!existsSync(manifestPath)) throw new Error(`${dir} has no ${BUILD_MANIFEST}: build it with a build manifest (dojo export builds one itself when --game is not given)`);
  return packageFiles(walk(dir), JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>);
}

/** The files of a built game (from buildGame) that the launch page needs, relative path → bytes. */
export function gameFiles(dir: string): Map<string, Uint8Array> {
  return new Map(gameFileNames(dir).map((rel) => [rel, new Uint8Array(readFileSync(join(dir, rel)))]));
}
