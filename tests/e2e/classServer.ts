/**
 * A classroom server of a spec's own (its port from an environment variable, so several people
 * can run the specs at once on one machine; the built pages from E2E_DIST or dist/), started
 * before the spec's tests and closed after them, and browser contexts opened on it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { serve, type Running } from '../../src/server/main.js';
import { ROOT, watchErrors } from './helpers.js';

export interface Opened {
  page: Page;
  check: () => void;
  close: () => Promise<void>;
}

export interface ClassServer {
  base: string;
  /** The running server (after beforeAll). */
  running(): Running;
  /** A page in a context of its own (reduced motion), at `path` on this server, its errors watched. */
  open(browser: Browser, path: string, o?: BrowserContextOptions): Promise<Opened>;
}

export function classServer(port: number, needs = 'host.html'): ClassServer {
  const base = `http://127.0.0.1:${port}`;
  let server: Running | undefined;
  test.beforeAll(async () => {
    const dist = process.env.E2E_DIST ?? join(ROOT, 'dist');
    if (!existsSync(join(dist, needs))) throw new Error(`dist/${needs} is missing: run \`npx vite build\` first`);
    server = await serve({ port, host: '127.0.0.1', db: join(mkdtempSync(join(tmpdir(), 'dojo-e2e-')), 'dojo.db'), dist, quiet: true });
  });
  test.afterAll(async () => {
    await server?.close();
  });
  return {
    base,
    running: () => server!,
    async open(browser, path, o = {}) {
      const context = await browser.newContext({ baseURL: base, reducedMotion: 'reduce', ...o });
      const page = await context.newPage();
      const check = watchErrors(page);
      await page.goto(path);
      return { page, check, close: () => context.close() };
    },
  };
}
