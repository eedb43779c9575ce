/**
 * xAPI from solo play in the browser, end to end: the game served by a Dojo server whose LRS
 * (a fake one on 127.0.0.1) is down. The learner plays on with no error anywhere; the
 * statements wait in the server's outbox and reach the LRS once, when it is back. It serves
 * the dist/ the e2e web server builds (E2E_DIST=DIR for another build).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from '../../src/server/main.js';
import type { Statement } from '../../src/server/xapiStatements.js';
import { cliPaths, open, ROOT, SHOTS, startScenario, until, watchErrors } from './helpers.js';

test('solo play with the LRS down: no error for the learner, statements queued and delivered once it is up', async ({ page }) => {
  const got: Statement[] = [];
  let auth = '';
  const lrs: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      auth = String(req.headers.authorization ?? '');
      got.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Statement[]));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
    });
  });
  // A port for the LRS, left closed for now: the LRS is down.
  await new Promise<void>((r) => lrs.listen(0, '127.0.0.1', () => r()));
  const port = (lrs.address() as { port: number }).port;
  await new Promise<void>((r) => lrs.close(() => r()));

  const dir = mkdtempSync(join(tmpdir(), 'dojo-xapi-e2e-'));
  const server = await serve({ port: 0, host: '127.0.0.1', db: join(dir, 'dojo.db'), dist: process.env.E2E_DIST ?? join(ROOT, 'dist'), quiet: true, xapi: { endpoint: `http://127.0.0.1:${port}/xapi/`, auth: 'dojo:secret', pass: 65 } });
  try {
    const check = watchErrors(page);
    await open(page, { locale: 'en', url: `http://127.0.0.1:${server.port}/` });
    await startScenario(page, 'broadband-outage');
    const best = cliPaths('scenarios/library/broadband-outage.yaml').best.picks;
    for (let turn = 0; turn < 2; turn++) {
      await until(page, (d) => d.phase === 'choosing', `choices at turn ${turn + 1}`);
      await page.keyboard.press(String(best[turn]));
      await until(page, (d) => d.phase === 'coaching', `coaching after turn ${turn + 1}`);
      if (turn === 0) await page.keyboard.press('Enter');
    }
    // The game has reported both answers; the server holds them for the LRS that is down.
    await expect.poll(() => server.xapi.status()?.pending ?? 0, { timeout: 15_000 }).toBe(3);
    expect(server.xapi.status()?.failing).toMatch(/cannot reach/);
    await page.screenshot({ path: join(SHOTS, 'xapi-lrs-down-coaching.png') });
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('complaint-dojo-xapi') ?? '{}').outbox)).toEqual({});
    check();

    // The LRS is back.
    await new Promise<void>((r) => lrs.listen(port, '127.0.0.1', () => r()));
    await server.xapi.outbox!.flush();
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(3);
    expect(got.map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'answered', 'answered']);
    expect(new Set(got.map((s) => s.id)).size).toBe(3);
    expect(got[1]!.result).toMatchObject({ score: { raw: 100 }, success: true });
    expect(auth).toBe(`Basic ${Buffer.from('dojo:secret').toString('base64')}`);
    expect(server.xapi.status()).toMatchObject({ pending: 0, failing: null });
  } finally {
    // The page's open event stream would keep the server from closing.
    await page.goto('about:blank');
    server.http.closeAllConnections();
    await server.close();
    lrs.close();
  }
});
