import { defineConfig } from 'vite';

// Relative base: the built game works from any static host and from a sub-folder.
export default defineConfig({
  base: './',
  // No SPA fallback: a missing asset is a 404, not index.html parsed as an image.
  appType: 'mpa',
  publicDir: 'assets',
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Phaser alone is > 1 MB raw.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { host: true, port: 8080 },
  preview: { host: true, port: 4173 },
});
