import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { classroomStrings } from './src/classroom/stringsPlugin.js';
import { judgeSignals } from './src/platform/judgeSignalsPlugin.js';
import { bundledLibrary } from './src/platform/libraryPlugin.js';
import { scormFileList } from './src/scorm/vitePlugin.js';

/**
 * In development, saving a scenario file sends its new text to the running game, which
 * validates it and plays the new version at once (or shows the file's problems), instead of
 * reloading the page. The principle catalog still reloads the page: everything depends on it.
 */
function scenarioHotReload(): Plugin {
  return {
    name: 'dojo-scenario-hot-reload',
    apply: 'serve',
    async hotUpdate({ file, read }) {
      const rel = relative(process.cwd(), file).split('\\').join('/');
      if (!/^scenarios\/library\/[^/]+\.ya?ml$/.test(rel)) return;
      // An editor may still be writing: read until two reads a moment apart agree.
      let text = await read();
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 40));
        const again = await readFile(file, 'utf8');
        if (again === text) break;
        text = again;
      }
      this.environment.hot.send({ type: 'custom', event: 'dojo:scenario', data: { file: rel, text } });
      return [];
    },
  };
}

/** `npm run dev` serves the studio at /studio, as `npm start` does (Vite alone knows only /studio.html). */
function studioPath(): Plugin {
  return {
    name: 'dojo-studio-path',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/studio\/?(\?|$)/.test(req.url)) req.url = req.url.replace(/^\/studio\/?/, '/studio.html');
        next();
      });
    },
  };
}

// Relative base: the built game works from any static host and from a sub-folder.
export default defineConfig({
  base: './',
  // No SPA fallback: a missing asset is a 404, not index.html parsed as an image.
  appType: 'mpa',
  publicDir: 'assets',
  plugins: [bundledLibrary(), judgeSignals(), scenarioHotReload(), studioPath(), scormFileList(), classroomStrings()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Phaser alone is > 1 MB raw.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
    // Five pages: the game, the classroom's host (projector) and join (phone) pages, and the
    // game's launch page inside a learning platform (SCORM packages: src/scorm/), and the scenario studio.
    // (Vite 8 names this rolldownOptions; rollupOptions is its deprecated alias.)
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        host: resolve(import.meta.dirname, 'host.html'),
        join: resolve(import.meta.dirname, 'join.html'),
        scorm: resolve(import.meta.dirname, 'scorm.html'),
        // The scenario studio (/studio): its own bundle, CodeMirror included; the game's chunks stay as they are.
        studio: resolve(import.meta.dirname, 'studio.html'),
      },
    },
  },
  server: { host: true, port: 8080 },
  preview: { host: true, port: 4173 },
});
