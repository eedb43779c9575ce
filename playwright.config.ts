import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4317);

// Debian's Chromium, never a downloaded browser. Flags: see shared notes (no network here).
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: CHROMIUM,
    viewport: { width: 1280, height: 720 },
    trace: 'off',
  },
  // What `npm start` runs: the built game and the classroom, served by the Dojo server (fresh database each run).
  webServer: {
    command: `rm -f test-results/e2e.db* && npx vite build --logLevel warn && node bin/serve.mjs --port ${PORT} --host 127.0.0.1 --db test-results/e2e.db`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
