/**
 * The build's list of what a SCORM package carries (scorm-files.json beside the game): the
 * game's own "Export for LMS" (exportCourse.ts) fetches these files from wherever the game is
 * served (the Dojo server, or any static host) and zips the same package `dojo export` makes.
 * Node only: used by vite.config.ts, after the build is written (public files included).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { BUILD_MANIFEST, FILE_LIST, packageFiles, type FileList, type ManifestChunk } from './fileList.js';
import { walk } from './gameFiles.js';

export function scormFileList(): Plugin {
  let outDir = '';
  return {
    name: 'dojo-scorm-file-list',
    apply: 'build',
    // The list follows the build manifest's chunk graph.
    config: () => ({ build: { manifest: true } }),
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const chunks = JSON.parse(readFileSync(join(outDir, BUILD_MANIFEST), 'utf8')) as Record<string, ManifestChunk>;
      const list: FileList = { version: 1, files: packageFiles(walk(outDir), chunks).map((path) => ({ path, size: statSync(join(outDir, path)).size })) };
      writeFileSync(join(outDir, FILE_LIST), JSON.stringify(list) + '\n');
    },
  };
}
