/** The built game is plain static files: it runs from any host and from a sub-folder. */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from '../../bench/serve.js';
import { open, ROOT, startScenario, until, watchErrors } from './helpers.js';

test('dist/ plays from a sub-folder of a plain static server', async ({ page }) => {
  const server = await serve(join(ROOT, 'dist'), '/training/complaint-dojo/');
  try {
    const check = watchErrors(page);
    await open(page, { locale: 'zh-CN', url: server.url });
    expect(page.url()).toContain('/training/complaint-dojo/');
    await startScenario(page, 'five-to-closing');
    await page.keyboard.press('1');
    await until(page, (d) => d.phase === 'coaching', 'coaching');
    check();
  } finally {
    await server.close();
  }
});
